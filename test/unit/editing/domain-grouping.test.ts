import { describe, expect, it } from 'vitest';
import { isInsideItsDomain, overlappingDomains } from '../../../shared/editing/containment';
import { withNodesGroupedIntoNewDomain, withNodesMovedToDomain } from '../../../shared/editing/domain-grouping';
import { absolutePosition, MIN_DOMAIN_SIZE } from '../../../shared/editing/node-placement';
import type { Mesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

const size = { width: 200, height: 100 };
const sizeOf = () => size;

/** Sales holds Orders, Refunds and the Shop system side by side; Support sits to its right; Orders feeds Refunds. */
function salesAndSupport(): Mesh {
  const mesh = aMesh()
    .withDomain('sales', { name: 'Sales' })
    .withDomain('support', { name: 'Support' })
    .withProduct('orders', 'sales')
    .withProduct('refunds', 'sales')
    .withSystem('shop', 'sales')
    .withLink('orders-to-refunds', { nodeId: 'orders', portId: 'out' }, { nodeId: 'refunds', portId: 'in' })
    .build();
  mesh.layout.nodes = {
    sales: { x: 0, y: 0, width: 1000, height: 300 },
    support: { x: 1100, y: 0, width: 400, height: 300 },
    orders: { x: 40, y: 60 },
    refunds: { x: 300, y: 120 },
    shop: { x: 700, y: 60 },
  };
  return mesh;
}

/** Support gets Tickets at `at` (relative to it), feeding Orders in Sales. */
function withTicketsFeedingOrders(mesh: Mesh, at: { x: number; y: number }): Mesh {
  mesh.products.push({ ...mesh.products[0]!, id: 'tickets', name: 'Tickets', domainId: 'support' });
  mesh.layout.nodes.tickets = at;
  mesh.links.push({
    id: 'tickets-to-orders',
    from: { nodeId: 'tickets', portId: 'out' },
    to: { nodeId: 'orders', portId: 'in' },
  });
  return mesh;
}

describe('grouping products and systems into a new domain', () => {
  it('gives the new domain its products’ owner when they all have the same one, else none', () => {
    const owned = (owners: Record<string, string>) => {
      const mesh = salesAndSupport();
      for (const product of mesh.products) product.owner = owners[product.id] ?? '';
      return mesh;
    };
    const ownerOfNewDomain = (mesh: Mesh, ids: string[]) => {
      const grouped = withNodesGroupedIntoNewDomain(mesh, ids, sizeOf);
      return grouped?.mesh.domains.find((domain) => domain.id === grouped.id)?.owner;
    };

    const sameTeam = owned({ orders: 'team-sales', refunds: 'team-sales' });
    expect(ownerOfNewDomain(sameTeam, ['orders', 'refunds', 'shop'])).toBe('team-sales');
    const twoTeams = owned({ orders: 'team-sales', refunds: 'team-finance' });
    expect(ownerOfNewDomain(twoTeams, ['orders', 'refunds'])).toBe('');
    const oneUnowned = owned({ orders: 'team-sales' });
    expect(ownerOfNewDomain(oneUnowned, ['orders', 'refunds'])).toBe('');
    expect(ownerOfNewDomain(sameTeam, ['shop'])).toBe('');
  });

  it('moves only the selected products and systems into the new domain, which is selected by its id', () => {
    const grouped = withNodesGroupedIntoNewDomain(salesAndSupport(), ['orders', 'refunds', 'sales'], sizeOf);

    expect(grouped?.mesh.domains.map((domain) => domain.name)).toEqual(['Sales', 'Support', 'Domain']);
    const domainOf = (id: string) => grouped?.mesh.products.find((product) => product.id === id)?.domainId;
    expect([domainOf('orders'), domainOf('refunds')]).toEqual([grouped?.id, grouped?.id]);
    expect(grouped?.mesh.systems[0]?.domainId).toBe('sales');
  });

  it('keeps the grouped nodes as they were arranged, inside a domain that fits them with its padding', () => {
    const before = salesAndSupport();
    const grouped = withNodesGroupedIntoNewDomain(before, ['orders', 'refunds'], sizeOf) as { mesh: Mesh; id: string };
    const { mesh } = grouped;

    expect(isInsideItsDomain(mesh, 'orders', sizeOf)).toBe(true);
    expect(isInsideItsDomain(mesh, 'refunds', sizeOf)).toBe(true);
    const orders = absolutePosition(mesh, 'orders');
    const refunds = absolutePosition(mesh, 'refunds');
    expect({ x: refunds.x - orders.x, y: refunds.y - orders.y }).toEqual({ x: 260, y: 60 });
    // 460 × 160 of nodes, plus 32 on either side, 56 above and 32 below.
    expect(mesh.layout.nodes[grouped.id]).toMatchObject({ width: 524, height: 248 });
  });

  it('leaves every domain clear of the others, the old ones where they were', () => {
    const grouped = withNodesGroupedIntoNewDomain(salesAndSupport(), ['shop'], sizeOf);

    expect(overlappingDomains(grouped?.mesh as Mesh)).toEqual([]);
    expect(grouped?.mesh.layout.nodes.sales).toEqual(salesAndSupport().layout.nodes.sales);
    expect(grouped?.mesh.layout.nodes.support).toEqual(salesAndSupport().layout.nodes.support);
  });

  it('keeps the links of the grouped nodes', () => {
    const grouped = withNodesGroupedIntoNewDomain(salesAndSupport(), ['orders'], sizeOf);

    expect(grouped?.mesh.links).toEqual(salesAndSupport().links);
  });

  it('sets products from different domains in a row, in the order data flows, not as they lay apart', () => {
    const mesh = withTicketsFeedingOrders(salesAndSupport(), { x: 40, y: 160 });

    const grouped = withNodesGroupedIntoNewDomain(mesh, ['orders', 'tickets'], sizeOf) as { mesh: Mesh; id: string };

    const tickets = absolutePosition(grouped.mesh, 'tickets');
    const orders = absolutePosition(grouped.mesh, 'orders');
    expect(orders.y).toBe(tickets.y);
    expect(orders.x).toBeGreaterThan(tickets.x + size.width);
    // Two nodes side by side, with the domain's padding: no empty stretch where they lay apart.
    expect(grouped.mesh.layout.nodes[grouped.id]).toMatchObject({
      width: orders.x - tickets.x + size.width + 64,
      height: size.height + 56 + 32,
    });
    expect(isInsideItsDomain(grouped.mesh, 'orders', sizeOf)).toBe(true);
    expect(overlappingDomains(grouped.mesh)).toEqual([]);
  });

  it('shrinks a domain the grouping empties to the empty size, in place', () => {
    const mesh = salesAndSupport();
    mesh.products.push({ ...mesh.products[0]!, id: 'tickets', name: 'Tickets', domainId: 'support' });
    mesh.layout.nodes.tickets = { x: 40, y: 60 };

    const grouped = withNodesGroupedIntoNewDomain(mesh, ['orders', 'tickets'], sizeOf) as { mesh: Mesh; id: string };

    expect(grouped.mesh.layout.nodes.support).toEqual({ x: 1100, y: 0, ...MIN_DOMAIN_SIZE });
    expect(grouped.mesh.layout.nodes.sales).toEqual(mesh.layout.nodes.sales);
  });

  it('does nothing when no product or system is selected', () => {
    expect(withNodesGroupedIntoNewDomain(salesAndSupport(), ['sales', 'support'], sizeOf)).toBeUndefined();
  });
});

describe('moving products and systems into an existing domain', () => {
  it('moves each into the domain, inside its box, and leaves domains out of it', () => {
    const mesh = withNodesMovedToDomain(salesAndSupport(), ['orders', 'shop', 'sales'], 'support', sizeOf);

    expect(mesh.products.find((product) => product.id === 'orders')?.domainId).toBe('support');
    expect(mesh.systems[0]?.domainId).toBe('support');
    expect(isInsideItsDomain(mesh, 'orders', sizeOf)).toBe(true);
    expect(isInsideItsDomain(mesh, 'shop', sizeOf)).toBe(true);
    expect(overlappingDomains(mesh)).toEqual([]);
  });

  it('keeps the moved nodes as they were arranged: a system left of the product it feeds stays left of it', () => {
    const mesh = salesAndSupport();
    mesh.layout.nodes.shop = { x: 40, y: 200 };
    mesh.layout.nodes.orders = { x: 320, y: 230 };
    mesh.layout.nodes.support = { x: 1100, y: 0, width: 400, height: 300 };
    mesh.products.push({ ...mesh.products[0]!, id: 'tickets', name: 'Tickets', domainId: 'support' });
    mesh.layout.nodes.tickets = { x: 32, y: 56 };

    // Products before systems, as a box selection lists them.
    const moved = withNodesMovedToDomain(mesh, ['orders', 'shop'], 'support', sizeOf);

    const shop = absolutePosition(moved, 'shop');
    const orders = absolutePosition(moved, 'orders');
    expect({ x: orders.x - shop.x, y: orders.y - shop.y }).toEqual({ x: 280, y: 30 });
    // Below what the domain held, clear of it.
    expect(moved.layout.nodes.shop?.y).toBeGreaterThanOrEqual(56 + size.height);
    expect(isInsideItsDomain(moved, 'orders', sizeOf)).toBe(true);
    expect(isInsideItsDomain(moved, 'shop', sizeOf)).toBe(true);
    expect(overlappingDomains(moved)).toEqual([]);
  });

  it('sets nodes moved from several domains in a row, in the order data flows', () => {
    const mesh = withTicketsFeedingOrders(salesAndSupport(), { x: 32, y: 56 });
    mesh.domains.push({ ...mesh.domains[0]!, id: 'archive', name: 'Archive' });
    mesh.layout.nodes.archive = { x: 0, y: 400, width: 400, height: 300 };
    mesh.layout.nodes.orders = { x: 40, y: 60 };

    const moved = withNodesMovedToDomain(mesh, ['orders', 'tickets'], 'archive', sizeOf);

    const tickets = absolutePosition(moved, 'tickets');
    const orders = absolutePosition(moved, 'orders');
    expect(orders.y).toBe(tickets.y);
    expect(orders.x).toBeGreaterThan(tickets.x + size.width);
    expect(isInsideItsDomain(moved, 'orders', sizeOf)).toBe(true);
    expect(overlappingDomains(moved)).toEqual([]);
  });
});
