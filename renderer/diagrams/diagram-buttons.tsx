import { DIAGRAM_KIND_INFO, type DiagramSubject, diagramKindsFor } from '../../shared/export/mermaid';
import { openDiagramView } from './diagram-view-store';

/** The inspector's way into the Diagram view: one button per kind of diagram of the element. */
export function DiagramButtons({ subject }: { subject: DiagramSubject }) {
  return (
    <div className="inspector__actions" data-testid="diagram-buttons">
      {diagramKindsFor(subject.kind).map((kind) => (
        <button key={kind} type="button" onClick={() => openDiagramView({ kind, subject })}>
          {DIAGRAM_KIND_INFO[kind].label}…
        </button>
      ))}
    </div>
  );
}
