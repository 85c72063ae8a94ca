import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { deleteSelection } from '../../../renderer/store/delete-elements';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { selectOnly, useSelectionStore } from '../../../renderer/store/selection-store';
import { checkIntegrity } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { aScenarioAbout, documentNow, expectOneUndoableStep, openDocument } from './store-fixture';

function salesMesh() {
  const mesh = aMesh()
    .withDomain('sales')
    .withDomain('analytics')
    .withSystem('shop', 'sales')
    .withContract('orders-contract')
    .withContract('shared-contract')
    .withProduct('orders', 'sales', {
      inputPorts: [aPort('in', 'input')],
      outputPorts: [
        aPort('out', 'output', { contractId: 'orders-contract' }),
        aPort('shared', 'output', { contractId: 'shared-contract' }),
      ],
    })
    .withProduct('revenue', 'analytics', {
      inputPorts: [aPort('in', 'input')],
      outputPorts: [aPort('out', 'output', { contractId: 'shared-contract' })],
    })
    .withLink('shop-to-orders', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'orders', portId: 'in' })
    .withLink('orders-to-revenue', { nodeId: 'orders', portId: 'out' }, { nodeId: 'revenue', portId: 'in' })
    .build();
  mesh.layout.nodes = { sales: { x: 0, y: 0 }, orders: { x: 1, y: 1 }, shop: { x: 2, y: 2 }, revenue: { x: 3, y: 3 } };
  mesh.scenarios.push(aScenarioAbout('shop'));
  return mesh;
}

describe('deleting the selection', () => {
  beforeEach(() => openDocument(salesMesh()));

  it('removes a product with its links and layout, as one undoable step, and clears the selection', () => {
    selectOnly(['orders']);
    const { after } = expectOneUndoableStep(deleteSelection);
    expect(after.products.map((product) => product.id)).toEqual(['revenue']);
    expect(after.links).toEqual([]);
    expect(after.layout.nodes.orders).toBeUndefined();
    expect(useSelectionStore.getState().nodeIds.size).toBe(0);
  });

  it('keeps the selection while simulating, where the design is read-only and nothing is deleted', () => {
    const opened = documentNow();
    selectOnly(['orders']);
    useDocumentStore.getState().setReadOnly(true);
    onTestFinished(() => useDocumentStore.getState().setReadOnly(false));

    deleteSelection();
    expect(documentNow()).toBe(opened);
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['orders']);
  });

  it('removes the contracts only the deleted product used, keeping shared ones', () => {
    selectOnly(['orders']);
    deleteSelection();
    expect(documentNow().contracts.map((contract) => contract.id)).toEqual(['shared-contract']);
  });

  it('removes a domain with everything in it and the scenario data of its systems', () => {
    selectOnly(['sales']);
    deleteSelection();
    const mesh = documentNow();
    expect(mesh.domains.map((domain) => domain.id)).toEqual(['analytics']);
    expect(mesh.products.map((product) => product.id)).toEqual(['revenue']);
    expect(mesh.systems).toEqual([]);
    expect(mesh.links).toEqual([]);
    expect(mesh.scenarios[0]).toMatchObject({ data: [], steps: [], faults: [] });
    expect(checkIntegrity(mesh)).toEqual([]);
    expect(Object.keys(mesh.layout.nodes)).toEqual(['revenue']);
  });

  it('removes the faults that take a deleted product offline, so the design stays valid', () => {
    const mesh = salesMesh();
    mesh.scenarios[0]?.faults?.push(
      { kind: 'consumer-offline', tick: 3, productId: 'orders', ticks: 2 },
      { kind: 'consumer-offline', tick: 4, productId: 'revenue', ticks: 2 },
    );
    openDocument(mesh);
    selectOnly(['orders']);
    deleteSelection();

    expect(
      documentNow().scenarios[0]?.faults?.map((fault) => fault.kind === 'consumer-offline' && fault.productId),
    ).toEqual([false, 'revenue']);
    expect(checkIntegrity(documentNow())).toEqual([]);
  });

  it('removes selected links only, leaving their ends', () => {
    selectOnly([], ['orders-to-revenue']);
    deleteSelection();
    expect(documentNow().links.map((link) => link.id)).toEqual(['shop-to-orders']);
    expect(documentNow().products).toHaveLength(2);
  });
});
