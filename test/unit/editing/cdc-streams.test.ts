import { describe, expect, it } from 'vitest';
import { cdcMismatches, streamCascade, withTableCdc } from '../../../shared/editing/cdc-streams';
import { withoutSystemTable, withSystemTableAdded } from '../../../shared/editing/system-tables';
import { withoutTopic, withTopicAdded, withTopicUpdated } from '../../../shared/editing/topics';
import { checkIntegrity } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';

/** A shop whose `items` table streams into Orders. */
function shopFeedingOrders() {
  return aMesh()
    .withDomain('sales')
    .withSystem('shop', 'sales')
    .withProduct('orders', 'sales', { inputPorts: [aPort('in', 'input')] })
    .withLink('shop-to-orders', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'orders', portId: 'in' })
    .build();
}

const shop = (mesh: ReturnType<typeof shopFeedingOrders>) => mesh.systems[0]!;

describe('a table’s CDC stream exists exactly when CDC is on', () => {
  it('turning CDC off removes the stream and the links reading it, never leaving them flowing', () => {
    const mesh = withTableCdc(shopFeedingOrders(), 'shop', 'items', false);
    expect(shop(mesh).database.tables[0]?.cdc).toBe(false);
    expect(shop(mesh).messaging.topics).toEqual([]);
    expect(mesh.links).toEqual([]);
    expect(cdcMismatches(shop(mesh))).toEqual([]);
    expect(checkIntegrity(mesh)).toEqual([]);
  });

  it('tells what turning it off takes with it, so the app can ask first', () => {
    const cascade = streamCascade(shopFeedingOrders(), 'shop', 'items');
    expect(cascade.topics.map((topic) => topic.id)).toEqual(['items-cdc']);
    expect(cascade.links.map((link) => link.id)).toEqual(['shop-to-orders']);
  });

  it('turning CDC on creates the table’s stream, named as Debezium names it', () => {
    const off = withTableCdc(shopFeedingOrders(), 'shop', 'items', false);
    const on = withTableCdc(off, 'shop', 'items', true);
    expect(shop(on).messaging.topics).toEqual([
      {
        id: 'items-cdc',
        name: 'shop.public.items',
        partitions: 1,
        tombstones: true,
        source: { kind: 'cdc', table: 'items' },
      },
    ]);
    expect(cdcMismatches(shop(on))).toEqual([]);
  });

  it('a new table comes with its stream', () => {
    const mesh = withSystemTableAdded(shopFeedingOrders(), 'shop');
    expect(cdcMismatches(shop(mesh))).toEqual([]);
    expect(shop(mesh).messaging.topics.map((topic) => topic.source)).toContainEqual({ kind: 'cdc', table: 'table' });
  });

  it('removing a stream’s topic turns its table’s CDC off', () => {
    const mesh = withoutTopic(shopFeedingOrders(), 'shop', 'items-cdc');
    expect(shop(mesh).database.tables[0]?.cdc).toBe(false);
    expect(cdcMismatches(shop(mesh))).toEqual([]);
  });

  it('refuses a second stream for a table that has one', () => {
    const withEvents = withTopicAdded(shopFeedingOrders(), 'shop');
    const attempt = withTopicUpdated(withEvents, 'shop', 'event', { source: { kind: 'cdc', table: 'items' } });
    expect(attempt).toBe(withEvents);
  });

  it('removing a table takes its stream and links, leaving a consistent document', () => {
    const mesh = withoutSystemTable(shopFeedingOrders(), 'shop', 'items');
    expect(mesh.links).toEqual([]);
    expect(checkIntegrity(mesh)).toEqual([]);
  });
});

describe('adding a topic', () => {
  it('adds one for published events, numbered without repeating a stream’s name', () => {
    const once = withTopicAdded(shopFeedingOrders(), 'shop');
    const twice = withTopicAdded(once, 'shop');
    expect(shop(twice).messaging.topics.map((topic) => topic.name)).toEqual([
      'shop.items',
      'shop.events.Event',
      'shop.events.Event2',
    ]);
    expect(shop(twice).messaging.topics.some((topic) => / \d+$/.test(topic.name))).toBe(false);
  });
});
