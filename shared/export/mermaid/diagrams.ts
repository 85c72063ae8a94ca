import type { Mesh, Problem, Result } from '../../model';
import { dataRetrievalFlow } from './data-retrieval-flow';
import { type DiagramDirection, flowchartDirection } from './diagram-direction';
import { type Flowchart, renderFlowchart } from './flowchart';
import { lineage } from './lineage';
import { logicalView } from './logical-view';
import { meshOverview, textWithinLimits } from './mesh-diagram-within-limits';
import { type MeshGraph, meshGraph } from './mesh-graph';
import { productArchitecture } from './product-architecture';

export const DIAGRAM_KINDS = ['logical-view', 'product-architecture', 'data-retrieval-flow', 'lineage'] as const;
export type DiagramKind = (typeof DIAGRAM_KINDS)[number];

/** What the export writes: the diagrams above, and each contract's schema as an ER diagram. */
export const EXPORTED_DIAGRAM_KINDS = [...DIAGRAM_KINDS, 'contract-er'] as const;
export type ExportedDiagramKind = (typeof EXPORTED_DIAGRAM_KINDS)[number];

/** What a diagram is of: the whole mesh, or one domain, product or operational system. */
export type DiagramSubject = { kind: 'mesh' } | { kind: 'domain' | 'product' | 'system'; id: string };
export type SubjectKind = DiagramSubject['kind'];

export interface DiagramKindInfo {
  kind: DiagramKind;
  label: string;
  /** The subjects this kind of diagram can be drawn for. */
  subjects: readonly SubjectKind[];
}

export interface DiagramRequest {
  kind: DiagramKind;
  subject: DiagramSubject;
  /** Default: `auto`, near a slide's shape. */
  direction?: DiagramDirection;
}

export const DIAGRAM_KIND_INFO: Readonly<Record<DiagramKind, DiagramKindInfo>> = {
  'logical-view': {
    kind: 'logical-view',
    label: 'Logical view',
    subjects: ['mesh', 'domain'],
  },
  'product-architecture': {
    kind: 'product-architecture',
    label: 'Data product architecture',
    subjects: ['product'],
  },
  'data-retrieval-flow': {
    kind: 'data-retrieval-flow',
    label: 'Data retrieval flow',
    subjects: ['system'],
  },
  lineage: {
    kind: 'lineage',
    label: 'Lineage',
    subjects: ['mesh', 'domain', 'product'],
  },
};

/** The kinds of diagram that can be drawn for a subject, in menu order. */
export function diagramKindsFor(subject: SubjectKind): DiagramKind[] {
  return DIAGRAM_KINDS.filter((kind) => DIAGRAM_KIND_INFO[kind].subjects.includes(subject));
}

/**
 * One diagram as Mermaid text, or why it cannot be drawn (a subject that is not in the mesh).
 * Given the mesh's graph (`meshGraph`), several diagrams share one indexing of the mesh.
 */
export function mermaidDiagram(source: Mesh | MeshGraph, request: DiagramRequest): Result<string> {
  const chart = diagramFlowchart('linksFrom' in source ? source : meshGraph(source), request);
  return 'errors' in chart ? { ok: false, errors: chart.errors } : { ok: true, value: renderFlowchart(chart) };
}

/** A diagram as the Diagram view shows it; `overviewOf` says why the whole one is not drawn. */
export interface ViewedDiagram {
  text: string;
  overviewOf?: string;
}

/**
 * The diagram the Diagram view shows: as the export writes it, a whole-mesh diagram past
 * Mermaid's default limits is its domain overview (Mermaid would take minutes over the whole, and
 * draw it as a strip no one reads), each domain's diagram picked from there.
 */
export function viewedDiagram(graph: MeshGraph, request: DiagramRequest): Result<ViewedDiagram> {
  const chart = diagramFlowchart(graph, request);
  if ('errors' in chart) return { ok: false, errors: chart.errors };
  const { text, tooLarge } = textWithinLimits(chart);
  if (!tooLarge || request.subject.kind !== 'mesh' || (request.kind !== 'logical-view' && request.kind !== 'lineage')) {
    return { ok: true, value: { text } };
  }
  const whole = { kind: request.kind, title: chart.title, tooLarge };
  const detail = ['Each domain in detail: pick it in the Diagram view.'];
  const overview = meshOverview(graph, whole, detail, request.direction);
  return { ok: true, value: { text: textWithinLimits(overview).text, overviewOf: tooLarge } };
}

/** One diagram as data, laid out in the direction asked for, or why it cannot be drawn. */
export function diagramFlowchart(graph: MeshGraph, request: DiagramRequest): Flowchart | { errors: Problem[] } {
  const chart = subjectFlowchart(graph, request);
  if ('errors' in chart) return chart;
  return { ...chart, direction: flowchartDirection(chart, request.direction ?? 'auto') };
}

function subjectFlowchart(graph: MeshGraph, { kind, subject }: DiagramRequest): Flowchart | { errors: Problem[] } {
  if (!DIAGRAM_KIND_INFO[kind].subjects.includes(subject.kind)) {
    return refuse('kind', `a ${DIAGRAM_KIND_INFO[kind].label.toLowerCase()} cannot be drawn for a ${subject.kind}`);
  }
  if (subject.kind === 'mesh') return kind === 'lineage' ? lineage(graph) : logicalView(graph);
  if (subject.kind === 'domain') {
    const domain = graph.domain(subject.id);
    if (!domain) return refuse('subject.id', `no domain '${subject.id}'`);
    return kind === 'lineage' ? lineage(graph, { kind: 'domain', domain }) : logicalView(graph, subject.id);
  }
  if (subject.kind === 'system') {
    const system = graph.system(subject.id);
    return system ? dataRetrievalFlow(graph, system) : refuse('subject.id', `no system '${subject.id}'`);
  }
  const product = graph.product(subject.id);
  if (!product) return refuse('subject.id', `no product '${subject.id}'`);
  return kind === 'lineage' ? lineage(graph, { kind: 'product', product }) : productArchitecture(graph, product);
}

function refuse(path: string, message: string): { errors: Problem[] } {
  return { errors: [{ path, message }] };
}
