import { describe, expect, it } from 'vitest';
import { canvasEmphasis } from '../../../renderer/canvas/emphasis';
import { domainFlowEdges, type NodeOutline } from '../../../renderer/canvas/flow-elements';
import { LANE_GAP, linkRoute, runsBackward, STUB } from '../../../renderer/canvas/link-route';
import type { Link } from '../../../shared/model';

/** Every corner and end of an SVG path of straight lines and quadratic corners. */
function pointsOf(path: string): Array<{ x: number; y: number }> {
  return [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((match) => ({ x: Number(match[1]), y: Number(match[2]) }));
}

describe('link routes', () => {
  it('leave the source to the right and enter the target from the left', () => {
    const { path } = linkRoute({ x: 100, y: 50 }, { x: 400, y: 200 });
    const points = pointsOf(path);
    expect(points[0]).toEqual({ x: 100, y: 50 });
    expect(points[1]?.x).toBeGreaterThan(100);
    expect(points.at(-1)).toEqual({ x: 400, y: 200 });
    expect(points.at(-2)?.x).toBeLessThan(400);
    expect(points.at(-2)?.y).toBe(200);
  });

  it('go round below both nodes when running backwards, never across their bodies', () => {
    const source = { x: 500, y: 100 };
    const target = { x: 200, y: 120 };
    expect(runsBackward(source, target)).toBe(true);
    // The two nodes' box: its bottom 28 px above where the link runs below it.
    const bothNodes = { x: 200, y: 60, width: 300, height: 172 };
    const detourY = 260;
    const points = pointsOf(linkRoute(source, target, bothNodes).path);
    const lowest = Math.max(...points.map((point) => point.y));
    expect(lowest).toBe(detourY);
    // Above the detour it keeps to the outer sides of the two ports; it crosses between them only down there.
    const above = points.filter((point) => point.y < detourY);
    expect(above.every((point) => point.x >= source.x || point.x <= target.x)).toBe(true);
    expect(Math.max(...above.map((point) => point.x))).toBe(source.x + STUB);
    expect(Math.min(...above.map((point) => point.x))).toBe(target.x - STUB);
  });

  it('keep links between the same two nodes apart, turning one after the other', () => {
    const first = pointsOf(linkRoute({ x: 0, y: 50 }, { x: 300, y: 0 }, undefined, 0).path);
    const second = pointsOf(linkRoute({ x: 0, y: 60 }, { x: 300, y: 10 }, undefined, 1).path);
    const turnOf = (points: Array<{ x: number; y: number }>) =>
      Math.max(...points.filter((point) => point.x < 300).map((point) => point.x));
    expect(turnOf(second) - turnOf(first)).toBeGreaterThanOrEqual(LANE_GAP - 1);
  });

  it('put the label in the middle of the middle segment', () => {
    expect(linkRoute({ x: 0, y: 0 }, { x: 200, y: 100 }).label).toEqual({ x: 100, y: 50 });
  });
});

const link = (id: string, from: string, to: string): Link => ({
  id,
  from: { nodeId: from, portId: 'out' },
  to: { nodeId: to, portId: 'in' },
});

describe('what stands out', () => {
  const links = [link('l1', 'shop', 'orders'), link('l2', 'orders', 'revenue'), link('l3', 'stock', 'other')];
  const outline: NodeOutline[] = [
    { id: 'sales', type: 'domain' },
    { id: 'far', type: 'domain' },
    { id: 'shop', type: 'system', parentId: 'sales' },
    { id: 'orders', type: 'product', parentId: 'sales' },
    { id: 'revenue', type: 'product', parentId: 'sales' },
    { id: 'stock', type: 'product', parentId: 'far' },
    { id: 'other', type: 'product', parentId: 'far' },
  ];

  it('a selected product lights up the links upstream and downstream of it, dimming nothing', () => {
    const emphasis = canvasEmphasis(links, outline, new Set(['orders']), null);
    expect(Object.fromEntries(emphasis.links)).toEqual({ l1: 'upstream', l2: 'downstream' });
    expect(emphasis.dimmedIds.size).toBe(0);
  });

  it('a lineage focus dims every node, link and domain outside it', () => {
    const emphasis = canvasEmphasis(links, outline, new Set(), { nodeId: 'orders', hops: 1 });
    expect([...emphasis.dimmedIds].sort()).toEqual(['far', 'other', 'stock']);
    expect(emphasis.links.get('l3')).toBe('dimmed');
  });
});

describe('links between domains, seen from far', () => {
  it('become one edge per pair of domains, with their count', () => {
    const [edge] = domainFlowEdges([{ id: 'a→b', from: 'a', to: 'b', links: 51 }]);
    expect(edge).toMatchObject({
      source: 'a',
      sourceHandle: 'out',
      target: 'b',
      targetHandle: 'in',
      data: { links: 51 },
    });
  });

  it('are read out by the names a screen reader is given, not by the domains’ ids', () => {
    const names = new Map([['a→b', '51 links from Orders to Billing']]);
    const [edge] = domainFlowEdges([{ id: 'a→b', from: 'a', to: 'b', links: 51 }], undefined, undefined, names);
    expect(edge?.ariaLabel).toBe('51 links from Orders to Billing');
  });
});
