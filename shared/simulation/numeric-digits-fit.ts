import { columnOnEngine, truncatesDecimals } from '../model/engine-numeric-digits';
import { type Column, numericDigits } from '../model/table';

/**
 * `value` rounded to `scale` decimals as PostgreSQL rounds a number stored in a numeric(p,s): the
 * decimal digits JavaScript writes the number with (1.005, not the binary 1.00499…), half away from zero.
 */
export function roundedToScale(value: number, scale: number): number {
  return cutToScale(value, scale, Math.round);
}

/** `value` cut to `scale` decimals toward zero, as Db2 assigns a number to a decimal, on the digits JavaScript writes it with. */
function truncatedToScale(value: number, scale: number): number {
  return cutToScale(value, scale, Math.trunc);
}

function cutToScale(value: number, scale: number, cut: (shifted: number) => number): number {
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + scale}`);
  // So large a number has no digits left below 10^-scale: it is already that exact.
  if (!Number.isFinite(shifted)) return value;
  return Math.sign(value) * Number(`${cut(shifted)}e-${scale}`);
}

/**
 * A value as a column stores it on the database `engine`: a number cut to a numeric's scale, the
 * declared one or the engine's default (DECIMAL(10,0) on MySQL), rounded or, on Db2, truncated;
 * anything else as it is.
 */
export function storedInColumn<Value>(value: Value, column: Column | undefined, engine: string): Value {
  const scale = column && numericDigits(columnOnEngine(column, engine))?.scale;
  if (typeof value !== 'number' || scale === undefined) return value;
  return (truncatesDecimals(engine) ? truncatedToScale(value, scale) : roundedToScale(value, scale)) as Value;
}

/** Why a number cannot be stored in a numeric(p,s) column on the `engine` once cut to its scale (it needs more than p - s whole digits), or undefined when it can. */
export function numericOverflowProblem(value: number, declared: Column, engine: string): string | undefined {
  const column = columnOnEngine(declared, engine);
  const digits = numericDigits(column);
  if (!digits || !Number.isFinite(value)) return undefined;
  const wholeDigits = digits.precision - digits.scale;
  if (Math.abs(storedInColumn(value, column, engine)) < 10 ** wholeDigits) return undefined;
  const largest = largestOf(digits);
  return `${value} does not fit '${column.name}', a numeric(${digits.precision},${digits.scale}) column (-${largest} to ${largest})`;
}

/** The largest number a numeric(p,s) holds, as PostgreSQL writes it: numeric(4,2) → 99.99, numeric(3,3) → 0.999. */
function largestOf({ precision, scale }: { precision: number; scale: number }): string {
  const whole = '9'.repeat(precision - scale) || '0';
  return scale === 0 ? whole : `${whole}.${'9'.repeat(scale)}`;
}

/** The largest number a numeric column's values may reach, as a JavaScript number; undefined for a column without a precision. */
export function numericLimit(column: Column): number | undefined {
  const digits = numericDigits(column);
  return digits && Number(largestOf(digits));
}
