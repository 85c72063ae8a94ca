import { type NodeProps, NodeResizer } from '@xyflow/react';
import { memo, useState } from 'react';
import { MIN_NOTE_SIZE } from '../../../shared/editing/layout-sizes';
import { noteById } from '../../../shared/editing/mesh-index';
import { Markdown } from '../../markdown/markdown';
import { useDocumentStore } from '../../store/document-store';
import { updateNoteText } from '../../store/note-actions';

/** A sticky note: its Markdown rendered safely (see renderMarkdown); double-click to edit. */
export const NoteNode = memo(function NoteNode({ id, selected }: NodeProps) {
  const text = useDocumentStore((state) => (state.mesh ? noteById(state.mesh, id)?.text : undefined));
  const [isEditing, setEditing] = useState(false);
  if (text === undefined) return null;
  const { beginGesture, endGesture, endTyping } = useDocumentStore.getState();
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: double-click edits in place; from the keyboard, the inspector edits the text
    <div className="note-node" data-testid={`note-${id}`} onDoubleClick={() => setEditing(true)}>
      <NodeResizer
        isVisible={selected && !isEditing}
        minWidth={MIN_NOTE_SIZE.width}
        minHeight={MIN_NOTE_SIZE.height}
        onResizeStart={beginGesture}
        onResizeEnd={endGesture}
      />
      {isEditing ? (
        <textarea
          className="note-node__editor nodrag nowheel"
          aria-label="Note text (Markdown)"
          // biome-ignore lint/a11y/noAutofocus: the user double-clicked the note to write in it
          autoFocus
          value={text}
          onChange={(event) => updateNoteText(id, event.target.value, { coalesceKey: `note:${id}` })}
          onBlur={() => {
            endTyping();
            setEditing(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') event.currentTarget.blur();
          }}
        />
      ) : (
        <div className="note-node__text nowheel">
          <Markdown text={text} />
        </div>
      )}
    </div>
  );
});
