import { memo } from 'react';
import { findingsOf } from '../../../shared/validation/node-findings';
import { useDocumentStore } from '../../store/document-store';

const NONE: readonly never[] = [];

/** Problem badges on a node; the tooltip lists each finding. Simulation counts will sit beside them. */
export const NodeBadges = memo(function NodeBadges({ nodeId }: { nodeId: string }) {
  const findings = useDocumentStore((state) => (state.mesh ? findingsOf(state.mesh, nodeId) : NONE));
  if (findings.length === 0) return null;
  return (
    <span
      className="badge badge--problem"
      title={findings.map((finding) => finding.message).join('\n')}
      data-testid={`problems-${nodeId}`}
    >
      ⚠ {findings.length}
    </span>
  );
});
