import { describe, expect, it } from 'vitest';
import { pasteServingProduct } from '../../../shared/editing/paste-serving-product';
import type { Mesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

const SIZE = { width: 200, height: 100 };

/** Orders at (0,0) and Refunds at (400,0), each 200 by 100, in a domain at the origin. */
function twoProducts(): Mesh {
  const mesh = aMesh().withDomain('sales').withProduct('orders', 'sales').withProduct('refunds', 'sales').build();
  return {
    ...mesh,
    layout: {
      nodes: { sales: { x: 0, y: 0, width: 800, height: 300 }, orders: { x: 0, y: 0 }, refunds: { x: 400, y: 0 } },
    },
  };
}

const serving = (spot: Parameters<typeof pasteServingProduct>[1]) =>
  pasteServingProduct(twoProducts(), spot, () => SIZE);

describe('the product a pasted contract is served from', () => {
  it('is the product under the pointer', () => {
    expect(serving({ pointer: { x: 450, y: 50 }, selectedNodeIds: [] })).toBe('refunds');
  });

  it('is the product under the pointer even when another one is selected', () => {
    expect(serving({ pointer: { x: 50, y: 50 }, selectedNodeIds: ['refunds'] })).toBe('orders');
  });

  it('is the one product selected when the pointer is over empty canvas or off it', () => {
    expect(serving({ pointer: { x: 300, y: 250 }, selectedNodeIds: ['sales', 'refunds'] })).toBe('refunds');
    expect(serving({ selectedNodeIds: ['orders'] })).toBe('orders');
  });

  it('is none when neither the pointer nor the selection names one product', () => {
    expect(serving({ pointer: { x: 300, y: 250 }, selectedNodeIds: ['orders', 'refunds'] })).toBeUndefined();
    expect(serving({ selectedNodeIds: ['sales'] })).toBeUndefined();
  });
});
