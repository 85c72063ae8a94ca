import { beforeEach, describe, expect, it } from 'vitest';
import {
  copyFragment,
  copySelection,
  cutSelection,
  duplicateSelection,
  pasteClipboard,
  pasteFragment,
} from '../../../renderer/store/clipboard';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { selectOnly, useSelectionStore } from '../../../renderer/store/selection-store';
import { checkIntegrity, emptyMesh } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { documentNow, expectOneUndoableStep, openDocument } from './store-fixture';

function pipeline() {
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

const offset = { x: 32, y: 32 };

describe('pasteFragment', () => {
  it('gives pasted elements fresh ids and remaps the links between them', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['shop', 'orders'])), offset);
    const copies = pasted.mesh.products.filter((product) => product.id === 'orders-2');
    expect(copies).toHaveLength(1);
    expect(pasted.mesh.systems.map((system) => system.id)).toEqual(['shop', 'shop-2']);
    expect(pasted.mesh.links.slice(2)).toEqual([
      {
        id: 'shop-to-orders-2',
        from: { nodeId: 'shop-2', portId: 'items-cdc' },
        to: { nodeId: 'orders-2', portId: 'in' },
      },
    ]);
    expect(pasted.linkIds).toEqual(['shop-to-orders-2']);
    expect(pasted.nodeIds).toEqual(['orders-2', 'shop-2']);
    expect(checkIntegrity(pasted.mesh)).toEqual([]);
  });

  it('leaves out links to elements that were not copied', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['orders'])), offset);
    expect(pasted.mesh.links).toHaveLength(2);
  });

  it('copies the contracts of copied output ports, so each copy governs its own dataset', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['orders'])), offset).mesh;
    expect(pasted.contracts.map((contract) => [contract.id, contract.dataProduct])).toEqual([
      ['orders-contract', 'orders'],
      ['orders-contract-2', 'orders-2'],
    ]);
    expect(pasted.products.find((product) => product.id === 'orders-2')?.outputPorts[0]?.contractId).toBe(
      'orders-contract-2',
    );
  });

  it('names copies uniquely in their domain and shifts them by the offset', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['orders'])), offset).mesh;
    expect(pasted.products.find((product) => product.id === 'orders-2')).toMatchObject({
      name: 'Orders 2',
      domainId: 'sales',
    });
    expect(pasted.layout.nodes['orders-2']).toEqual({ x: 392, y: 92 });
  });

  it('copies a domain with its children, keeping their places inside it', () => {
    const mesh = pipeline();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['sales'])), offset);
    expect(pasted.nodeIds).toEqual(['sales-2']);
    expect(pasted.mesh.domains.at(-1)).toMatchObject({ id: 'sales-2', name: 'Sales 2' });
    expect(pasted.mesh.layout.nodes['sales-2']).toMatchObject({ x: 32, y: 32 });
    const children = [...pasted.mesh.products, ...pasted.mesh.systems].filter((node) => node.domainId === 'sales-2');
    expect(children.map((node) => [node.id, node.name])).toEqual([
      ['orders-2', 'Orders'],
      ['shop-2', 'Shop'],
    ]);
    expect(pasted.mesh.layout.nodes['orders-2']).toEqual({ x: 360, y: 60 });
    expect(checkIntegrity(pasted.mesh)).toEqual([]);
  });

  it('recreates the domain of a pasted product in a design that lacks it', () => {
    const source = pipeline();
    const target = emptyMesh('other', 'Other');
    const pasted = pasteFragment(target, copyFragment(source, new Set(['orders'])), offset);
    expect(pasted.mesh.domains.map((domain) => domain.id)).toEqual(['sales']);
    expect(pasted.mesh.products[0]).toMatchObject({ id: 'orders', domainId: 'sales', name: 'Orders' });
    expect(checkIntegrity(pasted.mesh)).toEqual([]);
  });
});

describe('clipboard commands', () => {
  beforeEach(() => openDocument(pipeline()));

  it('pastes what was copied, as one undoable step, and selects the copy', () => {
    selectOnly(['orders']);
    copySelection();
    expectOneUndoableStep(pasteClipboard);
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['orders-2']);
  });

  it('puts each further paste further away', () => {
    selectOnly(['orders']);
    copySelection();
    pasteClipboard();
    pasteClipboard();
    expect(documentNow().layout.nodes['orders-3']).toEqual({ x: 424, y: 124 });
  });

  it('cuts: removes the selection, and pastes it back', () => {
    selectOnly(['revenue']);
    cutSelection();
    expect(documentNow().products.map((product) => product.id)).toEqual(['orders']);
    pasteClipboard();
    expect(documentNow().products.map((product) => product.id)).toEqual(['orders', 'revenue']);
  });

  it('duplicates the selection without touching the clipboard', () => {
    selectOnly(['shop', 'orders']);
    expectOneUndoableStep(duplicateSelection);
    expect(documentNow().links.map((link) => link.id)).toContain('shop-to-orders-2');
    useDocumentStore.getState().undo();
    pasteClipboard();
    expect(documentNow().products).toHaveLength(2);
  });
});
