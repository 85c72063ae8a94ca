import { beforeAll, describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import { traceChange } from '../../../shared/simulation/change-trace';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import type { Simulation } from '../../../shared/simulation/simulation';
import { aMesh, aProduct, aScenario, aSystem, loadSqlJs, simulate } from './builders';

// Loading sql.js's wasm is slow on a busy machine; it is not what these tests time.
beforeAll(() => loadSqlJs(), 60_000);

/** Each transformation stage of the trace of the record at `position` of `log`: its title, rows and note. */
function stepStages(mesh: Mesh, simulation: Simulation, log: string, position: number) {
  const traced = traceChange(planPipeline(mesh), simulation, { kind: 'record', log, position });
  if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
  return traced.value.stages
    .filter((stage) => stage.kind === 'transformation')
    .map((stage) => [stage.title, stage.records, stage.note]);
}

describe('tracing a change through steps that rename its columns', () => {
  // No step's result keeps `order_id` by name: only the lineage tells that `ref` holds it.
  const shop = aMesh()
    .with(
      aSystem('shop')
        .withTable('orders', { order_id: 'integer', status: 'text', total: 'integer' })
        .withCdcTopic('orders-cdc', 'orders'),
      aProduct('sales')
        .withInput('orders-in')
        .withTransformation(
          'open_orders',
          "WITH open AS (SELECT order_id AS ref, total FROM orders WHERE status = 'open') SELECT ref AS order_ref, total FROM open",
        )
        .withTransformation('big_orders', 'SELECT o.order_ref AS big_ref FROM open_orders o WHERE o.total > 10'),
    )
    .withLink('shop/orders-cdc', 'sales/orders-in')
    .build();

  it('follows the order into the row a WITH query made of it, and into the step reading that result', async () => {
    const scenario = aScenario()
      .at(1, 'shop', 'orders', 'insert', { values: { order_id: 1, status: 'open', total: 20 } })
      .at(1, 'shop', 'orders', 'insert', { values: { order_id: 2, status: 'open', total: 20 } })
      .build();
    const simulation = await simulate(shop, scenario);
    simulation.step(2);

    expect(stepStages(shop, simulation, 'shop/orders-cdc', 2)).toEqual([
      ['Transformation open_orders: rows with the same order_ref, total', [{ order_ref: 2, total: 20 }], undefined],
      ['Transformation big_orders: rows with the same big_ref', [{ big_ref: 2 }], undefined],
    ]);
  });
});

describe('tracing a change through a compound query', () => {
  const till = aMesh()
    .with(
      aSystem('till')
        .withTable('web_orders', { web_id: 'integer', total: 'integer' })
        .withTable('store_orders', { store_id: 'integer', total: 'integer' })
        .withTable('refunds', { refund_id: 'integer', web_id: 'integer', total: 'integer' })
        .withCdcTopic('web-cdc', 'web_orders')
        .withCdcTopic('store-cdc', 'store_orders')
        .withCdcTopic('refunds-cdc', 'refunds'),
      aProduct('sales')
        .withInput('web-in')
        .withInput('store-in')
        .withInput('refunds-in')
        .withTransformation(
          'all_sales',
          "SELECT w.web_id AS sale_no, 'web' AS channel, w.total FROM web_orders w UNION ALL SELECT s.store_id, 'store', s.total FROM store_orders s",
        )
        .withTransformation(
          'kept_sales',
          'SELECT w.web_id AS sale_no, w.total FROM web_orders w EXCEPT SELECT r.web_id, r.total FROM refunds r',
        ),
    )
    .withLink('till/web-cdc', 'sales/web-in')
    .withLink('till/store-cdc', 'sales/store-in')
    .withLink('till/refunds-cdc', 'sales/refunds-in')
    .build();
  // Web sale 1 and store sale 1 share the number 1; web sale 2 is refunded; refund 31 names web sale 3, which never was.
  const scenario = aScenario()
    .at(1, 'till', 'web_orders', 'insert', { values: { web_id: 1, total: 5 } })
    .at(1, 'till', 'web_orders', 'insert', { values: { web_id: 2, total: 7 } })
    .at(1, 'till', 'store_orders', 'insert', { values: { store_id: 1, total: 9 } })
    .at(2, 'till', 'refunds', 'insert', { values: { refund_id: 30, web_id: 2, total: 7 } })
    .at(2, 'till', 'refunds', 'insert', { values: { refund_id: 31, web_id: 3, total: 4 } })
    .build();

  it('follows a web order into the UNION ALL row it makes, not the store sale sharing its number', async () => {
    const simulation = await simulate(till, scenario);
    simulation.step(3);

    expect(stepStages(till, simulation, 'till/web-cdc', 1)).toEqual([
      [
        'Transformation all_sales: rows with the same sale_no, total',
        [{ sale_no: 1, channel: 'web', total: 5 }],
        undefined,
      ],
      ['Transformation kept_sales: rows with the same sale_no, total', [{ sale_no: 1, total: 5 }], undefined],
    ]);
  });

  it('follows a store order into the UNION ALL row of its second SELECT', async () => {
    const simulation = await simulate(till, scenario);
    simulation.step(3);

    expect(stepStages(till, simulation, 'till/store-cdc', 1)).toEqual([
      [
        'Transformation all_sales: rows with the same sale_no, total',
        [{ sale_no: 1, channel: 'store', total: 9 }],
        undefined,
      ],
    ]);
  });

  it('says of a refund that the EXCEPT took out the sale it matches', async () => {
    const simulation = await simulate(till, scenario);
    simulation.step(3);

    expect(stepStages(till, simulation, 'till/refunds-cdc', 1)).toEqual([
      [
        'Transformation kept_sales: rows with the same sale_no, total',
        [],
        'No row of kept_sales has this sale_no, total now: its EXCEPT takes out the rows matching this refunds row.',
      ],
    ]);
  });

  it('says of a refund whose sale never was that the EXCEPT had no row of it to take out', async () => {
    const simulation = await simulate(till, scenario);
    simulation.step(3);

    expect(stepStages(till, simulation, 'till/refunds-cdc', 2)).toEqual([
      [
        'Transformation kept_sales: rows with the same sale_no, total',
        [],
        'No row of kept_sales has this sale_no, total now, and none was there for its EXCEPT to take out: no row before the EXCEPT matches this refunds row.',
      ],
    ]);
  });
});

describe('tracing a change through a subquery in FROM', () => {
  /** A shop whose `customer_spend` step reads each customer's order total through `reading`, joined to the customer. */
  const spendMesh = (sql: string) =>
    aMesh()
      .with(
        aSystem('shop')
          .withTable('customers', { customer_id: 'integer', name: 'text' })
          .withTable('orders', { order_id: 'integer', customer_id: 'integer', total: 'integer' })
          .withCdcTopic('customers-cdc', 'customers')
          .withCdcTopic('orders-cdc', 'orders'),
        aProduct('spend').withInput('customers-in').withInput('orders-in').withTransformation('customer_spend', sql),
      )
      .withLink('shop/customers-cdc', 'spend/customers-in')
      .withLink('shop/orders-cdc', 'spend/orders-in')
      .build();
  const totals = 'SELECT customer_id, SUM(total) AS spent FROM orders GROUP BY customer_id';
  const inFrom = spendMesh(
    `SELECT c.customer_id AS customer, c.name, s.spent FROM (${totals}) s JOIN customers c ON c.customer_id = s.customer_id`,
  );
  const inWith = spendMesh(
    `WITH s AS (${totals}) SELECT c.customer_id AS customer, c.name, s.spent FROM s JOIN customers c ON c.customer_id = s.customer_id`,
  );
  // Ada (1) has orders 10 and 11, 30 in all; Grace (2) order 12. No result column keeps the name customer_id: only the lineage links it.
  const scenario = aScenario()
    .at(1, 'shop', 'customers', 'insert', { values: { customer_id: 1, name: 'Ada' } })
    .at(1, 'shop', 'customers', 'insert', { values: { customer_id: 2, name: 'Grace' } })
    .at(1, 'shop', 'orders', 'insert', { values: { order_id: 10, customer_id: 1, total: 12 } })
    .at(1, 'shop', 'orders', 'insert', { values: { order_id: 11, customer_id: 1, total: 18 } })
    .at(1, 'shop', 'orders', 'insert', { values: { order_id: 12, customer_id: 2, total: 5 } })
    .build();

  it.each([
    ['WITH', inWith],
    ['in FROM', inFrom],
  ])('follows an order into its customer’s row of the step, the totals read %s', async (_, shop) => {
    const simulation = await simulate(shop, scenario);
    simulation.step(2);

    expect(stepStages(shop, simulation, 'shop/orders-cdc', 2)).toEqual([
      [
        'Transformation customer_spend: rows with the same customer',
        [{ customer: 1, name: 'Ada', spent: 30 }],
        undefined,
      ],
    ]);
  });
});
