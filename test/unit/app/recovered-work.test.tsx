// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { EmptyState } from '../../../renderer/app/empty-state';
import { HostProvider } from '../../../renderer/host/host-context';
import { type Mesh, serializeMesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';
import { FakeHost } from './fake-host';

Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);

let root: Root | null = null;

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.replaceChildren();
});

/** The start screen's list of unsaved work, each entry's text, once the host has listed the copies. */
async function recoveredEntries(host: FakeHost): Promise<string[]> {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root?.render(
      <HostProvider host={host}>
        <EmptyState />
      </HostProvider>,
    ),
  );
  // Each line of an entry: the text of each innermost span, as it reads.
  return [...container.querySelectorAll('[data-testid=recovered-work] li')].map((entry) =>
    [...entry.querySelectorAll('span')]
      .filter((part) => !part.querySelector('span'))
      .map((part) => part.textContent)
      .join(' | '),
  );
}

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function aSlot(key: string, name: string, savedAt: string, mesh: Mesh) {
  return { key, name, savedAt, text: serializeMesh(mesh) };
}

describe('the unsaved work offered on the start screen', () => {
  it("names each copy by its design's name, with its counts and when it was saved, so like-named copies differ", async () => {
    const host = new FakeHost();
    const arena = aMesh().withDomain('events').withDomain('tickets').withProduct('orders', 'tickets').build();
    host.slots.set(
      'a',
      aSlot('a', 'untitled-mesh.mesh.json', '2026-12-05T11:54:00Z', { ...arena, name: 'Riverside Arena Mesh' }),
    );
    host.slots.set('b', aSlot('b', 'Test mesh', '2026-12-05T11:52:00Z', aMesh().withDomain('d').build()));
    host.slots.set('c', aSlot('c', 'Test mesh', '2026-12-05T11:51:00Z', aMesh().build()));

    expect(await recoveredEntries(host)).toEqual([
      `Riverside Arena Mesh | untitled-mesh.mesh.json · 2 domains · 1 product · 0 systems · 0 links · autosaved ${TIME.format(Date.parse('2026-12-05T11:54:00Z'))}`,
      `Test mesh | 1 domain · 0 products · 0 systems · 0 links · autosaved ${TIME.format(Date.parse('2026-12-05T11:52:00Z'))}`,
      `Test mesh | 0 domains · 0 products · 0 systems · 0 links · autosaved ${TIME.format(Date.parse('2026-12-05T11:51:00Z'))}`,
    ]);
  });

  it('counts the notes of a copy, so one that holds only notes is not shown as empty', async () => {
    const host = new FakeHost();
    const notesOnly = aMesh().withNote('n1', 'Ask the notaries about wills').build();
    host.slots.set('a', aSlot('a', 'Untitled mesh', '2026-12-05T11:54:00Z', { ...notesOnly, name: 'Untitled mesh' }));

    expect(await recoveredEntries(host)).toEqual([
      `Untitled mesh | 0 domains · 0 products · 0 systems · 0 links · 1 note · autosaved ${TIME.format(Date.parse('2026-12-05T11:54:00Z'))}`,
    ]);
  });

  it('shows the direction overrides in the names of a copy as escapes, so a name cannot pass for another', async () => {
    const host = new FakeHost();
    const overridden = 'Étude \u202eexe.txt\u202c.mesh.json';
    host.slots.set(
      'a',
      aSlot('a', overridden, '2026-12-05T11:54:00Z', { ...aMesh().build(), name: 'Notary \u202eetude' }),
    );

    const [entry] = await recoveredEntries(host);

    expect(entry).toMatch(/^Notary \\u202eetude \| Étude \\u202eexe\.txt\\u202c\.mesh\.json · /);
    expect(document.querySelector('.recovered-work__name')?.getAttribute('title')).toBe('Notary \\u202eetude');
    expect(document.querySelectorAll('.recovered-work__copy bdi')).toHaveLength(2);
  });

  it('still lists a copy whose text no longer reads as a design, by the name it was kept under', async () => {
    const host = new FakeHost();
    host.slots.set('a', { key: 'a', name: 'orders.mesh.json', savedAt: '2026-12-05T11:54:00Z', text: '{"name": ' });

    expect(await recoveredEntries(host)).toEqual([
      `orders.mesh.json | autosaved ${TIME.format(Date.parse('2026-12-05T11:54:00Z'))}`,
    ]);
  });
});
