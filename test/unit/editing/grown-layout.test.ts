import { describe, expect, it } from 'vitest';
import { layoutMovedApartForGrowth } from '../../../shared/editing/grown-layout';
import type { Mesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

const placed = { width: 280, height: 150 };

/** Network on top, Planning 60 px under it; in Network, Possessions 40 px under Track Sections, Capacity beside them. */
function railNetwork(): Mesh {
  const mesh = aMesh()
    .withDomain('network')
    .withDomain('planning')
    .withProduct('track-sections', 'network')
    .withProduct('possessions', 'network')
    .withProduct('capacity', 'network')
    .build();
  mesh.layout.nodes = {
    network: { x: 0, y: 0, width: 720, height: 460 },
    planning: { x: 0, y: 520, width: 720, height: 300 },
    'track-sections': { x: 32, y: 56 },
    possessions: { x: 32, y: 246 },
    capacity: { x: 400, y: 56 },
  };
  return mesh;
}

const grownBy = (growth: Record<string, number>) => (id: string) => ({
  ...placed,
  height: placed.height + (growth[id] ?? 0),
});

describe('the layout an image draws, where nodes grow to show their names whole', () => {
  it('moves a node under a grown one down by its growth, and the domains under its domain with it', () => {
    const moved = layoutMovedApartForGrowth(railNetwork(), () => placed, grownBy({ 'track-sections': 60 }));

    expect(moved.layout.nodes.possessions).toEqual({ x: 32, y: 306 });
    expect(moved.layout.nodes.capacity).toEqual({ x: 400, y: 56 });
    // Possessions' bottom (306 + 150) comes within the padding of Network's bottom (460): Network grows to 456 + 32.
    expect(moved.layout.nodes.planning).toEqual({ x: 0, y: 548, width: 720, height: 300 });
  });

  it('leaves the layout as it is when no node grew', () => {
    const mesh = railNetwork();
    expect(
      layoutMovedApartForGrowth(
        mesh,
        () => placed,
        () => placed,
      ).layout.nodes,
    ).toEqual(mesh.layout.nodes);
  });
});
