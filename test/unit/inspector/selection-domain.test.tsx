// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { selectOnly } from '../../../renderer/store/selection-store';
import { aMesh } from '../../builders/mesh-builder';
import { openDocument } from '../store/store-fixture';
import { drawnInspector } from './drawn-inspector';

let drawn: Awaited<ReturnType<typeof drawnInspector>> | undefined;

/** The domains the selection's Domain field offers to move to; null where it shows none. */
async function domainChoicesFor(selected: string[]): Promise<string[] | null> {
  openDocument(
    aMesh()
      .withDomain('ticketing', { name: 'Ticketing' })
      .withDomain('ticketing-3', { name: 'Ticketing 3' })
      .withProduct('sales', 'ticketing', { name: 'Ticket Sales' })
      .withProduct('sales-3', 'ticketing-3', { name: 'Ticket Sales 3' })
      .withProduct('scans-3', 'ticketing-3', { name: 'Wristband Scans 3' })
      .build(),
  );
  selectOnly(selected);
  drawn = await drawnInspector();
  const label = [...drawn.container.querySelectorAll('label')].find((candidate) => candidate.textContent === 'Domain');
  const select = label && document.getElementById(label.htmlFor);
  return select instanceof HTMLSelectElement
    ? [...select.selectedOptions].map((option) => option.textContent ?? '')
    : null;
}

describe('the Domain field of several selected nodes', () => {
  afterEach(() => {
    drawn?.remove();
    drawn = undefined;
  });

  it('shows the domain the selected products share', async () => {
    expect(await domainChoicesFor(['sales-3', 'scans-3'])).toEqual(['Ticketing 3']);
  });

  it('is not offered for products selected with their own domain, as a pasted domain is', async () => {
    expect(await domainChoicesFor(['ticketing-3', 'sales-3', 'scans-3'])).toBeNull();
  });

  it('moves only the selected products whose domain is not selected too', async () => {
    expect(await domainChoicesFor(['ticketing-3', 'sales-3', 'scans-3', 'sales'])).toEqual(['Ticketing']);
  });
});
