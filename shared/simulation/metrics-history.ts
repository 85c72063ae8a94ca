import { toCsvText } from '../export/csv-text';
import { distinctPortName, productPorts } from '../model/endpoints';
import type { Mesh } from '../model/mesh';
import type { TickMetrics } from './simulation-metrics';

/**
 * Metrics over a run, one point per tick the app heard of, for charts and CSV: records per tick on
 * each link and in total (averaged over the ticks since the previous point, where ticks were
 * skipped), lag per consumer, records each consumer lost to retention, lost to compaction and
 * skipped (sent again, or out of order) so far, keys compaction left it stale, records quarantined
 * per output port so far.
 */
export interface MetricsHistory {
  ticks: number[];
  times: string[];
  total: number[];
  /** By link id. */
  throughput: Record<string, number[]>;
  /** By `<productId>/<portId>` of an input port. */
  lag: Record<string, number[]>;
  /** By `<productId>/<portId>` of an input port: records retention removed before it read them, so far. */
  lost: Record<string, number[]>;
  /** By `<productId>/<portId>` of an input port: records compaction removed before it read them, so far. */
  compacted: Record<string, number[]>;
  /** By `<productId>/<portId>` of an input port: keys it holds as an older change, compaction having removed a newer one it did not read. */
  staleKeys: Record<string, number[]>;
  /** By `<productId>/<portId>` of an input port: changes read but not applied (duplicates, out of order), so far. */
  skipped: Record<string, number[]>;
  /** By `<productId>/<portId>` of an output port. */
  quarantined: Record<string, number[]>;
  /** The last tick added, to take differences from. */
  last?: TickMetrics;
}

/** Points kept: enough for a workshop's run; older ones go first. */
export const HISTORY_POINTS = 2000;

export function emptyHistory(): MetricsHistory {
  return {
    ticks: [],
    times: [],
    total: [],
    throughput: {},
    lag: {},
    lost: {},
    compacted: {},
    staleKeys: {},
    skipped: {},
    quarantined: {},
  };
}

/**
 * The history with one more point per tick, in order; a tick from before the last (a reset)
 * starts afresh, and the same tick again replaces nothing. The arrays are copied once per call,
 * not once per tick, so a request that ran a thousand ticks stays cheap.
 */
export function withTicks(history: MetricsHistory, ticks: readonly TickMetrics[]): MetricsHistory {
  let next = copied(history);
  for (const metrics of ticks) {
    if (next.last && metrics.tick === next.last.tick) continue;
    if (next.last && metrics.tick < next.last.tick) next = emptyHistory();
    append(next, metrics);
  }
  return trimmed(next);
}

function append(history: MetricsHistory, metrics: TickMetrics): void {
  const previous = history.last;
  const ticks = previous ? metrics.tick - previous.tick : 1;
  const perTick = (now: number, before = 0) => Math.round(((now - before) / ticks) * 100) / 100;
  const length = history.ticks.length;
  const add = (series: Record<string, number[]>, key: string, value: number) => {
    const values = zeroFilled(series[key] ?? [], length);
    values.push(value);
    series[key] = values;
  };
  let total = 0;
  for (const [linkId, link] of Object.entries(metrics.links)) {
    const value = previous ? perTick(link.records, previous.links[linkId]?.records) : link.recordsLastTick;
    total += value;
    add(history.throughput, linkId, value);
  }
  for (const [key, consumer] of Object.entries(metrics.consumers)) {
    add(history.lag, key, consumer.lag);
    add(history.lost, key, consumer.lost);
    add(history.compacted, key, consumer.compacted);
    add(history.staleKeys, key, consumer.staleKeys);
    add(history.skipped, key, consumer.skipped);
  }
  for (const [key, port] of Object.entries(metrics.ports)) add(history.quarantined, key, port.quarantined);
  history.ticks.push(metrics.tick);
  history.times.push(metrics.time);
  history.total.push(Math.round(total * 100) / 100);
  history.last = metrics;
}

function copied(history: MetricsHistory): MetricsHistory {
  const copy = (series: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(series).map(([key, values]) => [key, [...values]]));
  return {
    ticks: [...history.ticks],
    times: [...history.times],
    total: [...history.total],
    throughput: copy(history.throughput),
    lag: copy(history.lag),
    lost: copy(history.lost),
    compacted: copy(history.compacted),
    staleKeys: copy(history.staleKeys),
    skipped: copy(history.skipped),
    quarantined: copy(history.quarantined),
    ...(history.last && { last: history.last }),
  };
}

