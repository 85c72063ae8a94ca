import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model';
import {
  emptyHistory,
  HISTORY_POINTS,
  metricsCsv,
  seriesLabel,
  withTicks,
} from '../../../shared/simulation/metrics-history';
import type { SimulationMetrics } from '../../../shared/simulation/simulation-metrics';
import { aMesh, aProduct, aSystem } from './builders';

function snapshot(
  tick: number,
  records: number,
  lag: number,
  quarantined = 0,
  consumer: { lost?: number; compacted?: number; staleKeys?: number; skipped?: number } = {},
): SimulationMetrics {
  return {
    tick,
    time: `2026-01-05T09:0${tick}:00.000Z`,
    sourceChanges: 0,
    links: { 'l-a': { records, recordsLastTick: 0 } },
    consumers: {
      'p/in': {
        linkId: 'l-a',
        offset: records,
        end: records + lag,
        lag,
        lost: consumer.lost ?? 0,
        compacted: consumer.compacted ?? 0,
        staleKeys: consumer.staleKeys ?? 0,
        skipped: consumer.skipped ?? 0,
        partitions: [],
      },
    },
    connectors: {},
    logs: {},
    ports: { 'p/out': { published: records, quarantined, violations: [] } },
    transformations: {},
    tables: {},
    errors: [],
    inputGaps: [],
    resent: [],
    warnings: [],
  };
}

describe('metrics over a run', () => {
  it('averages records per tick over the ticks since the previous point', () => {
    const history = withTicks(emptyHistory(), [snapshot(1, 4, 0), snapshot(2, 10, 3), snapshot(5, 19, 1, 2)]);

    expect(history.ticks).toEqual([1, 2, 5]);
    expect(history.throughput['l-a']).toEqual([0, 6, 3]);
    expect(history.total).toEqual([0, 6, 3]);
    expect(history.lag['p/in']).toEqual([0, 3, 1]);
    expect(history.quarantined['p/out']).toEqual([0, 0, 2]);
  });

  it('starts afresh after a reset and keeps one point per tick', () => {
    const history = withTicks(emptyHistory(), [snapshot(3, 9, 0), snapshot(3, 9, 0), snapshot(0, 0, 0)]);

    expect(history.ticks).toEqual([0]);
  });

  it('adds a point for every tick a request ran, the same as when each tick came alone', () => {
    const ticks = [snapshot(1, 4, 0), snapshot(2, 10, 3), snapshot(3, 12, 1, 2)];
    const together = withTicks(withTicks(emptyHistory(), [snapshot(0, 0, 0)]), ticks);
    const oneByOne = ticks.reduce(
      (history, tick) => withTicks(history, [tick]),
      withTicks(emptyHistory(), [snapshot(0, 0, 0)]),
    );

    expect(together.ticks).toEqual([0, 1, 2, 3]);
    expect(together.throughput['l-a']).toEqual([0, 4, 6, 2]);
    expect(together).toEqual(oneByOne);
  });

  it('keeps the newest points, every series as long as the ticks', () => {
    const ticks = Array.from({ length: HISTORY_POINTS + 10 }, (_, tick) => snapshot(tick, tick * 2, tick % 3));
    const history = withTicks(withTicks(emptyHistory(), ticks.slice(0, 15)), ticks.slice(15));

    expect(history.ticks).toHaveLength(HISTORY_POINTS);
    expect(history.ticks[0]).toBe(10);
    expect(history.throughput['l-a']).toHaveLength(HISTORY_POINTS);
    expect(history.lag['p/in']?.at(-1)).toBe((HISTORY_POINTS + 9) % 3);
  });

  it('writes CSV with a header named for people, quoting what needs it', () => {
    const history = withTicks(emptyHistory(), [
      snapshot(1, 4, 0),
      snapshot(2, 10, 3, 1, { lost: 2, compacted: 4, staleKeys: 1, skipped: 5 }),
    ]);

    expect(metricsCsv(history, (id) => (id === 'l-a' ? 'orders, to "360"' : id))).toBe(
      [
        '\uFEFFtick,time,records per tick (all links),"records per tick: orders, to ""360""",lag: p/in,' +
          'lost to retention: p/in,compacted away: p/in,stale keys (compaction kept an older change): p/in,' +
          '"skipped (duplicates, out of order): p/in",quarantined: p/out',
        '1,2026-01-05T09:01:00.000Z,0,0,0,0,0,0,0,0',
        '2,2026-01-05T09:02:00.000Z,6,6,3,2,4,1,5,1',
        '',
      ].join('\n'),
    );
  });

  it('names a link by its nodes, and by its input port too where another link joins the same two', () => {
    const mesh = stockMeshNamedByIds();

    expect(mesh.links.map((link) => seriesLabel(mesh, link.id))).toEqual([
      'inventory → stock · warehouses-in',
      'inventory → stock · stock-in',
      'stock → planner',
    ]);
    expect(seriesLabel(mesh, 'stock/stock-out')).toBe('stock · stock-out');
  });

  it('names ports and products as the canvas shows them, never by their ids', () => {
    const mesh = named(stockMesh(), {
      'warehouses-in': 'Warehouses',
      'stock-in': 'Stock levels',
      'stock-out': 'Stock',
    });

    expect(mesh.links.map((link) => seriesLabel(mesh, link.id))).toEqual([
      'Inventory → Stock keeping · Warehouses',
      'Inventory → Stock keeping · Stock levels',
      'Stock keeping → Planner',
    ]);
    expect(seriesLabel(mesh, 'stock/stock-in')).toBe('Stock keeping · Stock levels');
    expect(seriesLabel(mesh, 'stock/stock-out')).toBe('Stock keeping · Stock');
  });

  it('tells apart two ports of a product that share a name, by their ids', () => {
    const mesh = named(stockMesh(), { 'warehouses-in': 'Levels', 'stock-in': 'Levels' });

    expect(mesh.links.map((link) => seriesLabel(mesh, link.id)).slice(0, 2)).toEqual([
      'Inventory → Stock keeping · Levels (warehouses-in)',
      'Inventory → Stock keeping · Levels (stock-in)',
    ]);
    expect(seriesLabel(mesh, 'stock/stock-in')).toBe('Stock keeping · Levels (stock-in)');
  });

  it('keeps CSV columns unique when two series are called the same, adding their ids', () => {
    const history = withTicks(emptyHistory(), [snapshot(1, 4, 0)]);
    const header = metricsCsv({ ...history, lag: { 'a/in': [1], 'b/in': [2] } }, () => 'Orders · in').split('\n')[0];

    expect(header).toContain('lag: Orders · in (a/in),lag: Orders · in (b/in)');
  });
});

