import { beforeEach, describe, expect, it } from 'vitest';
import { copySelection, cutSelection, duplicateSelection, pasteClipboard } from '../../../renderer/store/clipboard';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { selectOnly, useSelectionStore } from '../../../renderer/store/selection-store';
import { salesPipeline as pipeline } from '../editing/editing-fixtures';
import { documentNow, expectOneUndoableStep, openDocument } from './store-fixture';

describe('clipboard commands', () => {
  beforeEach(() => openDocument(pipeline()));

  it('pastes what was copied, as one undoable step, and selects the copy', () => {
    selectOnly(['orders']);
    copySelection();
    expectOneUndoableStep(pasteClipboard);
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['orders-2']);
  });

  it('puts each further paste further away', () => {
    selectOnly(['orders']);
    copySelection();
    pasteClipboard();
    pasteClipboard();
    expect(documentNow().layout.nodes['orders-3']).toEqual({ x: 424, y: 124 });
  });

  it('cuts: removes the selection, and pastes it back', () => {
    selectOnly(['revenue']);
    cutSelection();
    expect(documentNow().products.map((product) => product.id)).toEqual(['orders']);
    pasteClipboard();
    expect(documentNow().products.map((product) => product.id)).toEqual(['orders', 'revenue']);
  });

  it('duplicates the selection without touching the clipboard', () => {
    selectOnly(['shop', 'orders']);
    expectOneUndoableStep(duplicateSelection);
    expect(documentNow().links.map((link) => link.id)).toContain('shop-to-orders-2');
    useDocumentStore.getState().undo();
    pasteClipboard();
    expect(documentNow().products).toHaveLength(2);
  });
});
