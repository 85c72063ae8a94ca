import {
  columnTypeParts,
  type ExactNumbers,
  exactNumbersOf,
  isBinaryFloatType,
  varcharLengthOf,
} from './postgres-column-types';
import { doBlock, ident, literal } from './postgres-names';
import { skippedClockTimeCondition } from './time-zone-changes';

/*
 * A column's type change on a table that holds rows must not change a value behind the data
 * owner's back: PostgreSQL rounds numeric to bigint (2.5 → 3), to fewer decimals (numeric(14,2)) or
 * to a float's binary digits (0.1234567891 → real 0.12345679),
 * cuts text to a varchar(n)'s length, reads text as a number without its leading zeros (a code
 * `007` becomes 7) or as a uuid in lower case with hyphens (`{A0EE…}` becomes `a0ee…`), drops a
 * timestamp's time of day (→ date) or its day (→ time), rounds a time to fewer digits of a second
 * (timestamp(3) → timestamp(0)), and moves a clock time its zone skips (a daylight-saving gap)
 * when it gains a time zone (a timestamp's, or text's naming no zone), without a word, and a cast
 * through text stops at the first value it cannot read, naming the value but neither the column
 * nor how many rows are alike.
 */

/** Types every value of which the other type holds as it was, besides those among numbers. */
const LOSSLESS_CHANGES = new Set([
  'date timestamptz',
  'date timestamp',
  'timestamptz timestamp',
  'real double precision',
  // The clock time stays; the offset it gains is time-zone-changes.ts's.
  'time timetz',
]);
const TIMESTAMP_TYPES = new Set(['timestamptz', 'timestamp']);
/** The types whose size is the digits of a second they keep, 6 without one. */
const FRACTIONAL_SECOND_TYPES = new Set([...TIMESTAMP_TYPES, 'time', 'timetz']);
const DEFAULT_SECOND_DIGITS = 6;

/** The first PostgreSQL (16) with `pg_input_is_valid`, which reads a value as a type without failing the statement. */
const READS_INPUT_SAFELY = 160000;

/**
 * The condition a row meets when the change would alter or refuse its value, and the PostgreSQL
 * version it needs; undefined when no value can change.
 */
function changedValueCondition(
  column: string,
  fromType: string,
  toType: string,
  clockTimeZone?: string,
): { condition: string; sinceVersion?: number } | undefined {
  const changed = changedKindCondition(column, fromType, toType, clockTimeZone);
  const rounded = secondsRoundedCondition(ident(column), fromType, toType);
  if (!rounded) return changed;
  return changed ? { ...changed, condition: `(${changed.condition}) OR ${rounded}` } : { condition: rounded };
}

/** The condition of a time that a type of fewer digits of a second would round (PostgreSQL rounds 09:30:00.5 to 09:30:01). */
function secondsRoundedCondition(value: string, fromType: string, toType: string): string | undefined {
  const [from, to] = [columnTypeParts(fromType), columnTypeParts(toType)];
  if (!FRACTIONAL_SECOND_TYPES.has(from.base) || !FRACTIONAL_SECOND_TYPES.has(to.base)) return undefined;
  const toDigits = to.size ?? DEFAULT_SECOND_DIGITS;
  // Rounded within the type it has, so that no session zone moves it.
  return toDigits < (from.size ?? DEFAULT_SECOND_DIGITS)
    ? `${value} <> ${value}::${from.base}(${toDigits})`
    : undefined;
}

