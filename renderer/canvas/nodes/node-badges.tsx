import { memo } from 'react';
import { useNodeBadge } from '../../governance/canvas-marks';

/** The governance problems of a node (and of its ports and contracts); the tooltip lists each. */
export const NodeBadges = memo(function NodeBadges({ nodeId }: { nodeId: string }) {
  const badge = useNodeBadge(nodeId);
  if (!badge.severity) return null;
  return (
    <span
      className={`badge governance-badge governance-badge--${badge.severity}`}
      title={badge.tooltip}
      data-testid={`problems-${nodeId}`}
      data-severity={badge.severity}
    >
      {badge.sign} {badge.count}
    </span>
  );
});
