import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leastCardSize } from '../../../shared/editing/card-size';
import { layoutClashes, layoutClashesSummary, layoutClashMessage } from '../../../shared/editing/layout-clashes';
import type { Mesh, NodeLayout } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

/** Three domains side by side, a product and a system in the first: as the app lays them out. */
function laidOut(): Mesh {
  const mesh = aMesh()
    .withDomain('events', { name: 'Events' })
    .withDomain('tickets', { name: 'Ticketing' })
    .withDomain('resale', { name: 'Resale' })
    .withProduct('catalog', 'events', { name: 'Event Catalog' })
    .withSystem('admin', 'events', { name: 'Event Admin' })
    .build();
  mesh.layout.nodes = {
    events: { x: 0, y: 0, width: 666, height: 276 },
    tickets: { x: 726, y: 0, width: 640, height: 320 },
    resale: { x: 1426, y: 0, width: 640, height: 320 },
    catalog: { x: 374, y: 56 },
    admin: { x: 32, y: 83 },
  };
  return mesh;
}

const moved = (mesh: Mesh, places: Record<string, Partial<NodeLayout>>): Mesh => ({
  ...mesh,
  layout: {
    nodes: {
      ...mesh.layout.nodes,
      ...Object.fromEntries(Object.entries(places).map(([id, place]) => [id, { ...mesh.layout.nodes[id], ...place }])),
    } as Record<string, NodeLayout>,
  },
});

describe('a layout drawn as a pile', () => {
  it('finds nothing in a layout the app made: domains apart, every node inside its domain', () => {
    expect(layoutClashes(laidOut())).toEqual([]);
  });

  it('names each domain drawn over earlier ones, with the ones it covers', () => {
    const mesh = moved(laidOut(), { tickets: { x: 10, y: 10 }, resale: { x: 10, y: 10 } });

    expect(layoutClashes(mesh)).toEqual([
      { kind: 'overlapping-domain', domainId: 'tickets', overlappedIds: ['events'] },
      { kind: 'overlapping-domain', domainId: 'resale', overlappedIds: ['events', 'tickets'] },
    ]);
    expect(layoutClashMessage(mesh, layoutClashes(mesh)[1] as never)).toBe(
      "Domain 'Resale' overlaps 'Events' and 'Ticketing' on the canvas.",
    );
    expect(layoutClashesSummary(mesh, layoutClashes(mesh))).toEqual([
      "domains 'Events', 'Ticketing' and 'Resale' overlap",
    ]);
  });

  it('does not count domains that only touch', () => {
    expect(layoutClashes(moved(laidOut(), { tickets: { x: 666 } }))).toEqual([]);
  });

  it('names a node placed beyond its domain, which the canvas would stretch the domain to reach', () => {
    const mesh = moved(laidOut(), { catalog: { x: 5000, y: 3000 } });

    expect(layoutClashes(mesh)).toEqual([{ kind: 'outside-domain', nodeId: 'catalog', domainId: 'events' }]);
    expect(layoutClashMessage(mesh, layoutClashes(mesh)[0] as never)).toBe(
      "Data product 'Event Catalog' sits outside its domain 'Events': at 5000, 3000 in a box of 666 × 276.",
    );
    expect(layoutClashesSummary(mesh, layoutClashes(mesh))).toEqual([
      "'Event Catalog' sits outside its domain 'Events'",
    ]);
  });

  it('names a node placed left of or above its domain, which the canvas would draw outside it', () => {
    const mesh = moved(laidOut(), { admin: { x: -400 } });
    expect(layoutClashMessage(mesh, layoutClashes(mesh)[0] as never)).toBe(
      "System 'Event Admin' sits outside its domain 'Events': at -400, 83 in a box of 666 × 276.",
    );
  });

  it('leaves out elements without a position, which opening places', () => {
    const mesh = laidOut();
    delete mesh.layout.nodes.tickets;
    delete mesh.layout.nodes.resale;
    delete mesh.layout.nodes.catalog;
    expect(layoutClashes(mesh)).toEqual([]);
  });

  it('counts rather than names many overlapping domains and nodes outside', () => {
    const mesh = moved(laidOut(), {
      events: { x: 10, y: 10 },
      tickets: { x: 10, y: 10 },
      resale: { x: 10, y: 10 },
      catalog: { x: 900 },
      admin: { y: 900 },
    });
    mesh.domains.push({ id: 'food', name: 'Food', description: '', owner: '', color: '#336699' });
    mesh.layout.nodes.food = { x: 0, y: 0 };
    expect(layoutClashesSummary(mesh, layoutClashes(mesh))).toEqual([
      '4 domains overlap',
      '2 products and systems sit outside their domains',
    ]);
  });
});

/** A cold store and the readings product stacked in one domain, as a hand edit leaves them: `readings` placed `gap` below `wms`. */
function stacked(readingsY: number): Mesh {
  const mesh = aMesh()
    .withDomain('logistics', { name: 'Cold Logistics' })
    .withSystem('wms', 'logistics', { name: 'Cold Store WMS' })
    .withProduct('readings', 'logistics', { name: 'Temperature Readings' })
    .withProduct('shipments', 'logistics', { name: 'Shipments' })
    .build();
  mesh.layout.nodes = {
    logistics: { x: 0, y: 0, width: 1250, height: 340 },
    wms: { x: 30, y: 60 },
    readings: { x: 30, y: readingsY },
    shipments: { x: 430, y: 60 },
  };
  return mesh;
}

describe('cards drawn over each other', () => {
  it('names a product drawn over a system of its domain, as the canvas draws them before measuring', () => {
    const mesh = stacked(190);

    expect(layoutClashes(mesh)).toEqual([
      { kind: 'overlapping-cards', nodeId: 'readings', overlappedIds: ['wms'], domainId: 'logistics' },
    ]);
    expect(layoutClashMessage(mesh, layoutClashes(mesh)[0] as never)).toBe(
      "Data product 'Temperature Readings' overlaps system 'Cold Store WMS' in domain 'Cold Logistics' on the canvas.",
    );
    expect(layoutClashesSummary(mesh, layoutClashes(mesh))).toEqual([
      "'Cold Store WMS' and 'Temperature Readings' overlap",
    ]);
  });

  it('does not count cards that only touch, nor cards in different domains', () => {
    const wmsBottom = 60 + leastCardSize(stacked(190))('wms').height;
    expect(layoutClashes(stacked(wmsBottom))).toEqual([]);
    const apart = moved(laidOut(), { admin: { x: 32, y: 56 }, catalog: { x: 32, y: 56 } });
    apart.products[0] = { ...(apart.products[0] as Mesh['products'][number]), domainId: 'tickets' };
    expect(layoutClashes(apart)).toEqual([]);
  });

  it('counts rather than names many overlapping cards', () => {
    const mesh = moved(stacked(60), { shipments: { x: 40, y: 70 } });
    expect(layoutClashesSummary(mesh, layoutClashes(mesh))).toEqual(['3 products and systems overlap']);
  });

  it.each(
    readdirSync(new URL('../../../assets/samples/', import.meta.url)).filter((name) => name.endsWith('.mesh.json')),
  )('finds no clash in the sample %s', (name) => {
    const text = readFileSync(new URL(`../../../assets/samples/${name}`, import.meta.url), 'utf8');
    expect(layoutClashes(JSON.parse(text))).toEqual([]);
  });
});
