// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { selectOnly } from '../../../renderer/store/selection-store';
import { aMesh } from '../../builders/mesh-builder';
import { openDocument } from '../store/store-fixture';
import { drawnInspector } from './drawn-inspector';

let drawn: Awaited<ReturnType<typeof drawnInspector>> | undefined;

/** The shop's inspector, its event ItemListed published on inserts into `items`. */
async function shopInspector(): Promise<HTMLElement> {
  openDocument(
    aMesh()
      .withDomain('sales')
      .withSystem('shop', 'sales', { publishes: [{ name: 'ItemListed', table: 'items', on: ['insert'] }] })
      .build(),
  );
  selectOnly(['shop']);
  drawn = await drawnInspector();
  return drawn.container;
}

function keyField(container: HTMLElement): HTMLSelectElement {
  const label = [...container.querySelectorAll('label')].find((candidate) =>
    candidate.textContent?.startsWith('Keyed by (aggregateid)'),
  );
  return document.getElementById(label?.htmlFor ?? '') as HTMLSelectElement;
}

function choose(field: HTMLSelectElement, value: string): void {
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const publishedEvent = () => useDocumentStore.getState().mesh?.systems[0]?.publishes[0];

describe("a published event's key in the system inspector", () => {
  afterEach(() => {
    drawn?.remove();
    drawn = undefined;
  });

  it("shows the row's key as the default, as Debezium's outbox examples key by the aggregate's id", async () => {
    const field = keyField(await shopInspector());
    expect(field.value).toBe('');
    expect(field.selectedOptions[0]?.textContent).toBe("the row's key (id)");
  });

  it('keys the event by the column chosen, and by the row key again when that is chosen', async () => {
    const field = keyField(await shopInspector());
    choose(field, 'label');
    expect(publishedEvent()?.aggregateKey).toEqual(['label']);
    choose(keyField(drawn?.container as HTMLElement), '');
    expect(publishedEvent()).not.toHaveProperty('aggregateKey');
  });
});
