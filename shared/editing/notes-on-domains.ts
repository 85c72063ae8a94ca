import type { Mesh } from '../model';
import { centerOf, containsPoint, containsRect, type Rect } from './geometry';
import { domainRect, noteRects, setLayout } from './node-placement';

/**
 * How a note must lie on a domain to travel with it: its centre inside (auto-layout, which moves
 * domains far), or its whole box inside (a drag, as a draw.io container takes what lies in it).
 */
export type NoteOnDomain = 'centre-inside' | 'wholly-inside';

const LIES_ON: Record<NoteOnDomain, (domain: Rect, note: Rect) => boolean> = {
  'centre-inside': (domain, note) => containsPoint(domain, centerOf(note)),
  'wholly-inside': containsRect,
};

/**
 * The sticky notes that sit on one of `domainIds`, each with that domain: such a note annotates
 * the domain and travels with it. A locked note stays put.
 */
export function notesOnDomains(
  mesh: Mesh,
  domainIds: readonly string[],
  lying: NoteOnDomain = 'centre-inside',
): Map<string, string> {
  const domains = domainIds.map((domainId) => ({ domainId, rect: domainRect(mesh, domainId) }));
  const rects = noteRects(mesh);
  const onDomains = new Map<string, string>();
  for (const [index, note] of (mesh.notes ?? []).entries()) {
    if (mesh.layout.nodes[note.id]?.locked) continue;
    const noteRect = rects[index] as Rect;
    const domain = domains.find(({ rect }) => LIES_ON[lying](rect, noteRect));
    if (domain) onDomains.set(note.id, domain.domainId);
  }
  return onDomains;
}

/**
 * The notes lying wholly on the domains among `movedIds` (a drag, a nudge), each with its domain:
 * they go where their domain goes. A note moved itself moves on its own.
 */
export function notesCarriedWith(mesh: Mesh, movedIds: ReadonlySet<string>): Map<string, string> {
  const domainIds = mesh.domains.filter((domain) => movedIds.has(domain.id)).map((domain) => domain.id);
  const notesOn = [...notesOnDomains(mesh, domainIds, 'wholly-inside')].filter(([noteId]) => !movedIds.has(noteId));
  return new Map(notesOn);
}

/** `after` with each of `notesOn` (note → domain) moved by as much as its domain moved since `before`. */
export function withNotesCarried(before: Mesh, after: Mesh, notesOn: ReadonlyMap<string, string>): Mesh {
  let next = after;
  for (const [noteId, domainId] of notesOn) {
    const from = domainRect(before, domainId);
    const to = domainRect(after, domainId);
    const layout = before.layout.nodes[noteId] ?? { x: 0, y: 0 };
    const carried = { ...layout, x: layout.x + to.x - from.x, y: layout.y + to.y - from.y };
    // Compared with where the note is in `after`, so a domain dragged back to its start brings it back too.
    const current = after.layout.nodes[noteId];
    if (current?.x === carried.x && current.y === carried.y) continue;
    next = setLayout(next, noteId, carried);
  }
  return next;
}
