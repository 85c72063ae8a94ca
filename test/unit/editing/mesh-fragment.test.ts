import { describe, expect, it } from 'vitest';
import { withContractIdentity } from '../../../shared/contracts/contract-edits';
import { overlappingDomains } from '../../../shared/editing/containment';
import { copyName } from '../../../shared/editing/copy-names';
import { overlaps, type Rect } from '../../../shared/editing/geometry';
import { copyFragment, pasteFragment } from '../../../shared/editing/mesh-fragment';
import { domainRect, SLOT_GAP } from '../../../shared/editing/node-placement';
import { checkIntegrity, emptyMesh, type Mesh } from '../../../shared/model';
import { aContract, aMesh } from '../../builders/mesh-builder';
import { ecommerceSample } from '../simulation/builders';
import { paymentsRiskFinance, salesPipeline as pipeline, school, withNotesAt } from './editing-fixtures';

const size = { width: 280, height: 150 };
const sizeOf = () => size;
const box = (mesh: Mesh, id: string) => ({ ...size, ...(mesh.layout.nodes[id] ?? { x: 0, y: 0 }) });
/** The clear space between two boxes side by side or one above the other. */
const gapBetween = (first: Rect, second: Rect) =>
  Math.max(
    second.x - (first.x + first.width),
    first.x - (second.x + second.width),
    second.y - (first.y + first.height),
    first.y - (second.y + second.height),
  );

/** A design of its own, with one domain, Fleet, at the canvas's origin. */
function anotherDesignWithOneDomain(): Mesh {
  const mesh = aMesh('other').withDomain('fleet', { name: 'Fleet' }).build();
  mesh.layout.nodes = { fleet: { x: 0, y: 0, width: 600, height: 300 } };
  return mesh;
}

/** Copies Orders and pastes it at `pointer` into Analytics, with the minimap over the canvas there: the copy's box on the canvas. */
function pasteOrdersIntoAnalytics(pointer: { x: number; y: number }, minimap: Rect) {
  const mesh = pipeline();
  const fragment = copyFragment(mesh, new Set(['orders']));
  const pasted = pasteFragment(mesh, fragment, { at: pointer, covered: [minimap] }, sizeOf).mesh;
  const domain = pasted.layout.nodes.analytics ?? { x: 0, y: 0 };
  const copy = box(pasted, 'analytics-orders');
  return { pasted, copyOnCanvas: { ...copy, x: domain.x + copy.x, y: domain.y + copy.y } };
}

