import { useShallow } from 'zustand/react/shallow';
import type { Finding } from '../../shared/validation/finding';
import { useDocumentStore } from '../store/document-store';
import { useGovernanceStore } from './governance-store';
import { findingsOf } from './mesh-findings';
import { type BadgeView, badgeOf } from './problem-badge';
import { type ImpactMark, useNodeImpact, usePortImpacts } from './use-impact';
import './governance.css';

/** The problems badge of a node; the object changes only when what it shows does. */
export function useNodeBadge(nodeId: string): BadgeView {
  return useDocumentStore(useShallow((state) => badgeOf(findingsOf(state.mesh, state.savedMesh).byNode.get(nodeId))));
}

/** The canvas already draws an incompatible link (red, dashed, its tooltip naming each field): the badge shows the rest. */
const isShownByTheLink = (finding: Finding) => finding.ruleId === 'link-compatibility';

export function useLinkBadge(linkId: string): BadgeView {
  return useDocumentStore(
    useShallow((state) =>
      badgeOf(
        findingsOf(state.mesh, state.savedMesh)
          .byLink.get(linkId)
          ?.filter((finding) => !isShownByTheLink(finding)),
      ),
    ),
  );
}

const markClass = (mark: ImpactMark | undefined) => (mark ? ` impact--${mark}` : '');

/** Class names that mark a node and its ports for the impact analysis and a port a problem pointed at. */
export function useNodeMarks(nodeId: string): { node: string; port(portId: string): string } {
  const nodeMark = useNodeImpact(nodeId);
  const portMarks = usePortImpacts(nodeId);
  const focusedPortId = useGovernanceStore((state) =>
    state.focusedPort?.nodeId === nodeId ? state.focusedPort.portId : undefined,
  );
  return {
    node: markClass(nodeMark),
    port: (portId) => `${markClass(portMarks.get(portId))}${focusedPortId === portId ? ' port--focused' : ''}`,
  };
}

/** Whether an impact is shown: the canvas dims what it does not reach. */
export function useIsImpactShown(): boolean {
  return useGovernanceStore((state) => state.impactOrigin !== null);
}
