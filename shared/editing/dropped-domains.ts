import type { Mesh } from '../model';
import { DOMAIN_SPACING } from './containment';
import { nearestClearOffset, overlaps, type Point } from './geometry';
import { isLocked } from './locks';
import { domainRect, setLayout } from './node-placement';
import { notesCarriedWith, withNotesCarried } from './notes-on-domains';

/**
 * After a drag: the dragged domains (of `draggedIds`) that were dropped over a domain left in
 * place slide together to the nearest place clear of every other domain, as a product dropped on
 * another slides off it, since domains never overlap; the products and the notes they carry go
 * along. Dropped on free space, however near a neighbour, they stay exactly there. `before` is the
 * document as the drag began, where the carried notes keep their place from.
 */
export function withDraggedDomainsClear(before: Mesh, mesh: Mesh, draggedIds: readonly string[]): Mesh {
  const dragged = new Set(
    draggedIds.filter((id) => mesh.domains.some((domain) => domain.id === id) && !isLocked(mesh, id)),
  );
  if (dragged.size === 0) return mesh;
  const items = [...dragged].map((id) => domainRect(mesh, id));
  const obstacles = mesh.domains.flatMap((domain) =>
    dragged.has(domain.id) || !mesh.layout.nodes[domain.id] ? [] : [domainRect(mesh, domain.id)],
  );
  if (!items.some((item) => obstacles.some((obstacle) => overlaps(item, obstacle)))) return mesh;
  const shift: Point = nearestClearOffset(items, obstacles, { x: 0, y: 0 }, DOMAIN_SPACING);
  let next = mesh;
  for (const id of dragged) {
    const layout = mesh.layout.nodes[id] ?? { x: 0, y: 0 };
    next = setLayout(next, id, { ...layout, x: layout.x + shift.x, y: layout.y + shift.y });
  }
  return withNotesCarried(before, next, notesCarriedWith(before, dragged));
}
