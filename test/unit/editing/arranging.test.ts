import { describe, expect, it } from 'vitest';
import { alignmentSnap, canvasBox, withAligned, withDistributed } from '../../../shared/editing/alignment';
import { isInsideItsDomain, overlappingDomains } from '../../../shared/editing/containment';
import { overlaps, type Rect } from '../../../shared/editing/geometry';
import { nearestInDirection } from '../../../shared/editing/keyboard-navigation';
import { withDroppedNodes, withNodesNudged } from '../../../shared/editing/layout-edits';
import { isLocked, withLockToggled } from '../../../shared/editing/locks';
import { domainRect, noteRects } from '../../../shared/editing/node-placement';
import type { DataProduct, Mesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';
import { threeProducts, withNotesAt } from './editing-fixtures';

const sizeOf = () => ({ width: 100, height: 50 });

describe('align and distribute', () => {
  it('lines the left edges up on the leftmost one', () => {
    const mesh = withAligned(threeProducts(), ['a', 'b', 'c'], 'left', sizeOf);
    expect(['a', 'b', 'c'].map((id) => canvasBox(mesh, id, sizeOf).x)).toEqual([140, 140, 140]);
  });

  it('lines centres up on the middle of the selection', () => {
    const mesh = withAligned(threeProducts(), ['a', 'c'], 'middle', sizeOf);
    expect(canvasBox(mesh, 'a', sizeOf).y).toBe(canvasBox(mesh, 'c', sizeOf).y);
  });

  it('spaces three or more evenly between the outermost', () => {
    const mesh = withDistributed(threeProducts(), ['a', 'b', 'c'], 'horizontal', sizeOf);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => canvasBox(mesh, id, sizeOf));
    expect((b?.x ?? 0) - ((a?.x ?? 0) + 100)).toBe((c?.x ?? 0) - ((b?.x ?? 0) + 100));
    expect(a?.x).toBe(140);
    expect(c?.x).toBe(500);
  });

  it('never puts one node on another: lined up on one edge, side-by-side nodes stack instead', () => {
    const mesh = threeProducts();
    mesh.layout.nodes.b = { x: 300, y: 60 };
    const aligned = withAligned(mesh, ['a', 'b'], 'left', sizeOf);
    const [a, b] = ['a', 'b'].map((id) => canvasBox(aligned, id, sizeOf));
    expect(b?.x).toBe(a?.x);
    expect(overlaps(a as Rect, b as Rect)).toBe(false);
    expect(b?.y).toBeGreaterThan(a?.y ?? 0);
  });

  it('never puts a node on a neighbour it was not aligned with', () => {
    const mesh = threeProducts();
    mesh.layout.nodes.c = { x: 40, y: 130 };
    const aligned = withAligned(mesh, ['a', 'b'], 'bottom', sizeOf);
    expect(canvasBox(aligned, 'a', sizeOf).y).toBe(canvasBox(aligned, 'b', sizeOf).y);
    expect(overlaps(canvasBox(aligned, 'a', sizeOf), canvasBox(aligned, 'c', sizeOf))).toBe(false);
  });

  it('leaves a node the spacing does not move where it is, however near a neighbour it was put', () => {
    const mesh = withProductBeside(threeProducts(), 'a', 10);
    const distributed = withDistributed(mesh, ['a', 'b', 'c'], 'vertical', sizeOf);
    expect(distributed.layout.nodes.a).toEqual(mesh.layout.nodes.a);
    expect(canvasBox(distributed, 'b', sizeOf).y).toBe(280);
  });

  it('moves nothing where the nodes are spaced evenly already, a neighbour near one of them or not', () => {
    const evenlySpaced = threeProducts();
    evenlySpaced.layout.nodes.b = { x: 300, y: 180 };
    const mesh = withProductBeside(evenlySpaced, 'b', 10);
    expect(withDistributed(mesh, ['a', 'b', 'c'], 'vertical', sizeOf)).toBe(mesh);
    expect(withAligned(mesh, ['b', 'c'], 'top', sizeOf).layout.nodes.b).toEqual(mesh.layout.nodes.b);
  });

  it('moves nothing where the nodes overlap along the axis: a column of different widths has no horizontal spacing', () => {
    const widths: Record<string, number> = { a: 160, b: 100, c: 220 };
    const column = threeProducts();
    column.layout.nodes.a = { x: 300, y: 20 };
    column.layout.nodes.b = { x: 300, y: 120 };
    column.layout.nodes.c = { x: 300, y: 220 };
    const measured = (id: string) => ({ width: widths[id] ?? 100, height: 50 });
    expect(withDistributed(column, ['a', 'b', 'c'], 'horizontal', measured)).toBe(column);
  });

  it('leaves locked nodes where they are', () => {
    const mesh = withLockToggled(threeProducts(), ['b']);
    const aligned = withAligned(mesh, ['a', 'b', 'c'], 'left', sizeOf);
    expect(aligned.layout.nodes.b).toEqual({ x: 300, y: 90, locked: true });
  });

  it('lines the others up on a locked node, which cannot move to theirs', () => {
    const mesh = withLockToggled(threeProducts(), ['b']);
    const aligned = withAligned(mesh, ['a', 'b'], 'top', sizeOf);
    expect(canvasBox(aligned, 'a', sizeOf).y).toBe(canvasBox(mesh, 'b', sizeOf).y);
    expect(aligned.layout.nodes.b).toEqual(mesh.layout.nodes.b);
  });

  it('spaces the others evenly up to a locked node at an end, which stays where it is', () => {
    const mesh = withLockToggled(threeProducts(), ['a']);
    const spaced = withDistributed(mesh, ['a', 'b', 'c'], 'horizontal', sizeOf);
    expect(spaced.layout.nodes.a).toEqual(mesh.layout.nodes.a);
    expect(['a', 'b', 'c'].map((id) => canvasBox(spaced, id, sizeOf).x)).toEqual([140, 320, 500]);
  });

  it('keeps a locked node in the middle in place, spacing the nodes on each side of it evenly up to it', () => {
    const mesh = withLockToggled(threeProducts(), ['b']);
    mesh.products.push({ ...(mesh.products[0] as DataProduct), id: 'e' });
    mesh.layout.nodes.e = { x: 700, y: 100 };
    const spaced = withDistributed(mesh, ['a', 'b', 'c', 'e'], 'horizontal', sizeOf);
    expect(spaced.layout.nodes.b).toEqual(mesh.layout.nodes.b);
    expect(['a', 'b', 'c', 'e'].map((id) => canvasBox(spaced, id, sizeOf).x)).toEqual([140, 400, 600, 800]);
  });

  it('keeps what it moves inside its domain', () => {
    const mesh = threeProducts();
    mesh.domains.push({ ...mesh.domains[0]!, id: 'e' });
    mesh.products.push({ ...mesh.products[0]!, id: 'far', domainId: 'e' });
    mesh.layout.nodes.e = { x: 1000, y: 100, width: 300, height: 200 };
    mesh.layout.nodes.far = { x: 40, y: 60 };
    const aligned = withAligned(mesh, ['a', 'far'], 'left', sizeOf);
    expect(isInsideItsDomain(aligned, 'far', sizeOf)).toBe(true);
  });

  it('stacks a row lined up on its left edges into a column in the row’s order, whatever order they were selected in', () => {
    const mesh = inARow(threeProducts(), [0, 0, 0]);
    const aligned = withAligned(mesh, ['c', 'b', 'a'], 'left', sizeOf);
    expect(topToBottom(aligned)).toEqual(['a', 'b', 'c']);
  });

  it('stacks a row whose tops differ a little (nodes of different heights lined up on their middles) in the row’s order', () => {
    const mesh = inARow(threeProducts(), [0, 9, 4]);
    const aligned = withAligned(mesh, ['a', 'b', 'c'], 'left', sizeOf);
    expect(topToBottom(aligned)).toEqual(['a', 'b', 'c']);
  });

  it('lays a column lined up on its middles out as a row in the column’s order, top first, though its left edges differ a little', () => {
    const mesh = threeProducts();
    mesh.layout.nodes.a = { x: 52, y: 60 };
    mesh.layout.nodes.b = { x: 40, y: 170 };
    mesh.layout.nodes.c = { x: 39, y: 250 };
    const aligned = withAligned(mesh, ['a', 'b', 'c'], 'middle', sizeOf);
    const leftToRight = ['a', 'b', 'c'].sort(
      (p, q) => canvasBox(aligned, p, sizeOf).x - canvasBox(aligned, q, sizeOf).x,
    );
    expect(leftToRight).toEqual(['a', 'b', 'c']);
  });
});

