import { useShallow } from 'zustand/react/shallow';
import type { Finding } from '../../shared/validation/finding';
import { useDocumentStore } from '../store/document-store';
import { useExportRefusalsStore } from './export-refusals-store';
import { useGovernanceStore } from './governance-store';
import { findingsOf } from './mesh-findings';
import { type BadgeView, badgeOf } from './problem-badge';
import { type ImpactMark, useNodeImpact, usePortImpacts, useShownImpactOrigin } from './use-impact';
import './governance.css';

const withRefused = (findings: readonly Finding[] | undefined, refused: readonly Finding[] | undefined) =>
  refused ? [...refused, ...(findings ?? [])] : findings;

/** The problems badge of a node, what stops the export there included; the object changes only when what it shows does. */
export function useNodeBadge(nodeId: string): BadgeView {
  const refused = useExportRefusalsStore((state) => state.byNode.get(nodeId));
  return useDocumentStore(
    useShallow((state) =>
      badgeOf(withRefused(findingsOf(state.mesh, state.baseline, state.preparedSteps).byNode.get(nodeId), refused)),
    ),
  );
}

/** The canvas already draws an incompatible link (red, dashed, its tooltip naming each field): the badge shows the rest. */
const isShownByTheLink = (finding: Finding) => finding.ruleId === 'link-compatibility';

export function useLinkBadge(linkId: string): BadgeView {
  const refused = useExportRefusalsStore((state) => state.byLink.get(linkId));
  return useDocumentStore(
    useShallow((state) =>
      badgeOf(
        withRefused(
          findingsOf(state.mesh, state.baseline, state.preparedSteps)
            .byLink.get(linkId)
            ?.filter((finding) => !isShownByTheLink(finding)),
          refused,
        ),
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
  return useShownImpactOrigin() !== null;
}
