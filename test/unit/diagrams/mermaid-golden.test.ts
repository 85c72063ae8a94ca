import { describe, expect, it } from 'vitest';
import { WHOLE_MESH } from '../../../shared/export';
import { MERMAID_LIMITS, mermaidDiagram, mermaidTarget } from '../../../shared/export/mermaid';
import type { Mesh } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { exportCases, filesOf, itWritesTheGoldenFiles } from '../export/golden-cases';
import { parseFlowchart, realMermaid } from './real-mermaid';

const exportedDiagrams = (mesh: Mesh) => filesOf(mermaidTarget.files(mesh, WHOLE_MESH));

describe('Mermaid export (golden files: <case>/input.mesh.json → <case>/mermaid/)', () => {
  itWritesTheGoldenFiles('mermaid', ({ mesh }) => exportedDiagrams(mesh));

  it('writes each kind of diagram: logical views, architectures, data retrieval flows, lineage', () => {
    const ecommerce = exportCases().find((exportCase) => exportCase.name === 'ecommerce') as { mesh: Mesh };
    const paths = exportedDiagrams(ecommerce.mesh).map((file) => file.path);
    expect(paths).toEqual([
      'mermaid/logical-view.mmd',
      'mermaid/lineage.mmd',
      'mermaid/logical-view/orders.mmd',
      'mermaid/logical-view/customers.mmd',
      'mermaid/logical-view/shipping.mmd',
      'mermaid/logical-view/analytics.mmd',
      'mermaid/architecture/orders.mmd',
      'mermaid/architecture/customers.mmd',
      'mermaid/architecture/shipments.mmd',
      'mermaid/architecture/customer-360.mmd',
      'mermaid/architecture/sales-dashboard.mmd',
      'mermaid/data-retrieval/orders-service.mmd',
      'mermaid/data-retrieval/customers-service.mmd',
      'mermaid/data-retrieval/shipping-service.mmd',
    ]);
  });

  it('writes the diagrams of a domain in scope only', () => {
    const ecommerce = exportCases().find((exportCase) => exportCase.name === 'ecommerce') as { mesh: Mesh };
    const files = filesOf(mermaidTarget.files(ecommerce.mesh, { kind: 'domain', domainId: 'orders-domain' }));
    expect(files.map((file) => file.path)).toEqual([
      'mermaid/logical-view/orders.mmd',
      'mermaid/architecture/orders.mmd',
      'mermaid/data-retrieval/orders-service.mmd',
    ]);
  });
});

describe('every generated diagram parses with the real mermaid package', () => {
  const focusedLineages = (mesh: Mesh) =>
    mesh.products.flatMap((product) => {
      const diagram = mermaidDiagram(mesh, { kind: 'lineage', subject: { kind: 'product', id: product.id } });
      return diagram.ok ? [{ path: `lineage of ${product.id}`, content: diagram.value }] : [];
    });
  const diagrams = exportCases().flatMap(({ name, mesh }) =>
    [...exportedDiagrams(mesh), ...focusedLineages(mesh)].map((diagram) => ({
      name: `${name}/${diagram.path}`,
      text: String(diagram.content),
    })),
  );
  it.each(diagrams)('$name', async ({ text }) => {
    await expect(parseFlowchart(text)).resolves.toBeDefined();
  });
});

describe('a mesh past Mermaid’s default 500 edges', () => {
  const LINKS = 600;
  const mesh = () => {
    const builder = aMesh()
      .withDomain('d')
      .withProduct('source', 'd', { outputPorts: [aPort('out', 'output')] });
    for (let index = 1; index <= LINKS; index++) {
      builder
        .withProduct(`consumer-${index}`, 'd', { inputPorts: [aPort('in', 'input')] })
        .withLink(`l${index}`, { nodeId: 'source', portId: 'out' }, { nodeId: `consumer-${index}`, portId: 'in' });
    }
    return builder.build();
  };
  const diagrams = filesOf(mermaidTarget.files(mesh(), WHOLE_MESH, { diagramKinds: ['logical-view', 'lineage'] }));

  it.each(diagrams.map((diagram) => [diagram.path, String(diagram.content)]))(
    '%s draws every link with the limits the app and the CLI give Mermaid',
    async (_, text) => {
      expect((await parseFlowchart(text)).edges).toHaveLength(LINKS);
    },
  );

  it('would not parse with Mermaid’s defaults, which the diagram’s own config cannot raise', async () => {
    const mermaid = await realMermaid();
    const text = String(diagrams[0]?.content);
    expect(text.startsWith('---\n')).toBe(true);
    const askingForMore = text.replace('---\n', '---\nconfig:\n  maxEdges: 100000\n');
    try {
      mermaid.initialize({ maxEdges: 500 });
      await expect(mermaid.mermaidAPI.getDiagramFromText(askingForMore)).rejects.toThrow(/Edge limit exceeded/);
    } finally {
      mermaid.initialize({ startOnLoad: false, ...MERMAID_LIMITS });
    }
  });
});
