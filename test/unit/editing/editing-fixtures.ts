import type { Mesh, NodeLayout, OperationalSystem } from '../../../shared/model';
import { aMesh, aPort, aSystem } from '../../builders/mesh-builder';

/** A shop that publishes `ItemAdded` on its `item-added` outbox topic for each new row of `items`, with no contract. */
export function shopWithItemAddedEvents(): Partial<OperationalSystem> {
  const { messaging } = aSystem('shop', 'sales');
  return {
    publishes: [{ name: 'ItemAdded', table: 'items', on: ['insert'] }],
    messaging: {
      ...messaging,
      topics: [
        ...messaging.topics,
        {
          id: 'item-added',
          name: 'shop.item-added',
          partitions: 1,
          tombstones: false,
          source: { kind: 'outbox', event: 'ItemAdded' },
        },
      ],
    },
  };
}

/** `mesh` with sticky notes added, each with its text and its box on the canvas, by id. */
export function withNotesAt(
  mesh: Mesh,
  notes: Record<string, { text: string } & NodeLayout>,
): Mesh & Required<Pick<Mesh, 'notes'>> {
  const added = Object.entries(notes);
  const nodes = { ...mesh.layout.nodes };
  for (const [id, { text: _text, ...layout }] of added) nodes[id] = layout;
  return {
    ...mesh,
    notes: [...(mesh.notes ?? []), ...added.map(([id, { text }]) => ({ id, text }))],
    layout: { ...mesh.layout, nodes },
  };
}

/** Sales (a shop feeding Orders) and Analytics (Revenue reading Orders), laid out side by side. */
export function salesPipeline(): Mesh {
  const mesh = aMesh()
    .withDomain('sales', { name: 'Sales' })
    .withDomain('analytics', { name: 'Analytics' })
    .withSystem('shop', 'sales', { name: 'Shop' })
    .withContract('orders-contract', { dataProduct: 'orders' })
    .withProduct('orders', 'sales', {
      name: 'Orders',
      inputPorts: [aPort('in', 'input')],
      outputPorts: [aPort('out', 'output', { contractId: 'orders-contract' })],
    })
    .withProduct('revenue', 'analytics', { name: 'Revenue', inputPorts: [aPort('in', 'input')] })
    .withLink('shop-to-orders', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'orders', portId: 'in' })
    .withLink('orders-to-revenue', { nodeId: 'orders', portId: 'out' }, { nodeId: 'revenue', portId: 'in' })
    .build();
  mesh.layout.nodes = {
    sales: { x: 0, y: 0, width: 700, height: 300 },
    analytics: { x: 800, y: 0, width: 400, height: 300 },
    shop: { x: 40, y: 60 },
    orders: { x: 360, y: 60 },
    revenue: { x: 40, y: 60 },
  };
  return mesh;
}

/** Payments, Risk and Finance side by side, each with one product at the same place in its domain; Card Transactions feeds Revenue Ledger. */
export function paymentsRiskFinance(): Mesh {
  const mesh = aMesh()
    .withDomain('payments', { name: 'Payments' })
    .withDomain('risk', { name: 'Risk' })
    .withDomain('finance', { name: 'Finance' })
    .withProduct('card-transactions', 'payments', {
      name: 'Card Transactions',
      outputPorts: [aPort('out', 'output')],
    })
    .withProduct('risk-model', 'risk', { name: 'Risk Model' })
    .withProduct('revenue-ledger', 'finance', { name: 'Revenue Ledger', inputPorts: [aPort('in', 'input')] })
    .withLink(
      'card-to-ledger',
      { nodeId: 'card-transactions', portId: 'out' },
      { nodeId: 'revenue-ledger', portId: 'in' },
    )
    .build();
  mesh.layout.nodes = {
    payments: { x: 0, y: 0, width: 700, height: 300 },
    risk: { x: 800, y: 0, width: 700, height: 300 },
    finance: { x: 1600, y: 0, width: 700, height: 300 },
    'card-transactions': { x: 40, y: 60 },
    'risk-model': { x: 40, y: 60 },
    'revenue-ledger': { x: 40, y: 60 },
  };
  return mesh;
}

/** Three products of one domain, none lined up with another. */
export function threeProducts(): Mesh {
  const mesh = aMesh().withDomain('d').withProduct('a', 'd').withProduct('b', 'd').withProduct('c', 'd').build();
  mesh.layout.nodes = {
    d: { x: 100, y: 100, width: 800, height: 500 },
    a: { x: 40, y: 60 },
    b: { x: 300, y: 90 },
    c: { x: 400, y: 300 },
  };
  return mesh;
}

/** The QA's school: Enrolment and Academics above Staff and Facilities, a gap between, Finance tall beside them. */
export function school(): Mesh {
  const mesh = aMesh()
    .withDomain('enrolment', { name: 'Enrolment' })
    .withDomain('academics', { name: 'Academics' })
    .withDomain('finance', { name: 'Finance' })
    .withDomain('staff', { name: 'Staff' })
    .withDomain('facilities', { name: 'Facilities' })
    .build();
  mesh.layout.nodes = {
    enrolment: { x: 0, y: -500, width: 700, height: 400 },
    academics: { x: 760, y: -500, width: 700, height: 400 },
    finance: { x: 1500, y: -500, width: 700, height: 1600 },
    staff: { x: 0, y: 700, width: 700, height: 400 },
    facilities: { x: 760, y: 700, width: 700, height: 400 },
  };
  return mesh;
}