/** Inventory's two CDC topics into two input ports of Stock keeping, whose output Planner reads. */
function stockMesh() {
  const mesh = stockMeshNamedByIds();
  const names: Record<string, string> = { inventory: 'Inventory', stock: 'Stock keeping', planner: 'Planner' };
  for (const node of [...mesh.systems, ...mesh.products]) node.name = names[node.id] ?? node.name;
  return mesh;
}

/** stockMesh with every node and port named by its id, as the builders name them. */
function stockMeshNamedByIds() {
  return aMesh()
    .with(
      aSystem('inventory')
        .withTable('warehouses', { warehouse_id: 'integer' })
        .withCdcTopic('warehouses-cdc', 'warehouses')
        .withTable('stock_levels', { id: 'integer' })
        .withCdcTopic('stock-cdc', 'stock_levels'),
      aProduct('stock').withInput('warehouses-in').withInput('stock-in').withOutput('stock-out', 'stock'),
      aProduct('planner').withInput('stock-in'),
    )
    .withLink('inventory/warehouses-cdc', 'stock/warehouses-in')
    .withLink('inventory/stock-cdc', 'stock/stock-in')
    .withLink('stock/stock-out', 'planner/stock-in')
    .build();
}

/** The mesh with the ports of product `stock` renamed, by id. */
function named(mesh: Mesh, portNames: Record<string, string>): Mesh {
  const stock = mesh.products.find((product) => product.id === 'stock');
  for (const port of [...(stock?.inputPorts ?? []), ...(stock?.outputPorts ?? [])]) {
    port.name = portNames[port.id] ?? port.name;
  }
  return mesh;
}
