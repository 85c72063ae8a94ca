import { describe, expect, it } from 'vitest';
import { withTableCdc } from '../../../shared/editing/cdc-streams';
import { withSystemTableRenamed } from '../../../shared/editing/system-tables';
import { withSystemDatabaseChanged, withSystemRenamed } from '../../../shared/editing/systems';
import { withTopicAdded, withTopicUpdated } from '../../../shared/editing/topics';
import type { Mesh } from '../../../shared/model';
import { aMesh, aTruncatingScenario } from '../../builders/mesh-builder';

/**
 * A `shop` system on an engine whose `items` and `orders` tables had their streams made by the
 * designer, `orders`' renamed by the user, and one topic for published events.
 */
function shopOn(engine: string): Mesh {
  const mesh = aMesh().withDomain('sales').withSystem('shop', 'sales').build();
  const system = mesh.systems[0]!;
  system.database.engine = engine;
  system.database.tables = [
    { name: 'items', cdc: false, primaryKey: [], columns: [] },
    { name: 'orders', cdc: false, primaryKey: [], columns: [] },
  ];
  system.messaging.topics = [];
  const streams = withTableCdc(withTableCdc(mesh, 'shop', 'items', true), 'shop', 'orders', true);
  const renamed = withTopicUpdated(streams, 'shop', 'orders-cdc', { name: 'sales.orders.v1' });
  return withTopicAdded(renamed, 'shop');
}

const topicNames = (mesh: Mesh) => mesh.systems[0]!.messaging.topics.map((topic) => topic.name);

describe('a table’s stream named by default follows the table’s rename', () => {
  it.each([
    ['postgres', 'shop.public.articles'],
    ['mysql', 'shop.shop.articles'],
    ['sqlserver', 'shop.shop.dbo.articles'],
    ['oracle', 'shop.SHOP.ARTICLES'],
  ])('on %s, to %s', (engine, topic) => {
    const renamed = withSystemTableRenamed(shopOn(engine), 'shop', 'items', 'articles');
    expect(topicNames(renamed)[0]).toBe(topic);
  });

  it('while a stream the user named keeps its name', () => {
    const renamed = withSystemTableRenamed(shopOn('mysql'), 'shop', 'orders', 'purchases');
    expect(topicNames(renamed)[1]).toBe('sales.orders.v1');
  });
});

describe('changing a system’s database', () => {
  it('renames the streams still named by default for the old engine after the new one', () => {
    const onMysql = withSystemDatabaseChanged(shopOn('postgres'), 'shop', { engine: 'mysql' });
    expect(topicNames(onMysql)).toEqual(['shop.shop.items', 'sales.orders.v1', 'shop.events.Event']);
    const onOracle = withSystemDatabaseChanged(onMysql, 'shop', { engine: 'oracle' });
    expect(topicNames(onOracle)).toEqual(['shop.SHOP.ITEMS', 'sales.orders.v1', 'shop.events.Event']);
    expect(onOracle.systems[0]?.database.engine).toBe('oracle');
  });

  it('renames the topics still named after the old database name, streams and events alike', () => {
    const renamed = withSystemDatabaseChanged(shopOn('sqlserver'), 'shop', { name: 'store' });
    expect(topicNames(renamed)).toEqual(['store.store.dbo.items', 'sales.orders.v1', 'store.events.Event']);
    expect(renamed.systems[0]?.database).toMatchObject({ engine: 'sqlserver', name: 'store' });
  });

  it('keeps a stream the user renamed even when it looks like another engine’s default', () => {
    const mesh = withTopicUpdated(shopOn('postgres'), 'shop', 'items-cdc', { name: 'shop.shop.items' });
    const onOracle = withSystemDatabaseChanged(mesh, 'shop', { engine: 'oracle' });
    expect(topicNames(onOracle)[0]).toBe('shop.shop.items');
  });

  it('through renaming the system, keeps default streams named as its engine names them', () => {
    const renamed = withSystemRenamed(shopOn('sqlserver'), 'shop', 'Payments');
    expect(topicNames(renamed)).toEqual(['payments.payments.dbo.items', 'sales.orders.v1', 'payments.events.Event']);
  });
});

describe('a table’s stream whose id is still the one its table’s first name gave it', () => {
  /** shopOn('postgres') with `items-cdc` feeding a product and named by a scenario's fault. */
  function linkedShop(): Mesh {
    const mesh = shopOn('postgres');
    mesh.links.push({
      id: 'items-to-stock',
      from: { nodeId: 'shop', portId: 'items-cdc' },
      to: { nodeId: 'stock', portId: 'in' },
    });
    mesh.scenarios.push({
      ...aTruncatingScenario('shop'),
      faults: [{ kind: 'redeliver', tick: 2, systemId: 'shop', topicId: 'items-cdc', records: 3 }],
    });
    return mesh;
  }
  const topicIds = (mesh: Mesh) => mesh.systems[0]!.messaging.topics.map((topic) => topic.id);

  it('takes its id from the table’s new name, and the links and faults naming it follow', () => {
    const renamed = withSystemTableRenamed(linkedShop(), 'shop', 'items', 'animals');
    expect(topicIds(renamed)[0]).toBe('animals-cdc');
    expect(renamed.links[0]!.from).toEqual({ nodeId: 'shop', portId: 'animals-cdc' });
    expect(renamed.scenarios[0]!.faults![0]).toMatchObject({ systemId: 'shop', topicId: 'animals-cdc' });
  });

  it('keeps an id the user named the stream under, and one whose stream the user renamed', () => {
    const mesh = linkedShop();
    mesh.systems[0]!.messaging.topics[0]!.id = 'inventory';
    expect(topicIds(withSystemTableRenamed(mesh, 'shop', 'items', 'animals'))[0]).toBe('inventory');
    expect(topicIds(withSystemTableRenamed(shopOn('postgres'), 'shop', 'orders', 'purchases'))[1]).toBe('orders-cdc');
  });
});
