import { describe, expect, it } from 'vitest';
import { newTransformation, transformationMaking } from '../../../shared/editing/transformations';
import type { Mesh } from '../../../shared/model';
import { aContract, aMesh, aPort, aProduct } from '../../builders/mesh-builder';
import { aProperty } from '../contracts/builders';
import { shopWithItemAddedEvents } from './editing-fixtures';

/** The shop's `items` CDC topic feeds Stats, whose output port serves the `item_counts` contract. */
function statsFedByCdc(): Mesh {
  return aMesh()
    .withDomain('sales')
    .withSystem('shop', 'sales')
    .withContract('counts', { schema: [{ name: 'item_counts', properties: [] }] })
    .withProduct('stats', 'sales', {
      inputPorts: [aPort('in', 'input')],
      outputPorts: [aPort('out', 'output', { contractId: 'counts' })],
    })
    .withLink('shop-to-stats', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'stats', portId: 'in' })
    .build();
}

const stats = (mesh: Mesh) => mesh.products[0] as Mesh['products'][number];

describe('a new transformation', () => {
  it("selects from the table the product's input fills, named for the contract its port publishes", () => {
    const mesh = statsFedByCdc();
    expect(newTransformation(mesh, stats(mesh))).toEqual({ name: 'item_counts', sql: 'SELECT * FROM items' });
  });

  it('selects from the last transformation once there is one, and takes a fresh name once the contract is served', () => {
    const mesh = statsFedByCdc();
    stats(mesh).transformations.push({ name: 'item_counts', sql: 'SELECT count(*) AS n FROM items' });
    expect(newTransformation(mesh, stats(mesh))).toEqual({ name: 'step', sql: 'SELECT * FROM item_counts' });
    stats(mesh).transformations.push({ name: 'step', sql: 'SELECT 1' });
    expect(newTransformation(mesh, stats(mesh))).toMatchObject({ name: 'step_2', sql: 'SELECT * FROM step' });
  });

  it('quotes a table name SQL would not read bare, and falls back to `input` for a product fed by nothing', () => {
    const mesh = statsFedByCdc();
    const items = mesh.systems[0]?.database.tables[0];
    if (items) items.name = 'order lines';
    const topic = mesh.systems[0]?.messaging.topics[0];
    if (topic) topic.source = { kind: 'cdc', table: 'order lines' };
    expect(newTransformation(mesh, stats(mesh)).sql).toBe('SELECT * FROM "order lines"');
    mesh.links = [];
    expect(newTransformation(mesh, stats(mesh)).sql).toBe('SELECT * FROM input');
  });

  it('selects from the events an outbox topic without a contract fills, named after the event', () => {
    const mesh = aMesh()
      .withDomain('sales')
      .withSystem('shop', 'sales', shopWithItemAddedEvents())
      .withProduct('feed', 'sales', { inputPorts: [aPort('in', 'input')] })
      .withLink('events-to-feed', { nodeId: 'shop', portId: 'item-added' }, { nodeId: 'feed', portId: 'in' })
      .build();
    expect(newTransformation(mesh, stats(mesh)).sql).toBe('SELECT * FROM item_added');
  });

  it("selects from the first input port's table, as the engine reads inputs, whatever feeds the later ones", () => {
    const mesh = statsFedByCdc();
    mesh.contracts.push(aContract('orders'));
    mesh.products.push(
      aProduct('orders', 'sales', { outputPorts: [aPort('out', 'output', { contractId: 'orders' })] }),
    );
    stats(mesh).inputPorts.unshift(aPort('orders-in', 'input'));
    mesh.links.push({
      id: 'orders-to-stats',
      from: { nodeId: 'orders', portId: 'out' },
      to: { nodeId: 'stats', portId: 'orders-in' },
    });
    expect(newTransformation(mesh, stats(mesh)).sql).toBe('SELECT * FROM orders');
  });
});

describe('the transformation that makes a published table', () => {
  it("maps the contract's fields the input's table has by name, its key from the input's key, and the rest to NULL", () => {
    const mesh = statsFedByCdc();
    const counts = mesh.contracts[0] as Mesh['contracts'][number];
    counts.schema = [
      {
        name: 'item_counts',
        properties: [
          aProperty('item_id', 'integer', { primaryKey: true, required: true }),
          aProperty('label'),
          aProperty('total', 'number'),
        ],
      },
    ];
    expect(transformationMaking(mesh, stats(mesh), 'item_counts')).toEqual({
      name: 'item_counts',
      sql: [
        '-- NULL where items has no column of that name: add it there, or compute it here',
        'SELECT',
        '  id AS item_id,',
        '  label,',
        '  NULL AS total',
        'FROM items',
      ].join('\n'),
    });
  });

  it('selects everything from the input when the contract describes no fields', () => {
    const mesh = statsFedByCdc();
    expect(transformationMaking(mesh, stats(mesh), 'item_counts')).toEqual({
      name: 'item_counts',
      sql: 'SELECT * FROM items',
    });
  });
});
