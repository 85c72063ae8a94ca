import { beforeEach, describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { applyChanges, selectOnly, useSelectionStore } from '../../../renderer/store/selection-store';
import { aMesh } from '../../builders/mesh-builder';

describe('the selection', () => {
  beforeEach(() => useSelectionStore.getState().clear());

  it('applies the canvas’s select and deselect changes', () => {
    expect([
      ...applyChanges(new Set(['a', 'b']), [
        { id: 'a', selected: false },
        { id: 'c', selected: true },
      ]),
    ]).toEqual(['b', 'c']);
  });

  it('keeps the same set when the changes change nothing, so subscribers stay quiet', () => {
    const ids = new Set(['a']);
    expect(applyChanges(ids, [{ id: 'a', selected: true }])).toBe(ids);
  });

  it('keeps nodes and links apart', () => {
    selectOnly(['orders'], ['link']);
    useSelectionStore.getState().applyLinkChanges([{ id: 'link', selected: false }]);
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['orders']);
    expect(useSelectionStore.getState().linkIds.size).toBe(0);
  });
});

describe('opening a document', () => {
  it('starts with nothing selected', () => {
    selectOnly(['orders'], ['link']);
    useDocumentStore.getState().open(aMesh().build(), null);
    expect(useSelectionStore.getState().nodeIds.size + useSelectionStore.getState().linkIds.size).toBe(0);
  });
});
