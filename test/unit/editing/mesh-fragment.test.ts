import { describe, expect, it } from 'vitest';
import { copyFragment, pasteFragment } from '../../../shared/editing/mesh-fragment';
import { checkIntegrity, emptyMesh } from '../../../shared/model';
import { salesPipeline as pipeline } from './editing-fixtures';

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
