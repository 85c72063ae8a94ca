import { describe, expect, it } from 'vitest';
import { overlaps } from '../../../shared/editing/geometry';
import { freeSpotIn } from '../../../shared/editing/node-placement';
import { withSystemAdded, withSystemRenamed } from '../../../shared/editing/systems';
import { aMesh } from '../../builders/mesh-builder';

describe('naming a new system', () => {
  it('names its service, database and streams after the name the user gives it', () => {
    const added = withSystemAdded(aMesh().withDomain('sales').build(), { domainId: 'sales' });
    const renamed = withSystemRenamed(added!.mesh, added!.id, 'Payments');
    const system = renamed.systems[0];
    expect(system).toMatchObject({ name: 'Payments', service: { name: 'Payments' }, database: { name: 'payments' } });
    expect(system?.messaging.topics[0]?.name).toBe('payments.public.items');
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
