import { DIAGRAM_KIND_INFO, type DiagramSubject, diagramKindsFor } from '../../shared/export/mermaid';
import { useUiStore } from '../store/ui-store';
import { openDiagramView } from './diagram-view-store';

/** The inspector's way into the Diagram view: one button per kind of diagram of the element, and its image. */
export function DiagramButtons({ subject }: { subject: DiagramSubject }) {
  return (
    <div className="inspector__actions" data-testid="diagram-buttons">
      {diagramKindsFor(subject.kind).map((kind) => (
        <button key={kind} type="button" onClick={() => openDiagramView({ kind, subject })}>
          {DIAGRAM_KIND_INFO[kind].label}…
        </button>
      ))}
      <CanvasImageButton label={subject.kind === 'mesh' ? 'Image of the canvas…' : 'Image…'} />
    </div>
  );
}

/** Opens the canvas image dialog (of the selection, when there is one). */
export function CanvasImageButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => useUiStore.getState().openDialog('canvas-image')}>
      {label}
    </button>
  );
}
