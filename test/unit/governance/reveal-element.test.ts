import { beforeEach, describe, expect, it } from 'vitest';
import { revealElement } from '../../../renderer/governance/reveal-element';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { selectOnly, useSelectionStore } from '../../../renderer/store/selection-store';
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

  it('shows the design, and says where a policy is written, for a finding about a policy', () => {
    revealElement({ kind: 'policy', ruleId: 'nope' });
    expect([...useSelectionStore.getState().nodeIds]).toEqual([]);
    expect(useNoticeStore.getState().notice).toMatchObject({
      tone: 'info',
      text: 'Policies are written in the design file: this one is policies.rules.nope (the design inspector lists them).',
    });
  });
});
