import type { Contract, Mesh, Result } from '../../model';
import { type ExportScope, elementsInScope, type ScopedElements } from '../export-scope';
import { type ExportTarget, withWarnings } from '../export-target';
import type { ExportWarning } from '../export-warning';
import { createFileNamer, type FileSubject } from '../file-names';
import { contractErDiagram } from './contract-er-diagram';
import type { DiagramDirection } from './diagram-direction';
import { type DiagramRequest, diagramFlowchart, EXPORTED_DIAGRAM_KINDS } from './diagrams';
import type { Flowchart } from './flowchart';
import { pastDefaultLimits } from './mermaid-limits';
import { meshOverview, type TextWithinLimits, textWithinLimits } from './mesh-diagram-within-limits';
import { type MeshGraph, meshGraph } from './mesh-graph';

const FOLDER = 'mermaid';

/** The diagrams drawn for the whole mesh and for each domain, by what they are called. */
const DOMAIN_DIAGRAMS = { 'logical-view': 'logical view', lineage: 'port-level lineage' } as const;
type DomainDiagramKind = keyof typeof DOMAIN_DIAGRAMS;
const DOMAIN_DIAGRAM_KINDS = Object.keys(DOMAIN_DIAGRAMS) as DomainDiagramKind[];

/*
 * The diagrams of the export's scope, one `.mmd` file each: for the whole mesh its logical view
 * and lineage; for each domain in scope its logical view and lineage, for each product its
 * architecture, for each system its data retrieval flow, for each contract its schema as an
 * `erDiagram` (`mermaid/contracts/<contract>.mmd`). A product's own lineage is left to the
 * Diagram view: its domain's lineage holds its links, and a thousand-product mesh would take a
 * minute to write them all. `diagramKinds` narrows them to the kinds chosen.
 *
 * Each file draws with Mermaid's default limits, as GitHub, GitLab and wikis read it: a whole-mesh
 * diagram past them is written as a domain overview naming the domains' diagrams of its kind
 * (written with it whatever the kinds chosen), and any other diagram past them is left out with a
 * warning.
 */
export const mermaidTarget: ExportTarget = {
  id: 'mermaid',
  label: 'Mermaid diagrams',
  readBy:
    'Mermaid 11 or later: GitHub, GitLab and most wikis draw it in Markdown; mermaid-cli renders it to SVG or PNG',
  files(mesh, scope, options = {}) {
    const scoped = elementsInScope(mesh, scope);
    if (!scoped.ok) return scoped;
    const plans = diagramPlans(mesh, scope, scoped.value);
    const kinds = options.diagramKinds ?? EXPORTED_DIAGRAM_KINDS;
    const chosen = (planned: readonly DiagramPlan[]) => planned.filter((plan) => kinds.includes(plan.request.kind));
    const graph = meshGraph(mesh);
    const drawAll = (planned: readonly DiagramPlan[]) => drawInDirection(graph, planned, options.diagramDirection);
    const meshDiagrams = drawAll(chosen(plans.mesh));
    if (!meshDiagrams.ok) return meshDiagrams;
    const overviewedKinds = meshDiagrams.value.flatMap((diagram) =>
      diagram.tooLarge ? [diagram.plan.request.kind] : [],
    );
    const isWritten = (plan: DiagramPlan) =>
      kinds.includes(plan.request.kind) || overviewedKinds.includes(plan.request.kind);
    const domainDiagrams = drawAll(plans.domains.filter(isWritten));
    if (!domainDiagrams.ok) return domainDiagrams;
    const otherDiagrams = drawAll(chosen(plans.others));
    if (!otherDiagrams.ok) return otherDiagrams;
    const overviewed = meshDiagrams.value.map((diagram) => {
      if (!diagram.tooLarge) return diagram;
      const ofItsKind = domainDiagrams.value.filter((domain) => domain.plan.request.kind === diagram.plan.request.kind);
      return overviewOf(graph, diagram, ofItsKind, options.diagramDirection);
    });
    const er = kinds.includes('contract-er')
      ? contractErDiagrams(mesh, scoped.value.contracts)
      : { diagrams: [], clashWarnings: [] };
    const drawn = [...overviewed, ...domainDiagrams.value, ...otherDiagrams.value, ...er.diagrams];
    const files = drawn.flatMap(({ plan, text, tooLarge }) =>
      tooLarge ? [] : [{ path: plan.path, content: text, about: plan.about }],
    );
    const warnings = drawn.flatMap(({ plan, tooLarge }) =>
      tooLarge
        ? [
            {
              kind: 'left-out' as const,
              path: plan.path,
              message: `not written: the ${plan.about} would be ${tooLarge}; the app’s Diagram view draws it`,
            },
          ]
        : [],
    );
    return withWarnings({ ok: true, value: files, warnings }, [...plans.clashWarnings(), ...er.clashWarnings]);
  },
};

