import { beforeEach, describe, expect, it } from 'vitest';
import { selectCanRedo, selectCanUndo, selectIsDirty, useDocumentStore } from '../../../renderer/store/document-store';
import type { Mesh } from '../../../shared/model';
import { aMesh, aTruncatingScenario } from '../../builders/mesh-builder';
import { documentNow, openDocument, undoSteps } from './store-fixture';

const rename = (name: string) => (mesh: Mesh) => ({ ...mesh, name });
const store = () => useDocumentStore.getState();

describe('the document store', () => {
  beforeEach(() => openDocument(aMesh().build()));

  it('records one undo step per change, and undo and redo walk it', () => {
    store().change(rename('A'));
    store().change(rename('B'));
    expect(undoSteps()).toBe(2);
    store().undo();
    expect(documentNow().name).toBe('A');
    store().undo();
    expect(documentNow().name).toBe('Test mesh');
    store().redo();
    expect(documentNow().name).toBe('A');
  });

  it('clears what could be redone when a new change is made', () => {
    store().change(rename('A'));
    store().undo();
    store().change(rename('B'));
    expect(store().future).toEqual([]);
    store().redo();
    expect(documentNow().name).toBe('B');
  });

  it('refuses and counts edits while read-only (Simulate mode), except those allowed then', () => {
    const refusedBefore = store().refusedEdits;
    store().change(rename('A'));
    store().setReadOnly(true);
    store().change(rename('B'));
    store().undo();
    store().change((mesh) => ({ ...mesh, description: 'scenario edited' }), { whileReadOnly: true });
    store().setReadOnly(false);

    expect(documentNow()).toMatchObject({ name: 'A', description: 'scenario edited' });
    expect(store().refusedEdits - refusedBefore).toBe(2);
    expect(undoSteps()).toBe(2);
  });

  it('undoes and redoes a scenario edit while read-only, as it was allowed then, and says Undo is unavailable where it is not', () => {
    store().change(rename('A'));
    store().setReadOnly(true);
    const beforeEdit = documentNow();
    store().change((mesh) => ({ ...mesh, scenarios: [aTruncatingScenario('orders-service')] }), {
      whileReadOnly: true,
    });
    const edited = documentNow();
    const refusedBefore = store().refusedEdits;
    expect(selectCanUndo(store())).toBe(true);

    store().undo();
    expect(documentNow()).toBe(beforeEdit);
    expect(selectCanUndo(store())).toBe(false);
    expect(selectCanRedo(store())).toBe(true);
    store().redo();
    expect(documentNow()).toBe(edited);
    store().undo();
    store().undo();
    expect(documentNow().name).toBe('A');
    expect(store().refusedEdits - refusedBefore).toBe(1);

    store().setReadOnly(false);
    expect(selectCanUndo(store())).toBe(true);
  });

  it('records nothing for a change that changes nothing', () => {
    store().change((mesh) => mesh);
    expect(undoSteps()).toBe(0);
    expect(selectIsDirty(store())).toBe(false);
  });

  it('records nothing for a change that gives back an equal document', () => {
    const opened = documentNow();
    store().change((mesh) => ({ ...mesh, domains: [...mesh.domains] }));
    expect(undoSteps()).toBe(0);
    expect(documentNow()).toBe(opened);
    expect(selectIsDirty(store())).toBe(false);
  });

  it('leaves no step, and nothing unsaved, when typing brings the field back to what it was', () => {
    const opened = documentNow();
    for (const name of ['Test meshx', 'Test mesh']) store().change(rename(name), { coalesceKey: 'mesh.name' });
    store().endTyping();
    expect(undoSteps()).toBe(0);
    expect(documentNow()).toBe(opened);
    expect(selectIsDirty(store())).toBe(false);
  });

  it('starts a new step when typing goes on after bringing the field back to what it was', () => {
    for (const name of ['Test meshx', 'Test mesh', 'Test meshes']) {
      store().change(rename(name), { coalesceKey: 'mesh.name' });
    }
    expect(undoSteps()).toBe(1);
    store().undo();
    expect(documentNow().name).toBe('Test mesh');
    expect(undoSteps()).toBe(0);
  });

  it('keeps the step typing continued when that typing is taken back to where it began', () => {
    store().change((mesh) => ({ ...mesh, description: 'added' }));
    const added = documentNow();
    store().continueLastStep('mesh.name');
    for (const name of ['Test meshx', 'Test mesh']) store().change(rename(name), { coalesceKey: 'mesh.name' });
    expect(documentNow()).toBe(added);
    expect(undoSteps()).toBe(1);
    store().change(rename('Orders'), { coalesceKey: 'mesh.name' });
    store().endTyping();
    expect(undoSteps()).toBe(1);
  });

  it('merges typing in one field into one step', () => {
    for (const name of ['O', 'Or', 'Ord']) store().change(rename(name), { coalesceKey: 'mesh.name' });
    expect(undoSteps()).toBe(1);
    store().undo();
    expect(documentNow().name).toBe('Test mesh');
  });

  it('starts a new step when typing moves to another field or the field is left', () => {
    store().change(rename('A'), { coalesceKey: 'mesh.name' });
    store().change((mesh) => ({ ...mesh, description: 'x' }), { coalesceKey: 'mesh.description' });
    expect(undoSteps()).toBe(2);
    store().endTyping();
    store().change((mesh) => ({ ...mesh, description: 'xy' }), { coalesceKey: 'mesh.description' });
    expect(undoSteps()).toBe(3);
  });

  it('drops the typing a cancelled field made, leaving no step and nothing unsaved', () => {
    for (const name of ['G', 'Gr', 'Grant']) store().change(rename(name), { coalesceKey: 'mesh.name' });
    store().cancelTyping('mesh.name');
    expect(documentNow().name).toBe('Test mesh');
    expect(undoSteps()).toBe(0);
    expect(selectIsDirty(store())).toBe(false);
  });

  it('cancels only the typing still open in that field', () => {
    store().change(rename('A'), { coalesceKey: 'mesh.name' });
    store().endTyping();
    store().cancelTyping('mesh.name');
    store().change((mesh) => ({ ...mesh, description: 'x' }), { coalesceKey: 'mesh.description' });
    store().cancelTyping('mesh.name');
    expect(documentNow()).toMatchObject({ name: 'A', description: 'x' });
  });

  it('makes naming what the last step added part of that step, so one undo takes both away and one redo brings both back', () => {
    const opened = documentNow();
    store().change((mesh) => ({ ...mesh, description: 'added' }));
    store().continueLastStep('mesh.name');
    for (const name of ['O', 'Or']) store().change(rename(name), { coalesceKey: 'mesh.name' });
    store().endTyping();
    expect(undoSteps()).toBe(1);
    store().undo();
    expect(documentNow()).toBe(opened);
    store().redo();
    expect(documentNow()).toMatchObject({ description: 'added', name: 'Or' });
  });

  it('keeps a later rename its own step once the first naming is done', () => {
    store().change((mesh) => ({ ...mesh, description: 'added' }));
    store().continueLastStep('mesh.name');
    store().change(rename('Orders'), { coalesceKey: 'mesh.name' });
    store().endTyping();
    store().change(rename('Order lines'), { coalesceKey: 'mesh.name' });
    expect(undoSteps()).toBe(2);
    store().undo();
    expect(documentNow()).toMatchObject({ description: 'added', name: 'Orders' });
  });

  it('keeps what the last step added when its first naming is cancelled', () => {
    store().change((mesh) => ({ ...mesh, description: 'added' }));
    const added = documentNow();
    store().continueLastStep('mesh.name');
    store().change(rename('Ord'), { coalesceKey: 'mesh.name' });
    store().cancelTyping('mesh.name');
    expect(documentNow()).toBe(added);
    expect(undoSteps()).toBe(1);
  });

  it('does not merge typing into a step that undo has walked past', () => {
    store().change(rename('A'), { coalesceKey: 'mesh.name' });
    store().undo();
    store().change(rename('B'), { coalesceKey: 'mesh.name' });
    expect(undoSteps()).toBe(1);
    store().undo();
    expect(documentNow().name).toBe('Test mesh');
  });

  it('records a gesture (a drag) as one step however many changes it makes', () => {
    store().beginGesture();
    for (let x = 0; x < 50; x++) store().change(rename(`at ${x}`));
    expect(documentNow().name).toBe('at 49');
    store().endGesture();
    expect(undoSteps()).toBe(1);
    store().undo();
    expect(documentNow().name).toBe('Test mesh');
    store().redo();
    expect(documentNow().name).toBe('at 49');
  });

  it('records nothing for a gesture that changed nothing, and drops a cancelled one', () => {
    store().beginGesture();
    store().endGesture();
    expect(undoSteps()).toBe(0);
    store().beginGesture();
    store().change(rename('moved'));
    store().cancelGesture();
    expect(documentNow().name).toBe('Test mesh');
    expect(undoSteps()).toBe(0);
  });

  it('commits a gesture in progress before undoing', () => {
    store().change(rename('A'));
    store().beginGesture();
    store().change(rename('B'));
    store().undo();
    expect(documentNow().name).toBe('A');
    expect(store().gestureStart).toBeNull();
  });

  it('starts with no history and clean when a document is opened, and dirty after a change', () => {
    store().change(rename('A'));
    expect(selectIsDirty(store())).toBe(true);
    openDocument(aMesh('other').build());
    expect(undoSteps()).toBe(0);
    expect(selectIsDirty(store())).toBe(false);
  });

  it('marks saved the document that was written, not the one on screen now', () => {
    const written = documentNow();
    store().change(rename('Edited during the save'));

    store().markSaved(store().documentKey, { name: 'orders.mesh.json' }, written);

    expect(selectIsDirty(store())).toBe(true);
    expect(store().name).toBe('orders.mesh.json');
  });

  it('ignores a save that finishes after another document was opened', () => {
    const { documentKey } = store();
    const written = documentNow();
    openDocument(aMesh('other').build());
    store().change(rename('Other, edited'));

    store().markSaved(documentKey, { name: 'orders.mesh.json' }, written);

    expect(selectIsDirty(store())).toBe(true);
    expect(store().file).toBeNull();
  });

  it('gives each opened document its own autosave key, and opens a recovered one with unsaved changes', () => {
    const first = store().documentKey;
    openDocument(aMesh('other').build());
    expect(store().documentKey).not.toBe(first);

    const beforeRecovered = store().documentKey;
    store().open(aMesh().build(), null, { name: 'Recovered x', isUnsaved: true });

    expect(store().documentKey).not.toBe(beforeRecovered);
    expect(selectIsDirty(store())).toBe(true);
  });
});
