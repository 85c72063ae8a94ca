import { beforeEach, describe, expect, it } from 'vitest';
import { useContractTabs } from '../../../renderer/contracts/contract-tabs-store';
import { useGovernanceStore } from '../../../renderer/governance/governance-store';
import { revealElement } from '../../../renderer/governance/reveal-element';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { selectOnly, useSelectionStore } from '../../../renderer/store/selection-store';
import { useUiStore } from '../../../renderer/store/ui-store';
import { aMesh } from '../../builders/mesh-builder';
import { openDocument } from '../store/store-fixture';

describe('revealing what a problem is about', () => {
  beforeEach(() => {
    const mesh = aMesh().withDomain('sales').withProduct('orders', 'sales').build();
    mesh.policies.rules = { nope: 'error' };
    openDocument(mesh);
    selectOnly(['orders']);
    useNoticeStore.setState({ notice: null });
  });

  it('shows the design in the inspector, the policy marked, and says where it is written, for a finding about a policy', () => {
    useUiStore.getState().showSidePanelTab('problems');
    revealElement({ kind: 'policy', ruleId: 'nope' });
    expect([...useSelectionStore.getState().nodeIds]).toEqual([]);
    expect(useUiStore.getState().sidePanelTab).toBe('inspector');
    expect(useGovernanceStore.getState().focusedPolicy).toBe('policies.rules.nope');
    expect(useNoticeStore.getState().notice).toMatchObject({
      tone: 'info',
      text: 'Policies are written in the design file: this one is policies.rules.nope (highlighted in the design inspector).',
    });
  });

  it("shows the design's classification ranking marked, and says where it is written, for a finding about it", () => {
    useUiStore.getState().showSidePanelTab('problems');
    revealElement({ kind: 'mesh' }, 'policies.classificationLevels');
    expect([...useSelectionStore.getState().nodeIds]).toEqual([]);
    expect(useUiStore.getState().sidePanelTab).toBe('inspector');
    expect(useGovernanceStore.getState().focusedPolicy).toBe('policies.classificationLevels');
    expect(useNoticeStore.getState().notice).toMatchObject({
      tone: 'info',
      text: 'Policies are written in the design file: this one is policies.classificationLevels (highlighted in the design inspector).',
    });
  });

  it('unmarks the policy when it goes to an element on the canvas', () => {
    revealElement({ kind: 'policy', ruleId: 'nope' });
    revealElement({ kind: 'product', productId: 'orders' });
    expect(useGovernanceStore.getState().focusedPolicy).toBeNull();
  });

  it('opens a contract with the part a finding is about to be selected in its text, not its first line', () => {
    openDocument(aMesh().withContract('orders').build());
    revealElement(
      { kind: 'field', contractId: 'orders', object: 'orders', field: 'id' },
      'contracts[0].schema[0].properties[0]',
    );
    expect(useContractTabs.getState()).toMatchObject({
      activeId: 'orders',
      view: 'yaml',
      placeToReveal: { contractId: 'orders', modelPath: ['schema', 0, 'properties', 0] },
    });
  });
});