/** A series that appeared later, or is missing from a tick, reads 0 there, so every series lines up with `ticks`. */
function zeroFilled(values: number[], length: number): number[] {
  while (values.length < length) values.push(0);
  return values;
}

/** At most `HISTORY_POINTS` points, every series as long as `ticks`. */
function trimmed(history: MetricsHistory): MetricsHistory {
  const kept = <T>(values: T[]) => (values.length > HISTORY_POINTS ? values.slice(-HISTORY_POINTS) : values);
  const lined = (series: Record<string, number[]>) =>
    Object.fromEntries(
      Object.entries(series).map(([key, values]) => [key, kept(zeroFilled(values, history.ticks.length))]),
    );
  return {
    ...history,
    ticks: kept(history.ticks),
    times: kept(history.times),
    total: kept(history.total),
    throughput: lined(history.throughput),
    lag: lined(history.lag),
    lost: lined(history.lost),
    compacted: lined(history.compacted),
    staleKeys: lined(history.staleKeys),
    skipped: lined(history.skipped),
    quarantined: lined(history.quarantined),
  };
}

/** The history as CSV: one row per point, one column per series, named for people. */
export function metricsCsv(history: MetricsHistory, label: (series: string) => string = (series) => series): string {
  const perSeries = (heading: string, series: Record<string, number[]>): Column[] =>
    Object.entries(series).map(([id, values]) => ({ name: `${heading}: ${label(id)}`, id, values }));
  const columns = distinctlyNamed([
    { name: 'tick', values: history.ticks },
    { name: 'time', values: history.times },
    { name: 'records per tick (all links)', values: history.total },
    ...perSeries('records per tick', history.throughput),
    ...perSeries('lag', history.lag),
    ...perSeries('lost to retention', history.lost),
    ...perSeries('compacted away', history.compacted),
    ...perSeries('stale keys (compaction kept an older change)', history.staleKeys),
    ...perSeries('skipped (duplicates, out of order)', history.skipped),
    ...perSeries('quarantined', history.quarantined),
  ]);
  const rows = history.ticks.map((_, index) => columns.map(({ values }) => values[index] ?? ''));
  return toCsvText([columns.map(({ name }) => name), ...rows]);
}

interface Column {
  name: string;
  /** The series' id, added to its name where another column has the same name. */
  id?: string;
  values: readonly (number | string)[];
}

function distinctlyNamed(columns: Column[]): Column[] {
  const count = new Map<string, number>();
  for (const { name } of columns) count.set(name, (count.get(name) ?? 0) + 1);
  return columns.map((column) =>
    (count.get(column.name) ?? 0) > 1 && column.id ? { ...column, name: `${column.name} (${column.id})` } : column,
  );
}

/**
 * A link, consumer or port as the canvas names it: `Orders → Customer 360`, `Customer 360 · Orders`;
 * a link with its input port where another link joins the same two nodes, and a port with its id
 * where another port of its product has the same name, so no two series share a name.
 */
export function seriesLabel(mesh: Mesh, id: string): string {
  const link = mesh.links.find((candidate) => candidate.id === id);
  if (link) {
    const isAmbiguous = mesh.links.some(
      (other) => other !== link && other.from.nodeId === link.from.nodeId && other.to.nodeId === link.to.nodeId,
    );
    const nodes = `${nodeName(mesh, link.from.nodeId)} → ${nodeName(mesh, link.to.nodeId)}`;
    return isAmbiguous ? `${nodes} · ${portName(mesh, link.to.nodeId, link.to.portId)}` : nodes;
  }
  const [nodeId, portId] = id.split('/');
  return nodeId && portId ? `${nodeName(mesh, nodeId)} · ${portName(mesh, nodeId, portId)}` : id;
}

function nodeName(mesh: Mesh, nodeId: string): string {
  return (
    mesh.products.find((product) => product.id === nodeId)?.name ??
    mesh.systems.find((system) => system.id === nodeId)?.name ??
    nodeId
  );
}

function portName(mesh: Mesh, productId: string, portId: string): string {
  const product = mesh.products.find((candidate) => candidate.id === productId);
  const ports = product ? productPorts(product) : [];
  const port = ports.find((candidate) => candidate.id === portId);
  return product && port ? distinctPortName(product, port) : portId;
}
