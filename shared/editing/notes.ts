import type { Mesh, Note } from '../model';
import type { Added } from './child-nodes';
import type { Point } from './geometry';
import { nodeIds } from './mesh-index';
import { DEFAULT_NOTE_SIZE, setLayout } from './node-placement';

const NOTE_PROMPT = 'Double-click to write a note. **Markdown** works.';

function noteIds(mesh: Mesh): Set<string> {
  return new Set([...nodeIds(mesh), ...(mesh.notes ?? []).map((note) => note.id)]);
}

/** The document with a new sticky note at a canvas point; notes share the id space of nodes. */
export function withNoteAdded(mesh: Mesh, at: Point, text = NOTE_PROMPT): Added {
  const taken = noteIds(mesh);
  let suffix = 1;
  while (taken.has(`note-${suffix}`)) suffix++;
  const id = `note-${suffix}`;
  const note: Note = { id, text };
  const added = { ...mesh, notes: [...(mesh.notes ?? []), note] };
  return { mesh: setLayout(added, id, { x: Math.round(at.x), y: Math.round(at.y), ...DEFAULT_NOTE_SIZE }), id };
}

export function withNoteText(mesh: Mesh, id: string, text: string): Mesh {
  const notes = mesh.notes ?? [];
  if (!notes.some((note) => note.id === id && note.text !== text)) return mesh;
  return { ...mesh, notes: notes.map((note) => (note.id === id ? { ...note, text } : note)) };
}
