import type { SlaProperty } from '../model/contract';
import { CALENDAR_UNIT_SPAN, compareDurations, isUnitOfTime, minutesOf } from './sla-durations';
import { slaPropertyName } from './sla-property-name';

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
  const promise = PROMISES[slaPropertyName(previous)];
  if (!promise) return undefined;
  const order = promise.isDuration ? compareDurations(next, previous) : compareAmounts(next, previous);
  if (order === undefined) return undefined;
  const isWorse = promise.isGreaterWorse ? order > 0 : order < 0;
  return isWorse ? promise.worse : undefined;
}

/** The unit of an SLA duration (latency, freshness, frequency, retention) that is no unit of time the app reads (`dys`). */
export function unreadableDurationUnit(sla: SlaProperty): string | undefined {
  return isDurationPromise(sla) && sla.unit !== undefined && !isUnitOfTime(sla.unit) ? sla.unit : undefined;
}

/**
 * Why two SLA durations in units of time the app reads cannot be compared (a month against days),
 * so a change between them may weaken the promise; undefined when they compare.
 */
export function incomparableDurations(previous: SlaProperty, next: SlaProperty): string | undefined {
  const isDuration = (sla: SlaProperty) => minutesOf(sla.value, sla.unit) !== undefined;
  if (!isDurationPromise(previous) || !isDuration(previous) || !isDuration(next)) return undefined;
  if (compareDurations(previous, next) !== undefined) return undefined;
  const amount = (sla: SlaProperty) => `${sla.value} ${sla.unit}`;
  return `${amount(previous)} and ${amount(next)} cannot be compared exactly (${CALENDAR_UNIT_SPAN})`;
}

/**
 * Whether an SLA duration lacks its own unit (`value: 1` alone, or `value: 1 d`): ODCS keeps the
 * unit apart, so the app cannot tell how long the promise is.
 */
export function hasNoDurationUnit(sla: SlaProperty): boolean {
  return isDurationPromise(sla) && (sla.unit ?? '').trim() === '' && sla.value !== null;
}

/** Why a change to or from this SLA duration cannot be ranked (a unit not read, or none), or undefined. */
export function unrankableDuration(sla: SlaProperty): string | undefined {
  const unit = unreadableDurationUnit(sla);
  if (unit !== undefined) return `unit '${unit}' could not be read`;
  return hasNoDurationUnit(sla) ? `'${sla.value}' has no unit` : undefined;
}

const isDurationPromise = (sla: SlaProperty) => isDurationSla(sla.property);

/** Whether the SLA property so named (in any capitals) promises a duration: a latency, a retention. */
export const isDurationSla = (property: string) => PROMISES[slaPropertyName({ property })]?.isDuration === true;

/** Amounts that are no durations compare only in the same unit (`99 %` against `99.5 %`). */
function compareAmounts(a: SlaProperty, b: SlaProperty): number | undefined {
  const unit = (sla: SlaProperty) => (sla.unit ?? '').trim().toLowerCase();
  const [left, right] = [a, b].map((sla) => (typeof sla.value === 'string' ? Number(sla.value) : sla.value));
  const isNumber = (amount: unknown): amount is number => typeof amount === 'number' && Number.isFinite(amount);
  return isNumber(left) && isNumber(right) && unit(a) === unit(b) ? left - right : undefined;
}
