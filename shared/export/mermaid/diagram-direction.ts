import type { Flowchart } from './flowchart';
import { leftToRightExtent } from './left-to-right-extent';

/** How a diagram is laid out: whichever keeps it nearer a slide's shape, left to right, or top to bottom. */
export const DIAGRAM_DIRECTIONS = ['auto', 'lr', 'tb'] as const;
export type DiagramDirection = (typeof DIAGRAM_DIRECTIONS)[number];

export function isDiagramDirection(value: string): value is DiagramDirection {
  return (DIAGRAM_DIRECTIONS as readonly string[]).includes(value);
}

/** A left-to-right picture wider than twice a 16:9 slide is drawn top to bottom. */
const WIDEST_LEFT_TO_RIGHT = (2 * 16) / 9;

/**
 * The Mermaid direction of a chart. `auto` estimates the left-to-right picture (its boxes, edge
 * labels and frames, as Mermaid lays them out: see `leftToRightExtent`) and turns a strip much
 * wider than a slide top to bottom.
 */
export function flowchartDirection(chart: Flowchart, direction: DiagramDirection): Flowchart['direction'] {
  if (direction === 'lr') return 'LR';
  if (direction === 'tb') return 'TB';
  const { length, breadth } = leftToRightExtent(chart);
  return length / breadth > WIDEST_LEFT_TO_RIGHT ? 'TB' : 'LR';
}
