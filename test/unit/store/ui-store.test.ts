import { describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { useUiStore } from '../../../renderer/store/ui-store';
import { aMesh } from '../../builders/mesh-builder';

describe('the arrow keys’ ring (keyboard cursor)', () => {
  it('is on no node of a design just opened, though it has a node of the same id', () => {
    useDocumentStore.getState().open(aMesh().withDomain('sales').withProduct('orders', 'sales').build(), null);
    useUiStore.getState().setKeyboardCursor('orders');
    useDocumentStore.getState().open(aMesh().withDomain('sales').withProduct('orders', 'sales').build(), null);
    expect(useUiStore.getState().keyboardCursor).toBeNull();
  });
});
