import { describe, expect, it } from 'vitest';
import { domainCounts, domainFlows } from '../../../shared/editing/domain-overview';
import { hopsToWholeLineage, lineageOf } from '../../../shared/editing/lineage';
import { describeLink } from '../../../shared/editing/link-description';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { salesPipeline } from './editing-fixtures';

/** shop → orders → revenue → report, and stock → revenue. */
function chain() {
  const io = { inputPorts: [aPort('in', 'input')], outputPorts: [aPort('out', 'output')] };
  return aMesh()
    .withDomain('d')
    .withSystem('shop', 'd')
    .withProduct('orders', 'd', io)
    .withProduct('stock', 'd', io)
    .withProduct('revenue', 'd', io)
    .withProduct('report', 'd', io)
    .withLink('l1', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'orders', portId: 'in' })
    .withLink('l2', { nodeId: 'orders', portId: 'out' }, { nodeId: 'revenue', portId: 'in' })
    .withLink('l3', { nodeId: 'stock', portId: 'out' }, { nodeId: 'revenue', portId: 'in' })
    .withLink('l4', { nodeId: 'revenue', portId: 'out' }, { nodeId: 'report', portId: 'in' })
    .build();
}

describe('lineage', () => {
  it('walks upstream and downstream, with each node’s distance', () => {
    const lineage = lineageOf(chain().links, ['revenue']);
    expect(Object.fromEntries(lineage.hops)).toEqual({ revenue: 0, report: 1, orders: -1, stock: -1, shop: -2 });
    expect([...lineage.upstreamLinks].sort()).toEqual(['l1', 'l2', 'l3']);
    expect([...lineage.downstreamLinks]).toEqual(['l4']);
  });

  it('stops after N hops', () => {
    const lineage = lineageOf(chain().links, ['revenue'], 1);
    expect(lineage.hops.has('shop')).toBe(false);
    expect([...lineage.upstreamLinks].sort()).toEqual(['l2', 'l3']);
  });
});

/** p0 → p1 → … → p(length-1), one link each. */
function longChain(length: number) {
  const io = { inputPorts: [aPort('in', 'input')], outputPorts: [aPort('out', 'output')] };
  let mesh = aMesh().withDomain('d');
  for (let index = 0; index < length; index++) mesh = mesh.withProduct(`p${index}`, 'd', io);
  for (let index = 1; index < length; index++)
    mesh = mesh.withLink(
      `l${index}`,
      { nodeId: `p${index - 1}`, portId: 'out' },
      { nodeId: `p${index}`, portId: 'in' },
    );
  return mesh.build();
}

describe('the hops that show a whole lineage', () => {
  it('reach the end of a chain longer than nine links', () => {
    const { links } = longChain(14);
    expect(hopsToWholeLineage(links, 'p0')).toBe(13);
    expect(lineageOf(links, ['p0'], hopsToWholeLineage(links, 'p0')).hops.get('p13')).toBe(13);
  });

  it('take the longer side, upstream or downstream', () => {
    expect(hopsToWholeLineage(longChain(14).links, 'p10')).toBe(10);
  });

  it('follow the longest way out of a branching lineage', () => {
    expect(hopsToWholeLineage(chain().links, 'shop')).toBe(3);
    expect(hopsToWholeLineage(chain().links, 'orders')).toBe(2);
  });

  it('are at least one for a node no link joins', () => {
    expect(hopsToWholeLineage([], 'alone')).toBe(1);
  });
});

describe('the overview of a large mesh', () => {
  it('counts what each domain holds', () => {
    expect(domainCounts(salesPipeline()).get('sales')).toEqual({ products: 1, systems: 1, ports: 3 });
  });

  it('sums the links between two domains into one flow', () => {
    expect(domainFlows(salesPipeline())).toEqual([{ id: 'sales→analytics', from: 'sales', to: 'analytics', links: 1 }]);
  });

  it('follows a product into another domain', () => {
    const mesh = salesPipeline();
    domainFlows(mesh);
    const moved = { ...mesh, products: mesh.products.map((product) => ({ ...product, domainId: 'sales' })) };
    expect(domainFlows(moved)).toEqual([]);
  });
});

describe('a link’s label', () => {
  it('names both ports and the producer’s contract with its version', () => {
    expect(describeLink(salesPipeline(), 'orders-to-revenue')).toEqual({
      from: 'Orders · out',
      to: 'Revenue · in',
      contract: 'orders-contract v1.0.0',
    });
  });

  it('has no contract for a CDC stream', () => {
    expect(describeLink(salesPipeline(), 'shop-to-orders')).toEqual({ from: 'Shop · shop.items', to: 'Orders · in' });
  });
});