/** The condition of a value the change of type alters otherwise than by the digits of a second it keeps. */
function changedKindCondition(
  column: string,
  fromType: string,
  toType: string,
  clockTimeZone?: string,
): { condition: string; sinceVersion?: number } | undefined {
  const value = ident(column);
  const [from, to] = [columnTypeParts(fromType).base, columnTypeParts(toType).base];
  const skipped =
    clockTimeZone === undefined ? undefined : skippedClockTimeCondition(column, fromType, toType, clockTimeZone);
  if (skipped && from === 'timestamp') return { condition: skipped };
  if (skipped) {
    const condition = `CASE WHEN pg_input_is_valid(${value}::text, ${literal(toType)}) THEN ${skipped} ELSE true END`;
    return { condition, sinceVersion: READS_INPUT_SAFELY };
  }
  if (toType === 'text' || LOSSLESS_CHANGES.has(`${from} ${to}`)) return undefined;
  const length = varcharLengthOf(toType);
  // A cast to varchar(n) cuts a longer text without a word.
  if (length !== undefined) {
    const fromLength = varcharLengthOf(fromType);
    return fromLength !== undefined && fromLength <= length
      ? undefined
      : { condition: `char_length(${value}::text) > ${length}` };
  }
  const [fromNumbers, toNumbers] = [exactNumbersOf(fromType), exactNumbersOf(toType)];
  if (toNumbers && fromNumbers) {
    const conditions = numbersLost(value, fromNumbers, toNumbers);
    return conditions.length > 0 ? { condition: conditions.join(' OR ') } : undefined;
  }
  if (TIMESTAMP_TYPES.has(from) && to === 'date') {
    // An instant's time of day is the one in the zone its day is taken in, not the session's.
    const clockTime = clockTimeZone === undefined ? value : `(${value} AT TIME ZONE ${literal(clockTimeZone)})`;
    return { condition: `${clockTime} <> date_trunc('day', ${clockTime})` };
  }
  if (TIMESTAMP_TYPES.has(from) && to === 'time') return { condition: `${value} IS NOT NULL` };
  // The digits of a second are secondsRoundedCondition's.
  if (from === to && FRACTIONAL_SECOND_TYPES.has(from)) return undefined;
  if (toType === 'uuid' && isText(fromType)) {
    const condition = `CASE WHEN pg_input_is_valid(${value}::text, 'uuid') THEN ${textRewrittenAs(value, 'uuid')} ELSE true END`;
    return { condition, sinceVersion: READS_INPUT_SAFELY };
  }
  const isUnreadable = `NOT pg_input_is_valid(${value}::text, ${literal(toType)})`;
  // numeric(p,s) reads a value with more decimals than s by rounding it: counted as a number.
  const asNumber = `${value}::text::numeric`;
  const rounded = toNumbers ? numbersLost(asNumber, {}, toNumbers) : [];
  const rewritten = toNumbers && isText(fromType) ? [textRewrittenAs(value, 'numeric')] : [];
  // A number past the float's range is counted by isUnreadable: cast, it would stop the count.
  const floatRounded = isBinaryFloatType(toType)
    ? [
        `CASE WHEN pg_input_is_valid(${value}::text, ${literal(toType)}) THEN ${asNumber} <> ${value}::text::${toType}::numeric ELSE false END`,
      ]
    : [];
  const lost = [...rounded, ...floatRounded, ...rewritten];
  const condition =
    lost.length > 0
      ? `CASE WHEN pg_input_is_valid(${value}::text, 'numeric') THEN ${lost.join(' OR ')} OR ${isUnreadable} ELSE true END`
      : isUnreadable;
  return { condition, sinceVersion: READS_INPUT_SAFELY };
}

function isText(type: string): boolean {
  return type === 'text' || varcharLengthOf(type) !== undefined;
}

/**
 * A text the type reads otherwise than it is written: a code's leading zeros (`007` → 7), a sign,
 * blanks or an exponent of a number, a uuid's capitals, braces or missing hyphens, would be gone
 * from the stored value once the column holds that type.
 */
function textRewrittenAs(value: string, type: string): string {
  return `${value}::text <> (${value}::text::${type})::text`;
}

/** The conditions of a number of type `from` that type `to` would round (PostgreSQL rounds 2.5 to 3) or cannot hold. */
function numbersLost(value: string, from: ExactNumbers, to: ExactNumbers): string[] {
  const { scale, wholeDigits, range } = to;
  const isRounded = scale !== undefined && (from.scale === undefined || from.scale > scale);
  const isTooLarge = range
    ? !from.range || from.range[0] < range[0] || from.range[1] > range[1]
    : wholeDigits !== undefined && (from.wholeDigits === undefined || from.wholeDigits > wholeDigits);
  const roundedCondition = `${value} <> trunc(${value}${scale === 0 ? '' : `, ${scale}`})`;
  const tooLargeCondition = range
    ? `${value} NOT BETWEEN ${range[0]} AND ${range[1]}`
    : `abs(${value}) >= 1${'0'.repeat(wholeDigits ?? 0)}`;
  return [...(isRounded ? [roundedCondition] : []), ...(isTooLarge ? [tooLargeCondition] : [])];
}

/**
 * A `DO` block that refuses the migration (its exception rolls the transaction back) when rows of
 * `target` hold a value the change of `column` to `toType` would alter or cannot take, with the
 * table, the column and the number of rows; nothing when every value survives the change. A
 * timestamp gaining or losing its time zone, or a date becoming one or made of one, keeps its clock
 * time in `clockTimeZone`. Where
 * the count needs a later PostgreSQL than the server's, the block counts nothing, and a value the
 * type cannot read stops the `ALTER` itself, which rolls back all the same.
 */
export function refuseLossyTypeChange(
  target: string,
  column: string,
  fromType: string,
  toType: string,
  clockTimeZone?: string,
): string[] {
  const change = changedValueCondition(column, fromType, toType, clockTimeZone);
  if (!change) return [];
  const where = `${target}.${ident(column)}`;
  const harm = `a value ${toType} would change or cannot hold, in this many rows:`;
  const advice = 'the migration is refused and nothing changed; correct those values, or keep the type';
  // A null stays null whatever the type; a condition on it reads null, which a CASE would take as its ELSE.
  const count = `SELECT count(*) INTO affected FROM ${target} WHERE ${ident(column)} IS NOT NULL AND (${change.condition});`;
  const counted = change.sinceVersion
    ? `IF current_setting('server_version_num')::int >= ${change.sinceVersion} THEN ${count} END IF;`
    : count;
  return [
    doBlock(` DECLARE affected bigint := 0; BEGIN
  ${counted}
  IF affected > 0 THEN RAISE EXCEPTION '%: % %; %', ${literal(where)}, ${literal(harm)}, affected, ${literal(advice)}; END IF;
END `),
  ];
}
