import { describe, expect, it } from 'vitest';
import {
  DIAGRAM_KIND_INFO,
  DIAGRAM_KINDS,
  type DiagramRequest,
  mermaidDiagram,
  meshGraph,
} from '../../../shared/export/mermaid';
import { domainOverview } from '../../../shared/export/mermaid/domain-overview';
import { renderFlowchart } from '../../../shared/export/mermaid/flowchart';
import type { Mesh } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { asOneLine, parseFlowchart, realMermaid } from './real-mermaid';

/** NUL, BEL, ESC, DEL and NEL: what a name pasted from a terminal may hold. */
const CONTROLS = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085'];
const held = (name: string) => `${name} ${CONTROLS.join(' ')} end`;

/** A design in which every name holds each of CONTROLS: mesh, domains, products, ports, system, contract. */
function aDesignOfControlCharacters(): Mesh {
  const mesh = aMesh()
    .withDomain('one', { name: held('one') })
    .withDomain('two', { name: held('two') })
    .withContract('lockers', { name: held('lockers') })
    .withSystem('shop', 'one', { name: held('shop') })
    .withProduct('pickups', 'one', {
      name: held('pickup attempts'),
      inputPorts: [aPort('in', 'input', { name: held('in') })],
      outputPorts: [aPort('out', 'output', { name: held('out'), contractId: 'lockers' })],
      transformations: [{ name: held('count'), sql: 'SELECT id FROM items' }],
    })
    .withProduct('report', 'two', { inputPorts: [aPort('in', 'input', { name: held('in') })] })
    .withLink('shop-pickups', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'pickups', portId: 'in' })
    .withLink('pickups-report', { nodeId: 'pickups', portId: 'out' }, { nodeId: 'report', portId: 'in' })
    .build();
  return { ...mesh, name: held('mesh') };
}

function everyDiagramRequest(mesh: Mesh): DiagramRequest[] {
  const subjects = [
    { kind: 'mesh' as const },
    ...mesh.domains.map((domain) => ({ kind: 'domain' as const, id: domain.id })),
    ...mesh.products.map((product) => ({ kind: 'product' as const, id: product.id })),
    ...mesh.systems.map((system) => ({ kind: 'system' as const, id: system.id })),
  ];
  return DIAGRAM_KINDS.flatMap((kind) =>
    subjects
      .filter((subject) => DIAGRAM_KIND_INFO[kind].subjects.includes(subject.kind))
      .map((subject) => ({ kind, subject })),
  );
}

describe('names holding control characters', () => {
  const mesh = aDesignOfControlCharacters();

  it.each(
    everyDiagramRequest(mesh).map(
      (request) =>
        [`${request.kind} of ${'id' in request.subject ? request.subject.id : 'the mesh'}`, request] as const,
    ),
  )('draws a %s that Mermaid parses', async (_, request) => {
    const diagram = mermaidDiagram(mesh, request);
    if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
    await expect((await realMermaid()).parse(diagram.value)).resolves.toBeTruthy();
  });

  it('draws a domain overview that Mermaid parses', async () => {
    const graph = meshGraph(mesh);
    const text = renderFlowchart(domainOverview(graph, held('overview'), [held('note')]));
    await expect((await realMermaid()).parse(text)).resolves.toBeTruthy();
  });

  it('shows each control character as the CLI prints it (\\u001b)', async () => {
    const diagram = mermaidDiagram(mesh, { kind: 'product-architecture', subject: { kind: 'product', id: 'pickups' } });
    if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
    const { subgraphs } = await parseFlowchart(diagram.value);
    expect(subgraphs.map((subgraph) => asOneLine(subgraph.title))).toContain(
      'Core: pickup attempts \\u0000 \\u0007 \\u001b \\u007f \\u0085 end (source-aligned)',
    );
  });
});
