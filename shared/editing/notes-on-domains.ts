import type { Mesh } from '../model';
import { centerOf, containsPoint, type Rect } from './geometry';
import { domainRect, noteRects, setLayout } from './node-placement';

/**
 * The sticky notes that sit on one of `domainIds` (their centre inside it), each with that domain:
 * such a note annotates the domain and travels with it. A locked note stays put.
 */
export function notesOnDomains(mesh: Mesh, domainIds: readonly string[]): Map<string, string> {
  const domains = domainIds.map((domainId) => ({ domainId, rect: domainRect(mesh, domainId) }));
  const rects = noteRects(mesh);
  const onDomains = new Map<string, string>();
  for (const [index, note] of (mesh.notes ?? []).entries()) {
    if (mesh.layout.nodes[note.id]?.locked) continue;
    const center = centerOf(rects[index] as Rect);
    const domain = domains.find(({ rect }) => containsPoint(rect, center));
    if (domain) onDomains.set(note.id, domain.domainId);
  }
  return onDomains;
}

/** `after` with each of `notesOn` (note → domain) moved by as much as its domain moved since `before`. */
export function withNotesCarried(before: Mesh, after: Mesh, notesOn: ReadonlyMap<string, string>): Mesh {
  let next = after;
  for (const [noteId, domainId] of notesOn) {
    const from = domainRect(before, domainId);
    const to = domainRect(after, domainId);
    const layout = before.layout.nodes[noteId] ?? { x: 0, y: 0 };
    if (from.x === to.x && from.y === to.y) continue;
    next = setLayout(next, noteId, { ...layout, x: layout.x + to.x - from.x, y: layout.y + to.y - from.y });
  }
  return next;
}
