import { doBlock, ident, literal } from './postgres-names';

/*
 * A column's type change on a table that holds rows must not change a value behind the data
 * owner's back: PostgreSQL rounds numeric to bigint (2.5 → 3) and drops a timestamp's time of
 * day (→ date) or its day (→ time) without a word, and a cast through text stops at the first
 * value it cannot read, naming the value but neither the column nor how many rows are alike.
 */

/** Types every value of which the other type holds as it was. */
const LOSSLESS_CHANGES = new Set(['bigint numeric', 'date timestamptz']);

/**
 * The condition a row meets when the change would alter or refuse its value; undefined when none
 * can (`pg_input_is_valid`, PostgreSQL 16, reads a value as the type without failing the statement).
 */
function changedValueCondition(column: string, fromType: string, toType: string): string | undefined {
  const value = ident(column);
  if (toType === 'text' || LOSSLESS_CHANGES.has(`${fromType} ${toType}`)) return undefined;
  if (fromType === 'numeric' && toType === 'bigint') {
    return `${value} <> trunc(${value}) OR NOT pg_input_is_valid(trunc(${value})::text, 'bigint')`;
  }
  if (fromType === 'timestamptz' && toType === 'date') return `${value} <> date_trunc('day', ${value})`;
  if (fromType === 'timestamptz' && toType === 'time') return `${value} IS NOT NULL`;
  return `NOT pg_input_is_valid(${value}::text, ${literal(toType)})`;
}

/**
 * A `DO` block that refuses the migration (its exception rolls the transaction back) when rows of
 * `target` hold a value the change of `column` to `toType` would alter or cannot take, with the
 * table, the column and the number of rows; nothing when every value survives the change.
 */
export function refuseLossyTypeChange(target: string, column: string, fromType: string, toType: string): string[] {
  const condition = changedValueCondition(column, fromType, toType);
  if (!condition) return [];
  const where = `${target}.${ident(column)}`;
  const harm = `a value ${toType} would change or cannot hold, in this many rows:`;
  const advice = 'the migration is refused and nothing changed; correct those values, or keep the type';
  return [
    doBlock(` DECLARE affected bigint; BEGIN
  SELECT count(*) INTO affected FROM ${target} WHERE ${condition};
  IF affected > 0 THEN RAISE EXCEPTION '%: % %; %', ${literal(where)}, ${literal(harm)}, affected, ${literal(advice)}; END IF;
END `),
  ];
}
