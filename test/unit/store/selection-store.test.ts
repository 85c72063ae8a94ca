import { beforeEach, describe, expect, it } from 'vitest';
import { changeMesh, useDocumentStore } from '../../../renderer/store/document-store';
import { moveNodes } from '../../../renderer/store/layout-actions';
import {
  applyChanges,
  selectClickedNodeAlone,
  selectOnly,
  useSelectionStore,
} from '../../../renderer/store/selection-store';
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

describe('a click on a node selected among others', () => {
  beforeEach(() => selectOnly(['orders', 'revenue'], ['orders-to-revenue']));
  const selected = () => [...useSelectionStore.getState().nodeIds, ...useSelectionStore.getState().linkIds];

  it('selects that node alone when no Shift, Ctrl or ⌘ is held', () => {
    selectClickedNodeAlone('orders', false);
    expect(selected()).toEqual(['orders']);
  });

  it('leaves the selection to the canvas when adding to it, or when the node is not selected', () => {
    selectClickedNodeAlone('orders', true);
    selectClickedNodeAlone('customers', false);
    expect(selected()).toEqual(['orders', 'revenue', 'orders-to-revenue']);
  });
});

describe('opening a document', () => {
  it('starts with nothing selected', () => {
    selectOnly(['orders'], ['link']);
    useDocumentStore.getState().open(aMesh().build(), null);
    expect(useSelectionStore.getState().nodeIds.size + useSelectionStore.getState().linkIds.size).toBe(0);
  });
});

describe('a change to the document', () => {
  it('leaves no hidden id selected after an undone add: what was selected before it, still there, is', () => {
    const mesh = aMesh().withDomain('academics').withProduct('courses', 'academics');
    useDocumentStore.getState().open(mesh.build(), null);
    selectOnly(['courses']);
    changeMesh(() => mesh.withSystem('ghost', 'academics').build());
    selectOnly(['ghost']);
    useDocumentStore.getState().undo();
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['courses']);
  });

  it('drops what a change took away, keeping the same sets when nothing of them went', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withProduct('a', 'd')
      .withProduct('b', 'd')
      .withLink('a-b', { nodeId: 'a', portId: 'out' }, { nodeId: 'b', portId: 'in' });
    useDocumentStore.getState().open(mesh.build(), null);
    selectOnly(['a'], ['a-b']);
    const { nodeIds } = useSelectionStore.getState();
    changeMesh((current) => ({ ...current, links: [] }));
    expect(useSelectionStore.getState().linkIds.size).toBe(0);
    expect(useSelectionStore.getState().nodeIds).toBe(nodeIds);
  });

  it('selects again what a redo brings back', () => {
    const mesh = aMesh().withDomain('academics').withProduct('courses', 'academics');
    useDocumentStore.getState().open(mesh.build(), null);
    changeMesh(() => mesh.withSystem('ghost', 'academics').build());
    selectOnly(['ghost']);
    useDocumentStore.getState().undo();
    useDocumentStore.getState().redo();
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['ghost']);
  });

  it('selects after an undo what was selected before the step: the products a grouping took', () => {
    const mesh = aMesh().withDomain('school').withProduct('invoices', 'school').withProduct('students', 'school');
    useDocumentStore.getState().open(mesh.build(), null);
    selectOnly(['invoices', 'students']);
    changeMesh(() => mesh.withDomain('billing').build());
    selectOnly(['billing']);
    useDocumentStore.getState().undo();
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['invoices', 'students']);
  });
});

describe('undoing and redoing a drag', () => {
  const mesh = aMesh().withDomain('shop').withProduct('orders', 'shop').withProduct('invoices', 'shop');
  const selected = () => [...useSelectionStore.getState().nodeIds];

  /** Orders selected; a press on Invoices selects it, and the drag moves it. */
  function dragInvoicesWhileOrdersSelected(): void {
    useDocumentStore.getState().open(mesh.build(), null);
    selectOnly(['orders']);
    selectOnly(['invoices']);
    useDocumentStore.getState().beginGesture();
    moveNodes(new Map([['invoices', { x: 300, y: 200 }]]));
    useDocumentStore.getState().endGesture();
  }

  it('selects the dragged node on undo, not what was selected before the press', () => {
    dragInvoicesWhileOrdersSelected();
    useSelectionStore.getState().clear();
    useDocumentStore.getState().undo();
    expect(selected()).toEqual(['invoices']);
  });

  it('selects the dragged node on redo, whatever was selected when Undo was pressed', () => {
    dragInvoicesWhileOrdersSelected();
    useSelectionStore.getState().clear();
    useDocumentStore.getState().undo();
    useSelectionStore.getState().clear();
    useDocumentStore.getState().redo();
    expect(selected()).toEqual(['invoices']);
  });
});
