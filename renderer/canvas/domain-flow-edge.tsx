import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { curvePath, flowCurve, pointOnCurve } from './domain-flow-curve';
import type { DomainFlowData } from './flow-elements';

/** The links from one domain into another, drawn far out as one edge with their count, arrowed where they arrive. */
export const DomainFlowEdge = memo(function DomainFlowEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
}: EdgeProps<Edge<DomainFlowData>>) {
  // The same curve the counts were placed on (see use-domain-flow-count-places).
  const curve = flowCurve({ x: sourceX, y: sourceY }, { x: targetX, y: targetY });
  const { x: labelX, y: labelY } = data?.countAt ?? pointOnCurve(curve, 0.5);
  const links = data?.links ?? 0;
  return (
    <>
      <BaseEdge path={curvePath(curve)} />
      {/* Drawn here rather than as a marker, so it keeps its size on screen however far out the view is. */}
      <g transform={`translate(${targetX} ${targetY})`}>
        <path className="domain-flow__arrowhead" d="M -12 -6 L 0 0 L -12 6 z" />
      </g>
      <EdgeLabelRenderer>
        <div
          className="domain-flow__count"
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={`domain-flow-${id}`}
          title={`${links} ${links === 1 ? 'link' : 'links'}`}
        >
          {links}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
