import { describe, expect, it } from 'vitest';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { rowsPerZone, runCatalog } from '../../../shared/simulation/run-catalog';
import { ecommerceSample } from './builders';

describe('the catalog of a run', () => {
  const catalog = runCatalog(ecommerceSample());

  it('groups each product’s tables by zone', () => {
    expect(catalog.products.orders?.tables).toEqual([
      { name: 'raw_orders_cdc_in', zone: 'raw' },
      { name: 'raw_order_placed_in', zone: 'raw' },
      { name: 'orders', zone: 'entities' },
      { name: 'order_placed', zone: 'events' },
      { name: 'orders_history', zone: 'history' },
      { name: 'quarantine', zone: 'quarantine' },
    ]);
    expect(catalog.products['customer-360']?.tables.map((table) => table.zone)).toContain('transformations');
  });

  it('knows which log each link carries and each output port writes', () => {
    expect(catalog.logOfLink['l-orders-cdc']).toBe('orders-service/orders-cdc');
    expect(catalog.logs['orders/orders-out']).toEqual({
      log: 'orders/orders-out',
      name: 'orders/orders-out',
      linkIds: ['l-orders-360'],
      isTraceable: true,
      // A table port, not a topic the export writes: it keeps the delete policy. The CDC topic is compacted.
      isCompacted: false,
      // A port's records hold dates and timestamps as the ISO text its contract's values are.
      temporalColumns: [],
    });
    expect(catalog.logs['orders-service/orders-cdc']?.isCompacted).toBe(true);
    expect(catalog.products.orders?.ports.map((port) => port.log)).toEqual([
      'orders/order-placed-out',
      'orders/orders-out',
    ]);
  });

  it('lists each connector’s transaction topic when transaction metadata is on, where no trace starts', () => {
    const mesh = ecommerceSample();
    expect(catalog.logs['orders-service/orders.transaction']).toBeUndefined();
    expect(runCatalog(mesh, planPipeline(mesh, { transactionMetadata: true })).logs).toMatchObject({
      'orders-service/orders.transaction': { name: 'orders.transaction', linkIds: [], isTraceable: false },
      'customers-service/customers.transaction': { name: 'customers.transaction', isTraceable: false },
      'orders-service/orders-cdc': { isTraceable: true },
    });
  });

  it('lists each node’s tables for the SQL console with their zone and the rule behind their name', () => {
    expect(
      catalog.guides['customer-360']?.map(({ table, zone, namedAfter }) => `${table} (${zone}): ${namedAfter}`),
    ).toEqual([
      "raw_customers_in (raw): 'raw_' and the input port's id in snake_case",
      "customers (entities): the schema object 'customers' of the producer's contract 'customer' (port 'customers · Customers')",
      "raw_orders_in (raw): 'raw_' and the input port's id in snake_case",
      "orders (entities): the schema object 'orders' of the producer's contract 'order' (port 'orders · Orders')",
      "customer_profile (transformations): the schema object of contract 'customer-profile', which output port 'Customer profiles' publishes",
      'quarantine (quarantine): the engine',
    ]);
    expect(catalog.guides['customers-service']).toEqual([
      {
        table: 'customers',
        zone: 'service',
        holds: "the service's rows, captured by CDC",
        namedAfter: "table 'customers' of the system's database",
      },
    ]);
  });

  it('adds rows up per zone', () => {
    const orders = catalog.products.orders;
    if (!orders) throw new Error('no orders product');
    expect(rowsPerZone(orders, { raw_orders_cdc_in: 5, raw_order_placed_in: 2, orders: 4, quarantine: 1 })).toEqual({
      raw: 7,
      entities: 4,
      events: 0,
      history: 0,
      quarantine: 1,
    });
  });
});
