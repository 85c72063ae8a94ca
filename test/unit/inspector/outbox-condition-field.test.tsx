// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { selectOnly } from '../../../renderer/store/selection-store';
import { aMesh } from '../../builders/mesh-builder';
import { openDocument } from '../store/store-fixture';
import { drawnInspector } from './drawn-inspector';

let drawn: Awaited<ReturnType<typeof drawnInspector>> | undefined;
const FIELD = '[data-field="shop.publishes.0.when"]';

/** The shop's inspector, its event ItemListed published on updates of `items` when `when` holds. */
async function inspectorWithCondition(when?: string): Promise<HTMLElement> {
  openDocument(
    aMesh()
      .withDomain('sales')
      .withSystem('shop', 'sales', {
        publishes: [{ name: 'ItemListed', table: 'items', on: ['update'], ...(when !== undefined && { when }) }],
      })
      .build(),
  );
  selectOnly(['shop']);
  drawn = await drawnInspector();
  return drawn.container;
}

function warningOf(container: HTMLElement): string | null {
  const describedBy = container.querySelector(FIELD)?.getAttribute('aria-describedby');
  return describedBy ? (document.getElementById(describedBy)?.textContent ?? null) : null;
}

function typeInto(container: HTMLElement, text: string): void {
  const field = container.querySelector(FIELD) as HTMLInputElement;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setValue?.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const publishedEvent = () => useDocumentStore.getState().mesh?.systems[0]?.publishes[0];

describe("a published event's condition in the system inspector", () => {
  afterEach(() => {
    drawn?.remove();
    drawn = undefined;
  });

  it('writes what is typed as the condition, and removes it when the field is emptied', async () => {
    const container = await inspectorWithCondition();
    typeInto(container, "new.label = 'listed'");
    expect(publishedEvent()?.when).toBe("new.label = 'listed'");
    typeInto(container, '');
    expect(publishedEvent()).not.toHaveProperty('when');
  });

  it("shows the engine's check of the condition under the field", async () => {
    const container = await inspectorWithCondition("new.state = 'listed'");
    expect(warningOf(container)).toBe("the condition names new.state, but table 'items' has no column 'state'");
  });
});
