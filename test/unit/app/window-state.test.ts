import { beforeEach, describe, expect, it } from 'vitest';
import { currentShellState, currentWindowTitle, subscribeToShellState } from '../../../renderer/app/use-window-state';
import { useContractDrafts } from '../../../renderer/contracts/contract-drafts';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { aMesh } from '../../builders/mesh-builder';

const ORDERS_DESIGN = { name: 'orders.mesh.json', path: '/home/ada/orders.mesh.json' };

describe('what the page tells the desktop shell about the document', () => {
  beforeEach(() => {
    useContractDrafts.setState({ textById: {} });
    useDocumentStore.getState().open(aMesh().withContract('orders-v1').build(), ORDERS_DESIGN);
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

  describe('which design the page holds, so the shell stops watching another one’s contract files', () => {
    const store = () => useDocumentStore.getState();
    const aDesign = () => aMesh().withContract('orders-v1').build();

    it('tells of another design when one is opened from another file, created with New, restored or closed', () => {
      const seen = [currentShellState().designGeneration];

      store().open(aDesign(), { name: 'shop.mesh.json', path: '/home/ada/shop.mesh.json' });
      seen.push(currentShellState().designGeneration);
      store().open(aDesign(), null);
      seen.push(currentShellState().designGeneration);
      store().open(aDesign(), null, { isUnsaved: true, recoveredFileName: 'orders.mesh.json' });
      seen.push(currentShellState().designGeneration);
      store().close();
      seen.push(currentShellState().designGeneration);

      expect(new Set(seen).size).toBe(5);
    });

    it('tells of the same design when it is saved, saved under another name or read again from its file', () => {
      const holding = currentShellState().designGeneration;
      const { documentKey, mesh } = store();
      if (!mesh) throw new Error('no design open');

      store().markSaved(documentKey, ORDERS_DESIGN, mesh);
      store().markSaved(documentKey, { name: 'copy.mesh.json', path: '/home/ada/copy.mesh.json' }, mesh);
      store().open(aDesign(), { name: 'copy.mesh.json', path: '/home/ada/copy.mesh.json' });

      expect(currentShellState().designGeneration).toBe(holding);
    });
  });
});
