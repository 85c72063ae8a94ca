import type { Mesh, Problem, Result } from '../../model';
import { dataRetrievalFlow } from './data-retrieval-flow';
import { type Flowchart, renderFlowchart } from './flowchart';
import { lineage } from './lineage';
import { logicalView } from './logical-view';
import { type MeshGraph, meshGraph } from './mesh-graph';
import { productArchitecture } from './product-architecture';

export const DIAGRAM_KINDS = ['logical-view', 'product-architecture', 'data-retrieval-flow', 'lineage'] as const;
export type DiagramKind = (typeof DIAGRAM_KINDS)[number];

/** What a diagram is of: the whole mesh, or one domain, product or operational system. */
export type DiagramSubject = { kind: 'mesh' } | { kind: 'domain' | 'product' | 'system'; id: string };
export type SubjectKind = DiagramSubject['kind'];

export interface DiagramKindInfo {
  kind: DiagramKind;
  label: string;
  /** The subjects this kind of diagram can be drawn for. */
  subjects: readonly SubjectKind[];
  /** Where the export writes it, inside the `mermaid/` folder. */
  path(subject: DiagramSubject): string;
}

export interface DiagramRequest {
  kind: DiagramKind;
  subject: DiagramSubject;
}

/** File names start with the element's kind: an id like `con` would be a reserved device name on Windows. */
const subjectFile = (subject: DiagramSubject) => (subject.kind === 'mesh' ? '' : `/${subject.kind}-${subject.id}`);

export const DIAGRAM_KIND_INFO: Readonly<Record<DiagramKind, DiagramKindInfo>> = {
  'logical-view': {
    kind: 'logical-view',
    label: 'Logical view',
    subjects: ['mesh', 'domain'],
    path: (subject) => `logical-view${subjectFile(subject)}.mmd`,
  },
  'product-architecture': {
    kind: 'product-architecture',
    label: 'Data product architecture',
    subjects: ['product'],
    path: (subject) => `architecture${subjectFile(subject)}.mmd`,
  },
  'data-retrieval-flow': {
    kind: 'data-retrieval-flow',
    label: 'Data retrieval flow',
    subjects: ['system'],
    path: (subject) => `data-retrieval${subjectFile(subject)}.mmd`,
  },
  lineage: {
    kind: 'lineage',
    label: 'Lineage',
    subjects: ['mesh', 'product'],
    path: (subject) => `lineage${subjectFile(subject)}.mmd`,
  },
};

/** The kinds of diagram that can be drawn for a subject, in menu order. */
export function diagramKindsFor(subject: SubjectKind): DiagramKind[] {
  return DIAGRAM_KINDS.filter((kind) => DIAGRAM_KIND_INFO[kind].subjects.includes(subject));
}

/** One diagram as Mermaid text, or why it cannot be drawn (a subject that is not in the mesh). */
export function mermaidDiagram(mesh: Mesh, request: DiagramRequest): Result<string> {
  const chart = diagramFlowchart(meshGraph(mesh), request);
  return 'errors' in chart ? { ok: false, errors: chart.errors } : { ok: true, value: renderFlowchart(chart) };
}

export interface MermaidFile {
  request: DiagramRequest;
  /** Relative to the export's `mermaid/` folder, e.g. `architecture/product-orders.mmd`. */
  path: string;
  text: string;
}

/**
 * Every diagram of the mesh: its logical view and lineage, for each domain its logical view, for
 * each product its architecture, for each system its data retrieval flow. A product's own lineage
 * is left to the Diagram view: the mesh's lineage holds it, and a thousand of them take a minute.
 */
export function allMermaidDiagrams(mesh: Mesh): MermaidFile[] {
  const graph = meshGraph(mesh);
  const requests: DiagramRequest[] = [
    { kind: 'logical-view', subject: { kind: 'mesh' } },
    ...mesh.domains.map(
      (domain): DiagramRequest => ({ kind: 'logical-view', subject: { kind: 'domain', id: domain.id } }),
    ),
    ...mesh.products.map(
      (product): DiagramRequest => ({ kind: 'product-architecture', subject: { kind: 'product', id: product.id } }),
    ),
    ...mesh.systems.map(
      (system): DiagramRequest => ({ kind: 'data-retrieval-flow', subject: { kind: 'system', id: system.id } }),
    ),
    { kind: 'lineage', subject: { kind: 'mesh' } },
  ];
  return requests.flatMap((request) => {
    const chart = diagramFlowchart(graph, request);
    if ('errors' in chart) return [];
    return [{ request, path: DIAGRAM_KIND_INFO[request.kind].path(request.subject), text: renderFlowchart(chart) }];
  });
}

function diagramFlowchart(graph: MeshGraph, { kind, subject }: DiagramRequest): Flowchart | { errors: Problem[] } {
  if (!DIAGRAM_KIND_INFO[kind].subjects.includes(subject.kind)) {
    return refuse('kind', `a ${DIAGRAM_KIND_INFO[kind].label.toLowerCase()} cannot be drawn for a ${subject.kind}`);
  }
  if (subject.kind === 'mesh') return kind === 'lineage' ? lineage(graph) : logicalView(graph);
  if (subject.kind === 'domain') {
    return graph.domain(subject.id)
      ? logicalView(graph, subject.id)
      : refuse('subject.id', `no domain '${subject.id}'`);
  }
  if (subject.kind === 'system') {
    const system = graph.system(subject.id);
    return system ? dataRetrievalFlow(graph, system) : refuse('subject.id', `no system '${subject.id}'`);
  }
  const product = graph.product(subject.id);
  if (!product) return refuse('subject.id', `no product '${subject.id}'`);
  return kind === 'lineage' ? lineage(graph, product) : productArchitecture(graph, product);
}

function refuse(path: string, message: string): { errors: Problem[] } {
  return { errors: [{ path, message }] };
}
