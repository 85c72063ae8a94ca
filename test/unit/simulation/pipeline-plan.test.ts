import { describe, expect, it } from 'vitest';
import { planPipeline, tableGuide } from '../../../shared/simulation';
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

  it('explains each table of a product and where its name comes from, for the SQL console', () => {
    expect(tableGuide(plan, 'customer-360').map((entry) => [entry.table, entry.namedAfter])).toEqual([
      ['raw_customers_in', "'raw_' and the input port's id in snake_case"],
      [
        'customers',
        "the schema object 'customers' of the producer's contract 'customer' (port 'customers · Customers')",
      ],
      ['raw_orders_in', "'raw_' and the input port's id in snake_case"],
      ['orders', "the schema object 'orders' of the producer's contract 'order' (port 'orders · Orders')"],
      [
        'customer_profile',
        "the schema object of contract 'customer-profile', which output port 'Customer profiles' publishes",
      ],
      ['quarantine', 'the engine'],
    ]);
    expect(tableGuide(plan, 'customer-360')[0]?.holds).toBe(
      "every record read through input port 'Customers', as it arrived",
    );
    expect(tableGuide(plan, 'orders')[0]?.holds).toBe(
      "every record read through input port 'orders CDC', as it arrived; placed_at, updated_at as ISO text, where the record's JSON carries the number its connector wrote",
    );
    expect(tableGuide(plan, 'orders')[1]).toEqual({
      table: 'orders',
      holds: 'the latest state per key (inserts and updates applied, deletes removed)',
      namedAfter: "the source table 'orders' of CDC topic 'orders.public.orders'",
    });
    expect(tableGuide(plan, 'orders').map((entry) => entry.table)).toContain('orders_history');
    expect(tableGuide(plan, 'orders')[3]).toMatchObject({
      table: 'order_placed',
      namedAfter:
        "the schema object of contract 'order-placed', which event 'OrderPlaced' on 'orders.events.order-placed' follows",
    });
  });

  it('tells apart in the table guide two input ports of a product that share a name, by their ids', () => {
    const mesh = ecommerceSample();
    const customer360 = mesh.products.find((candidate) => candidate.id === 'customer-360');
    for (const port of customer360?.inputPorts ?? []) port.name = 'Feed';
    expect(
      tableGuide(planPipeline(mesh), 'customer-360')
        .filter((entry) => entry.table.startsWith('raw_'))
        .map((entry) => entry.holds),
    ).toEqual([
      "every record read through input port 'Feed (customers-in)', as it arrived",
      "every record read through input port 'Feed (orders-in)', as it arrived",
    ]);
  });

  it('refuses to publish a CDC entity under an event contract, saying why and what to do instead', () => {
    const mesh = aShopMesh()
      .with(
        aProduct('feed').withInput('items-in').withOutput('feed-out', 'item-event'),
        aContract('item-event', 'event', 'items').withProperty('id', 'integer', { unique: true }),
      )
      .withLink('shop/items-cdc', 'feed/items-in')
      .build();
    expect(planPipeline(mesh).problems).toEqual([
      {
        path: 'products[1].outputPorts[0]',
        message:
          "publishes 'items', an entity updated in place, under the event contract 'item-event': events never change. Use an entity contract, or give the event its own name and derive it in a transformation from 'raw_items_in', where each change record has its own _sequence",
      },
    ]);
  });

  it('names by the canvas names the source it simulates for an input port fed by two links', () => {
    const mesh = aShopMesh()
      .with(aProduct('report').withInput('items-in'))
      .withLink('catalog/items-out', 'report/items-in')
      .withLink('shop/items-cdc', 'report/items-in')
      .build();
    const names: Record<string, string> = { shop: 'Shop', catalog: 'Catalog', report: 'Report' };
    for (const node of [...mesh.systems, ...mesh.products]) node.name = names[node.id] ?? node.name;
    for (const port of mesh.products.flatMap((product) => product.outputPorts)) port.name = 'Items';
    expect(planPipeline(mesh).problems).toContainEqual({
      path: 'products[1].inputPorts[0]',
      message:
        "fed by 2 links; only the one from 'Catalog · Items' is simulated: an input port consumes one dataset, so give the other source its own input port",
    });
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
