import { beforeEach, describe, expect, it } from 'vitest';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import {
  addSystem,
  addSystemTable,
  addTopic,
  changeSystemDatabase,
  moveTopic,
  removeSystemTable,
  removeTopic,
  renameSystem,
  renameSystemTable,
  setTableCdc,
  updateSystem,
  updateTopic,
} from '../../../renderer/store/system-actions';
import { checkIntegrity } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { aScenarioAbout, documentNow, expectOneUndoableStep, openDocument, selectedNodeIds } from './store-fixture';

const shop = () => documentNow().systems.find((system) => system.id === 'shop');

function meshWithScenario() {
  const mesh = aMesh()
    .withDomain('sales')
    .withSystem('shop', 'sales', {
      publishes: [{ name: 'ItemAdded', table: 'items', on: ['insert'] }],
    })
    .withProduct('orders', 'sales', { inputPorts: [aPort('in', 'input')] })
    .withLink('shop-to-orders', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'orders', portId: 'in' })
    .build();
  mesh.scenarios.push(aScenarioAbout('shop'));
  return mesh;
}

describe('system actions', () => {
  beforeEach(() => openDocument(meshWithScenario()));

  it('adds a system with a service, a CDC-captured table and its change stream, and selects it', () => {
    let id: string | undefined;
    expectOneUndoableStep(() => {
      id = addSystem({ domainId: 'sales' });
    });
    const system = documentNow().systems.find((candidate) => candidate.id === id);
    expect(system).toMatchObject({ name: 'service', service: { name: 'service' }, database: { name: 'service' } });
    expect(system?.database.tables).toEqual([
      { name: 'items', cdc: true, columns: [{ name: 'id', type: 'integer', nullable: false }], primaryKey: ['id'] },
    ]);
    expect(system?.messaging.topics).toEqual([
      {
        id: 'items-cdc',
        name: 'service.public.items',
        partitions: 1,
        tombstones: true,
        source: { kind: 'cdc', table: 'items' },
      },
    ]);
    expect(selectedNodeIds()).toEqual([id]);
  });

  it('updates the service, database and messaging fields', () => {
    expectOneUndoableStep(() =>
      updateSystem('shop', (system) => ({ ...system, service: { name: 'shop-service', language: 'kotlin' } })),
    );
    expect(shop()?.service).toEqual({ name: 'shop-service', language: 'kotlin' });
  });

  it('adds a CDC-captured table with a key column', () => {
    expectOneUndoableStep(() => addSystemTable('shop'));
    expect(shop()?.database.tables.at(-1)).toMatchObject({ name: 'table', cdc: true, primaryKey: ['id'] });
    expect(shop()?.messaging.topics.at(-1)?.source).toEqual({ kind: 'cdc', table: 'table' });
  });

  it('renames a table everywhere it is referred to', () => {
    const { after } = expectOneUndoableStep(() => renameSystemTable('shop', 'items', 'articles'));
    const system = after.systems[0];
    expect(system?.database.tables[0]?.name).toBe('articles');
    expect(system?.messaging.topics[0]?.source).toEqual({ kind: 'cdc', table: 'articles' });
    expect(system?.publishes[0]?.table).toBe('articles');
    expect(after.scenarios[0]?.data[0]?.table).toBe('articles');
    expect(after.scenarios[0]?.steps[0]?.table).toBe('articles');
  });

  it('removes a table with its CDC topic, the links reading it, its events and its scenario data', () => {
    const { after } = expectOneUndoableStep(() => removeSystemTable('shop', 'items'));
    const system = after.systems[0];
    expect(system?.database.tables).toEqual([]);
    expect(system?.messaging.topics).toEqual([]);
    expect(system?.publishes).toEqual([]);
    expect(after.links).toEqual([]);
    expect(after.scenarios[0]).toMatchObject({ data: [], steps: [], faults: [] });
    expect(checkIntegrity(after)).toEqual([]);
  });

  it('adds topics for published events; a table’s stream comes with its CDC flag instead', () => {
    addTopic('shop');
    addTopic('shop');
    expect(shop()?.messaging.topics.map((topic) => [topic.id, topic.name, topic.source])).toEqual([
      ['items-cdc', 'shop.items', { kind: 'cdc', table: 'items' }],
      ['event', 'shop.events.Event', { kind: 'outbox', event: 'Event' }],
      ['event2', 'shop.events.Event2', { kind: 'outbox', event: 'Event2' }],
    ]);
  });

  it('turns CDC off with the stream and its links as one step, and announces it with Undo', () => {
    const { after } = expectOneUndoableStep(() => setTableCdc('shop', 'items', false));
    expect(after.links).toEqual([]);
    const notice = useNoticeStore.getState().notice;
    // The step was undone and redone: the redo tells of it again.
    expect(notice?.text).toBe('Redone: CDC is off for items: removed its change stream shop.items and 1 link.');
    notice?.actions?.find((action) => action.label === 'Undo')?.run();
    expect(documentNow().links).toHaveLength(1);
  });

  it('announces what removing a table took with it', () => {
    removeSystemTable('shop', 'items');
    expect(useNoticeStore.getState().notice?.text).toBe(
      'Removed table items with its change stream shop.items and 1 link.',
    );
  });

  it('renames a new system’s service and database with it', () => {
    const id = addSystem({ domainId: 'sales' }) as string;
    renameSystem(id, 'Payments');
    expect(documentNow().systems.find((system) => system.id === id)).toMatchObject({
      service: { name: 'Payments' },
      database: { name: 'payments' },
    });
  });

  it('changes the database engine as one step, its default-named stream following', () => {
    const id = addSystem({ domainId: 'sales' }) as string;
    const stream = () => documentNow().systems.find((system) => system.id === id)?.messaging.topics[0]?.name;
    expectOneUndoableStep(() => changeSystemDatabase(id, { engine: 'mysql' }));
    expect(stream()).toBe('service.service.items');
  });

  it('typing an engine name is one undo step that gives the stream back its name', () => {
    const id = addSystem({ domainId: 'sales' }) as string;
    const stream = () => documentNow().systems.find((system) => system.id === id)?.messaging.topics[0]?.name;
    const { before } = expectOneUndoableStep(() => {
      for (const engine of ['', 'o', 'or', 'orac', 'oracle']) {
        changeSystemDatabase(id, { engine }, { coalesceKey: `${id}.database.engine` });
      }
    });
    expect(stream()).toBe('service.SERVICE.ITEMS');
    expect(before.systems.find((system) => system.id === id)?.messaging.topics[0]?.name).toBe('service.public.items');
  });

  it('updates a topic, keeping its id for the links that read it', () => {
    expectOneUndoableStep(() => updateTopic('shop', 'items-cdc', { name: 'shop.items.v2', partitions: 6 }));
    expect(shop()?.messaging.topics[0]).toMatchObject({ id: 'items-cdc', name: 'shop.items.v2', partitions: 6 });
  });

  it('removes a topic with the links that read from it and the faults injected into it', () => {
    const { after } = expectOneUndoableStep(() => removeTopic('shop', 'items-cdc'));
    expect(after.links).toEqual([]);
    expect(after.scenarios[0]?.faults).toEqual([]);
    expect(checkIntegrity(after)).toEqual([]);
  });

  it('reorders topics', () => {
    addTopic('shop');
    expectOneUndoableStep(() => moveTopic('shop', 'event', -1));
    expect(shop()?.messaging.topics.map((topic) => topic.id)).toEqual(['event', 'items-cdc']);
  });
});
