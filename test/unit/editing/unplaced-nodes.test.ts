import { describe, expect, it } from 'vitest';
import { canvasBox } from '../../../shared/editing/alignment';
import { isInsideItsDomain, overlappingDomains } from '../../../shared/editing/containment';
import { overlaps } from '../../../shared/editing/geometry';
import { domainRect } from '../../../shared/editing/node-placement';
import { isWithoutLayout, withUnplacedNodesPlaced } from '../../../shared/editing/unplaced-nodes';
import type { Mesh } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';

const table = (name: string) => ({ name, columns: [], primaryKey: [], cdc: true });

/** Two domains, a system with five tables and topics, four products and a note: no positions at all. */
function writtenByAScript(): Mesh {
  const mesh = aMesh()
    .withDomain('sales')
    .withDomain('finance')
    .withSystem('shop', 'sales', {
      database: { engine: 'postgres', name: 'shop', tables: ['orders', 'lines', 'carts', 'items', 'stock'].map(table) },
    })
    .withProduct('orders', 'sales')
    .withProduct('carts', 'sales')
    .withProduct('revenue', 'finance', { inputPorts: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => aPort(id, 'input')) })
    .withProduct('ledger', 'finance')
    .build();
  mesh.notes = [{ id: 'remark', text: 'Ask finance' }];
  return mesh;
}

/** A hand-edited design: `plots` and `members` drawn over each other, no product or system placed. */
function gardenWithOverlappingDomains(): Mesh {
  const mesh = aMesh()
    .withDomain('plots')
    .withDomain('members')
    .withDomain('resources')
    .withDomain('insights')
    .withSystem('registry', 'plots')
    .withProduct('allotments', 'plots')
    .withProduct('roster', 'members')
    .withProduct('tools', 'resources')
    .withProduct('usage', 'insights')
    .build();
  const box = { width: 500, height: 300 };
  mesh.layout.nodes = {
    plots: { x: 0, y: 0, ...box },
    members: { x: 100, y: 100, ...box },
    resources: { x: 700, y: 0, ...box },
    insights: { x: 700, y: 600, ...box },
  };
  return mesh;
}

