import { describe, expect, it } from 'vitest';
import {
  describeAlignment,
  describeChange,
  describeDistribution,
  describeLayout,
} from '../../../shared/editing/change-summary';
import { withLockToggled } from '../../../shared/editing/locks';
import { aMesh, aTruncatingScenario } from '../../builders/mesh-builder';

describe('what an edit did, as Undo and Redo name it', () => {
  const before = aMesh().withDomain('sales').build();
  const withScenario = { ...before, scenarios: [aTruncatingScenario('shop')] };

  it('names a scenario added, edited or deleted', () => {
    expect(describeChange(before, withScenario)).toBe('New scenario “Purge”');
    const edited = { ...withScenario, scenarios: [{ ...aTruncatingScenario('shop'), seed: 7 }] };
    expect(describeChange(withScenario, edited)).toBe('Edited scenario “Purge”');
    expect(describeChange(withScenario, before)).toBe('Deleted scenario “Purge”');
  });

  it('names what was added without saying the elements around it moved, for its place was all that changed', () => {
    const withProduct = aMesh().withDomain('sales').withProduct('orders', 'sales').build();
    withProduct.layout.nodes = { ...before.layout.nodes, orders: { x: 20, y: 40 } };
    expect(describeChange(before, withProduct)).toBe('New product “orders”');
  });

  it('names only what was added when its domain grew or its neighbours were pushed to make room for it', () => {
    const placed = aMesh().withDomain('sales').withProduct('a', 'sales').build();
    placed.layout.nodes = { sales: { x: 0, y: 0, width: 400, height: 300 }, a: { x: 20, y: 40 } };
    const added = aMesh().withDomain('sales').withProduct('a', 'sales').withProduct('orders', 'sales').build();
    added.layout.nodes = {
      sales: { x: 0, y: 0, width: 700, height: 300 },
      a: { x: 20, y: 60 },
      orders: { x: 360, y: 40 },
    };
    expect(describeChange(placed, added)).toBe('New product “orders”');
  });

  it("names a rename by both names, as the design's own rename is named", () => {
    const named = aMesh().withDomain('sales').withProduct('orders', 'sales').build();
    const renamed = { ...named, products: named.products.map((product) => ({ ...product, name: 'Order book' })) };
    expect(describeChange(named, renamed)).toBe('Renamed product “orders” to “Order book”');
  });

  it('names a note added, edited or deleted', () => {
    const withNote = aMesh().withDomain('sales').withNote('note-1', 'Ask finance').build();
    withNote.layout.nodes = { ...before.layout.nodes, 'note-1': { x: 0, y: 0, width: 200, height: 120 } };
    const edited = { ...withNote, notes: [{ id: 'note-1', text: 'Asked' }] };
    expect(describeChange(before, withNote)).toBe('New note');
    expect(describeChange(withNote, edited)).toBe('Edited note');
    expect(describeChange(withNote, before)).toBe('Deleted note');
  });

  it('counts the elements moved or resized', () => {
    const placed = aMesh().withDomain('sales').withProduct('a', 'sales').withProduct('b', 'sales').build();
    placed.layout.nodes = { a: { x: 0, y: 0 }, b: { x: 200, y: 0 } };
    const moved = { ...placed, layout: { ...placed.layout, nodes: { a: { x: 10, y: 0 }, b: { x: 210, y: 0 } } } };
    expect(describeChange(placed, moved)).toBe('Moved 2 elements');
  });

  it('names a resize as a resize, not a move, and says what it pushed aside', () => {
    const placed = aMesh().withDomain('depots').withDomain('yards').build();
    placed.layout.nodes = { depots: { x: 0, y: 0, width: 640, height: 320 }, yards: { x: 700, y: 0 } };
    const grown = { x: 0, y: 0, width: 900, height: 320 };
    const resized = { ...placed, layout: { ...placed.layout, nodes: { ...placed.layout.nodes, depots: grown } } };
    expect(describeChange(placed, resized)).toBe('Resized 1 element');
    const pushed = { ...resized, layout: { ...resized.layout, nodes: { depots: grown, yards: { x: 940, y: 0 } } } };
    expect(describeChange(placed, pushed)).toBe('Resized 1 element, Moved 1 element');
  });

  it('counts the elements locked or unlocked', () => {
    const placed = aMesh().withDomain('sales').withProduct('a', 'sales').withProduct('b', 'sales').build();
    placed.layout.nodes = { a: { x: 0, y: 0 }, b: { x: 200, y: 0 } };
    const locked = withLockToggled(placed, ['a', 'b']);
    expect(describeChange(placed, locked)).toBe('Locked 2 elements');
    expect(describeChange(locked, withLockToggled(locked, ['b']))).toBe('Unlocked 1 element');
  });

  it('names the part edited where it has no name, and the design where nothing else says more', () => {
    expect(describeChange(before, { ...before, links: [] })).toBe('Edited the design');
    expect(describeChange(before, { ...before, domains: [{ ...before.domains[0]!, owner: 'Ann' }] })).toBe(
      'Edited domain “sales”',
    );
  });
});

describe('what Auto-layout did', () => {
  it('counts the elements it moved or resized, not those it left in place', () => {
    const before = aMesh().withDomain('sales').withProduct('a', 'sales').withProduct('b', 'sales').build();
    before.layout.nodes = { sales: { x: 0, y: 0, width: 400, height: 200 }, a: { x: 20, y: 40 }, b: { x: 200, y: 40 } };
    const after = {
      ...before,
      layout: {
        ...before.layout,
        nodes: { ...before.layout.nodes, a: { x: 30, y: 40 }, sales: { x: 0, y: 0, width: 500, height: 200 } },
      },
    };

    expect(describeLayout(before, after)).toBe('Laid out 2 elements');
  });
});

describe('what Align and Distribute did', () => {
  it.each([
    ['left', 'Aligned 3 left edges'],
    ['center', 'Aligned 3 centres'],
    ['right', 'Aligned 3 right edges'],
    ['top', 'Aligned 3 top edges'],
    ['middle', 'Aligned 3 middles'],
    ['bottom', 'Aligned 3 bottom edges'],
  ] as const)('names what lines up when aligning %s', (alignment, text) => {
    expect(describeAlignment(3, alignment)).toBe(text);
  });

  it('names the way it spaced them', () => {
    expect(describeDistribution(4, 'horizontal')).toBe('Distributed 4 horizontally');
    expect(describeDistribution(3, 'vertical')).toBe('Distributed 3 vertically');
  });
});
