import { mermaidTitle } from './diagram-title';
import { type LabelText, mermaidLines, oneVisibleLine } from './mermaid-text';

/** The shapes our diagrams use, by their Mermaid 11 names (`in-out` is a port, as in the design note). */
export type NodeShape = 'rect' | 'rounded' | 'stadium' | 'in-out' | 'db' | 'doc' | 'h-cyl';

export interface FlowNode {
  type: 'node';
  id: string;
  label: string;
  shape: NodeShape;
  /** A `classDef` of the chart that styles this node. */
  className?: string;
}

export interface FlowSubgraph {
  type: 'subgraph';
  id: string;
  label: string;
  items: FlowItem[];
  /** Stroke colour of the frame (a domain's colour). */
  color?: string;
}

export type FlowItem = FlowNode | FlowSubgraph;

export interface FlowEdge {
  /** Node or subgraph ids. */
  from: string;
  to: string;
  label?: LabelText;
  /** Solid carries data; dotted is flow inside a product. */
  line?: 'solid' | 'dotted';
}

/** A Mermaid flowchart as data, so diagrams are built as values and written in one place. */
export interface Flowchart {
  title: string;
  direction: 'LR' | 'TB';
  items: FlowItem[];
  edges: FlowEdge[];
  /** `classDef` lines by class name, e.g. `{ focus: 'stroke-width:3px' }`. */
  classes?: Record<string, string>;
  /** Lines for whoever reads the text, written as `%%` comments under the header. */
  notes?: string[];
}

const INDENT = '  ';
const ARROWS = { solid: '-->', dotted: '-.->' } as const;

export function flowNode(id: string, label: string, shape: NodeShape = 'rect', className?: string): FlowNode {
  return className ? { type: 'node', id, label, shape, className } : { type: 'node', id, label, shape };
}

export function flowSubgraph(id: string, label: string, items: FlowItem[], color?: string): FlowSubgraph {
  return color ? { type: 'subgraph', id, label, items, color } : { type: 'subgraph', id, label, items };
}

/**
 * The chart as Mermaid text: a title in front matter, then items, edges and styles, one per line.
 * A box's label is a plain string (`labelType: string`), not markdown: Mermaid would show
 * `**bold**` bold and drop a `[link](…)`.
 */
export function renderFlowchart(chart: Flowchart): string {
  const lines = ['---', `title: ${mermaidTitle(chart.title)}`, '---'];
  lines.push(`flowchart ${chart.direction}`);
  for (const note of chart.notes ?? []) lines.push(`${INDENT}%% ${oneVisibleLine(note)}`);
  const classLines: string[] = [];
  const styleLines: string[] = [];
  const write = (items: readonly FlowItem[], depth: number) => {
    const indent = INDENT.repeat(depth);
    for (const item of items) {
      if (item.type === 'node') {
        lines.push(
          `${indent}${item.id}@{ shape: ${item.shape}, label: ${mermaidLines(item.label, 'box')}, labelType: string }`,
        );
        if (item.className) classLines.push(`class ${item.id} ${item.className}`);
        continue;
      }
      lines.push(`${indent}subgraph ${item.id}[${mermaidLines(item.label, 'title')}]`);
      write(item.items, depth + 1);
      lines.push(`${indent}end`);
      if (item.color) styleLines.push(`style ${item.id} stroke:${item.color},stroke-width:2px`);
    }
  };
  write(chart.items, 1);
  for (const edge of chart.edges) {
    const arrow = ARROWS[edge.line ?? 'solid'];
    const label = edge.label ? `|${mermaidLines(edge.label)}|` : '';
    lines.push(`${INDENT}${edge.from} ${arrow}${label} ${edge.to}`);
  }
  for (const [name, css] of Object.entries(chart.classes ?? {})) lines.push(`${INDENT}classDef ${name} ${css}`);
  lines.push(...[...classLines, ...styleLines].map((line) => `${INDENT}${line}`));
  return `${lines.join('\n')}\n`;
}