describe('pasteFragment', () => {
  it('gives pasted elements fresh ids and remaps the links between them', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['shop', 'orders'])), 'beside-originals');
    expect(pasted.mesh.systems.map((system) => system.id)).toEqual(['shop', 'sales-shop-2']);
    expect(pasted.mesh.links.slice(2)).toEqual([
      {
        id: 'sales-shop-2-to-sales-orders-2',
        from: { nodeId: 'sales-shop-2', portId: 'items-cdc' },
        to: { nodeId: 'sales-orders-2', portId: 'in' },
      },
    ]);
    expect(pasted.linkIds).toEqual(['sales-shop-2-to-sales-orders-2']);
    expect(pasted.nodeIds).toEqual(['sales-orders-2', 'sales-shop-2']);
    expect(checkIntegrity(pasted.mesh)).toEqual([]);
  });

  it('keeps the id of a pasted link whose ends keep theirs (a paste into another design)', () => {
    const mesh = pipeline();
    const fragment = copyFragment(mesh, new Set(['shop', 'orders']));
    const pasted = pasteFragment(anotherDesignWithOneDomain(), fragment, 'beside-originals', sizeOf);
    expect(pasted.mesh.links).toEqual([
      { id: 'shop-to-orders', from: { nodeId: 'shop', portId: 'items-cdc' }, to: { nodeId: 'orders', portId: 'in' } },
    ]);
  });

  it('names a pasted product by the domain it lands in, as a new one is named: Orders pasted into Analytics is analytics-orders', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['orders'])), { at: { x: 860, y: 260 } }, sizeOf);
    expect(pasted.nodeIds).toEqual(['analytics-orders']);
    expect(pasted.mesh.contracts.at(-1)?.dataProduct).toBe('analytics-orders');
  });

  it('names the products of a duplicated domain by the copy of the domain, with the links between them following', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['sales'])), 'beside-originals', sizeOf).mesh;
    expect(pasted.products.filter((product) => product.domainId === 'sales-2').map((product) => product.id)).toEqual([
      'sales-2-orders',
    ]);
    expect(pasted.links.at(-1)).toMatchObject({
      from: { nodeId: 'sales-2-shop' },
      to: { nodeId: 'sales-2-orders' },
    });
    expect(checkIntegrity(pasted)).toEqual([]);
  });

  it('leaves out links to elements that were not copied', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['orders'])), 'beside-originals');
    expect(pasted.mesh.links).toHaveLength(2);
  });

  it('copies the contracts of copied output ports, so each copy governs its own dataset', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['orders'])), 'beside-originals').mesh;
    expect(pasted.contracts.map((contract) => [contract.id, contract.dataProduct])).toEqual([
      ['orders-contract', 'orders'],
      ['orders-contract-2', 'sales-orders-2'],
    ]);
  });

  it('numbers a copied contract’s name in its design, as it numbers a product’s, so the two read apart in lists', () => {
    const mesh = pipeline();
    const original = mesh.contracts[0]?.name as string;
    const duplicated = pasteFragment(mesh, copyFragment(mesh, new Set(['orders'])), 'beside-originals').mesh;
    expect(duplicated.contracts.map((contract) => contract.name)).toEqual([original, `${original} 2`]);
    expect(duplicated.contracts[1]?.odcs).toContain(`name: ${original} 2`);

    const elsewhere = pasteFragment(emptyMesh('other', 'Other'), copyFragment(mesh, new Set(['orders'])), {
      at: { x: 0, y: 0 },
    }).mesh;
    expect(elsewhere.contracts.map((contract) => contract.name)).toEqual([original]);
  });

  it('duplicates beside the original, in free space, never on top of it or its neighbours', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['orders'])), 'beside-originals', sizeOf).mesh;
    const copy = box(pasted, 'sales-orders-2');
    for (const sibling of ['orders', 'shop']) expect(overlaps(copy, box(pasted, sibling))).toBe(false);
    expect(copy.y).toBe(60);
    expect(copy.x).toBeGreaterThan(box(pasted, 'orders').x);
  });

  it('pastes at the pointer, into the domain under it', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(
      mesh,
      copyFragment(mesh, new Set(['orders'])),
      { at: { x: 860, y: 260 } },
      sizeOf,
    ).mesh;
    expect(pasted.products.find((product) => product.id === 'analytics-orders')).toMatchObject({
      domainId: 'analytics',
      name: 'Orders',
    });
    expect(pasted.layout.nodes['analytics-orders']).toEqual({ x: 60, y: 260 });
  });

  it('pastes products with the pointer over empty canvas into the nearest domain, at its edge nearest the pointer', () => {
    const mesh = pipeline();
    const pointer = { x: 1000, y: 560 };
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['orders'])), { at: pointer }, sizeOf).mesh;
    expect(pasted.products.find((product) => product.id === 'analytics-orders')?.domainId).toBe('analytics');
    const analytics = pasted.layout.nodes.analytics ?? { x: 0, y: 0 };
    const copy = box(pasted, 'analytics-orders');
    const onCanvas = { x: analytics.x + copy.x, y: analytics.y + copy.y };
    expect(Math.abs(onCanvas.x + size.width / 2 - pointer.x)).toBeLessThan(size.width);
    expect(pointer.y - (onCanvas.y + size.height)).toBeLessThan(250);
    expect(overlaps(copy, box(pasted, 'revenue'))).toBe(false);
    expect(overlappingDomains(pasted)).toEqual([]);
  });

  it('puts a second paste at the same point beside the first rather than on it', () => {
    const mesh = pipeline();
    const fragment = copyFragment(mesh, new Set(['orders']));
    const once = pasteFragment(mesh, fragment, { at: { x: 860, y: 260 } }, sizeOf).mesh;
    const twice = pasteFragment(once, fragment, { at: { x: 860, y: 260 } }, sizeOf).mesh;
    expect(overlaps(box(twice, 'analytics-orders'), box(twice, 'analytics-orders-2'))).toBe(false);
  });

  it('keeps a second paste at the same point as far from the first as a new element keeps from others', () => {
    const mesh = pipeline();
    const fragment = copyFragment(mesh, new Set(['orders']));
    const once = pasteFragment(mesh, fragment, { at: { x: 860, y: 260 } }, sizeOf).mesh;
    const twice = pasteFragment(once, fragment, { at: { x: 860, y: 260 } }, sizeOf).mesh;
    expect(gapBetween(box(twice, 'analytics-orders'), box(twice, 'analytics-orders-2'))).toBeGreaterThanOrEqual(
      SLOT_GAP,
    );
  });

  it('keeps a duplicate as far from its original as a paste or a new element keeps from others', () => {
    const mesh = pipeline();
    const duplicated = pasteFragment(mesh, copyFragment(mesh, new Set(['orders'])), 'beside-originals', sizeOf).mesh;
    expect(gapBetween(box(duplicated, 'orders'), box(duplicated, 'sales-orders-2'))).toBe(SLOT_GAP);
  });

  it('pushes sticky notes aside that a domain growing to take the paste, or pushed by it, would cover', () => {
    const mesh = withNotesAt(pipeline(), {
      'below-sales': { text: 'Workshop', x: 100, y: 340, width: 240, height: 120 },
      'beside-analytics': { text: 'Stock runs low on Fridays', x: 1240, y: 40, width: 240, height: 120 },
    });
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['orders'])), { at: { x: 560, y: 260 } }, sizeOf);
    const isCovered = (of: Mesh, noteId: string, domainId: string) =>
      overlaps(of.layout.nodes[noteId] as Rect, domainRect(of, domainId));
    for (const note of mesh.notes) {
      for (const domain of mesh.domains)
        expect(isCovered(pasted.mesh, note.id, domain.id)).toBe(isCovered(mesh, note.id, domain.id));
    }
  });

  it('pastes a domain at the nearest free place to the pointer in any direction, in view, not past the domains below (the QA’s school)', () => {
    const mesh = school();
    const fragment = copyFragment(mesh, new Set(['enrolment']));
    // At zoom 0.494 the view shows about 2,900 × 1,700 canvas px around the pointer.
    const view = { x: -400, y: -400, width: 2900, height: 1700 };
    const pointer = { x: 1087, y: 466 };
    const pasted = pasteFragment(mesh, fragment, { at: pointer, view }, sizeOf).mesh;
    const copy = pasted.layout.nodes['enrolment-2'] as Rect;
    for (const domain of mesh.domains) expect(overlaps(copy, domainRect(pasted, domain.id))).toBe(false);
    expect(Math.hypot(copy.x - pointer.x, copy.y - pointer.y)).toBeLessThan(500);
    expect(copy.x >= view.x && copy.x + copy.width <= view.x + view.width).toBe(true);
    expect(copy.y >= view.y && copy.y + copy.height <= view.y + view.height).toBe(true);
  });

  it('keeps a paste clear of what covers the canvas at the pointer (the minimap)', () => {
    const minimap = { x: 820, y: 200, width: 220, height: 160 };
    const { copyOnCanvas } = pasteOrdersIntoAnalytics({ x: 860, y: 260 }, minimap);
    expect(overlaps(copyOnCanvas, minimap)).toBe(false);
  });

  it('puts a paste on a product just past it, beside the minimap rather than below it, since the minimap is no node to keep a gap from', () => {
    // Pointer on Revenue (840, 60 on the canvas): the copy's nearest room is just below it, 10 px left of the minimap.
    const minimap = { x: 1140, y: 250, width: 220, height: 160 };
    const { pasted, copyOnCanvas } = pasteOrdersIntoAnalytics({ x: 850, y: 70 }, minimap);
    expect(gapBetween(box(pasted, 'revenue'), box(pasted, 'analytics-orders'))).toBe(SLOT_GAP);
    expect(overlaps(copyOnCanvas, minimap)).toBe(false);
  });

  it('keeps products copied from different domains in their arrangement on the canvas, never one on another', () => {
    const mesh = paymentsRiskFinance();
    const fragment = copyFragment(mesh, new Set(['card-transactions', 'revenue-ledger']));
    const pasted = pasteFragment(mesh, fragment, { at: { x: 1100, y: 200 } }, sizeOf).mesh;
    const cardCopy = box(pasted, 'risk-card-transactions');
    const ledgerCopy = box(pasted, 'risk-revenue-ledger');
    const copies = pasted.products.filter((product) => product.id.startsWith('risk-') && product.id !== 'risk-model');
    expect(copies.map((product) => product.domainId)).toEqual(['risk', 'risk']);
    expect(overlaps(cardCopy, ledgerCopy)).toBe(false);
    // Finance's box is 1,600 px right of Payments' (two domains apart), so its product is too.
    expect({ x: ledgerCopy.x - cardCopy.x, y: ledgerCopy.y - cardCopy.y }).toEqual({ x: 1600, y: 0 });
    expect(pasted.links.at(-1)).toMatchObject({
      from: { nodeId: 'risk-card-transactions' },
      to: { nodeId: 'risk-revenue-ledger' },
    });
    expect(overlappingDomains(pasted)).toEqual([]);
    expect(checkIntegrity(pasted)).toEqual([]);
  });

  it('spreads pasted products whose copied places coincide, as in text from an older copy without its domains’ places', () => {
    const mesh = paymentsRiskFinance();
    const fragment = copyFragment(mesh, new Set(['card-transactions', 'revenue-ledger']));
    delete fragment.layout.payments;
    delete fragment.layout.finance;
    const pasted = pasteFragment(mesh, fragment, { at: { x: 1100, y: 200 } }, sizeOf).mesh;
    expect(overlaps(box(pasted, 'risk-card-transactions'), box(pasted, 'risk-revenue-ledger'))).toBe(false);
    expect(overlaps(box(pasted, 'risk-card-transactions'), box(pasted, 'risk-model'))).toBe(false);
    expect(overlaps(box(pasted, 'risk-revenue-ledger'), box(pasted, 'risk-model'))).toBe(false);
  });

  it('numbers copies without doubling the number: a copy of “Orders 2” is “Orders 3”', () => {
    const mesh = pipeline();
    const fragment = copyFragment(mesh, new Set(['orders']));
    const once = pasteFragment(mesh, fragment, 'beside-originals').mesh;
    const twice = pasteFragment(once, copyFragment(once, new Set(['sales-orders-2'])), 'beside-originals').mesh;
    expect(twice.products.map((product) => product.name)).toEqual(['Orders', 'Revenue', 'Orders 2', 'Orders 3']);
  });

  it('lands a pasted domain in free space, not 32 px over the original', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['sales'])), 'beside-originals', sizeOf);
    expect(pasted.nodeIds[0]).toBe('sales-2');
    expect(pasted.mesh.domains.at(-1)).toMatchObject({ id: 'sales-2', name: 'Sales 2' });
    expect(overlappingDomains(pasted.mesh)).toEqual([]);
    expect(pasted.mesh.layout.nodes['sales-2-orders']).toEqual({ x: 360, y: 60 });
    expect(checkIntegrity(pasted.mesh)).toEqual([]);
  });

  it('duplicates a domain right next to it: below, when that is nearer than past its neighbours on the right', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['sales'])), 'beside-originals', sizeOf).mesh;
    expect(pasted.layout.nodes['sales-2']).toMatchObject({ x: 0, y: 340 });
  });

  it('selects a pasted domain with the products and systems it holds', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['sales'])), 'beside-originals', sizeOf);
    const held = [...pasted.mesh.products, ...pasted.mesh.systems].filter((node) => node.domainId === 'sales-2');
    expect(held.length).toBeGreaterThan(1);
    expect(pasted.nodeIds).toEqual(['sales-2', ...held.map((node) => node.id)]);
  });

  it('recreates the domain of a pasted product in a design that lacks it', () => {
    const source = pipeline();
    const target = emptyMesh('other', 'Other');
    const pasted = pasteFragment(target, copyFragment(source, new Set(['orders'])), 'beside-originals');
    expect(pasted.mesh.domains.map((domain) => domain.id)).toEqual(['sales']);
    expect(pasted.mesh.products[0]).toMatchObject({ id: 'orders', domainId: 'sales', name: 'Orders' });
    expect(pasted.nodeIds).toEqual(['sales', 'orders']);
    expect(checkIntegrity(pasted.mesh)).toEqual([]);
  });

  it('pastes products copied from inside a domain into the nearest domain of another design, not a copy of theirs', () => {
    const [source, target] = [pipeline(), anotherDesignWithOneDomain()];
    const pasted = pasteFragment(target, copyFragment(source, new Set(['orders', 'shop'])), {
      at: { x: 900, y: 500 },
    });
    expect(pasted.mesh.domains.map((domain) => domain.id)).toEqual(['fleet']);
    expect([...pasted.mesh.products, ...pasted.mesh.systems].map((node) => node.domainId)).toEqual(['fleet', 'fleet']);
    expect(pasted.nodeIds).toEqual(['orders', 'shop']);
    expect(checkIntegrity(pasted.mesh)).toEqual([]);
  });

  it('recreates a copied domain in another design, with what it holds', () => {
    const [source, target] = [pipeline(), anotherDesignWithOneDomain()];
    const pasted = pasteFragment(target, copyFragment(source, new Set(['sales'])), { at: { x: 900, y: 500 } });
    expect(pasted.mesh.domains.map((domain) => domain.id)).toEqual(['fleet', 'sales']);
    expect(pasted.mesh.products.every((product) => product.domainId === 'sales')).toBe(true);
  });
});

