import { DAY_IN_MINUTES, isUnitOfTime, minutesOf, TIME_UNITS } from '../contracts/sla-durations';
import { slaPropertyName } from '../contracts/sla-property-name';
import { Memo } from '../lineage/memo';
import { contractOf, type MeshGraph } from '../lineage/mesh-graph';
import { nodeVersions } from '../lineage/node-versions';
import { type Contract, type DataProduct, quoted, type SlaProperty, type Slo } from '../model';

/** A product's freshness SLO (and where it is among its SLOs) when its unit is none freshness is measured in. */
export function unmeasuredFreshnessSlo(product: DataProduct): { slo: Slo; index: number } | undefined {
  const index = product.observability.slos.findIndex((slo) => slo.kind === 'freshness');
  const slo = product.observability.slos[index];
  return slo && minutesOf(slo.target, slo.unit) === undefined ? { slo, index } : undefined;
}

/** The SLA properties of a contract freshness reads: how fresh (latency, freshness) and how often (frequency). */
const PROMISE_PROPERTIES = ['latency', 'freshness'];
const INTERVAL_PROPERTIES = ['frequency'];
const isFreshnessSla = (sla: SlaProperty) =>
  [...PROMISE_PROPERTIES, ...INTERVAL_PROPERTIES].includes(slaPropertyName(sla));

/** A contract's freshness SLA that cannot be read as a time, where it is, and why it cannot. */
export interface UnmeasuredSla {
  sla: SlaProperty;
  index: number;
  /** `in 'fortnight', which is no unit of time…`, `as 'soon', which is no number`. */
  why: string;
}

/** The freshness SLAs of a contract that the check cannot read (so does not check), rather than dropping them. */
export function unmeasuredFreshnessSlas(contract: Contract): UnmeasuredSla[] {
  return unmeasuredTimeSlas(contract, isFreshnessSla);
}

/** The SLAs of a contract, among those `isWanted` picks, that cannot be read as a time. */
export function unmeasuredTimeSlas(contract: Contract, isWanted: (sla: SlaProperty) => boolean): UnmeasuredSla[] {
  return contract.sla.flatMap((sla, index) => {
    if (!isWanted(sla) || minutesOf(sla.value, sla.unit) !== undefined) return [];
    const why = !isUnitOfTime(sla.unit)
      ? sla.unit
        ? `in ${quoted(sla.unit)}, which is no unit of time this check reads (${TIME_UNITS})`
        : `without a unit of time (${TIME_UNITS})`
      : `as ${quoted(String(sla.value))}, which is no number`;
    return [{ sla, index, why }];
  });
}

/** The parts a duration is written in, largest first, in milliseconds. */
const PARTS: ReadonlyArray<readonly [number, string]> = [
  [DAY_IN_MINUTES * 60_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'min'],
  [1000, 's'],
];

/**
 * `15 min`, `1 d 1 h`, `500 ms`: exact, so a promise and a bound that differ never read the
 * same (rounded, 25 h read as `1 d` beside a promise of 1 d).
 */
export function formatMinutes(minutes: number): string {
  // Rounded to a microsecond: minutes from seconds carry float noise (1/60 × 60,000 ≠ 1000).
  let rest = Math.round(minutes * 60_000 * 1000) / 1000;
  const words: string[] = [];
  for (const [size, name] of PARTS) {
    const count = Math.floor(rest / size);
    if (count === 0) continue;
    words.push(`${count} ${name}`);
    rest = Math.round((rest - count * size) * 1000) / 1000;
  }
  if (rest > 0 || words.length === 0) words.push(`${rest} ms`);
  return words.join(' ');
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
      properties.includes(slaPropertyName(sla)) ? (minutesOf(sla.value, sla.unit) ?? []) : [],
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
  const fromSla = slaMinutes(contracts, PROMISE_PROPERTIES);
  return fromSla.length > 0 ? Math.min(...fromSla) : undefined;
}

function interval(contracts: readonly Contract[]): number {
  const intervals = slaMinutes(contracts, INTERVAL_PROPERTIES);
  return intervals.length > 0 ? Math.max(...intervals) : 0;
}
