import {
  type DiagramKind,
  type DiagramRequest,
  type DiagramSubject,
  diagramKindsFor,
} from '../../shared/export/mermaid';
import type { Mesh } from '../../shared/model';
import type { Selection } from '../store/selection-store';

export interface SubjectOption {
  /** The option's value in a <select>: the subject's kind and id. */
  key: string;
  label: string;
  group: string;
  subject: DiagramSubject;
}

export function subjectKey(subject: DiagramSubject): string {
  return subject.kind === 'mesh' ? 'mesh' : `${subject.kind}/${subject.id}`;
}

/** Everything a diagram can be drawn of, grouped for the Diagram view's picker. */
export function subjectOptions(mesh: Mesh): SubjectOption[] {
  const option = (kind: 'domain' | 'product' | 'system', group: string) => (node: { id: string; name: string }) => ({
    key: `${kind}/${node.id}`,
    label: node.name,
    group,
    subject: { kind, id: node.id },
  });
  return [
    { key: 'mesh', label: `The whole mesh: ${mesh.name}`, group: 'Mesh', subject: { kind: 'mesh' } },
    ...mesh.domains.map(option('domain', 'Domains')),
    ...mesh.products.map(option('product', 'Data products')),
    ...mesh.systems.map(option('system', 'Operational systems')),
  ];
}

/** The same kind of diagram for another subject if it has one, else the subject's first kind. */
export function requestFor(subject: DiagramSubject, preferredKind: DiagramKind): DiagramRequest {
  const kinds = diagramKindsFor(subject.kind);
  return { kind: kinds.includes(preferredKind) ? preferredKind : (kinds[0] as DiagramKind), subject };
}

/** What the `M` key shows: the first selected element's main diagram, or the mesh's logical view. */
export function requestForSelection(mesh: Mesh, selection: Selection): DiagramRequest {
  const [first] = selection.nodeIds;
  const find = (nodes: readonly { id: string }[]) => nodes.some((node) => node.id === first);
  if (first && find(mesh.products)) return { kind: 'product-architecture', subject: { kind: 'product', id: first } };
  if (first && find(mesh.systems)) return { kind: 'data-retrieval-flow', subject: { kind: 'system', id: first } };
  if (first && find(mesh.domains)) return { kind: 'logical-view', subject: { kind: 'domain', id: first } };
  return { kind: 'logical-view', subject: { kind: 'mesh' } };
}
