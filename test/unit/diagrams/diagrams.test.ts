import { describe, expect, it } from 'vitest';
import { type DiagramRequest, diagramKindsFor, mermaidDiagram } from '../../../shared/export/mermaid';
import type { Mesh } from '../../../shared/model';
import { aMesh, aPort, aSystem } from '../../builders/mesh-builder';
import { caseMesh } from './export-cases';
import { parseFlowchart } from './real-mermaid';

async function parsed(mesh: Mesh, request: DiagramRequest) {
  const diagram = mermaidDiagram(mesh, request);
  if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
  return parseFlowchart(diagram.value);
}

const labels = (chart: Awaited<ReturnType<typeof parsed>>) => chart.vertices.map((vertex) => vertex.label);

/** A lineage's edges with each port named `product/port` (its frame's title, its label before ` · `), not by its Mermaid id. */
function portEdges(chart: Awaited<ReturnType<typeof parsed>>) {
  const nameOf = (id: string) => {
    const frame = chart.subgraphs.find((subgraph) => subgraph.nodes.includes(id))?.title;
    const port = chart.vertices.find((vertex) => vertex.id === id)?.label.split(' · ')[0];
    return `${frame}/${port}`;
  };
  return chart.edges.map((edge) => ({ ...edge, from: nameOf(edge.from), to: nameOf(edge.to) }));
}

/** a → b → c in one domain, x → b from another, and d on its own. */
function aChain(): Mesh {
  const inOut = { inputPorts: [aPort('in', 'input')], outputPorts: [aPort('out', 'output')] };
  return aMesh()
    .withDomain('one', { name: 'One' })
    .withDomain('two', { name: 'Two' })
    .withProduct('a', 'one', inOut)
    .withProduct('b', 'one', {
      inputPorts: [aPort('in', 'input'), aPort('in-x', 'input')],
      outputPorts: [aPort('out', 'output')],
    })
    .withProduct('c', 'one', inOut)
    .withProduct('d', 'one', inOut)
    .withProduct('x', 'two', inOut)
    .withLink('a-b', { nodeId: 'a', portId: 'out' }, { nodeId: 'b', portId: 'in' })
    .withLink('b-c', { nodeId: 'b', portId: 'out' }, { nodeId: 'c', portId: 'in' })
    .withLink('x-b', { nodeId: 'x', portId: 'out' }, { nodeId: 'b', portId: 'in-x' })
    .build();
}

/**
 * A shop's items and orders feed a catalog that publishes the items as they come, totals computed
 * from the orders, and a draft whose SQL is not written yet.
 */
function aShopAndItsCatalog(totalsSql = 'SELECT id FROM orders GROUP BY id'): Mesh {
  const shop = aSystem('shop', 'one');
  const [items] = shop.database.tables;
  const [itemsCdc] = shop.messaging.topics;
  if (!items || !itemsCdc) throw new Error('a system comes with a table and its topic');
  shop.database.tables.push({ ...items, name: 'orders' });
  shop.messaging.topics.push({
    ...itemsCdc,
    id: 'orders-cdc',
    name: 'shop.orders',
    source: { kind: 'cdc', table: 'orders' },
  });
  const published = (name: string) => ({
    schema: [
      {
        name,
        properties: [{ name: 'id', logicalType: 'integer' as const, required: true, unique: true, primaryKey: true }],
      },
    ],
  });
  const mesh = aMesh()
    .withDomain('one')
    .withContract('items', published('items'))
    .withContract('totals', published('totals'))
    .withContract('draft', published('draft'))
    .withProduct('catalog', 'one', {
      inputPorts: [
        aPort('in-items', 'input', { name: 'in items' }),
        aPort('in-orders', 'input', { name: 'in orders' }),
      ],
      outputPorts: [
        aPort('items', 'output', { contractId: 'items' }),
        aPort('totals', 'output', { contractId: 'totals' }),
        aPort('draft', 'output', { contractId: 'draft' }),
      ],
      transformations: [
        { name: 'totals', sql: totalsSql },
        { name: 'draft', sql: '' },
      ],
    })
    .withLink('items-in', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'catalog', portId: 'in-items' })
    .withLink('orders-in', { nodeId: 'shop', portId: 'orders-cdc' }, { nodeId: 'catalog', portId: 'in-orders' })
    .build();
  mesh.systems.push(shop);
  return mesh;
}

