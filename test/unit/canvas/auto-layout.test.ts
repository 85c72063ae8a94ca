import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { interpolateLayout } from '../../../renderer/canvas/auto-layout/animate-layout';
import { layoutFromElk, toElkGraph } from '../../../renderer/canvas/auto-layout/elk-graph';
import { aMesh, aPort } from '../../builders/mesh-builder';

function twoDomains() {
  return aMesh()
    .withDomain('sales')
    .withDomain('analytics')
    .withSystem('shop', 'sales')
    .withProduct('orders', 'sales', {
      inputPorts: [aPort('first', 'input'), aPort('second', 'input')],
      outputPorts: [aPort('out', 'output')],
    })
    .withProduct('revenue', 'analytics', { inputPorts: [aPort('in', 'input')], outputPorts: [aPort('out', 'output')] })
    .withProduct('report', 'analytics', { inputPorts: [aPort('in', 'input')] })
    .withLink('shop-to-orders', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'orders', portId: 'first' })
    .withLink('orders-to-revenue', { nodeId: 'orders', portId: 'out' }, { nodeId: 'revenue', portId: 'in' })
    .withLink('revenue-to-report', { nodeId: 'revenue', portId: 'out' }, { nodeId: 'report', portId: 'in' })
    .build();
}

describe('the ELK graph', () => {
  it('nests products and systems in their domains and joins links port to port', () => {
    const graph = toElkGraph(twoDomains(), () => ({ width: 200, height: 100 }));
    expect(graph.layoutOptions).toMatchObject({
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    });
    expect(graph.children?.map((domain) => [domain.id, domain.children?.map((child) => child.id)])).toEqual([
      ['sales', ['shop', 'orders']],
      ['analytics', ['revenue', 'report']],
    ]);
    expect(graph.edges?.[0]).toEqual({ id: 'shop-to-orders', sources: ['shop/items-cdc'], targets: ['orders/first'] });
  });

  it('keeps ports on their sides in drawing order: discovery on top, outputs right, inputs left', () => {
    const orders = toElkGraph(twoDomains(), () => undefined).children?.[0]?.children?.[1];
    expect(orders?.layoutOptions).toEqual({ 'elk.portConstraints': 'FIXED_ORDER' });
    expect(
      orders?.ports?.map((port) => [
        port.id,
        port.layoutOptions?.['elk.port.side'],
        port.layoutOptions?.['elk.port.index'],
      ]),
    ).toEqual([
      ['orders/discovery', 'NORTH', '0'],
      ['orders/out', 'EAST', '1'],
      // ELK counts clockwise, so the left side runs bottom to top.
      ['orders/second', 'WEST', '2'],
      ['orders/first', 'WEST', '3'],
    ]);
  });

  it('lays the mesh out left to right by data flow, each node inside its domain', async () => {
    const laidOut = layoutFromElk(
      await new ELK().layout(toElkGraph(twoDomains(), () => ({ width: 200, height: 100 }))),
    );
    const absoluteX = (id: string, domainId: string) => (laidOut[domainId]?.x ?? 0) + (laidOut[id]?.x ?? 0);
    expect(absoluteX('shop', 'sales')).toBeLessThan(absoluteX('orders', 'sales'));
    expect(absoluteX('orders', 'sales')).toBeLessThan(absoluteX('revenue', 'analytics'));
    expect(absoluteX('revenue', 'analytics')).toBeLessThan(absoluteX('report', 'analytics'));
    for (const [id, domainId] of [
      ['orders', 'sales'],
      ['report', 'analytics'],
    ] as const) {
      const child = laidOut[id]!;
      const domain = laidOut[domainId]!;
      expect(child.x).toBeGreaterThanOrEqual(0);
      expect(child.x + 200).toBeLessThanOrEqual(domain.width!);
      expect(child.y + 100).toBeLessThanOrEqual(domain.height!);
    }
    expect(Math.min(...['sales', 'analytics'].map((id) => laidOut[id]!.x))).toBe(0);
  });
});

describe('the layout animation', () => {
  it('moves each node part of the way, sizes too, and starts new nodes where they end', () => {
    const frame = interpolateLayout(
      { a: { x: 0, y: 0, width: 100, height: 100 } },
      { a: { x: 100, y: 50, width: 200, height: 100 }, b: { x: 10, y: 10 } },
      0.5,
    );
    expect(frame).toEqual({ a: { x: 50, y: 25, width: 150, height: 100 }, b: { x: 10, y: 10 } });
  });
});
