import { noteById } from '../../shared/editing/mesh-index';
import { useDocumentStore } from '../store/document-store';
import { updateNoteText } from '../store/note-actions';
import { TextField } from './fields/text-field';
import { NodeActions } from './node-actions';

export function NoteInspector({ noteId }: { noteId: string }) {
  const text = useDocumentStore((state) => (state.mesh ? noteById(state.mesh, noteId)?.text : undefined));
  if (text === undefined) return null;
  return (
    <div className="inspector" data-testid="note-inspector">
      <h2 className="inspector__title">Note</h2>
      <NodeActions nodeId={noteId} canFocusLineage={false} />
      <TextField
        label="Text (Markdown)"
        fieldKey={`note:${noteId}`}
        value={text}
        code
        focusFor={noteId}
        onChange={(value, options) => updateNoteText(noteId, value, options)}
      />
      <p className="inspector__note">Saved in the design. Links open outside the app; HTML is shown as text.</p>
    </div>
  );
}
