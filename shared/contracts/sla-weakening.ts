import type { SlaProperty } from '../model/contract';
import { isUnitOfTime, minutesOf } from './sla-durations';

/*
 * An SLA property is a promise to consumers: a change that makes it worse for them (data kept
 * for less time, arriving later or less often, available less) takes part of it back, as a
 * quality rule loosened does, so it breaks the contract.
 */

interface Promise {
  /** Whether a greater amount is worse for consumers (a longer latency) or better (a longer retention). */
  isGreaterWorse: boolean;
  /** How the message says the amount went the worse way. */
  worse: string;
  /** Whether the amount is a duration, compared across units of time; else only in the same unit. */
  isDuration: boolean;
}

/** The SLA properties whose amounts the app compares, by name in lower case (ODCS names them in camel case). */
const PROMISES: Readonly<Record<string, Promise>> = {
  latency: { isGreaterWorse: true, worse: 'lengthened', isDuration: true },
  freshness: { isGreaterWorse: true, worse: 'lengthened', isDuration: true },
  frequency: { isGreaterWorse: true, worse: 'lengthened', isDuration: true },
  retention: { isGreaterWorse: false, worse: 'shortened', isDuration: true },
  availability: { isGreaterWorse: false, worse: 'lowered', isDuration: false },
  throughput: { isGreaterWorse: false, worse: 'lowered', isDuration: false },
  errorrate: { isGreaterWorse: true, worse: 'raised', isDuration: false },
};

/**
 * How `next` weakens the promise of `previous` (`shortened`, `lengthened`, `lowered`, `raised`),
 * or undefined when it keeps or tightens it, or when the two cannot be compared (a property the
 * app does not rank, a unit that is no unit of time, different units for a percentage).
 */
export function slaWeakening(previous: SlaProperty, next: SlaProperty): string | undefined {
  const promise = PROMISES[previous.property.trim().toLowerCase()];
  if (!promise) return undefined;
  const amounts = [previous, next].map((sla) => amountOf(sla, promise.isDuration));
  const [was, is] = amounts;
  if (was === undefined || is === undefined || !isSameScale(previous, next, promise.isDuration)) return undefined;
  const isWorse = promise.isGreaterWorse ? is > was : is < was;
  return isWorse ? promise.worse : undefined;
}

/** The unit of an SLA duration (latency, freshness, frequency, retention) that is no unit of time the app reads (`dys`). */
export function unreadableDurationUnit(sla: SlaProperty): string | undefined {
  const isDuration = PROMISES[sla.property.trim().toLowerCase()]?.isDuration;
  return isDuration && sla.unit !== undefined && !isUnitOfTime(sla.unit) ? sla.unit : undefined;
}

function amountOf(sla: SlaProperty, isDuration: boolean): number | undefined {
  if (isDuration) return minutesOf(sla.value, sla.unit);
  const amount = typeof sla.value === 'string' ? Number(sla.value) : sla.value;
  return typeof amount === 'number' && Number.isFinite(amount) ? amount : undefined;
}

/** Durations convert between units; other amounts compare only in the same unit (`99 %` against `99.5 %`). */
function isSameScale(previous: SlaProperty, next: SlaProperty, isDuration: boolean): boolean {
  const unit = (sla: SlaProperty) => (sla.unit ?? '').trim().toLowerCase();
  return isDuration || unit(previous) === unit(next);
}
