import { beforeEach, describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
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
