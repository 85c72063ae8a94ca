import { describe, expect, it } from 'vitest';
import { withTableCdc } from '../../../shared/editing/cdc-streams';
import {
  capturedTableName,
  connectorTopicPrefixes,
  debeziumTopicName,
  defaultCdcTopicName,
} from '../../../shared/model/connector-topics';
import { aMesh } from '../../builders/mesh-builder';

/** Each engine's default stream for `order_lines` in database `shop`, and the table Debezium captures for it. */
const ENGINES = [
  ['postgres', 'shop.public.order_lines', { schema: 'public', table: 'order_lines' }],
  ['PostgreSQL', 'shop.public.order_lines', { schema: 'public', table: 'order_lines' }],
  ['mysql', 'shop.shop.order_lines', { table: 'order_lines' }],
  ['mariadb', 'shop.shop.order_lines', { table: 'order_lines' }],
  ['sqlserver', 'shop.shop.dbo.order_lines', { schema: 'dbo', table: 'order_lines' }],
  ['oracle', 'shop.SHOP.ORDER_LINES', { schema: 'SHOP', table: 'ORDER_LINES' }],
  ['db2', 'shop.DB2INST1.ORDER_LINES', { schema: 'DB2INST1', table: 'ORDER_LINES' }],
  ['mongodb', 'shop.shop.order_lines', { table: 'order_lines' }],
  // No Debezium connector: the simulator names tables by database, as MySQL does.
  ['cassandra', 'shop.shop.order_lines', { table: 'order_lines' }],
] as const;

/** A `shop` system on an engine, whose `order_lines` table had its stream made by the designer. */
function shopOn(engine: string, table = 'order_lines') {
  const mesh = aMesh().withDomain('sales').withSystem('shop', 'sales').build();
  const system = mesh.systems[0]!;
  system.database.tables.push({ name: table, cdc: false, primaryKey: [], columns: [] });
  system.database.engine = engine;
  system.messaging.topics = [];
  return withTableCdc(mesh, 'shop', table, true).systems[0]!;
}

describe('the default name of a table’s change stream', () => {
  it.each(ENGINES)('on %s is %s, as Debezium names it', (engine, topic) => {
    expect(defaultCdcTopicName({ engine, name: 'shop' }, 'order_lines')).toBe(topic);
  });

  it('keeps a quoted table’s case on engines that fold unquoted names to capitals', () => {
    expect(defaultCdcTopicName({ engine: 'oracle', name: 'shop' }, 'OrderLines')).toBe('shop.SHOP.ORDERLINES');
    expect(defaultCdcTopicName({ engine: 'oracle', name: 'shop' }, 'order-lines')).toBe('shop.SHOP.order-lines');
  });

  it('replaces what Kafka refuses in a topic name, as Debezium does', () => {
    expect(defaultCdcTopicName({ engine: 'postgres', name: 'shop' }, 'order lines')).toBe('shop.public.order_lines');
  });
});

describe('a new stream reads back to its table', () => {
  it.each(ENGINES)(
    'on %s, so the exported connector captures the table and writes %s unrenamed',
    (engine, topic, captured) => {
      const system = shopOn(engine);
      const prefix = connectorTopicPrefixes([system]).get('shop')!;
      expect(system.messaging.topics.map((candidate) => candidate.name)).toEqual([topic]);
      expect(capturedTableName(system, 'order_lines')).toEqual(captured);
      expect(debeziumTopicName(system, prefix, 'order_lines')).toBe(topic);
    },
  );

  it('for a table whose name Kafka refuses', () => {
    const system = shopOn('postgres', 'order lines');
    expect(capturedTableName(system, 'order lines')).toEqual({ schema: 'public', table: 'order lines' });
    expect(debeziumTopicName(system, 'shop', 'order lines')).toBe(system.messaging.topics[0]?.name);
  });
});