describe('the diagrams of a mesh', () => {
  it('offers each subject its kinds of diagram', () => {
    expect(diagramKindsFor('mesh')).toEqual(['logical-view', 'lineage']);
    expect(diagramKindsFor('domain')).toEqual(['logical-view', 'lineage']);
    expect(diagramKindsFor('product')).toEqual(['product-architecture', 'lineage']);
    expect(diagramKindsFor('system')).toEqual(['data-retrieval-flow']);
  });

  it('refuses, with its reason, a subject that is not in the mesh or a kind it has not', () => {
    const mesh = aChain();
    expect(mermaidDiagram(mesh, { kind: 'lineage', subject: { kind: 'product', id: 'nope' } })).toEqual({
      ok: false,
      errors: [{ path: 'subject.id', message: "no product 'nope'" }],
    });
    const wrongKind = mermaidDiagram(mesh, { kind: 'data-retrieval-flow', subject: { kind: 'mesh' } });
    expect(wrongKind.ok).toBe(false);
  });

  it("draws a domain's logical view with the products of other domains it exchanges data with", async () => {
    const chart = await parsed(aChain(), { kind: 'logical-view', subject: { kind: 'domain', id: 'two' } });
    expect(chart.subgraphs.map((subgraph) => [subgraph.title, subgraph.nodes.length])).toEqual([
      ['One', 1],
      ['Two', 1],
    ]);
    expect(labels(chart).sort()).toEqual(['b', 'x']);
  });

  it("draws a product's lineage with only what its data comes from and goes to", async () => {
    const chart = await parsed(aChain(), { kind: 'lineage', subject: { kind: 'product', id: 'b' } });
    expect(chart.subgraphs.map((subgraph) => subgraph.title).sort()).toEqual(['a', 'b', 'c', 'x']);
    const upstreamOfA = await parsed(aChain(), { kind: 'lineage', subject: { kind: 'product', id: 'a' } });
    expect(upstreamOfA.subgraphs.map((subgraph) => subgraph.title).sort()).toEqual(['a', 'b', 'c']);
  });

  it("draws a domain's lineage with its ports and the ports of other domains linked to them", async () => {
    const two = await parsed(aChain(), { kind: 'lineage', subject: { kind: 'domain', id: 'two' } });
    expect(two.subgraphs.map((subgraph) => [subgraph.title, subgraph.nodes.length])).toEqual([
      ['b', 1],
      ['x', 2],
    ]);
    expect(
      portEdges(two)
        .map((edge) => `${edge.from} ${edge.stroke} ${edge.to}`)
        .sort(),
    ).toEqual(['x/in dotted x/out', 'x/out normal b/in-x']);
    const one = await parsed(aChain(), { kind: 'lineage', subject: { kind: 'domain', id: 'one' } });
    expect(one.subgraphs.map((subgraph) => subgraph.title).sort()).toEqual(['a', 'b', 'c', 'd', 'x']);
  });

  it('draws links between ports in the lineage, and the flow inside each product dotted', async () => {
    const chart = await parsed(aChain(), { kind: 'lineage', subject: { kind: 'mesh' } });
    const edges = portEdges(chart).map((edge) => `${edge.from} ${edge.stroke} ${edge.to}`);
    expect(edges).toContain('a/out normal b/in');
    expect(edges).toContain('b/in dotted b/out');
    expect(edges).toContain('b/in-x dotted b/out');
  });

  it('draws inside a product only the flows its lineage knows, and every flow marked ? where it cannot tell', async () => {
    const chart = await parsed(aShopAndItsCatalog(), { kind: 'lineage', subject: { kind: 'mesh' } });
    const inside = portEdges(chart)
      .filter((edge) => edge.stroke === 'dotted')
      .map((edge) => `${edge.from} -> ${edge.to}${edge.label ? ` (${edge.label})` : ''}`);
    expect(inside.sort()).toEqual([
      'catalog/in items -> catalog/draft (?)',
      'catalog/in items -> catalog/items',
      'catalog/in orders -> catalog/draft (?)',
      'catalog/in orders -> catalog/totals',
    ]);
  });

  it.each([
    ['a bracket left open', 'SELECT id, SUM(id AS n FROM orders GROUP BY id'],
    ['no table after JOIN', 'SELECT id FROM orders o JOIN GROUP BY id'],
  ])('draws every input into an output, marked ?, whose SQL does not parse (%s)', async (_, totalsSql) => {
    const chart = await parsed(aShopAndItsCatalog(totalsSql), { kind: 'lineage', subject: { kind: 'mesh' } });
    const intoTotals = portEdges(chart)
      .filter((edge) => edge.to === 'catalog/totals')
      .map((edge) => `${edge.from} ${edge.stroke} (${edge.label})`);
    expect(intoTotals.sort()).toEqual(['catalog/in items dotted (?)', 'catalog/in orders dotted (?)']);
  });

  it('draws the flows of SQL it reads only approximately from the inputs it names, as known', async () => {
    const filtered = 'SELECT id FROM orders WHERE id IN (SELECT id FROM orders WHERE id > 0) GROUP BY id';
    const chart = await parsed(aShopAndItsCatalog(filtered), { kind: 'lineage', subject: { kind: 'mesh' } });
    const intoTotals = portEdges(chart)
      .filter((edge) => edge.to === 'catalog/totals')
      .map((edge) => `${edge.from} ${edge.stroke} (${edge.label})`);
    expect(intoTotals).toEqual(['catalog/in orders dotted ()']);
  });

  it("leaves out of a product's lineage the inputs that do not feed its outputs", async () => {
    const mesh = aShopAndItsCatalog();
    mesh.products.push(
      ...aMesh()
        .withProduct('report', 'one', { inputPorts: [aPort('in', 'input')] })
        .build().products,
    );
    mesh.links.push({
      id: 'totals-report',
      from: { nodeId: 'catalog', portId: 'totals' },
      to: { nodeId: 'report', portId: 'in' },
    });
    const chart = await parsed(mesh, { kind: 'lineage', subject: { kind: 'product', id: 'report' } });
    expect(labels(chart).sort()).toEqual(['in', 'in orders', 'shop.orders', 'totals · totals v1.0.0']);
  });

  it('adds history to the data retrieval flow only where the contract keeps it', async () => {
    const mesh = caseMesh('ecommerce');
    const orders = labels(
      await parsed(mesh, { kind: 'data-retrieval-flow', subject: { kind: 'system', id: 'orders-service' } }),
    );
    expect(orders).toContain('History: Order');
    const shipping = labels(
      await parsed(mesh, { kind: 'data-retrieval-flow', subject: { kind: 'system', id: 'shipping-service' } }),
    );
    expect(shipping.some((label) => label.startsWith('History'))).toBe(false);
    expect(shipping).toContain('Entities: Shipment');
  });

  it("shows a product's real core in its architecture", async () => {
    const mesh = caseMesh('ecommerce');
    const chart = await parsed(mesh, {
      kind: 'product-architecture',
      subject: { kind: 'product', id: 'customer-360' },
    });
    const core = labels(chart).filter((label) => /^(Transformations|Tests|CI\/CD)/.test(label));
    expect(core).toHaveLength(3);
    expect(core.find((label) => label.startsWith('CI/CD'))).toBe('CI/CD pipeline: test → \ndeploy');
  });
});
