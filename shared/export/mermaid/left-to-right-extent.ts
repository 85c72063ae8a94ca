import type { Flowchart, FlowEdge, FlowItem } from './flowchart';
import { labelExtent } from './mermaid-text';

// What Mermaid (dagre) draws, in pixels, measured on its pictures: a box is its label and
// padding, at least MIN_BOX_LENGTH long; an edge's label sits between two ranks, in the gap.
const BOX_PADDING = 30;
const MIN_BOX_LENGTH = 150;
const BOX_BREADTH = 43;
const LINE_HEIGHT = 20;
const RANK_GAP = 60;
const LABEL_GAP = 25;
/** Between boxes or labels side by side across the flow. */
const SIDE_GAP = 50;
/** A frame's padding along the flow, each side, and across it: its title and padding. */
const FRAME_PADDING = 24;
const FRAME_TITLE_AND_PADDING = 78;
/** Mermaid gives a frame's border ranks of their own: frames side by side along the flow stand further apart. */
const FRAME_BORDER_GAP = 130;
/** The diagram's title above it. */
const TITLE_HEIGHT = 60;

export interface Extent {
  /** Along the flow (a left-to-right picture's width). */
  length: number;
  /** Across it (its height). */
  breadth: number;
}

/**
 * How large Mermaid draws a chart left to right. Mermaid's layout gives each frame (a domain)
 * ranks of its own, so frames linked one after another stand side by side, each as long as its
 * own chain of boxes; edge labels widen each gap between ranks and stack across the flow.
 */
export function leftToRightExtent(chart: Flowchart): Extent {
  const extent = groupExtent(chart.items, chart.edges);
  return { length: extent.length, breadth: extent.breadth + TITLE_HEIGHT };
}

interface Unit {
  item: FlowItem;
  extent: Extent;
  isFrame: boolean;
}

/** A group of items laid out as layers: each item a unit (a box, or a frame sized as its own group). */
function groupExtent(items: readonly FlowItem[], edges: readonly FlowEdge[]): Extent {
  const units: Unit[] = items.map((item) => ({ item, extent: unitExtent(item, edges), isFrame: item.type !== 'node' }));
  const unitOfId = new Map<string, number>();
  items.forEach((item, index) => {
    for (const id of itemIds(item)) unitOfId.set(id, index);
  });
  const between = edges.flatMap((edge) => {
    const from = unitOfId.get(edge.from);
    const to = unitOfId.get(edge.to);
    return from === undefined || to === undefined || from === to ? [] : [{ from, to, edge }];
  });
  const rankOf = longestPathRanks(units.length, between);
  const ranks = Math.max(0, ...rankOf) + 1;
  const columns = Array.from({ length: ranks }, (_, rank) => units.filter((_, index) => rankOf[index] === rank));
  let length = 0;
  let breadth = 0;
  columns.forEach((column, rank) => {
    length += Math.max(0, ...column.map((unit) => unit.extent.length));
    breadth = Math.max(breadth, sideBySide(column.map((unit) => unit.extent.breadth)));
    if (rank === 0) return;
    const entering = between.filter((link) => rankOf[link.to] === rank).map((link) => link.edge);
    const labels = entering.flatMap((edge) => (edge.label ? [labelExtent(edge.label)] : []));
    const widestLabel = Math.max(0, ...labels.map((label) => label.width));
    const framed = column.some((unit) => unit.isFrame) || (columns[rank - 1] ?? []).some((unit) => unit.isFrame);
    length += RANK_GAP + (widestLabel > 0 ? widestLabel + LABEL_GAP : 0) + (framed ? FRAME_BORDER_GAP : 0);
    breadth = Math.max(breadth, sideBySide(labels.map((label) => label.lines * LINE_HEIGHT)));
  });
  return { length, breadth };
}

function unitExtent(item: FlowItem, edges: readonly FlowEdge[]): Extent {
  if (item.type === 'node') {
    const label = labelExtent(item.label, 'box');
    return {
      length: Math.max(MIN_BOX_LENGTH, label.width + BOX_PADDING),
      breadth: BOX_BREADTH + (label.lines - 1) * LINE_HEIGHT,
    };
  }
  const inner = groupExtent(item.items, edges);
  const title = labelExtent(item.label, 'title');
  return {
    length: Math.max(inner.length, title.width) + 2 * FRAME_PADDING,
    breadth: inner.breadth + FRAME_TITLE_AND_PADDING + (title.lines - 1) * LINE_HEIGHT,
  };
}

function sideBySide(breadths: readonly number[]): number {
  return breadths.reduce((sum, breadth) => sum + breadth, 0) + SIDE_GAP * Math.max(0, breadths.length - 1);
}

/** Each unit's layer: the longest chain of links into it (a cycle stops growing after one pass per unit). */
function longestPathRanks(count: number, links: ReadonlyArray<{ from: number; to: number }>): number[] {
  const rankOf = new Array<number>(count).fill(0);
  for (let pass = 0; pass < count; pass++) {
    let isChanged = false;
    for (const { from, to } of links) {
      const reached = (rankOf[from] ?? 0) + 1;
      if (reached > (rankOf[to] ?? 0)) {
        rankOf[to] = reached;
        isChanged = true;
      }
    }
    if (!isChanged) break;
  }
  return rankOf;
}

/** The ids an item stands for: a box's, or a frame's and everything in it. */
function itemIds(item: FlowItem): string[] {
  return item.type === 'node' ? [item.id] : [item.id, ...item.items.flatMap(itemIds)];
}
