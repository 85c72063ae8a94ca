import { describe, expect, it } from 'vitest';
import { WHOLE_MESH } from '../../../shared/export';
import { MERMAID_DEFAULT_LIMITS, MERMAID_LIMITS, mermaidDiagram, mermaidTarget } from '../../../shared/export/mermaid';
import type { Mesh } from '../../../shared/model';
import { aSystem } from '../../builders/mesh-builder';
import { exportCases, filesOf, itWritesTheGoldenFiles } from '../export/golden-cases';
import { crowdedMesh, fanOutMesh } from '../export/unseen-meshes';
import {
  asOneLine,
  type ParsedFlowchart,
  parseExportedDiagram,
  parseFlowchart,
  parseWithDefaultLimits,
  realMermaid,
} from './real-mermaid';

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
      'mermaid/lineage/orders.mmd',
      'mermaid/lineage/customers.mmd',
      'mermaid/lineage/shipping.mmd',
      'mermaid/lineage/analytics.mmd',
      'mermaid/architecture/orders.mmd',
      'mermaid/architecture/customers.mmd',
      'mermaid/architecture/shipments.mmd',
      'mermaid/architecture/customer-360.mmd',
      'mermaid/architecture/sales-dashboard.mmd',
      'mermaid/data-retrieval/orders-service.mmd',
      'mermaid/data-retrieval/customers-service.mmd',
      'mermaid/data-retrieval/shipping-service.mmd',
      'mermaid/contracts/order-placed.mmd',
      'mermaid/contracts/order.mmd',
      'mermaid/contracts/customer.mmd',
      'mermaid/contracts/shipment.mmd',
      'mermaid/contracts/customer-profile.mmd',
      'mermaid/contracts/daily-sales.mmd',
    ]);
  });

  it('writes the diagrams of a domain in scope only', () => {
    const ecommerce = exportCases().find((exportCase) => exportCase.name === 'ecommerce') as { mesh: Mesh };
    const files = filesOf(mermaidTarget.files(ecommerce.mesh, { kind: 'domain', domainId: 'orders-domain' }));
    expect(files.map((file) => file.path)).toEqual([
      'mermaid/logical-view/orders.mmd',
      'mermaid/lineage/orders.mmd',
      'mermaid/architecture/orders.mmd',
      'mermaid/data-retrieval/orders-service.mmd',
      ...files.filter((file) => file.path.startsWith('mermaid/contracts/')).map((file) => file.path),
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
    await expect(parseExportedDiagram(text)).resolves.toBeDefined();
  });
});

describe('a mesh past Mermaid’s default 500 edges', () => {
  const LINKS = 600;
  const mesh = () => fanOutMesh(LINKS);
  // What the app's Diagram view and the CLI's pictures draw: the whole diagrams, every link in them.
  const diagrams = (['logical-view', 'lineage'] as const).map((kind) => {
    const diagram = mermaidDiagram(mesh(), { kind, subject: { kind: 'mesh' } });
    return [kind, diagram.ok ? diagram.value : ''] as const;
  });

  it.each(diagrams)('the %s draws every link with the limits the app and the CLI give Mermaid', async (_, text) => {
    expect((await parseFlowchart(text)).edges).toHaveLength(LINKS);
  });

  it('would not parse with Mermaid’s defaults, which the diagram’s own config cannot raise', async () => {
    const mermaid = await realMermaid();
    const text = String(diagrams[0]?.[1]);
    expect(text.startsWith('---\n')).toBe(true);
    const askingForMore = text.replace('---\n', '---\nconfig:\n  maxEdges: 100000\n');
    try {
      mermaid.initialize({ maxEdges: 500 });
      await expect(mermaid.mermaidAPI.getDiagramFromText(askingForMore)).rejects.toThrow(/Edge limit exceeded/);
    } finally {
      mermaid.initialize({ startOnLoad: false, ...MERMAID_LIMITS });
    }
  });

  it('exports no diagram Mermaid’s defaults refuse: a domain too large for them is a warning, not a file', async () => {
    const exported = mermaidTarget.files(mesh(), WHOLE_MESH, { diagramKinds: ['logical-view', 'lineage'] });
    expect(exported.ok && exported.warnings).toEqual([
      {
        kind: 'left-out',
        path: 'mermaid/logical-view/d.mmd',
        message:
          'not written: the logical view of domain d would be 600 edges, past the 500 Mermaid draws by default; the app’s Diagram view draws it',
      },
      {
        kind: 'left-out',
        path: 'mermaid/lineage/d.mmd',
        message:
          'not written: the port-level lineage of domain d would be 600 edges, past the 500 Mermaid draws by default; the app’s Diagram view draws it',
      },
    ]);
    const files = filesOf(exported);
    expect(files.map((file) => file.path)).toEqual(['mermaid/logical-view.mmd', 'mermaid/lineage.mmd']);
    for (const file of files) await expect(parseWithDefaultLimits(String(file.content))).resolves.toBeDefined();
  });
});

describe('a 600-link mesh of 40 domains, read where Mermaid draws with its defaults (GitHub, GitLab, wikis)', () => {
  const diagrams = filesOf(mermaidTarget.files(crowdedMesh(40, 600), WHOLE_MESH));

  it.each(diagrams.map((diagram) => [diagram.path, String(diagram.content)]))(
    '%s parses with Mermaid’s default limits',
    async (_, text) => {
      await expect(parseWithDefaultLimits(text)).resolves.toBeDefined();
    },
  );
});

