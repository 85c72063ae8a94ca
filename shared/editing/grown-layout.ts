import type { Mesh } from '../model';
import { childBoxes, domainSizeAsDrawn } from './containment';
import type { Rect } from './geometry';
import { domainRect, noteRects, type SizeOf } from './node-placement';

/** A box drawn taller than it was placed for, by `growth`. */
interface GrowingBox {
  id: string;
  rect: Rect;
  growth: number;
}

/**
 * The mesh with its layout moved apart where nodes are drawn taller than on the canvas (an image
 * shows names whole, wrapped): each node under one that grew, in the same domain and overlapping
 * its span across, moves down by the growth of those above it, so none is drawn over another; its
 * domain grows to hold them (see domainSizeAsDrawn), and domains and notes under a domain that
 * grew move down alike. Only a view: the document keeps its layout.
 */
export function layoutMovedApartForGrowth(mesh: Mesh, placedSizeOf: SizeOf, grownSizeOf: SizeOf): Mesh {
  const nodes = { ...mesh.layout.nodes };
  for (const domain of mesh.domains) {
    const children = childBoxes(mesh, domain.id, grownSizeOf).map((child) => ({
      id: child.id,
      rect: child,
      growth: child.height - placedSizeOf(child.id).height,
    }));
    moveDown(nodes, shiftsBelowGrowth(children));
  }
  const moved = { ...mesh, layout: { ...mesh.layout, nodes } };
  const domains = mesh.domains.map((domain) => ({
    id: domain.id,
    rect: domainRect(mesh, domain.id),
    growth:
      domainSizeAsDrawn(moved, domain.id, grownSizeOf).height - domainSizeAsDrawn(mesh, domain.id, placedSizeOf).height,
  }));
  const noteBoxes = noteRects(mesh);
  const notes = (mesh.notes ?? []).map((note, index) => ({ id: note.id, rect: noteBoxes[index] as Rect, growth: 0 }));
  const rootNodes = { ...nodes };
  moveDown(rootNodes, shiftsBelowGrowth([...domains, ...notes]));
  return { ...mesh, layout: { ...mesh.layout, nodes: rootNodes } };
}

/** How far each box moves down: by the growth of every box above it across its span, and by how far those moved. */
function shiftsBelowGrowth(boxes: readonly GrowingBox[]): Map<string, number> {
  const topDown = [...boxes].sort((a, b) => a.rect.y - b.rect.y);
  const shifts = new Map<string, number>();
  topDown.forEach((box, index) => {
    let shift = 0;
    for (const above of topDown.slice(0, index)) {
      if (above.rect.y < box.rect.y && spansAcross(above.rect, box.rect))
        shift = Math.max(shift, (shifts.get(above.id) ?? 0) + Math.max(0, above.growth));
    }
    shifts.set(box.id, shift);
  });
  return shifts;
}

function spansAcross(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width;
}

function moveDown(nodes: Mesh['layout']['nodes'], shifts: ReadonlyMap<string, number>): void {
  for (const [id, shift] of shifts) {
    const layout = nodes[id];
    if (layout && shift > 0) nodes[id] = { ...layout, y: layout.y + shift };
  }
}
