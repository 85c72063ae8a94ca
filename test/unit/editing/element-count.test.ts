import { describe, expect, it } from 'vitest';
import { countedElements } from '../../../shared/editing/element-count';
import { elementCountsOf } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

describe("a design's elements counted", () => {
  it('counts what the canvas draws, and says nothing of notes when there are none', () => {
    const mesh = aMesh().withDomain('orders').withProduct('checkout', 'orders').build();
    expect(countedElements(elementCountsOf(mesh))).toBe('1 domain · 1 product · 0 systems · 0 links');
  });

  it('counts sticky notes too, so a design that holds only notes does not read as empty', () => {
    const mesh = aMesh().withNote('n1', 'Ask about wills').withNote('n2', 'Fees?').build();
    expect(countedElements(elementCountsOf(mesh))).toBe('0 domains · 0 products · 0 systems · 0 links · 2 notes');
  });

  it('counts one note in the singular', () => {
    expect(countedElements(elementCountsOf(aMesh().withNote('n1', 'x').build()))).toContain('· 1 note');
  });
});
