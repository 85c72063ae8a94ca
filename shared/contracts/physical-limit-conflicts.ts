import type { ContractProperty } from '../model/contract';
import { logicalTypeOptions } from '../simulation/allowed-values';
import { declaredLength, declaredRange } from './physical-type-size';

/** The tightest length a property's values may have, as the contract writes it: `varchar(10)` or `maxLength 10`. */
export interface LengthLimit {
  said: string;
  length: number;
}

/** The lower of `maxLength` and the length a property's `physicalType` states, if either is given. */
export function tightestUpperLimit(property: ContractProperty): LengthLimit | undefined {
  const { maxLength } = logicalTypeOptions(property) ?? {};
  const { physicalType } = property;
  const stated = physicalType === undefined ? undefined : declaredLength(physicalType);
  const limits = [
    ...(typeof maxLength === 'number' ? [{ said: `maxLength ${maxLength}`, length: maxLength }] : []),
    ...(stated !== undefined && physicalType !== undefined ? [{ said: physicalType.trim(), length: stated }] : []),
  ];
  return limits.sort((one, other) => one.length - other.length)[0];
}

/** Each allowed value (by its index in `enum`) with more characters than the property's tightest length limit. */
export function allowedValuesTooLong(
  property: ContractProperty,
): { index: number; value: string; characters: number; limit: LengthLimit }[] {
  const limit = tightestUpperLimit(property);
  if (!limit) return [];
  return (property.enum ?? []).flatMap((value, index) => {
    // Characters as SQL and JSON Schema count them: code points.
    const characters = typeof value === 'string' ? Array.from(value).length : 0;
    return characters > limit.length ? [{ index, value: value as string, characters, limit }] : [];
  });
}

/** A length option of `logicalTypeOptions` above the length the property's `physicalType` states. */
export interface LengthBeyondPhysical {
  option: 'minLength' | 'maxLength';
  value: number;
  limit: LengthLimit;
}

/**
 * The `minLength` and `maxLength` above the length the property's `physicalType` states: no value
 * it stores is long enough for such a minLength, and such a maxLength promises lengths it cannot store.
 */
export function lengthsBeyondPhysical(property: ContractProperty): LengthBeyondPhysical[] {
  const options = logicalTypeOptions(property) ?? {};
  const { physicalType } = property;
  const stated = physicalType === undefined ? undefined : declaredLength(physicalType);
  if (stated === undefined || physicalType === undefined) return [];
  return (['minLength', 'maxLength'] as const).flatMap((option) => {
    const value = options[option];
    return typeof value === 'number' && value > stated
      ? [{ option, value, limit: { said: physicalType.trim(), length: stated } }]
      : [];
  });
}

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum'];

/** A numeric bound of `logicalTypeOptions` past what the exact `physicalType` holds, and the end of its range it passes. */
export interface BoundBeyondRange {
  option: string;
  value: number;
  physicalType: string;
  /** The end of the type's range the bound passes, written out in full (`9999999999.99999999`). */
  end: { side: 'smallest' | 'largest'; value: string };
  /** Whether the bound is exclusive and at that end, rather than past it (`exclusiveMinimum: 32767` on a smallint). */
  isAtEnd: boolean;
  /** Whether the bound is past the other end of the range, so that no value the type holds keeps it. */
  excludesAll: boolean;
}

/**
 * The `minimum`, `maximum` and exclusive bounds outside the range of an exact `physicalType`
 * (`smallint` holds -32768 to 32767): a bound beyond its own end is never reached, one beyond the
 * other end (a minimum above the largest value), or exclusive at it, leaves no storable value.
 */
export function boundsBeyondRange(property: ContractProperty): BoundBeyondRange[] {
  const { physicalType } = property;
  const range = physicalType === undefined ? undefined : declaredRange(physicalType);
  if (!range || physicalType === undefined) return [];
  const options = logicalTypeOptions(property) ?? {};
  return ['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum'].flatMap((option) => {
    const value = options[option];
    if (typeof value !== 'number') return [];
    const isLower = LOWER_BOUNDS.includes(option);
    const isExclusive = option.startsWith('exclusive');
    const largest = { side: 'largest' as const, value: range.largest };
    const smallest = { side: 'smallest' as const, value: range.smallest };
    // An exclusive bound that reads as the far end excludes every value, whether it was written as the end or past it.
    const isAtEnd = isExclusive && value === Number(isLower ? range.largest : range.smallest);
    // Past the far end, judged exactly as read (1e10 is past 9999999999.99999999, though both read as one
    // number), as every export writes it; past its own end, only where it is however it was written.
    const isAboveLargest = isLower ? compareExactly(value, range.largest) > 0 : value > Number(range.largest);
    const isBelowSmallest = isLower ? value < Number(range.smallest) : compareExactly(value, range.smallest) < 0;
    const end =
      isAboveLargest || (isAtEnd && isLower)
        ? largest
        : isBelowSmallest || (isAtEnd && !isLower)
          ? smallest
          : undefined;
    if (!end) return [];
    const excludesAll = isLower === (end.side === 'largest');
    return [{ option, value, physicalType: physicalType.trim(), end, isAtEnd, excludesAll }];
  });
}

/**
 * The sign of `value - decimal`, exact: `decimal` is written out in full (`-9999999999.99999999`),
 * and `value` compared as the binary number it is, not as the decimal nearest to it.
 */
function compareExactly(value: number, decimal: string): number {
  const nearest = Number(decimal);
  // Reading a decimal keeps its order with any other number, so only its nearest number needs the exact comparison.
  if (value !== nearest) return value > nearest ? 1 : -1;
  const [whole = '', fraction = ''] = decimal.split('.');
  const scaledDecimal = BigInt(whole + fraction);
  // value = mantissa * 2^-halvings exactly: doubling a binary number is exact.
  let mantissa = value;
  let halvings = 0n;
  while (!Number.isInteger(mantissa)) {
    mantissa *= 2;
    halvings += 1n;
  }
  const scaledValue = BigInt(mantissa) * 10n ** BigInt(fraction.length);
  const difference = scaledValue - scaledDecimal * 2n ** halvings;
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}