/** `a`, `b` and `c` side by side, left to right, 60 px apart, their tops `offsets` px below one line. */
function inARow(mesh: Mesh, offsets: readonly [number, number, number]): Mesh {
  ['a', 'b', 'c'].forEach((id, index) => {
    mesh.layout.nodes[id] = { x: 40 + index * 160, y: 60 + offsets[index]! };
  });
  return mesh;
}

function topToBottom(mesh: Mesh): string[] {
  return ['a', 'b', 'c'].sort((p, q) => canvasBox(mesh, p, sizeOf).y - canvasBox(mesh, q, sizeOf).y);
}

/** The mesh with a product `near` put `gap` px right of `id`, closer than the app would place one, as a drag may leave it. */
function withProductBeside(mesh: Mesh, id: string, gap: number): Mesh {
  const beside = { ...(mesh.products.find((product) => product.id === id) as DataProduct), id: 'near' };
  const { x, y } = mesh.layout.nodes[id] as { x: number; y: number };
  return {
    ...mesh,
    products: [...mesh.products, beside],
    layout: { ...mesh.layout, nodes: { ...mesh.layout.nodes, near: { x: x + sizeOf().width + gap, y } } },
  };
}

/** Policy above Claims, as in the insurance design: `policies` and `claims` sit at the same x, one domain apart. */
function stackedDomains() {
  const mesh = aMesh()
    .withDomain('policy')
    .withDomain('claims-domain')
    .withProduct('policies', 'policy')
    .withProduct('claims', 'claims-domain')
    .withProduct('enriched', 'claims-domain')
    .build();
  mesh.layout.nodes = {
    policy: { x: 0, y: 0, width: 860, height: 300 },
    'claims-domain': { x: 0, y: 360, width: 1300, height: 320 },
    policies: { x: 480, y: 60 },
    claims: { x: 480, y: 60 },
    enriched: { x: 900, y: 60 },
  };
  return mesh;
}

