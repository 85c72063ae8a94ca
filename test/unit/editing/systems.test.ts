import { describe, expect, it } from 'vitest';
import { overlaps } from '../../../shared/editing/geometry';
import { freeSpotIn } from '../../../shared/editing/node-placement';
import { withSystemAdded, withSystemRenamed } from '../../../shared/editing/systems';
import { WHOLE_MESH } from '../../../shared/export';
import { strimziTarget } from '../../../shared/export/strimzi/strimzi-target';
import type { Mesh } from '../../../shared/model';
import { connectorTopicPrefixes } from '../../../shared/model/connector-topics';
import { aMesh } from '../../builders/mesh-builder';

/** Two systems added to one domain and named in Japanese, as the user would. */
function twoSystemsNamedWithoutLatinLetters(): Mesh {
  let mesh: Mesh = aMesh().withDomain('etc').build();
  for (const name of ['機内食 システム', '配膳 システム']) {
    const added = withSystemAdded(mesh, { domainId: 'etc' });
    mesh = withSystemRenamed(added!.mesh, added!.id, name);
  }
  return mesh;
}

describe('naming a new system', () => {
  it('names its service, database and streams after the name the user gives it', () => {
    const added = withSystemAdded(aMesh().withDomain('sales').build(), { domainId: 'sales' });
    const renamed = withSystemRenamed(added!.mesh, added!.id, 'Payments');
    const system = renamed.systems[0];
    expect(system).toMatchObject({ name: 'Payments', service: { name: 'Payments' }, database: { name: 'payments' } });
    expect(system?.messaging.topics[0]?.name).toBe('payments.public.items');
  });

  it('gives two systems whose names have no Latin letter a database and streams each, so they export', () => {
    const mesh = twoSystemsNamedWithoutLatinLetters();
    expect(mesh.systems.map((system) => [system.database.name, system.messaging.topics[0]?.name])).toEqual([
      ['system', 'system.public.items'],
      ['system_2', 'system_2.public.items'],
    ]);
    expect(new Set(connectorTopicPrefixes(mesh.systems).values()).size).toBe(2);
    expect(strimziTarget.files(mesh, WHOLE_MESH)).toMatchObject({ ok: true });
  });

  it('lets a numbered database follow the next rename', () => {
    const mesh = twoSystemsNamedWithoutLatinLetters();
    const galley = withSystemRenamed(mesh, mesh.systems[1]!.id, 'Galley').systems[1];
    expect(galley?.database.name).toBe('galley');
    expect(galley?.messaging.topics[0]?.name).toBe('galley.public.items');
  });

  it('keeps service and database names the user chose', () => {
    const mesh = aMesh()
      .withDomain('sales')
      .withSystem('shop', 'sales', {
        service: { name: 'checkout-api' },
      })
      .build();
    mesh.systems[0]!.database.name = 'shopdb';
    const system = withSystemRenamed(mesh, 'shop', 'Web shop').systems[0];
    expect(system).toMatchObject({ service: { name: 'checkout-api' }, database: { name: 'shopdb' } });
  });
});

describe('placing a new element in view', () => {
  const view = { x: 0, y: 0, width: 1000, height: 700 };
  const minimap = { x: 780, y: 540, width: 220, height: 160 };

  it('finds room on screen, clear of other domains and of the minimap', () => {
    const taken = [{ x: 0, y: 0, width: 700, height: 400 }, minimap];
    const spot = freeSpotIn(view, { width: 300, height: 200 }, taken);
    expect(spot).toBeDefined();
    const placed = { ...spot!, width: 300, height: 200 };
    for (const rect of taken) expect(overlaps(placed, rect)).toBe(false);
    expect(placed.x + placed.width).toBeLessThanOrEqual(view.width);
    expect(placed.y + placed.height).toBeLessThanOrEqual(view.height);
  });

  it('says so when the view has no room, so the element goes elsewhere and the view follows it', () => {
    expect(
      freeSpotIn(view, { width: 300, height: 200 }, [{ x: -10, y: -10, width: 1100, height: 800 }]),
    ).toBeUndefined();
  });
});