describe('elements a file leaves without a position', () => {
  it('each get a place of their own: domains apart, every product and system inside its domain, none on another', () => {
    const { mesh, placedIds } = withUnplacedNodesPlaced(writtenByAScript());

    expect(placedIds.sort()).toEqual(['carts', 'finance', 'ledger', 'orders', 'remark', 'revenue', 'sales', 'shop']);
    expect(overlappingDomains(mesh)).toEqual([]);
    const children = ['shop', 'orders', 'carts', 'revenue', 'ledger'];
    for (const id of children) expect(isInsideItsDomain(mesh, id), id).toBe(true);
    const boxes = children.map((id) => canvasBox(mesh, id));
    expect(boxes.flatMap((box, index) => boxes.slice(index + 1).filter((other) => overlaps(box, other)))).toEqual([]);
  });

  it('put a system before the products it feeds, and nothing in the height its tables and topics take', () => {
    const { mesh } = withUnplacedNodesPlaced(
      aMesh()
        .withDomain('sales')
        .withSystem('shop', 'sales', {
          database: { engine: 'postgres', name: 'shop', tables: ['a', 'b', 'c', 'd', 'e', 'f'].map(table) },
        })
        .withProduct('p1', 'sales')
        .withProduct('p2', 'sales')
        .withProduct('p3', 'sales')
        .build(),
    );
    const shop = canvasBox(mesh, 'shop');
    // Six tables are drawn on six lines under the system's headings.
    const drawnShop = { ...shop, height: 94 + 6 * 18 };

    expect(['p1', 'p2', 'p3'].map((id) => canvasBox(mesh, id).x > shop.x)).toEqual([true, true, true]);
    expect(['p1', 'p2', 'p3'].filter((id) => overlaps(canvasBox(mesh, id), drawnShop))).toEqual([]);
    expect(isInsideItsDomain(mesh, 'shop', () => ({ width: drawnShop.width, height: drawnShop.height }))).toBe(true);
  });

  it('leave every element with a position where it is, a new product taking a free place beside them', () => {
    const mesh = aMesh().withDomain('sales').withProduct('orders', 'sales').withProduct('returns', 'sales').build();
    mesh.layout.nodes = { sales: { x: 100, y: 50, width: 400, height: 300 }, orders: { x: 40, y: 60 } };

    const placed = withUnplacedNodesPlaced(mesh);

    expect(placed.placedIds).toEqual(['returns']);
    expect(placed.mesh.layout.nodes.orders).toEqual({ x: 40, y: 60 });
    expect(placed.mesh.layout.nodes.sales).toMatchObject({ x: 100, y: 50 });
    expect(overlaps(canvasBox(placed.mesh, 'orders'), canvasBox(placed.mesh, 'returns'))).toBe(false);
    expect(isInsideItsDomain(placed.mesh, 'returns')).toBe(true);
  });

  it('put a note to the right of the domains', () => {
    const { mesh } = withUnplacedNodesPlaced(writtenByAScript());
    const rightmost = Math.max(...mesh.domains.map((domain) => domainRect(mesh, domain.id)).map((r) => r.x + r.width));

    expect(canvasBox(mesh, 'remark').x).toBeGreaterThan(rightmost);
  });

  it('put many notes on a grid of rows and columns, not in one column running off screen (QA: 5,600 notes)', () => {
    const mesh = aMesh().build();
    mesh.notes = Array.from({ length: 100 }, (_, index) => ({ id: `note-${index}`, text: `Note ${index}` }));

    const placed = withUnplacedNodesPlaced(mesh).mesh;

    expect(new Set(mesh.notes.map((note) => canvasBox(placed, note.id).x)).size).toBe(10);
    expect(new Set(mesh.notes.map((note) => canvasBox(placed, note.id).y)).size).toBe(10);
    const boxes = mesh.notes.map((note) => canvasBox(placed, note.id));
    expect(boxes.filter((box, index) => boxes.slice(index + 1).some((other) => overlaps(box, other)))).toEqual([]);
  });

  it('put many domains on a grid, not one below the other', () => {
    const builder = aMesh();
    for (let index = 0; index < 9; index++) builder.withDomain(`domain-${index}`);
    const mesh = builder.build();

    const placed = withUnplacedNodesPlaced(mesh).mesh;

    expect(new Set(mesh.domains.map((domain) => domainRect(placed, domain.id).x)).size).toBe(3);
    expect(new Set(mesh.domains.map((domain) => domainRect(placed, domain.id).y)).size).toBe(3);
    expect(overlappingDomains(placed)).toEqual([]);
  });

  it("put a domain's many products in rows and columns, roughly square, inside it", () => {
    const builder = aMesh().withDomain('sales');
    for (let index = 0; index < 36; index++) builder.withProduct(`product-${index}`, 'sales');
    const mesh = builder.build();

    const placed = withUnplacedNodesPlaced(mesh).mesh;

    const products = mesh.products.map((product) => canvasBox(placed, product.id));
    expect(new Set(products.map((box) => box.x)).size).toBe(6);
    expect(new Set(products.map((box) => box.y)).size).toBe(6);
    // Sized as drawn before the canvas measures them: a product without ports is one line tall.
    const drawnSize = () => ({ width: 320, height: 74 });
    for (const product of mesh.products)
      expect(isInsideItsDomain(placed, product.id, drawnSize), product.id).toBe(true);
  });

  it("leave domains the file draws over each other where they are, for opening to name: the overlap is the user's (QA: Members moved down unasked)", () => {
    const mesh = gardenWithOverlappingDomains();

    const placed = withUnplacedNodesPlaced(mesh);

    expect(placed.mesh.layout.nodes.plots).toMatchObject({ x: 0, y: 0 });
    expect(placed.mesh.layout.nodes.members).toMatchObject({ x: 100, y: 100 });
    expect(overlappingDomains(placed.mesh)).toEqual([['plots', 'members']]);
    for (const id of ['registry', 'allotments', 'roster', 'tools', 'usage']) {
      expect(isInsideItsDomain(placed.mesh, id), id).toBe(true);
    }
  });

  it('name the placed domains moved aside to make room for a domain grown to hold its products and systems', () => {
    const placed = withUnplacedNodesPlaced(gardenWithOverlappingDomains());

    expect(placed.movedAsideIds).toEqual(['resources']);
    expect(placed.mesh.layout.nodes.resources?.x).toBeGreaterThan(700);
    expect(placed.mesh.layout.nodes.insights).toMatchObject({ x: 700, y: 600 });
  });

  it('change nothing in a design whose elements all have a position', () => {
    const mesh = aMesh().withDomain('sales').withProduct('orders', 'sales').build();
    mesh.layout.nodes = { sales: { x: 0, y: 0, width: 400, height: 300 }, orders: { x: 40, y: 60 } };

    expect(withUnplacedNodesPlaced(mesh)).toEqual({ mesh, placedIds: [], movedAsideIds: [] });
    expect(withUnplacedNodesPlaced(mesh).mesh).toBe(mesh);
  });
});

describe('a design without any layout', () => {
  const generated = () =>
    aMesh().withDomain('d').withProduct('p', 'd').withSystem('s', 'd').withNote('n', 'a note').build();

  it('is one whose elements all lack a position: opening lays it out whole by data flow', () => {
    const mesh = generated();
    expect(isWithoutLayout({ ...mesh, layout: { nodes: {} } })).toBe(true);
  });

  it('is not one where any element has a position: opening places only the others, near it', () => {
    const mesh = generated();
    expect(isWithoutLayout({ ...mesh, layout: { nodes: { d: { x: 0, y: 0 } } } })).toBe(false);
  });

  it('is not an empty design, which has nothing to lay out', () => {
    expect(isWithoutLayout(aMesh().build())).toBe(false);
  });
});