/** The diagrams of the scope, whatever the kinds chosen: the whole mesh's, the domains' (logical views, then lineages), the products' and systems'. */
function diagramPlans(
  mesh: Mesh,
  scope: ExportScope,
  { domains, products, systems }: ScopedElements,
): { mesh: DiagramPlan[]; domains: DiagramPlan[]; others: DiagramPlan[]; clashWarnings: () => ExportWarning[] } {
  const clashWarnings: (() => ExportWarning[])[] = [];
  const named = (folder: string, subjects: readonly FileSubject[]) => {
    const nameFile = createFileNamer(`${FOLDER}/${folder}`, subjects);
    clashWarnings.push(nameFile.clashWarnings);
    return (element: FileSubject) => nameFile(element, '.mmd');
  };
  const wholeMesh = (kind: DomainDiagramKind): DiagramPlan => ({
    request: { kind, subject: { kind: 'mesh' } },
    path: `${FOLDER}/${kind}.mmd`,
    about: `${DOMAIN_DIAGRAMS[kind]} of ${mesh.name}`,
  });
  const domainFile = { 'logical-view': named('logical-view', domains), lineage: named('lineage', domains) };
  const productFile = named('architecture', products);
  const systemFile = named('data-retrieval', systems);
  return {
    clashWarnings: () => clashWarnings.flatMap((warningsOf) => warningsOf()),
    mesh: scope.kind === 'mesh' ? [wholeMesh('logical-view'), wholeMesh('lineage')] : [],
    domains: DOMAIN_DIAGRAM_KINDS.flatMap((kind) =>
      domains.map(
        (domain): DiagramPlan => ({
          request: { kind, subject: { kind: 'domain', id: domain.id } },
          path: domainFile[kind](domain),
          about: `${DOMAIN_DIAGRAMS[kind]} of domain ${domain.name}`,
        }),
      ),
    ),
    others: [
      ...products.map(
        (product): DiagramPlan => ({
          request: { kind: 'product-architecture', subject: { kind: 'product', id: product.id } },
          path: productFile(product),
          about: `architecture of data product ${product.name}`,
        }),
      ),
      ...systems.map(
        (system): DiagramPlan => ({
          request: { kind: 'data-retrieval-flow', subject: { kind: 'system', id: system.id } },
          path: systemFile(system),
          about: `data retrieval flow of operational system ${system.name}`,
        }),
      ),
    ],
  };
}

/** A contract's ER diagram, which is not a flowchart: the export writes it, the Diagram view does not draw it. */
interface ContractErRequest {
  kind: 'contract-er';
  contractId: string;
}

interface DiagramPlan<Request = DiagramRequest> {
  request: Request;
  path: string;
  about: string;
}

interface DrawnDiagram extends TextWithinLimits {
  plan: DiagramPlan<DiagramRequest | ContractErRequest>;
  title: string;
}

function drawInDirection(
  graph: MeshGraph,
  plans: readonly DiagramPlan[],
  direction: DiagramDirection | undefined,
): Result<DrawnDiagram[]> {
  const drawn: DrawnDiagram[] = [];
  for (const plan of plans) {
    const chart = diagramFlowchart(graph, { ...plan.request, ...(direction && { direction }) });
    if ('errors' in chart) return { ok: false, errors: chart.errors };
    drawn.push(drawnDiagram(plan, chart));
  }
  return { ok: true, value: drawn };
}

function drawnDiagram(plan: DrawnDiagram['plan'], chart: Flowchart): DrawnDiagram {
  return { plan, title: chart.title, ...textWithinLimits(chart) };
}

/** Each contract's schema as an `erDiagram`, in `mermaid/contracts/`, named after the contract. */
function contractErDiagrams(
  mesh: Mesh,
  contracts: readonly Contract[],
): { diagrams: DrawnDiagram[]; clashWarnings: ExportWarning[] } {
  const nameFile = createFileNamer(`${FOLDER}/contracts`, contracts);
  const diagrams = contracts.map((contract) => {
    const { text, relationshipCount } = contractErDiagram(contract, mesh.contracts);
    const title = `Schema of contract ${contract.name} ${contract.version}`;
    const plan: DiagramPlan<ContractErRequest> = {
      request: { kind: 'contract-er', contractId: contract.id },
      path: nameFile(contract, '.mmd'),
      about: `ER diagram of contract ${contract.name} ${contract.version}`,
    };
    return { plan, title, text, tooLarge: pastDefaultLimits(text, relationshipCount) };
  });
  return { diagrams, clashWarnings: nameFile.clashWarnings() };
}

/** The domain overview written in place of a whole-mesh diagram too large to draw, naming where the detail is. */
function overviewOf(
  graph: MeshGraph,
  whole: DrawnDiagram,
  domainViews: readonly DrawnDiagram[],
  direction: DiagramDirection | undefined,
): DrawnDiagram {
  const detail = [
    'Each domain in detail:',
    ...domainViews.map(({ plan, tooLarge }) => (tooLarge ? `${plan.path} not written: ${tooLarge}` : plan.path)),
  ];
  const kind = whole.plan.request.kind as DomainDiagramKind;
  const overview = meshOverview(graph, { kind, title: whole.title, tooLarge: whole.tooLarge ?? '' }, detail, direction);
  return drawnDiagram({ ...whole.plan, about: `${whole.plan.about}, by domain (too large to draw whole)` }, overview);
}
