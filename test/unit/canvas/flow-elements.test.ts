import { describe, expect, it } from 'vitest';
import {
  createFlowEdgeBuilder,
  createFlowNodeBuilder,
  type FlowView,
  nodeOutlineKeys,
  overviewOutline,
  parseNodeOutline,
} from '../../../renderer/canvas/flow-elements';
import type { Mesh } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';

function pipeline() {
  const mesh = aMesh()
    .withDomain('sales')
    .withSystem('shop', 'sales')
    .withProduct('orders', 'sales', { inputPorts: [aPort('in', 'input')], outputPorts: [aPort('out', 'output')] })
    .withProduct('revenue', 'sales', { inputPorts: [aPort('in', 'input')] })
    .withLink('orders-to-revenue', { nodeId: 'orders', portId: 'out' }, { nodeId: 'revenue', portId: 'in' })
    .build();
  mesh.layout.nodes = { sales: { x: 10, y: 20, width: 900, height: 400 }, orders: { x: 40, y: 60 } };
  return mesh;
}

const nothing = { selectedIds: new Set<string>(), measured: new Map() };

/** A node builder fed from a document, as the canvas feeds it from the store. */
function nodeBuilder() {
  const build = createFlowNodeBuilder();
  return (mesh: Mesh, view: FlowView) => build(parseNodeOutline(nodeOutlineKeys(mesh)), mesh.layout.nodes, view);
}

describe('flow nodes', () => {
  it('draws domains as groups first, then their systems and products inside them', () => {
    const nodes = nodeBuilder()(pipeline(), nothing);
    expect(nodes.map((node) => [node.id, node.type, node.parentId])).toEqual([
      ['sales', 'domain', undefined],
      ['shop', 'system', 'sales'],
      ['orders', 'product', 'sales'],
      ['revenue', 'product', 'sales'],
    ]);
    expect(nodes[0]).toMatchObject({ position: { x: 10, y: 20 }, width: 900, height: 400 });
    expect(nodes[2]?.position).toEqual({ x: 40, y: 60 });
  });

  it('gives a domain without a stored size the default one', () => {
    const mesh = pipeline();
    mesh.layout.nodes.sales = { x: 0, y: 0 };
    expect(nodeBuilder()(mesh, nothing)[0]).toMatchObject({ width: 640, height: 320 });
  });

  it('marks selected nodes and carries the sizes React Flow measured', () => {
    const size = { width: 280, height: 120 };
    const nodes = nodeBuilder()(pipeline(), {
      selectedIds: new Set(['orders']),
      measured: new Map([['orders', size]]),
    });
    expect(nodes[2]).toMatchObject({ selected: true, measured: size });
    expect(nodes[3]?.selected).toBe(false);
  });

  it('returns the same node objects for nodes that did not change, so only a moved node re-renders', () => {
    const build = nodeBuilder();
    const mesh = pipeline();
    const first = build(mesh, nothing);
    const moved = { ...mesh, layout: { nodes: { ...mesh.layout.nodes, orders: { x: 50, y: 60 } } } };
    const second = build(moved, nothing);
    expect(second[2]).not.toBe(first[2]);
    expect(second[2]?.position).toEqual({ x: 50, y: 60 });
    expect([second[0], second[1], second[3]]).toEqual([first[0], first[1], first[3]]);
    expect(second[0]).toBe(first[0]);
    expect(second[3]).toBe(first[3]);
  });

  it('outlines nodes so that editing a product’s fields changes nothing the canvas subscribes to', () => {
    const mesh = pipeline();
    const renamed = { ...mesh, products: mesh.products.map((product) => ({ ...product, name: 'Renamed' })) };
    expect(nodeOutlineKeys(renamed)).toEqual(nodeOutlineKeys(mesh));
    expect(nodeOutlineKeys(mesh)).toEqual([
      'domain sales',
      'system shop sales',
      'product orders sales',
      'product revenue sales',
    ]);
  });

  it('far out, draws domains as blocks and leaves products and systems to them', () => {
    const mesh = pipeline();
    mesh.notes = [{ id: 'note-1', text: 'hi' }];
    const outline = overviewOutline(parseNodeOutline(nodeOutlineKeys(mesh)));
    expect(outline).toEqual([
      { id: 'sales', type: 'domain-block' },
      { id: 'note-1', type: 'note' },
    ]);
  });

  it('marks dimmed, locked and keyboard-reached nodes; a locked one cannot be dragged', () => {
    const mesh = pipeline();
    mesh.layout.nodes.orders = { x: 40, y: 60, locked: true };
    const nodes = nodeBuilder()(mesh, { ...nothing, dimmedIds: new Set(['revenue']), cursorId: 'shop' });
    expect(nodes.find((node) => node.id === 'orders')).toMatchObject({ className: 'is-locked', draggable: false });
    expect(nodes.find((node) => node.id === 'revenue')?.className).toBe('is-dimmed');
    expect(nodes.find((node) => node.id === 'shop')?.className).toBe('is-cursor');
  });

  it('reparents a product moved into another domain', () => {
    const build = nodeBuilder();
    const mesh = pipeline();
    build(mesh, nothing);
    const moved = {
      ...mesh,
      domains: [...mesh.domains, { ...mesh.domains[0]!, id: 'support' }],
      products: mesh.products.map((product) =>
        product.id === 'orders' ? { ...product, domainId: 'support' } : product,
      ),
    };
    expect(build(moved, nothing).find((node) => node.id === 'orders')?.parentId).toBe('support');
  });
});

