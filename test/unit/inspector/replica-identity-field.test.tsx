// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { selectOnly } from '../../../renderer/store/selection-store';
import { aMesh } from '../../builders/mesh-builder';
import { openDocument } from '../store/store-fixture';
import { drawnInspector } from './drawn-inspector';

let drawn: Awaited<ReturnType<typeof drawnInspector>> | undefined;

async function shopInspector(engine: string): Promise<HTMLElement> {
  const mesh = aMesh().withDomain('sales').withSystem('shop', 'sales').build();
  openDocument({
    ...mesh,
    systems: mesh.systems.map((system) => ({ ...system, database: { ...system.database, engine } })),
  });
  selectOnly(['shop']);
  drawn = await drawnInspector();
  return drawn.container;
}

function replicaIdentityField(container: HTMLElement): HTMLSelectElement | undefined {
  const label = [...container.querySelectorAll('label')].find((candidate) =>
    candidate.textContent?.startsWith('Replica identity'),
  );
  return (document.getElementById(label?.htmlFor ?? '') as HTMLSelectElement | null) ?? undefined;
}

const firstTable = () => useDocumentStore.getState().mesh?.systems[0]?.database.tables[0];

describe("a PostgreSQL table's replica identity in the system inspector", () => {
  afterEach(() => {
    drawn?.remove();
    drawn = undefined;
  });

  it('shows DEFAULT for a table that sets none, sets FULL when chosen, and undoes it in one step', async () => {
    const field = replicaIdentityField(await shopInspector('postgres'));
    expect(field?.value).toBe('default');
    expect(firstTable()).not.toHaveProperty('replicaIdentity');
    act(() => {
      if (!field) return;
      field.value = 'full';
      field.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(firstTable()?.replicaIdentity).toBe('full');
    act(() => useDocumentStore.getState().undo());
    expect(firstTable()).not.toHaveProperty('replicaIdentity');
  });

  it('offers no replica identity on an engine that has none', async () => {
    expect(replicaIdentityField(await shopInspector('mysql'))).toBeUndefined();
  });
});
