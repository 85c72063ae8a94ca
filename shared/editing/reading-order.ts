import type { Point } from './geometry';

/** A node where the canvas draws it (its top left corner), with the domain it sits in. */
export interface PlacedNode extends Point {
  id: string;
  parentId?: string;
}

/** Nodes whose tops lie within this many pixels of a row's first read as on that row. */
const ROW_TOLERANCE = 40;

/**
 * The nodes' ids in the order a page is read: rows top to bottom, each row left to right, a
 * domain followed by the nodes inside it (in the same order) before the next domain.
 */
export function readingOrder(nodes: readonly PlacedNode[]): string[] {
  const ids = new Set(nodes.map((node) => node.id));
  const childrenOf = new Map<string | undefined, PlacedNode[]>();
  for (const node of nodes) {
    const parent = node.parentId && ids.has(node.parentId) ? node.parentId : undefined;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), node]);
  }
  const visit = (parent: string | undefined): string[] =>
    inRows(childrenOf.get(parent) ?? []).flatMap((node) => [node.id, ...visit(node.id)]);
  return visit(undefined);
}

function inRows(nodes: readonly PlacedNode[]): PlacedNode[] {
  const rows: PlacedNode[][] = [];
  for (const node of [...nodes].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const row = rows.at(-1);
    if (row && node.y - (row[0] as PlacedNode).y <= ROW_TOLERANCE) row.push(node);
    else rows.push([node]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x || a.y - b.y));
}
