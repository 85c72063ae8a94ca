import { Memo } from '../lineage/memo';
import { contractOf, type MeshGraph } from '../lineage/mesh-graph';
import { nodeVersions } from '../lineage/node-versions';
import type { Contract, DataProduct, Slo } from '../model';

/** Each unit of time freshness is measured in, in minutes, under its names (the short one first). */
const UNITS = [
  [1 / 60_000, ['ms', 'msec', 'msecs', 'millisecond', 'milliseconds']],
  [1 / 60, ['s', 'sec', 'secs', 'second', 'seconds']],
  [1, ['min', 'm', 'mins', 'minute', 'minutes']],
  [60, ['h', 'hr', 'hrs', 'hour', 'hours']],
  [24 * 60, ['d', 'day', 'days']],
  [7 * 24 * 60, ['w', 'week', 'weeks']],
] as const;

const MINUTES_PER_UNIT: Readonly<Record<string, number>> = Object.fromEntries(
  UNITS.flatMap(([minutes, units]) => units.map((unit) => [unit, minutes])),
);

/** `ms, s, min, h, d, w`: the units freshness is measured in, for messages. */
export const FRESHNESS_UNITS = UNITS.map(([, [short]]) => short).join(', ');

/** A duration in minutes, or undefined for a unit freshness cannot be measured in (percent, months…). */
export function minutesOf(value: unknown, unit: string | undefined): number | undefined {
  const perUnit = MINUTES_PER_UNIT[(unit ?? '').trim().toLowerCase()];
  const amount = typeof value === 'string' ? Number(value) : value;
  return perUnit !== undefined && typeof amount === 'number' && Number.isFinite(amount) ? amount * perUnit : undefined;
}

/** A product's freshness SLO (and where it is among its SLOs) when its unit is none freshness is measured in. */
export function unmeasuredFreshnessSlo(product: DataProduct): { slo: Slo; index: number } | undefined {
  const index = product.observability.slos.findIndex((slo) => slo.kind === 'freshness');
  const slo = product.observability.slos[index];
  return slo && minutesOf(slo.target, slo.unit) === undefined ? { slo, index } : undefined;
}

/** `15 min`, `2 h`, `1.5 d`. */
export function formatMinutes(minutes: number): string {
  const round = (value: number) => Math.round(value * 10) / 10;
  if (minutes >= 24 * 60 && minutes % 60 === 0) return `${round(minutes / (24 * 60))} d`;
  if (minutes >= 60) return `${round(minutes / 60)} h`;
  if (minutes < 1) return `${round(minutes * 60)} s`;
  return `${round(minutes)} min`;
}

function outputContracts(graph: MeshGraph, product: DataProduct): Contract[] {
  const contracts: Contract[] = [];
  for (const port of product.outputPorts) {
    const contract = port.contractId ? contractOf(graph, port.contractId) : undefined;
    if (contract) contracts.push(contract);
  }
  return contracts;
}

function slaMinutes(contracts: readonly Contract[], properties: readonly string[]): number[] {
  return contracts.flatMap((contract) =>
    contract.sla.flatMap((sla) =>
      properties.includes(sla.property.toLowerCase()) ? (minutesOf(sla.value, sla.unit) ?? []) : [],
    ),
  );
}

/** What a product promises and how often it refreshes, in minutes. */
export interface Freshness {
  /**
   * How fresh it promises its data to be: its freshness SLO, or else the tightest `latency`
   * (or `freshness`) SLA of its output contracts.
   */
  promised: number | undefined;
  /** How often its pipeline refreshes its outputs: the slowest `frequency` SLA of its output contracts, else 0. */
  interval: number;
}

/** Per product, until it or its output contracts change. */
const freshnessByProduct = new Memo<DataProduct, Freshness>();
/** While the contracts it names stay the same (its node version), each product's freshness is found without looking them up. */
const freshnessInContracts = new Memo<DataProduct, Freshness>();

export function productFreshness(graph: MeshGraph, product: DataProduct): Freshness {
  return freshnessInContracts.get(product, [nodeVersions(graph.mesh).own(product.id)], () => {
    const contracts = outputContracts(graph, product);
    return freshnessByProduct.get(product, contracts, () => ({
      promised: promise(product, contracts),
      interval: interval(contracts),
    }));
  });
}

function promise(product: DataProduct, contracts: readonly Contract[]): number | undefined {
  const slo = product.observability.slos.find((candidate) => candidate.kind === 'freshness');
  const fromSlo = slo && minutesOf(slo.target, slo.unit);
  if (fromSlo !== undefined) return fromSlo;
  const fromSla = slaMinutes(contracts, ['latency', 'freshness']);
  return fromSla.length > 0 ? Math.min(...fromSla) : undefined;
}

function interval(contracts: readonly Contract[]): number {
  const intervals = slaMinutes(contracts, ['frequency']);
  return intervals.length > 0 ? Math.max(...intervals) : 0;
}
