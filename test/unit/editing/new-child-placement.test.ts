import { describe, expect, it } from 'vitest';
import type { Size } from '../../../shared/editing/geometry';
import { childRect, DEFAULT_NODE_SIZE, DOMAIN_PADDING, SLOT_GAP } from '../../../shared/editing/node-placement';
import { withProductAdded } from '../../../shared/editing/products';
import { aMesh } from '../../builders/mesh-builder';

describe('a new product added by key beside what is in its domain', () => {
  // As QA saw: a system whose tables draw it wider than the room a new node is given.
  const drawn = new Map<string, Size>([['farm-management', { width: 306, height: 150 }]]);
  const sizeOf = (id: string) => drawn.get(id) ?? DEFAULT_NODE_SIZE;

  it('keeps a readable gap from a system drawn wider than a new node', () => {
    const mesh = aMesh().withDomain('farms').withSystem('farm-management', 'farms').build();
    mesh.layout.nodes = {
      farms: { x: 0, y: 0, width: 640, height: 320 },
      'farm-management': { x: DOMAIN_PADDING.side, y: DOMAIN_PADDING.top },
    };
    const added = withProductAdded(mesh, { domainId: 'farms', sizeOf });
    if (!added) throw new Error('no product added');
    const system = childRect(added.mesh, 'farm-management', sizeOf);
    const product = childRect(added.mesh, added.id, sizeOf);
    if (!system || !product) throw new Error('not placed');
    expect(product.y).toBe(system.y);
    expect(product.x - (system.x + system.width)).toBe(SLOT_GAP);
  });
});
