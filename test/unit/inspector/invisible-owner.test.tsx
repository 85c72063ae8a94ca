// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { selectOnly } from '../../../renderer/store/selection-store';
import { aMesh } from '../../builders/mesh-builder';
import { openDocument } from '../store/store-fixture';
import { drawnInspector } from './drawn-inspector';

let drawn: Awaited<ReturnType<typeof drawnInspector>> | undefined;

/** The owner field's warning, of the element selected in a design where `owner` is written. */
async function ownerWarningOf(owner: string, selected: 'clinical' | 'adverse-events'): Promise<string | null> {
  openDocument(
    aMesh()
      .withDomain('clinical', { name: 'Clinical', owner })
      .withProduct('adverse-events', 'clinical', { name: 'Adverse events', owner })
      .build(),
  );
  selectOnly([selected]);
  drawn?.remove();
  drawn = await drawnInspector();
  const describedBy = drawn.container.querySelector('[data-field$=".owner"]')?.getAttribute('aria-describedby');
  return describedBy ? (document.getElementById(describedBy)?.textContent ?? null) : null;
}

describe('the owner field', () => {
  afterEach(() => {
    drawn?.remove();
    drawn = undefined;
  });

  it.each([
    ['domain', 'clinical'],
    ['product', 'adverse-events'],
  ] as const)('warns on a %s whose owner is only invisible characters, which names no owner', async (_, id) => {
    expect(await ownerWarningOf('\u200b', id)).toBe('Only spaces or invisible characters: this names no owner.');
  });

  it('says nothing of an owner with a name, nor of an empty one', async () => {
    expect(await ownerWarningOf('team-clinical-data', 'adverse-events')).toBeNull();
    expect(await ownerWarningOf('', 'adverse-events')).toBeNull();
  });
});
