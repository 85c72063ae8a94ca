import { describe, expect, it } from 'vitest';
import {
  domainSizeAsDrawn,
  isInsideItsDomain,
  overlappingDomains,
  SIBLING_SPACING,
  withDomainFitted,
  withDomainReshaped,
  withDomainsApart,
} from '../../../shared/editing/containment';
import { overlaps } from '../../../shared/editing/geometry';
import { dropTargetAt, withDroppedNodes, withNodeMovedToDomain } from '../../../shared/editing/layout-edits';
import type { Mesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

const size = { width: 200, height: 100 };
const sizeOf = () => size;

/** Sales and Support side by side, 60 px apart; Orders in Sales. */
function sideBySide(): Mesh {
  const mesh = aMesh().withDomain('sales').withDomain('support').withProduct('orders', 'sales').build();
  mesh.layout.nodes = {
    sales: { x: 0, y: 0, width: 400, height: 300 },
    support: { x: 460, y: 0, width: 400, height: 300 },
    orders: { x: 40, y: 60 },
  };
  return mesh;
}

/** Sales above Support, 60 px apart; Orders in Sales. */
function oneAboveTheOther(): Mesh {
  const mesh = sideBySide();
  mesh.layout.nodes.support = { x: 0, y: 360, width: 400, height: 300 };
  return mesh;
}

/** Side by side, with Tickets in Support at the spot Orders has in Sales. */
function withTicketsInSupport(): Mesh {
  const mesh = sideBySide();
  mesh.products.push({
    ...(mesh.products[0] as Mesh['products'][number]),
    id: 'tickets',
    name: 'Tickets',
    domainId: 'support',
  });
  mesh.layout.nodes.tickets = { x: 40, y: 60 };
  return mesh;
}

describe('a product is drawn inside its domain', () => {
  it('goes back where it was, and is reported, when dropped on empty canvas', () => {
    const before = sideBySide();
    const dragged = { ...before, layout: { nodes: { ...before.layout.nodes, orders: { x: 200, y: 500 } } } };
    const { mesh, refused } = withDroppedNodes(
      dragged,
      [{ id: 'orders', x: 200, y: 500, ...size }],
      { x: 300, y: 550 },
      before,
      sizeOf,
    );
    expect(refused).toEqual(['orders']);
    expect(mesh.products[0]?.domainId).toBe('sales');
    expect(mesh.layout.nodes.orders).toEqual({ x: 40, y: 60 });
    expect(isInsideItsDomain(mesh, 'orders', sizeOf)).toBe(true);
  });

  it('grows its domain to the left when dropped half out of its left edge, staying where it was dropped', () => {
    const before = sideBySide();
    const { mesh } = withDroppedNodes(
      before,
      [{ id: 'orders', x: -80, y: 60, ...size }],
      { x: 20, y: 110 },
      before,
      sizeOf,
    );
    expect(isInsideItsDomain(mesh, 'orders', sizeOf)).toBe(true);
    const domain = mesh.layout.nodes.sales as Required<NonNullable<Mesh['layout']['nodes'][string]>>;
    expect(domain.x + (mesh.layout.nodes.orders?.x ?? 0)).toBe(-80);
    expect(domain.x + domain.width).toBe(400);
  });

  it('moves a product dropped into another domain on top of one there to the nearest free spot', () => {
    const before = withTicketsInSupport();
    const { mesh } = withDroppedNodes(
      before,
      [{ id: 'orders', x: 460 + 60, y: 80, ...size }],
      { x: 620, y: 130 },
      before,
      sizeOf,
    );
    expect(mesh.products.find((product) => product.id === 'orders')?.domainId).toBe('support');
    const orders = mesh.layout.nodes.orders as { x: number; y: number };
    const tickets = mesh.layout.nodes.tickets as { x: number; y: number };
    expect(overlaps({ ...orders, ...size }, { ...tickets, ...size })).toBe(false);
    // The nearer room of right or below: under Tickets, 104 px down, rather than 204 px right.
    expect(orders).toEqual({ x: 60, y: 60 + 100 + SIBLING_SPACING });
  });

  it('keeps products dropped together into another domain as they were arranged, when one lands on a product there', () => {
    const before = withTicketsInSupport();
    before.products.push({ ...(before.products[0] as Mesh['products'][number]), id: 'refunds', name: 'Refunds' });
    before.layout.nodes.refunds = { x: 40, y: 200 };
    const { mesh } = withDroppedNodes(
      before,
      [
        { id: 'orders', x: 460 + 60, y: 80, ...size },
        { id: 'refunds', x: 460 + 60, y: 220, ...size },
      ],
      { x: 620, y: 130 },
      before,
      sizeOf,
    );
    const at = (id: string) => ({ ...(mesh.layout.nodes[id] as { x: number; y: number }), ...size });
    const domainOf = (id: string) => mesh.products.find((product) => product.id === id)?.domainId;
    expect([domainOf('orders'), domainOf('refunds')]).toEqual(['support', 'support']);
    expect(overlaps(at('orders'), at('tickets'))).toBe(false);
    expect(overlaps(at('refunds'), at('tickets'))).toBe(false);
    // Refunds stays 40 px under Orders, as it was dragged, rather than pressed against it.
    expect({ x: at('refunds').x - at('orders').x, y: at('refunds').y - at('orders').y }).toEqual({ x: 0, y: 140 });
  });

  it('keeps a product dropped a little onto a neighbour in a full domain near where it was dropped, not past the last row', () => {
    // Four columns of six products, 40 px apart, as auto-layout packs a large domain.
    const builder = aMesh().withDomain('payments');
    const grid: Mesh['layout']['nodes'] = { payments: { x: 0, y: 0, width: 1000, height: 900 } };
    for (let column = 0; column < 4; column++) {
      for (let row = 0; row < 6; row++) {
        builder.withProduct(`p${column}${row}`, 'payments');
        grid[`p${column}${row}`] = { x: 40 + column * 240, y: 60 + row * 140 };
      }
    }
    const before = builder.build();
    before.layout.nodes = grid;
    const dropAt = { x: 40 + 240 + 100, y: 60 + 140 + 50 };
    const { mesh } = withDroppedNodes(before, [{ id: 'p11', ...dropAt, ...size }], { x: 480, y: 280 }, before, sizeOf);
    const settled = mesh.layout.nodes.p11 as { x: number; y: number };
    const siblings = Object.keys(grid).filter((id) => id !== 'p11' && id !== 'payments');
    for (const id of siblings) {
      expect(
        overlaps({ ...settled, ...size }, { ...(mesh.layout.nodes[id] as { x: number; y: number }), ...size }),
      ).toBe(false);
    }
    expect(Math.hypot(settled.x - dropAt.x, settled.y - dropAt.y)).toBeLessThan(200);
  });

  it('leaves a product dropped into another domain, or its own, onto free space exactly where it was dropped', () => {
    const before = withTicketsInSupport();
    const intoSupport = withDroppedNodes(
      before,
      [{ id: 'orders', x: 460 + 40, y: 180, ...size }],
      { x: 600, y: 230 },
      before,
      sizeOf,
    );
    expect(intoSupport.mesh.layout.nodes.orders).toEqual({ x: 40, y: 180 });
    const withinSales = withDroppedNodes(
      before,
      [{ id: 'orders', x: 150, y: 170, ...size }],
      { x: 250, y: 220 },
      before,
      sizeOf,
    );
    expect(withinSales.mesh.layout.nodes.orders).toEqual({ x: 150, y: 170 });
  });

  it('goes into the domain under the pointer, though most of the dropped box lies outside it', () => {
    const before = sideBySide();
    const pointerNearSupportsRightEdge = { x: 460 + 400 - 40, y: 300 - 30 };
    const box = { id: 'orders', x: 460 + 400 - 50, y: 300 - 35, ...size };
    const { mesh, refused } = withDroppedNodes(before, [box], pointerNearSupportsRightEdge, before, sizeOf);
    expect(refused).toEqual([]);
    expect(mesh.products[0]?.domainId).toBe('support');
    expect(isInsideItsDomain(mesh, 'orders', sizeOf)).toBe(true);
  });

  it('takes the domain under the pointer as the drop target, and never a domain dragged along', () => {
    const mesh = sideBySide();
    expect(dropTargetAt(mesh, { x: 820, y: 270 }, new Set(['orders']))).toBe('support');
    expect(dropTargetAt(mesh, { x: 430, y: 100 }, new Set(['orders']))).toBeUndefined();
    expect(dropTargetAt(mesh, { x: 820, y: 270 }, new Set(['orders', 'support']))).toBeUndefined();
  });

  it('keeps a domain from being resized smaller than its children', () => {
    const mesh = withDomainReshaped(sideBySide(), 'sales', { x: 0, y: 0, width: 150, height: 120 }, sizeOf);
    expect(isInsideItsDomain(mesh, 'orders', sizeOf)).toBe(true);
    expect(mesh.layout.nodes.sales).toMatchObject({ x: 0, y: 0 });
  });

  it('keeps children in place on the canvas when a domain is resized from its left edge', () => {
    const mesh = withDomainReshaped(sideBySide(), 'sales', { x: 20, y: 0, width: 380, height: 300 }, sizeOf);
    expect(mesh.layout.nodes.sales).toMatchObject({ x: 20, width: 380 });
    expect(mesh.layout.nodes.orders).toEqual({ x: 20, y: 60 });
  });

  it('stops a resize from the left at the children instead of cutting them off', () => {
    const mesh = withDomainReshaped(sideBySide(), 'sales', { x: 100, y: 0, width: 300, height: 300 }, sizeOf);
    expect(isInsideItsDomain(mesh, 'orders', sizeOf)).toBe(true);
    expect((mesh.layout.nodes.sales?.x ?? 0) + (mesh.layout.nodes.orders?.x ?? 0)).toBe(40);
  });
});

describe('a domain resized by hand stops at its neighbours', () => {
  it('stops a resize to the right at the border of the domain beside it', () => {
    const mesh = withDomainReshaped(sideBySide(), 'sales', { x: 0, y: 0, width: 600, height: 300 }, sizeOf);
    expect(mesh.layout.nodes.sales).toMatchObject({ x: 0, y: 0, width: 460, height: 300 });
    expect(overlappingDomains(mesh)).toEqual([]);
  });

  it('stops a resize from the left at the border of the domain beside it', () => {
    const mesh = withDomainReshaped(sideBySide(), 'support', { x: 300, y: 0, width: 560, height: 300 }, sizeOf);
    expect(mesh.layout.nodes.support).toMatchObject({ x: 400, width: 460 });
    expect(overlappingDomains(mesh)).toEqual([]);
  });

  it('stops a resize down at the domain below, and still grows it sideways', () => {
    const mesh = oneAboveTheOther();
    const resized = withDomainReshaped(mesh, 'sales', { x: 0, y: 0, width: 700, height: 600 }, sizeOf);
    expect(resized.layout.nodes.sales).toMatchObject({ x: 0, y: 0, width: 700, height: 360 });
    expect(overlappingDomains(resized)).toEqual([]);
  });

  it('stops a resize up at the domain above', () => {
    const mesh = oneAboveTheOther();
    const resized = withDomainReshaped(mesh, 'support', { x: 0, y: 100, width: 400, height: 560 }, sizeOf);
    expect(resized.layout.nodes.support).toMatchObject({ y: 300, height: 360 });
    expect(overlappingDomains(resized)).toEqual([]);
  });

  it('stops a corner dragged diagonally into a domain below and to the right', () => {
    const mesh = sideBySide();
    mesh.layout.nodes.support = { x: 460, y: 360, width: 400, height: 300 };
    const resized = withDomainReshaped(mesh, 'sales', { x: 0, y: 0, width: 700, height: 600 }, sizeOf);
    expect(overlappingDomains(resized)).toEqual([]);
    expect(resized.layout.nodes.sales).toMatchObject({ width: 700, height: 360 });
  });

  it('lets a domain grow past a neighbour it is not in line with', () => {
    const mesh = withDomainReshaped(sideBySide(), 'sales', { x: 0, y: 0, width: 400, height: 700 }, sizeOf);
    expect(mesh.layout.nodes.sales).toMatchObject({ width: 400, height: 700 });
  });

  it('lets a domain already overlapping a neighbour (a file laid out so) shrink out of it', () => {
    const mesh = sideBySide();
    mesh.layout.nodes.sales = { x: 0, y: 0, width: 500, height: 300 };
    const resized = withDomainReshaped(mesh, 'sales', { x: 0, y: 0, width: 420, height: 300 }, sizeOf);
    expect(resized.layout.nodes.sales).toMatchObject({ width: 420 });
    expect(overlappingDomains(resized)).toEqual([]);
  });
});

describe('domains never overlap after an automatic change', () => {
  it('pushes a neighbour aside when a domain grows to take a product moved into it', () => {
    const mesh = sideBySide();
    mesh.domains.push({ ...mesh.domains[0]!, id: 'billing', name: 'Billing' });
    mesh.layout.nodes.billing = { x: 760, y: 0, width: 300, height: 300 };
    mesh.layout.nodes.support = { x: 460, y: 0, width: 240, height: 160 };
    mesh.products.push({ ...mesh.products[0]!, id: 'tickets', domainId: 'support', name: 'Tickets' });
    mesh.layout.nodes.tickets = { x: 20, y: 50 };
    const moved = withNodeMovedToDomain(mesh, 'orders', 'support', sizeOf);
    expect(moved.products.find((product) => product.id === 'orders')?.domainId).toBe('support');
    expect(isInsideItsDomain(moved, 'orders', sizeOf)).toBe(true);
    expect(overlappingDomains(moved)).toEqual([]);
  });

  it('pushes a domain that a grown one now covers, and one that covers, in turn', () => {
    const mesh = sideBySide();
    mesh.domains.push({ ...mesh.domains[0]!, id: 'billing', name: 'Billing' });
    mesh.layout.nodes.billing = { x: 920, y: 0, width: 400, height: 300 };
    mesh.layout.nodes.sales = { x: 0, y: 0, width: 700, height: 300 };
    expect(overlappingDomains(mesh)).toEqual([['sales', 'support']]);
    const apart = withDomainsApart(mesh, ['sales']);
    expect(overlappingDomains(apart)).toEqual([]);
    expect(apart.layout.nodes.sales).toEqual(mesh.layout.nodes.sales);
  });

  it('grows a domain only as far as it must, and not at all when its children fit', () => {
    const mesh = sideBySide();
    expect(withDomainFitted(mesh, 'sales', sizeOf)).toBe(mesh);
    mesh.layout.nodes.orders = { x: 300, y: 60 };
    expect(withDomainFitted(mesh, 'sales', sizeOf).layout.nodes.sales).toMatchObject({ width: 532 });
  });
});

describe('a domain is drawn around children that grew after they were placed', () => {
  it('keeps its stored size while its children fit', () => {
    expect(domainSizeAsDrawn(sideBySide(), 'sales', sizeOf)).toEqual({ width: 400, height: 300 });
  });

  it('is drawn wider and taller, with the usual padding, around a child that grew past its edges, the document untouched', () => {
    const mesh = sideBySide();
    // Film Performance in the QA's design: 300 px wide at x 372 in a domain 664 wide, after its owner was set.
    const grown = () => ({ width: 400, height: 260 });
    expect(domainSizeAsDrawn(mesh, 'sales', grown)).toEqual({ width: 40 + 400 + 32, height: 60 + 260 + 32 });
    expect(mesh.layout.nodes.sales).toEqual({ x: 0, y: 0, width: 400, height: 300 });
  });

  it('keeps its size when empty', () => {
    expect(domainSizeAsDrawn(sideBySide(), 'support', sizeOf)).toEqual({ width: 400, height: 300 });
  });
});
