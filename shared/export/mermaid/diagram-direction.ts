import type { Flowchart, FlowItem } from './flowchart';

/** How a diagram is laid out: whichever keeps it nearer a slide's shape, left to right, or top to bottom. */
export const DIAGRAM_DIRECTIONS = ['auto', 'lr', 'tb'] as const;
export type DiagramDirection = (typeof DIAGRAM_DIRECTIONS)[number];

export function isDiagramDirection(value: string): value is DiagramDirection {
  return (DIAGRAM_DIRECTIONS as readonly string[]).includes(value);
}

// Roughly what Mermaid gives one rank along the flow (a box, the gap after it, often an edge
// label) and one box across it, in pixels: enough to tell a strip from a picture.
const RANK_LENGTH = 250;
const BOX_BREADTH = 90;
/** A left-to-right picture wider than twice a 16:9 slide is drawn top to bottom. */
const WIDEST_LEFT_TO_RIGHT = (2 * 16) / 9;

/**
 * The Mermaid direction of a chart. `auto` estimates the left-to-right picture from its ranks
 * (the longest chain of links) and its breadth (the most boxes in one rank), and turns a strip
 * much wider than a slide top to bottom.
 */
export function flowchartDirection(chart: Flowchart, direction: DiagramDirection): Flowchart['direction'] {
  if (direction === 'lr') return 'LR';
  if (direction === 'tb') return 'TB';
  const { ranks, breadth } = rankShape(chart);
  return (ranks * RANK_LENGTH) / (breadth * BOX_BREADTH) > WIDEST_LEFT_TO_RIGHT ? 'TB' : 'LR';
}

/** How many ranks a layered layout gives the chart's boxes, and the most boxes in one rank. */
function rankShape(chart: Flowchart): { ranks: number; breadth: number } {
  const rankOf = new Map(boxIds(chart.items).map((id) => [id, 0]));
  const edges = chart.edges.filter((edge) => rankOf.has(edge.from) && rankOf.has(edge.to));
  // Longest path by relaxation; a cycle stops growing after one pass per box.
  for (let pass = 0; pass < rankOf.size; pass++) {
    let isChanged = false;
    for (const { from, to } of edges) {
      const reached = (rankOf.get(from) ?? 0) + 1;
      if (reached > (rankOf.get(to) ?? 0)) {
        rankOf.set(to, reached);
        isChanged = true;
      }
    }
    if (!isChanged) break;
  }
  const boxesPerRank = new Map<number, number>();
  for (const rank of rankOf.values()) boxesPerRank.set(rank, (boxesPerRank.get(rank) ?? 0) + 1);
  return { ranks: Math.max(1, boxesPerRank.size), breadth: Math.max(1, ...boxesPerRank.values()) };
}

function boxIds(items: readonly FlowItem[]): string[] {
  return items.flatMap((item) => (item.type === 'node' ? [item.id] : boxIds(item.items)));
}
