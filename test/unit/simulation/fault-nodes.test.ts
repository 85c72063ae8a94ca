import { describe, expect, it } from 'vitest';
import { faultNodeIds } from '../../../shared/simulation/fault-nodes';
import { aShopMesh } from './builders';

const mesh = aShopMesh().build();

describe('where a fault shows on the canvas', () => {
  it('is the system whose topic it hits and the products that consume the topic', () => {
    const nulled = { kind: 'null-field', tick: 2, systemId: 'shop', topicId: 'items-cdc', column: 'name' } as const;

    expect(faultNodeIds(mesh, nulled)).toEqual(['shop', 'catalog']);
    expect(faultNodeIds(mesh, { ...nulled, topicId: 'shop.public.items' })).toEqual(['shop', 'catalog']);
  });

  it('is the product a consumer-offline fault takes offline', () => {
    expect(faultNodeIds(mesh, { kind: 'consumer-offline', tick: 2, productId: 'catalog', ticks: 3 })).toEqual([
      'catalog',
    ]);
  });
});