describe('aligning nodes of different domains', () => {
  const boxes = (mesh: ReturnType<typeof stackedDomains>) =>
    ['policies', 'claims', 'enriched'].map((id) => canvasBox(mesh, id, sizeOf));

  it.each(['top', 'middle', 'bottom'] as const)('lines them up (%s) with no domain over another', (alignment) => {
    const aligned = withAligned(stackedDomains(), ['claims', 'policies'], alignment, sizeOf);
    const [policies, claims] = boxes(aligned);
    expect(claims?.y).toBe(policies?.y);
    expect(overlappingDomains(aligned)).toEqual([]);
    expect(overlaps(claims as Rect, policies as Rect)).toBe(false);
    for (const id of ['policies', 'claims', 'enriched']) expect(isInsideItsDomain(aligned, id, sizeOf)).toBe(true);
  });

  it('moves a domain sideways out of the way, so the line stays straight', () => {
    const before = stackedDomains();
    const aligned = withAligned(before, ['claims', 'policies'], 'top', sizeOf);
    expect(canvasBox(aligned, 'policies', sizeOf).y).toBe(canvasBox(before, 'policies', sizeOf).y);
    expect(canvasBox(aligned, 'enriched', sizeOf)).toEqual(canvasBox(before, 'enriched', sizeOf));
  });

  it('moves a domain up or down out of the way of a vertical line', () => {
    const mesh = stackedDomains();
    mesh.layout.nodes.policy = { x: 0, y: 0, width: 400, height: 300 };
    mesh.layout.nodes.policies = { x: 40, y: 60 };
    mesh.layout.nodes['claims-domain'] = { x: 460, y: 0, width: 800, height: 300 };
    const aligned = withAligned(mesh, ['policies', 'claims'], 'left', sizeOf);
    const [policies, claims] = boxes(aligned);
    expect(claims?.x).toBe(policies?.x);
    expect(overlappingDomains(aligned)).toEqual([]);
  });
});

describe('alignment guides while dragging', () => {
  it('snaps a box within reach so its left edge lines up, and draws the guide through both', () => {
    const snap = alignmentSnap(
      { x: 103, y: 300, width: 100, height: 50 },
      [{ x: 100, y: 0, width: 80, height: 40 }],
      6,
    );
    expect(snap.offset).toEqual({ x: -3, y: 0 });
    expect(snap.guides).toEqual([{ axis: 'x', at: 100, from: 0, to: 350 }]);
  });

  it('leaves a box alone when nothing lines up nearby', () => {
    expect(
      alignmentSnap({ x: 140, y: 300, width: 100, height: 50 }, [{ x: 0, y: 0, width: 80, height: 40 }], 6),
    ).toEqual({
      offset: { x: 0, y: 0 },
      guides: [],
    });
  });
});

