import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DiagramDirection, mermaidDiagram } from '../../../shared/export/mermaid';
import { flowNode, flowSubgraph } from '../../../shared/export/mermaid/flowchart';
import { leftToRightExtent } from '../../../shared/export/mermaid/left-to-right-extent';
import type { Mesh } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { parseFlowchart } from './real-mermaid';

/** Products in one domain, each feeding the next: a chain of `length` ranks. */
function aChain(length: number): Mesh {
  const builder = aMesh().withDomain('plant', { name: 'Plant' });
  for (let index = 0; index < length; index++) {
    builder.withProduct(`step-${index}`, 'plant', {
      name: `Step ${index}`,
      inputPorts: [aPort('in', 'input', { name: 'in' })],
      outputPorts: [aPort('out', 'output', { name: 'out' })],
    });
    if (index > 0)
      builder.withLink(
        `l${index}`,
        { nodeId: `step-${index - 1}`, portId: 'out' },
        { nodeId: `step-${index}`, portId: 'in' },
      );
  }
  return builder.build();
}

/** Three sources feeding one product: two ranks, three boxes deep. */
function aFanIn(): Mesh {
  const builder = aMesh()
    .withDomain('plant', { name: 'Plant' })
    .withProduct('sink', 'plant', { name: 'Sink', inputPorts: [aPort('in', 'input', { name: 'in' })] });
  for (const name of ['a', 'b', 'c']) {
    builder
      .withProduct(name, 'plant', { name, outputPorts: [aPort('out', 'output', { name: 'out' })] })
      .withLink(`l-${name}`, { nodeId: name, portId: 'out' }, { nodeId: 'sink', portId: 'in' });
  }
  return builder.build();
}

/** 22 products in four domains that feed one another, each link labelled with its ports (real Mermaid: 4802 × 782 left to right). */
const HARBOUR: Mesh = JSON.parse(
  readFileSync(new URL('../../fixtures/mesh/harbour-22-products.mesh.json', import.meta.url), 'utf8'),
);

const directionLine = (mesh: Mesh, direction?: DiagramDirection) => {
  const diagram = mermaidDiagram(mesh, {
    kind: 'logical-view',
    subject: { kind: 'mesh' },
    ...(direction && { direction }),
  });
  if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
  return /^flowchart .*$/m.exec(diagram.value)?.[0];
};

describe('the direction a diagram is laid out in', () => {
  it('is top to bottom by default for a chain that left to right would draw as a strip', () => {
    expect(directionLine(aChain(6))).toBe('flowchart TB');
  });

  it('stays left to right by default where the picture is about as deep as it is long', () => {
    expect(directionLine(aFanIn())).toBe('flowchart LR');
  });

  it('is the one asked for, whatever the shape', () => {
    expect(directionLine(aChain(6), 'lr')).toBe('flowchart LR');
    expect(directionLine(aFanIn(), 'tb')).toBe('flowchart TB');
  });

  it('is read by Mermaid, the domain’s frame and links unchanged', async () => {
    const diagram = mermaidDiagram(aChain(6), { kind: 'lineage', subject: { kind: 'mesh' } });
    if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
    expect(diagram.value).toMatch(/^flowchart TB$/m);
    const parsed = await parseFlowchart(diagram.value);
    expect(parsed.edges.filter((edge) => edge.stroke === 'normal')).toHaveLength(5);
  });

  it('is top to bottom for a mesh whose domain frames follow one another with labelled links, which left to right draws 6:1', () => {
    expect(directionLine(HARBOUR)).toBe('flowchart TB');
  });
});

describe('the estimate of a left-to-right picture', () => {
  const chain = (label?: string) =>
    leftToRightExtent({
      title: 'Chain',
      direction: 'LR',
      items: ['a', 'b', 'c'].map((id) => flowNode(id, id)),
      edges: [
        { from: 'a', to: 'b', ...(label && { label }) },
        { from: 'b', to: 'c', ...(label && { label }) },
      ],
    });

  it('widens each gap between ranks by its edge label', () => {
    const label = 'shipment status events → shipment status';
    expect(chain(label).length).toBeGreaterThan(chain().length + 2 * 150);
  });

  it('puts frames linked one after another side by side, each as long as its own boxes', () => {
    const framed = leftToRightExtent({
      title: 'Frames',
      direction: 'LR',
      items: [
        flowSubgraph('one', 'One', [flowNode('a', 'a'), flowNode('b', 'b')]),
        flowSubgraph('two', 'Two', [flowNode('c', 'c'), flowNode('d', 'd')]),
      ],
      // `c` could share a rank with `b`, but Mermaid draws frame `two` after frame `one`.
      edges: [
        { from: 'a', to: 'b' },
        { from: 'a', to: 'c' },
        { from: 'c', to: 'd' },
      ],
    });
    expect(framed.length).toBeGreaterThan(4 * 150);
  });
});
