import { describe, expect, it } from 'vitest';
import { readingOrder } from '../../../shared/editing/reading-order';

describe('the reading order of the canvas', () => {
  it('reads rows top to bottom and each row left to right, a row holding tops a little apart', () => {
    const order = readingOrder([
      { id: 'bottom-left', x: 0, y: 300 },
      { id: 'top-right', x: 600, y: 0 },
      { id: 'top-middle', x: 300, y: 20 },
      { id: 'top-left', x: 0, y: 10 },
    ]);
    expect(order).toEqual(['top-left', 'top-middle', 'top-right', 'bottom-left']);
  });

  it('reads a domain, then the nodes inside it, before the next domain', () => {
    const order = readingOrder([
      { id: 'revenue', parentId: 'analytics', x: 640, y: 60 },
      { id: 'orders', parentId: 'sales', x: 40, y: 60 },
      { id: 'shop', parentId: 'sales', x: 40, y: 160 },
      { id: 'analytics', x: 600, y: 0 },
      { id: 'sales', x: 0, y: 0 },
      { id: 'note', x: 0, y: 400 },
    ]);
    expect(order).toEqual(['sales', 'orders', 'shop', 'analytics', 'revenue', 'note']);
  });

  it('reads a node whose domain is not drawn among the top-level nodes', () => {
    expect(readingOrder([{ id: 'orders', parentId: 'gone', x: 0, y: 0 }])).toEqual(['orders']);
  });
});
