import { describe, expect, it } from 'vitest';
import { type DiagramRequest, diagramKindsFor, mermaidDiagram } from '../../../shared/export/mermaid';
import type { Mesh } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { caseMesh } from './export-cases';
import { parseFlowchart } from './real-mermaid';

async function parsed(mesh: Mesh, request: DiagramRequest) {
  const diagram = mermaidDiagram(mesh, request);
  if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
  return parseFlowchart(diagram.value);
}

const labels = (chart: Awaited<ReturnType<typeof parsed>>) => chart.vertices.map((vertex) => vertex.label);

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
    expect(two.edges.map((edge) => `${edge.from} ${edge.stroke} ${edge.to}`).sort()).toEqual([
      'port_x_in dotted port_x_out',
      'port_x_out normal port_b_in_x',
    ]);
    const one = await parsed(aChain(), { kind: 'lineage', subject: { kind: 'domain', id: 'one' } });
    expect(one.subgraphs.map((subgraph) => subgraph.title).sort()).toEqual(['a', 'b', 'c', 'd', 'x']);
  });

  it('draws links between ports in the lineage, and the flow inside each product dotted', async () => {
    const chart = await parsed(aChain(), { kind: 'lineage', subject: { kind: 'mesh' } });
    const edges = chart.edges.map((edge) => `${edge.from} ${edge.stroke} ${edge.to}`);
    expect(edges).toContain('port_a_out normal port_b_in');
    expect(edges).toContain('port_b_in dotted port_b_out');
    expect(edges).toContain('port_b_in_x dotted port_b_out');
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