const NOT_CHECKED = new Map();

describe('flow edges', () => {
  it('attaches each link to the handles of its ports, reconnectable', () => {
    expect(createFlowEdgeBuilder()(pipeline().links, new Set(), NOT_CHECKED)).toEqual([
      {
        id: 'orders-to-revenue',
        type: 'mesh-link',
        source: 'orders',
        sourceHandle: 'out',
        target: 'revenue',
        targetHandle: 'in',
        selected: false,
        reconnectable: true,
        className: 'mesh-link',
        markerEnd: { type: 'arrowclosed', width: 14, height: 14, color: 'var(--link)' },
        data: { problems: [], lane: 0 },
      },
    ]);
  });

  it('highlights the links upstream and downstream of the selection', () => {
    const [edge] = createFlowEdgeBuilder()(
      pipeline().links,
      new Set(),
      NOT_CHECKED,
      new Map([['orders-to-revenue', 'downstream']]),
    );
    expect(edge?.className).toBe('mesh-link edge--downstream');
    expect(edge?.markerEnd).toMatchObject({ color: 'var(--downstream)' });
  });

  const incompatible = new Map([
    [
      'orders-to-revenue',
      {
        linkId: 'orders-to-revenue',
        status: 'incompatible' as const,
        problems: [{ field: 'status', message: 'missing field status' }],
      },
    ],
  ]);

  it('draws an incompatible link in the error style, naming each problem', () => {
    const [edge] = createFlowEdgeBuilder()(pipeline().links, new Set(), incompatible);
    expect(edge?.className).toBe('mesh-link edge--incompatible');
    expect(edge?.markerEnd).toMatchObject({ color: 'var(--danger)' });
    expect(edge?.data).toEqual({
      problems: ['missing field status'],
      problemsHeading: 'Incompatible link:',
      lane: 0,
    });
  });

  it('draws an incompatible link plainly when the policies turn link-compatibility off, saying why', () => {
    const off = { severity: 'off' as const, reason: 'Legacy feed, migrating Q2', isSet: true };
    const [edge] = createFlowEdgeBuilder()(pipeline().links, new Set(), incompatible, undefined, off);
    expect(edge?.className).toBe('mesh-link edge--incompatible-off');
    expect(edge?.markerEnd).toMatchObject({ color: 'var(--link)' });
    expect(edge?.data).toMatchObject({
      problems: ['missing field status'],
      problemsHeading: 'Incompatible link, turned off: Legacy feed, migrating Q2',
    });
  });

  it('draws an incompatible link in the style of the severity the policies give link-compatibility', () => {
    const warning = { severity: 'warning' as const, reason: 'Known gap', isSet: true };
    const [edge] = createFlowEdgeBuilder()(pipeline().links, new Set(), incompatible, undefined, warning);
    expect(edge?.className).toBe('mesh-link edge--incompatible-warning');
    expect(edge?.markerEnd).toMatchObject({ color: 'var(--warning)' });
    expect(edge?.data).toMatchObject({ problemsHeading: 'Incompatible link (warning: Known gap):' });
    const info = { severity: 'info' as const, isSet: true };
    const [infoEdge] = createFlowEdgeBuilder()(pipeline().links, new Set(), incompatible, undefined, info);
    expect(infoEdge?.className).toBe('mesh-link edge--incompatible-info');
    expect(infoEdge?.data).toMatchObject({ problemsHeading: 'Incompatible link (info):' });
  });

  it('keeps unchanged edges and marks selected ones', () => {
    const build = createFlowEdgeBuilder();
    const mesh = pipeline();
    const edges = build(mesh.links, new Set(), NOT_CHECKED);
    expect(build([...mesh.links], new Set(), NOT_CHECKED)).toBe(edges);
    expect(build(mesh.links, new Set(['orders-to-revenue']), NOT_CHECKED)[0]?.selected).toBe(true);
  });
});