describe('the domain overview written in place of a whole-mesh diagram too large to draw', () => {
  const mesh = crowdedMesh(40, 600);
  const exported = mermaidTarget.files(mesh, WHOLE_MESH);
  const files = filesOf(exported);
  const overview = (path: string) => String(files.find((file) => file.path === path)?.content);
  const domainFiles = (kind: string) =>
    files.filter((file) => file.path.startsWith(`mermaid/${kind}/`)).map((file) => file.path);

  it('writes every domain’s logical view and lineage, and warns of nothing', () => {
    expect(domainFiles('logical-view')).toHaveLength(40);
    expect(domainFiles('lineage')).toHaveLength(40);
    expect(exported.ok && exported.warnings).toBeUndefined();
  });

  it.each(['mermaid/logical-view.mmd', 'mermaid/lineage.mmd'])(
    '%s draws each domain as one node with its counts, and the links between two domains as one counted edge',
    async (path) => {
      const parsed = await parseWithDefaultLimits(overview(path));
      expect(parsed.vertices).toHaveLength(40);
      expect(parsed.vertices[0]?.label).toBe('Domain 0 · 5 products, \n0 systems, 10 ports');
      const crossDomainLinks = mesh.links.filter(
        (link) => link.from.nodeId.split('-')[0] !== link.to.nodeId.split('-')[0],
      );
      const counted = parsed.edges.map((edge) => Number(/^(\d+) links?$/.exec(edge.label)?.[1]));
      expect(counted.reduce((sum, count) => sum + count, 0)).toBe(crossDomainLinks.length);
    },
  );

  it.each(['logical-view', 'lineage'])(
    'mermaid/%s.mmd names the files of each domain’s diagram of its kind',
    (kind) => {
      const named = overview(`mermaid/${kind}.mmd`)
        .split('\n')
        .flatMap((line) => /^\s*%% (mermaid\/\S+\.mmd)$/.exec(line)?.[1] ?? []);
      expect(named).toEqual(domainFiles(kind));
    },
  );

  it('writes the domains’ lineages with the lineage’s overview even when only the lineage is chosen', () => {
    const lineageOnly = filesOf(mermaidTarget.files(mesh, WHOLE_MESH, { diagramKinds: ['lineage'] }));
    expect(lineageOnly.map((file) => file.path)).toEqual(['mermaid/lineage.mmd', ...domainFiles('lineage')]);
  });
});

describe('the domain overview counts the links its whole diagram draws, and no others', () => {
  /** The crowded mesh, with systems feeding products of other domains and a link to an input port since removed. */
  const mesh = (() => {
    const crowded = crowdedMesh(40, 600);
    for (const [system, domain, fed] of [
      ['s0', 'd0', ['d1-p0', 'd2-p0', 'd0-p1']],
      ['s7', 'd7', ['d1-p1']],
    ] as const) {
      crowded.systems.push(aSystem(system, domain));
      for (const product of fed) {
        crowded.links.push({
          id: `${system}-${product}`,
          from: { nodeId: system, portId: 'items-cdc' },
          to: { nodeId: product, portId: 'in' },
        });
      }
    }
    crowded.links.push({
      id: 'dangling',
      from: { nodeId: 'd3-p0', portId: 'out' },
      to: { nodeId: 'd4-p0', portId: 'gone' },
    });
    return crowded;
  })();
  const files = filesOf(mermaidTarget.files(mesh, WHOLE_MESH));
  const domainName = (id: string) => mesh.domains.find((domain) => domain.id === id)?.name;
  const ownerDomain = (title: string) =>
    domainName(
      [...mesh.products, ...mesh.systems].find(
        (owner) => owner.name === title || `${owner.name} (operational system)` === title,
      )?.domainId ?? '',
    );

  /** `from → to: links` for each pair of domains, as the whole diagram draws them (each node's domain told by `domainOf`). */
  const drawnBetweenDomains = (whole: ParsedFlowchart, domainOf: (subgraphTitle: string) => string | undefined) => {
    const subgraphOf = new Map(
      whole.subgraphs.flatMap((subgraph) => subgraph.nodes.map((node) => [node, asOneLine(subgraph.title)])),
    );
    const tally = new Map<string, number>();
    for (const edge of whole.edges) {
      const from = domainOf(String(subgraphOf.get(edge.from)));
      const to = domainOf(String(subgraphOf.get(edge.to)));
      if (from !== to) tally.set(`${from} → ${to}`, (tally.get(`${from} → ${to}`) ?? 0) + 1);
    }
    return tally;
  };
  const countedInOverview = (overview: ParsedFlowchart) => {
    const domainOfVertex = new Map(overview.vertices.map((vertex) => [vertex.id, vertex.label.split(' · ')[0]]));
    return new Map(
      overview.edges.map((edge) => [
        `${domainOfVertex.get(edge.from)} → ${domainOfVertex.get(edge.to)}`,
        Number(/^(\d+) links?$/.exec(edge.label)?.[1]),
      ]),
    );
  };

  it.each([
    ['logical-view', (title: string) => title],
    ['lineage', ownerDomain],
  ] as const)('the %s overview’s edges are the whole view’s links between domains', async (kind, domainOf) => {
    const whole = mermaidDiagram(mesh, { kind, subject: { kind: 'mesh' } });
    const drawn = drawnBetweenDomains(await parseFlowchart(whole.ok ? whole.value : ''), domainOf);
    const overview = String(files.find((file) => file.path === `mermaid/${kind}.mmd`)?.content);
    expect(overview).toContain(', by domain');
    expect(countedInOverview(await parseWithDefaultLimits(overview))).toEqual(drawn);
  });
});

describe('Mermaid’s default limits', () => {
  it('are the ones the mermaid package defaults to', async () => {
    const { maxTextSize, maxEdges } = (await realMermaid()).mermaidAPI.defaultConfig;
    expect({ maxTextSize, maxEdges }).toEqual(MERMAID_DEFAULT_LIMITS);
  });
});
