import { describe, expect, it } from 'vitest';
import type { Size } from '../../../shared/editing/geometry';
import { childRect, DEFAULT_NODE_SIZE, DOMAIN_PADDING, SLOT_GAP } from '../../../shared/editing/node-placement';
import { withProductAdded } from '../../../shared/editing/products';
import { withSystemAdded } from '../../../shared/editing/systems';
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

describe('a new system added to feed the selected product', () => {
  const sizeOf = () => DEFAULT_NODE_SIZE;
  const slot = DEFAULT_NODE_SIZE.width + SLOT_GAP;

  function storeSalesAt(x: number, y = DOMAIN_PADDING.top) {
    const mesh = aMesh().withDomain('stores').withProduct('store-sales', 'stores').build();
    mesh.layout.nodes = {
      stores: { x: 0, y: 0, width: 640, height: 520 },
      'store-sales': { x, y },
    };
    return mesh;
  }

  it('goes left of the product, level with it, the product moving right when there is no room', () => {
    const mesh = storeSalesAt(DOMAIN_PADDING.side);
    const added = withSystemAdded(mesh, { domainId: 'stores', feeds: 'store-sales', sizeOf });
    if (!added) throw new Error('no system added');
    expect(childRect(added.mesh, added.id, sizeOf)).toMatchObject({ x: DOMAIN_PADDING.side, y: DOMAIN_PADDING.top });
    expect(childRect(added.mesh, 'store-sales', sizeOf)).toMatchObject({ x: DOMAIN_PADDING.side + slot });
  });

  it('takes the room left of the product where there is some, moving nothing', () => {
    const secondRow = DOMAIN_PADDING.top + DEFAULT_NODE_SIZE.height + SLOT_GAP;
    const mesh = storeSalesAt(DOMAIN_PADDING.side + slot, secondRow);
    const added = withSystemAdded(mesh, { domainId: 'stores', feeds: 'store-sales', sizeOf });
    if (!added) throw new Error('no system added');
    expect(childRect(added.mesh, added.id, sizeOf)).toMatchObject({ x: DOMAIN_PADDING.side, y: secondRow });
    expect(childRect(added.mesh, 'store-sales', sizeOf)).toMatchObject({ x: DOMAIN_PADDING.side + slot, y: secondRow });
  });
});
