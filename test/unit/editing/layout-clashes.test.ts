import { describe, expect, it } from 'vitest';
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
