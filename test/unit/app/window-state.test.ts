import { beforeEach, describe, expect, it } from 'vitest';
import { currentShellState, currentWindowTitle, subscribeToShellState } from '../../../renderer/app/use-window-state';
import { useContractDrafts } from '../../../renderer/contracts/contract-drafts';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { aMesh } from '../../builders/mesh-builder';

describe('what the page tells the desktop shell about the document', () => {
  beforeEach(() => {
    useContractDrafts.setState({ textById: {} });
    useDocumentStore.getState().open(aMesh().withContract('orders-v1').build(), {
      name: 'orders.mesh.json',
      path: '/home/ada/orders.mesh.json',
    });
  });

  it('reports a saved design as having nothing to settle', () => {
    expect(currentShellState().isDirty).toBe(false);
  });

  it('counts contract text with problems as unsaved work, so closing the window asks first', () => {
    useContractDrafts.getState().setDraft('orders-v1', 'id: [unclosed');

    expect(currentShellState().isDirty).toBe(true);
  });

  it('marks the window title unsaved while contract text with problems is not applied', () => {
    useContractDrafts.getState().setDraft('orders-v1', 'id: [unclosed');

    expect(currentWindowTitle()).toBe('• orders.mesh.json — Data Mesh Designer');
  });

  it('tells the shell again when a draft appears or goes', () => {
    const seen: boolean[] = [];
    const stop = subscribeToShellState(() => seen.push(currentShellState().isDirty));

    useContractDrafts.getState().setDraft('orders-v1', 'id: [unclosed');
    useContractDrafts.getState().clearDraft('orders-v1');
    stop();

    expect(seen).toEqual([true, false]);
  });
});
