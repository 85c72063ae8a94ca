import { describe, expect, it } from 'vitest';
import { planPipeline } from '../../../shared/simulation';
import { aContract, aProduct, aShopMesh, ecommerceSample } from './builders';

describe('how products name their tables', () => {
  const plan = planPipeline(ecommerceSample());
  const product = (id: string) => plan.products.find((candidate) => candidate.product.id === id);
  const localTables = (id: string) => [
    ...(product(id)?.inputs.map((input) => [input.rawTable, input.dataset?.name]) ?? []),
    ...(product(id)?.transformations.map((step) => ['(step)', step.transformation.name]) ?? []),
  ];

  it('names a CDC input after its table and an outbox input after its event contract', () => {
    expect(localTables('orders')).toEqual([
      ['raw_orders_cdc_in', 'orders'],
      ['raw_order_placed_in', 'order_placed'],
    ]);
  });

  it("names an input fed by another product after the producer contract's schema object", () => {
    expect(localTables('customer-360')).toEqual([
      ['raw_customers_in', 'customers'],
      ['raw_orders_in', 'orders'],
      ['(step)', 'customer_profile'],
    ]);
    expect(localTables('sales-dashboard')).toEqual([
      ['raw_order_events_in', 'order_placed'],
      ['raw_profiles_in', 'customer_profile'],
      ['(step)', 'daily_sales'],
    ]);
  });

  it("publishes the table named like the contract's schema object, with history where the contract keeps it", () => {
    expect(
      plan.products.flatMap((candidate) =>
        candidate.outputs.map((output) => [output.port.id, output.dataset.name, output.dataset.keepsHistory]),
      ),
    ).toEqual([
      ['order-placed-out', 'order_placed', false],
      ['orders-out', 'orders', true],
      ['customers-out', 'customers', true],
      ['shipments-out', 'shipments', false],
      ['profiles-out', 'customer_profile', false],
      ['daily-sales-out', 'daily_sales', false],
    ]);
  });

  it('runs producers before their consumers and finds no problems in the sample', () => {
    expect(plan.products.map((candidate) => candidate.product.id)).toEqual([
      'orders',
      'customers',
      'shipments',
      'customer-360',
      'sales-dashboard',
    ]);
    expect(plan.problems).toEqual([]);
  });

  it('reports an output port whose table nothing produces', () => {
    const mesh = aShopMesh()
      .with(
        aProduct('empty').withOutput('out', 'nothing'),
        aContract('nothing', 'entity', 'nothing').withKey('id', 'integer'),
      )
      .build();
    expect(planPipeline(mesh).problems).toEqual([
      {
        path: 'products[1].outputPorts[0]',
        message:
          "nothing produces table 'nothing' to publish: name a transformation 'nothing' or consume a stream that yields it",
      },
    ]);
  });

  it('reports a transformation whose name an input already uses', () => {
    const mesh = aShopMesh().build();
    (mesh.products[0]?.transformations ?? []).push({ name: 'items', sql: 'SELECT 1' });
    expect(planPipeline(mesh).problems).toEqual([
      {
        path: 'products[0].transformations[0]',
        message: "table name 'items' is already taken by products[0].inputPorts[0]",
      },
    ]);
  });
});
