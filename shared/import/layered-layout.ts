import type { NodeLayout } from '../model';

/** Room for a product as the canvas draws it, and the grid it is placed on. */
const SLOT = { width: 360, height: 200 };
const NODE = { width: 280, height: 150 };
const PADDING = { top: 70, side: 40, bottom: 40 };
const DOMAIN_GAP = 60;

export interface LayoutDomain {
  id: string;
  productIds: readonly string[];
}

/**
 * Places imported domains one below the other from `origin`, each product in the column of its
 * depth in the data flow (the longest chain of links leading to it), so links run left to right.
 * Products are placed relative to their domain, as the document stores them.
 */
export function layeredLayout(
  domains: readonly LayoutDomain[],
  edges: ReadonlyArray<{ from: string; to: string }>,
  origin: { x: number; y: number },
): Record<string, NodeLayout> {
  const depth = flowDepths(edges);
  const layout: Record<string, NodeLayout> = {};
  let top = origin.y;
  for (const domain of domains) {
    const columns = [...new Set(domain.productIds.map((id) => depth.get(id) ?? 0))].sort((a, b) => a - b);
    const rowsPerColumn = columns.map(() => 0);
    for (const productId of domain.productIds) {
      const column = columns.indexOf(depth.get(productId) ?? 0);
      const row = rowsPerColumn[column] ?? 0;
      rowsPerColumn[column] = row + 1;
      layout[productId] = { x: PADDING.side + column * SLOT.width, y: PADDING.top + row * SLOT.height };
    }
    const rows = Math.max(1, ...rowsPerColumn);
    const width = 2 * PADDING.side + (Math.max(1, columns.length) - 1) * SLOT.width + NODE.width;
    const height = PADDING.top + (rows - 1) * SLOT.height + NODE.height + PADDING.bottom;
    layout[domain.id] = { x: origin.x, y: top, width, height };
    top += height + DOMAIN_GAP;
  }
  return layout;
}

/**
 * Each node's longest chain of incoming edges, in topological order (a depth-first search without
 * recursion, so a long chain cannot overflow the stack); an edge closing a cycle is not followed.
 */
function flowDepths(edges: ReadonlyArray<{ from: string; to: string }>): Map<string, number> {
  const outgoing = new Map<string, string[]>();
  for (const { from, to } of edges) {
    outgoing.set(from, [...(outgoing.get(from) ?? []), to]);
    if (!outgoing.has(to)) outgoing.set(to, []);
  }
  const finished: string[] = [];
  const seen = new Set<string>();
  for (const start of outgoing.keys()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: string; next: number };
      const child = outgoing.get(top.node)?.[top.next++];
      if (child === undefined) {
        finished.push(top.node);
        stack.pop();
      } else if (!seen.has(child)) {
        seen.add(child);
        stack.push({ node: child, next: 0 });
      }
    }
  }
  const order = finished.reverse();
  const position = new Map(order.map((node, index) => [node, index]));
  const depth = new Map<string, number>();
  for (const node of order) {
    const here = depth.get(node) ?? 0;
    depth.set(node, here);
    for (const child of outgoing.get(node) ?? []) {
      const isForward = (position.get(child) ?? 0) > (position.get(node) ?? 0);
      if (isForward) depth.set(child, Math.max(depth.get(child) ?? 0, here + 1));
    }
  }
  return depth;
}
