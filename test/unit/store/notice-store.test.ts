import { beforeEach, describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { announceEdit, useNoticeStore } from '../../../renderer/store/notice-store';
import { aMesh } from '../../builders/mesh-builder';
import { openDocument } from './store-fixture';

const notices = () => useNoticeStore.getState();

describe('the status bar notice', () => {
  beforeEach(() => {
    openDocument(aMesh().build());
    notices().show({ tone: 'info', text: 'Opened sample “E-commerce”' });
  });

  it('goes when another design replaces the one it was about, and stays listed', () => {
    useDocumentStore.getState().open(aMesh().build(), null);
    expect(notices().notice).toBeNull();
    expect(notices().history[0]?.text).toBe('Opened sample “E-commerce”');
  });

  it('goes when the design is closed', () => {
    useDocumentStore.getState().close();
    expect(notices().notice).toBeNull();
  });

  it('stays while the same design is edited', () => {
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Renamed' }));
    expect(notices().notice?.text).toBe('Opened sample “E-commerce”');
  });
});

describe('the notice of an edit', () => {
  beforeEach(() => openDocument(aMesh().build()));

  it('gives way to what Undo did when that edit is undone', () => {
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Renamed' }));
    announceEdit('Deleted orders and its contract Order');
    useDocumentStore.getState().undo();
    expect(notices().notice?.text).toBe('Undone: Deleted orders and its contract Order');
    expect(notices().notice?.actions).toBeUndefined();
  });

  it('gives way to what Undo did when its own Undo button (which dismisses it) undid the edit', () => {
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Renamed' }));
    announceEdit('Deleted orders');
    notices().dismiss();
    useDocumentStore.getState().undo();
    expect(notices().notice?.text).toBe('Undone: Deleted orders');
  });

  it('tells of the edit again, with its Undo, when it is redone', () => {
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Renamed' }));
    announceEdit('Deleted orders');
    useDocumentStore.getState().undo();
    useDocumentStore.getState().redo();
    expect(notices().notice?.text).toBe('Deleted orders');
    expect(notices().notice?.actions?.map((action) => action.label)).toEqual(['Undo']);
  });

  it('leaves a later notice in place when its edit is undone', () => {
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Renamed' }));
    announceEdit('Deleted orders');
    notices().show({ tone: 'info', text: 'Saved' });
    useDocumentStore.getState().undo();
    expect(notices().notice?.text).toBe('Saved');
  });
});
