import { beforeEach, describe, expect, it } from 'vitest';
import { changeMesh, useDocumentStore } from '../../../renderer/store/document-store';
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

describe('a change to the document', () => {
  it('drops from the selection what an undo took away, keeping the rest', () => {
    const mesh = aMesh().withDomain('academics').withProduct('courses', 'academics');
    useDocumentStore.getState().open(mesh.build(), null);
    changeMesh(() => mesh.withSystem('ghost', 'academics').build());
    selectOnly(['courses', 'ghost']);
    useDocumentStore.getState().undo();
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['courses']);
  });

  it('selects again what a redo brings back, unless the selection changed in between', () => {
    const mesh = aMesh().withDomain('academics').withProduct('courses', 'academics');
    useDocumentStore.getState().open(mesh.build(), null);
    changeMesh(() => mesh.withSystem('ghost', 'academics').build());
    selectOnly(['ghost']);
    useDocumentStore.getState().undo();
    useDocumentStore.getState().redo();
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['ghost']);
    useDocumentStore.getState().undo();
    selectOnly(['courses']);
    useDocumentStore.getState().redo();
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['courses']);
  });

  it('drops a link that is gone and keeps the same sets when nothing went', () => {
    const mesh = aMesh().withDomain('d').withProduct('a', 'd').withProduct('b', 'd');
    useDocumentStore.getState().open(mesh.build(), null);
    changeMesh(() => mesh.withLink('a-b', { nodeId: 'a', portId: 'out' }, { nodeId: 'b', portId: 'in' }).build());
    selectOnly(['a'], ['a-b']);
    const { nodeIds } = useSelectionStore.getState();
    useDocumentStore.getState().undo();
    expect(useSelectionStore.getState().linkIds.size).toBe(0);
    expect(useSelectionStore.getState().nodeIds).toBe(nodeIds);
  });
});
