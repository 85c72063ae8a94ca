import type { Mesh } from '../model/mesh';
import type { SimulationMetrics } from './simulation-metrics';

/**
 * Metrics over a run, one point per snapshot the app received, for charts and CSV: records per
 * tick on each link and in total (averaged over the ticks since the previous point), lag per
 * consumer, records quarantined per output port so far.
 */
export interface MetricsHistory {
  ticks: number[];
  times: string[];
  total: number[];
  /** By link id. */
  throughput: Record<string, number[]>;
  /** By `<productId>/<portId>` of an input port. */
  lag: Record<string, number[]>;
  /** By `<productId>/<portId>` of an output port. */
  quarantined: Record<string, number[]>;
  /** The last snapshot added, to take differences from. */
  last?: SimulationMetrics;
}

/** Points kept: enough for a workshop's run; older ones go first. */
export const HISTORY_POINTS = 2000;

export function emptyHistory(): MetricsHistory {
  return { ticks: [], times: [], total: [], throughput: {}, lag: {}, quarantined: {} };
}

/** The history with one more point; a snapshot from before the last (a reset) starts afresh. */
export function withSnapshot(history: MetricsHistory, metrics: SimulationMetrics): MetricsHistory {
  const last = history.last;
  if (last && metrics.tick === last.tick) return { ...history, last: metrics };
  const previous = last && last.tick < metrics.tick ? last : undefined;
  const base = previous ? history : emptyHistory();
  const ticks = previous ? metrics.tick - previous.tick : 1;
  const trim = <T>(values: readonly T[], value: T) => [...values, value].slice(-HISTORY_POINTS);
  const perTick = (now: number, before = 0) => Math.round(((now - before) / Math.max(1, ticks)) * 100) / 100;

  const throughput: Record<string, number[]> = {};
  let total = 0;
  for (const [linkId, link] of Object.entries(metrics.links)) {
    const value = previous ? perTick(link.records, previous.links[linkId]?.records) : link.recordsLastTick;
    total += value;
    throughput[linkId] = trim(padded(base.throughput[linkId], base.ticks.length), value);
  }
  const lag: Record<string, number[]> = {};
  for (const [key, consumer] of Object.entries(metrics.consumers)) {
    lag[key] = trim(padded(base.lag[key], base.ticks.length), consumer.lag);
  }
  const quarantined: Record<string, number[]> = {};
  for (const [key, port] of Object.entries(metrics.ports)) {
    quarantined[key] = trim(padded(base.quarantined[key], base.ticks.length), port.quarantined);
  }
  return {
    ticks: trim(base.ticks, metrics.tick),
    times: trim(base.times, metrics.time),
    total: trim(base.total, Math.round(total * 100) / 100),
    throughput,
    lag,
    quarantined,
    last: metrics,
  };
}

/** A series that appeared later starts with zeros, so every series lines up with `ticks`. */
function padded(values: readonly number[] | undefined, length: number): number[] {
  const known = values ?? [];
  return known.length >= length ? [...known] : [...Array<number>(length - known.length).fill(0), ...known];
}

/** The history as CSV: one row per point, one column per series, named for people. */
export function metricsCsv(history: MetricsHistory, label: (series: string) => string = (series) => series): string {
  const columns: [string, readonly (number | string)[]][] = [
    ['tick', history.ticks],
    ['time', history.times],
    ['records per tick (all links)', history.total],
    ...Object.entries(history.throughput).map(
      ([id, values]) => [`records per tick: ${label(id)}`, values] as [string, number[]],
    ),
    ...Object.entries(history.lag).map(([id, values]) => [`lag: ${label(id)}`, values] as [string, number[]]),
    ...Object.entries(history.quarantined).map(
      ([id, values]) => [`quarantined: ${label(id)}`, values] as [string, number[]],
    ),
  ];
  const rows = history.ticks.map((_, index) => columns.map(([, values]) => csvCell(values[index] ?? '')).join(','));
  return `${[columns.map(([name]) => csvCell(name)).join(','), ...rows].join('\n')}\n`;
}

function csvCell(value: number | string): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A link, consumer or port as people call it: `orders → customer-360`, `customer-360 · orders-in`;
 * a link with its input port where another link joins the same two nodes, so no two series share a name.
 */
export function seriesLabel(mesh: Mesh, id: string): string {
  const link = mesh.links.find((candidate) => candidate.id === id);
  const name = (nodeId: string) =>
    mesh.products.find((product) => product.id === nodeId)?.name ??
    mesh.systems.find((system) => system.id === nodeId)?.name ??
    nodeId;
  if (link) {
    const isAmbiguous = mesh.links.some(
      (other) => other !== link && other.from.nodeId === link.from.nodeId && other.to.nodeId === link.to.nodeId,
    );
    const nodes = `${name(link.from.nodeId)} → ${name(link.to.nodeId)}`;
    return isAmbiguous ? `${nodes} · ${link.to.portId}` : nodes;
  }
  const [nodeId, portId] = id.split('/');
  return nodeId && portId ? `${name(nodeId)} · ${portId}` : id;
}