describe("a pasted contract's domain", () => {
  /** The e-commerce sample, with the text of contract 'shipment' (served by product 'shipments' in Shipping) naming `domain`. */
  const shipmentNaming = (domain?: string) => {
    const mesh = ecommerceSample();
    if (domain === undefined) return mesh;
    return {
      ...mesh,
      contracts: mesh.contracts.map((contract) =>
        contract.id === 'shipment' ? withContractIdentity(contract, { id: contract.id, domain }) : contract,
      ),
    };
  };
  const centreOf = (mesh: Mesh, domainId: string) => {
    const rect = domainRect(mesh, domainId);
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  };
  /** The domain the copy of 'shipment' names after 'shipments' is pasted into `domainId` of `target`. */
  const pastedInto = (source: Mesh, target: Mesh, domainId: string) => {
    const pasted = pasteFragment(target, copyFragment(source, new Set(['shipments'])), {
      at: centreOf(target, domainId),
    }).mesh;
    // Pasted elements come last in their lists.
    const copy = pasted.contracts.at(-1);
    expect(pasted.products.at(-1)?.domainId).toBe(domainId);
    expect(copy?.odcs).toContain(`\ndomain: ${copy?.domain}\n`);
    return copy?.domain;
  };

  it('names the domain the copy lands in, as the original named its own: by slug, id or name', () => {
    // The sample's contract says `domain: shipping`, the slug of Shipping (id shipping-domain).
    expect(pastedInto(shipmentNaming(), shipmentNaming(), 'customers-domain')).toBe('customers');
    expect(pastedInto(shipmentNaming('shipping-domain'), ecommerceSample(), 'customers-domain')).toBe(
      'customers-domain',
    );
    expect(pastedInto(shipmentNaming('Shipping'), ecommerceSample(), 'customers-domain')).toBe('Customers');
    // The original keeps its text.
    const source = shipmentNaming();
    pasteFragment(source, copyFragment(source, new Set(['shipments'])), { at: centreOf(source, 'customers-domain') });
    expect(source.contracts.find((contract) => contract.id === 'shipment')?.domain).toBe('shipping');
  });

  it('names a domain of the design it is pasted into, never one of the design it was copied from', () => {
    const terminal = aMesh('terminal').withDomain('commercial', { name: 'Commercial' }).build();
    terminal.layout.nodes.commercial = { x: 0, y: 0, width: 800, height: 400 };
    expect(pastedInto(shipmentNaming('shipping-domain'), terminal, 'commercial')).toBe('commercial');
  });

  it('names the copy of a copied domain, not the original', () => {
    const mesh = ecommerceSample();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['shipping-domain'])), 'beside-originals').mesh;
    expect(pasted.domains.at(-1)).toMatchObject({ id: 'shipping-domain-2', name: 'Shipping 2' });
    expect(pasted.contracts.find((contract) => contract.id === 'shipment-2')?.domain).toBe('shipping-2');
  });

  it('keeps another domain of the design named on purpose; one naming no domain there gets the landing domain by name', () => {
    expect(pastedInto(shipmentNaming('orders'), ecommerceSample(), 'customers-domain')).toBe('orders');
    expect(pastedInto(shipmentNaming('Logistics'), ecommerceSample(), 'customers-domain')).toBe('Customers');
  });

  it('adds no domain to a contract that names none', () => {
    const mesh = ecommerceSample();
    const withoutDomain = {
      ...mesh,
      products: mesh.products.map((product) =>
        product.id === 'shipments'
          ? { ...product, outputPorts: product.outputPorts.map((port) => ({ ...port, contractId: 'bare' })) }
          : product,
      ),
      contracts: [...mesh.contracts, aContract('bare')],
    };
    const pasted = pasteFragment(withoutDomain, copyFragment(withoutDomain, new Set(['shipments'])), {
      at: centreOf(withoutDomain, 'customers-domain'),
    }).mesh;
    const copy = pasted.contracts.find((contract) => contract.id === 'bare-2');
    expect(copy).toBeDefined();
    expect(copy?.domain).toBeUndefined();
  });
});

describe('copyName', () => {
  it('keeps a name that is free where the copy goes', () => {
    expect(copyName('Campaigns', ['Orders'])).toBe('Campaigns');
  });

  it('numbers from the stem, so numbers never double', () => {
    expect(copyName('Campaigns', ['Campaigns'])).toBe('Campaigns 2');
    expect(copyName('Campaigns 2', ['Campaigns', 'Campaigns 2'])).toBe('Campaigns 3');
    expect(copyName('Campaigns 2', ['Campaigns', 'Campaigns 2', 'Campaigns 3'])).toBe('Campaigns 4');
  });

  it('numbers a name that clashes as the name rules compare names, in any Unicode normalization', () => {
    const decomposed = 'Cafe\u0301';
    expect(copyName(decomposed, ['Caf\u00e9'])).toBe(`${decomposed} 2`);
  });
});
