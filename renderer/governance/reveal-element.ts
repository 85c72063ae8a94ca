import type { ElementRef } from '../../shared/model';
import { pathSegments } from '../../shared/model/problem';
import { contractPartOf } from '../../shared/validation/contract-text-places';
import { CLASSIFICATION_LEVELS_PLACE, policyPlace } from '../../shared/validation/places';
import { nodesShowing } from '../../shared/validation/where-shown';
import { canvasCommands } from '../canvas/canvas-commands';
import { useContractTabs } from '../contracts/contract-tabs-store';
import { simulation } from '../simulation/simulation-controller';
import { setSimulation } from '../simulation/simulation-store';
import { currentMesh } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { selectOnly } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';
import { useGovernanceStore } from './governance-store';

/**
 * Takes the user to an element: selects what shows it on the canvas and brings that into view;
 * a port or topic is marked on its node, a contract or field opens in the contract editor; a
 * policy, which the canvas does not draw, is highlighted in the design inspector's list of
 * policies, which is shown, and the notice says where the policy is written; a scenario opens in
 * Simulate's Scenario tab with the entry at `path` (the finding's, in the document) selected.
 */
export function revealElement(element: ElementRef, path = ''): void {
  const mesh = currentMesh();
  if (!mesh) return;
  const { focusPort, focusPolicy } = useGovernanceStore.getState();
  if (element.kind === 'scenario') {
    focusPort(null);
    focusPolicy(null);
    selectOnly([]);
    // The document's path (`scenarios[0].faults[0].column`) less its first two parts is the path in the scenario's JSON.
    setSimulation({
      panelTab: 'scenario',
      scenarioEntryToReveal: { scenarioId: element.scenarioId, path: pathSegments(path).slice(2) },
    });
    simulation.chooseScenario(element.scenarioId);
    return;
  }
  const policyPath = policyPathOf(element, path);
  if (policyPath) {
    focusPort(null);
    focusPolicy(policyPath);
    selectOnly([]);
    useUiStore.getState().showSidePanelTab('inspector');
    useNoticeStore.getState().show({
      tone: 'info',
      text: `Policies are written in the design file: this one is ${policyPath} (highlighted in the design inspector).`,
    });
    return;
  }
  focusPolicy(null);
  if (element.kind === 'link') {
    const link = mesh.links.find((candidate) => candidate.id === element.linkId);
    focusPort(null);
    selectOnly([], [element.linkId]);
    if (link) canvasCommands.focusNodes([link.from.nodeId, link.to.nodeId]);
    return;
  }
  if (element.kind === 'port') focusPort({ nodeId: element.productId, portId: element.portId });
  else if (element.kind === 'topic') focusPort({ nodeId: element.systemId, portId: element.topicId });
  else focusPort(null);
  if (element.kind === 'contract' || element.kind === 'field') openContractAtFinding(element.contractId, path);
  const nodeIds = nodesShowing(mesh, element);
  selectOnly(nodeIds);
  if (nodeIds.length > 0) canvasCommands.focusNodes(nodeIds);
}

/** Where in the design file the policy a finding is about is written: a rule's, or the ranking of classifications. */
function policyPathOf(element: ElementRef, path: string): string | undefined {
  if (element.kind === 'policy') return policyPlace(element.ruleId).path;
  return element.kind === 'mesh' && path === CLASSIFICATION_LEVELS_PLACE.path ? path : undefined;
}

/** Opens a contract with the part of it at `path` (the finding's, in the document) selected in its text, if the path names one. */
function openContractAtFinding(contractId: string, path: string): void {
  const part = contractPartOf(path);
  const tabs = useContractTabs.getState();
  const isInContract =
    part && part.modelPath.length > 0 && currentMesh()?.contracts[part.contractIndex]?.id === contractId;
  if (isInContract) tabs.openContractAt({ contractId, modelPath: part.modelPath });
  else tabs.openContract(contractId);
}
