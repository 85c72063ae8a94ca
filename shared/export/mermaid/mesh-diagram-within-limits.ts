import { type DiagramDirection, flowchartDirection } from './diagram-direction';
import { domainOverview } from './domain-overview';
import type { Flowchart } from './flowchart';
import { renderFlowchart } from './flowchart';
import { pastDefaultLimits } from './mermaid-limits';
import type { MeshGraph } from './mesh-graph';

/** A diagram as Mermaid text, and why Mermaid with its default limits would refuse it (or `undefined`). */
export interface TextWithinLimits {
  text: string;
  tooLarge: string | undefined;
}

export function textWithinLimits(chart: Flowchart): TextWithinLimits {
  const text = renderFlowchart(chart);
  return { text, tooLarge: pastDefaultLimits(text, chart.edges.length) };
}

/**
 * The domain overview drawn in place of a whole-mesh logical view or lineage too large for
 * Mermaid's default limits (`tooLarge` says why): each domain one node, each edge the links from
 * one domain into another; `detail` says where each domain's own diagram is. It is laid out in
 * the direction asked for the whole.
 */
export function meshOverview(
  graph: MeshGraph,
  whole: { kind: 'logical-view' | 'lineage'; title: string; tooLarge: string },
  detail: readonly string[],
  direction: DiagramDirection = 'auto',
): Flowchart {
  const notes = [
    `The whole diagram would be ${whole.tooLarge}: each domain is one node here, and each edge the links from one domain into another.`,
    ...detail,
  ];
  const overview = domainOverview(graph, `${whole.title}, by domain`, notes);
  return { ...overview, direction: flowchartDirection(overview, direction) };
}
