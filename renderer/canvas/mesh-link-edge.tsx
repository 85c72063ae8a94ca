import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import { LinkBadge, LinkImpact } from '../governance/link-marks';
import { LinkActivity, useLinkViolation } from './simulation/link-activity';

export interface MeshLinkData extends Record<string, unknown> {
  /** Why the producer's contract does not give the consumer what it needs, one line per field. */
  problems: string[];
}

/** A link; an incompatible one names each missing or mismatched field in its tooltip. */
export const MeshLinkEdge = memo(function MeshLinkEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  markerEnd,
  style,
  interactionWidth,
  data,
  source,
  sourceHandleId,
}: EdgeProps) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const problems = (data as MeshLinkData | undefined)?.problems ?? [];
  const sourcePort = `${source}/${sourceHandleId}`;
  const isViolating = useLinkViolation(sourcePort);
  return (
    <>
      <LinkImpact linkId={id} path={path} />
      <BaseEdge
        path={path}
        markerEnd={markerEnd}
        style={style}
        interactionWidth={interactionWidth}
        className={isViolating ? 'edge--violations' : undefined}
      />
      {problems.length > 0 && <title>{['Incompatible link:', ...problems].join('\n')}</title>}
      <LinkBadge linkId={id} x={labelX} y={labelY} />
      <LinkActivity linkId={id} sourcePort={sourcePort} path={path} labelX={labelX} labelY={labelY} />
    </>
  );
});