describe('locks', () => {
  it('locks against nudges, and a second toggle unlocks', () => {
    const locked = withLockToggled(threeProducts(), ['a']);
    expect(isLocked(locked, 'a')).toBe(true);
    expect(withNodesNudged(locked, new Set(['a']), { x: 5, y: 0 })).toBe(locked);
    expect(isLocked(withLockToggled(locked, ['a']), 'a')).toBe(false);
  });
});

describe('arrow keys between nodes', () => {
  const boxes = [
    { id: 'right', box: { x: 300, y: 0, width: 100, height: 50 } },
    { id: 'far-right', box: { x: 600, y: 10, width: 100, height: 50 } },
    { id: 'below', box: { x: 0, y: 200, width: 100, height: 50 } },
    { id: 'up-right', box: { x: 200, y: -400, width: 100, height: 50 } },
  ];
  const from = { x: 0, y: 0, width: 100, height: 50 };

  it('goes to the nearest node in that direction', () => {
    expect(nearestInDirection(from, boxes, 'right')).toBe('right');
    expect(nearestInDirection(from, boxes, 'down')).toBe('below');
    expect(nearestInDirection(from, boxes, 'up')).toBe('up-right');
  });

  it('goes nowhere when nothing lies that way', () => {
    expect(nearestInDirection(from, boxes, 'left')).toBeUndefined();
  });
});

/** Concessions with Snack Orders, a sticky note 40 px right of it, and Ticketing below with Ticket Sales further right. */
function concessionsWithNoteBeside() {
  const mesh = aMesh()
    .withDomain('concessions')
    .withDomain('ticketing')
    .withProduct('snack-orders', 'concessions')
    .withProduct('ticket-sales', 'ticketing')
    .build();
  mesh.layout.nodes = {
    concessions: { x: 0, y: 0, width: 400, height: 200 },
    ticketing: { x: 0, y: 260, width: 700, height: 200 },
    'snack-orders': { x: 40, y: 60 },
    'ticket-sales': { x: 560, y: 60 },
  };
  return withNotesAt(mesh, { combos: { text: 'Combo pricing rules', x: 440, y: 0, width: 200, height: 150 } });
}

/** The notes drawn over a domain, as `note × domain`. */
function notesOverDomains(mesh: Mesh): string[] {
  const notes = noteRects(mesh);
  return (mesh.notes ?? []).flatMap((note, index) =>
    mesh.domains.flatMap((domain) =>
      overlaps(notes[index] as Rect, domainRect(mesh, domain.id)) ? [`${note.id} × ${domain.id}`] : [],
    ),
  );
}

describe('a sticky note beside a domain that an arrangement grows or moves', () => {
  it('moves aside when aligning moves the domain under it', () => {
    const aligned = withAligned(concessionsWithNoteBeside(), ['snack-orders', 'ticket-sales'], 'top', sizeOf);
    expect(canvasBox(aligned, 'snack-orders', sizeOf).y).toBe(canvasBox(aligned, 'ticket-sales', sizeOf).y);
    expect(notesOverDomains(aligned)).toEqual([]);
  });

  it('moves aside when nudges grow the domain under it', () => {
    const nudged = withNodesNudged(concessionsWithNoteBeside(), new Set(['snack-orders']), { x: 300, y: 0 }, sizeOf);
    expect(isInsideItsDomain(nudged, 'snack-orders', sizeOf)).toBe(true);
    expect(notesOverDomains(nudged)).toEqual([]);
  });

  it('moves aside when a drop grows the domain under it', () => {
    const mesh = concessionsWithNoteBeside();
    const { mesh: dropped } = withDroppedNodes(
      mesh,
      [{ id: 'snack-orders', x: 340, y: 60, ...sizeOf() }],
      { x: 380, y: 80 },
      mesh,
      sizeOf,
    );
    expect(isInsideItsDomain(dropped, 'snack-orders', sizeOf)).toBe(true);
    expect(notesOverDomains(dropped)).toEqual([]);
  });

  it('stays where it is when the user nudges the domain itself onto it', () => {
    const mesh = concessionsWithNoteBeside();
    const nudged = withNodesNudged(mesh, new Set(['concessions']), { x: 10, y: 0 }, sizeOf);
    expect(nudged.layout.nodes.combos).toEqual(mesh.layout.nodes.combos);
  });
});
