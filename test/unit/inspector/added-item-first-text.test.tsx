// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { selectOnly } from '../../../renderer/store/selection-store';
import { aMesh } from '../../builders/mesh-builder';
import { documentNow, openDocument } from '../store/store-fixture';
import { drawnInspector, typeInFocusedField } from './drawn-inspector';

let drawn: Awaited<ReturnType<typeof drawnInspector>> | undefined;

function addButton(label: string): HTMLButtonElement {
  const button = [...(drawn?.container.querySelectorAll('button') ?? [])].find(
    (candidate) => candidate.textContent === label,
  );
  if (!button) throw new Error(`no button ${label}`);
  return button;
}

describe('an item added to an inspector list and named at once', () => {
  afterEach(() => {
    drawn?.remove();
    drawn = undefined;
  });

  it.each([
    ['+ Add column', 'total_amount'],
    ['+ Add table', 'order_lines'],
    ['+ Add topic', 'orders.dispatched'],
  ])('is one undo step with its name: %s, then typing “%s”', async (button, name) => {
    openDocument(aMesh().withDomain('orders').withSystem('order-db', 'orders').build());
    selectOnly(['order-db']);
    drawn = await drawnInspector();
    const before = documentNow();

    await act(async () => addButton(button).click());
    await typeInFocusedField(name);
    expect(JSON.stringify(documentNow())).toContain(`"${name}"`);

    act(() => useDocumentStore.getState().undo());
    expect(documentNow()).toEqual(before);
    act(() => useDocumentStore.getState().redo());
    expect(JSON.stringify(documentNow())).toContain(`"${name}"`);
  });
});
