import { doBlock, ident, literal } from './postgres-names';

/*
 * A column's type change on a table that holds rows must not change a value behind the data
 * owner's back: PostgreSQL rounds numeric to bigint (2.5 → 3) and drops a timestamp's time of
 * day (→ date) or its day (→ time) without a word, and a cast through text stops at the first
 * value it cannot read, naming the value but neither the column nor how many rows are alike.
 */

/** Types every value of which the other type holds as it was. */
const LOSSLESS_CHANGES = new Set(['bigint numeric', 'date timestamptz']);

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
): { condition: string; sinceVersion?: number } | undefined {
  const value = ident(column);
  if (toType === 'text' || LOSSLESS_CHANGES.has(`${fromType} ${toType}`)) return undefined;
  if (fromType === 'numeric' && toType === 'bigint') {
    return {
      condition: `${value} <> trunc(${value}) OR ${value} NOT BETWEEN -9223372036854775808 AND 9223372036854775807`,
    };
  }
  if (fromType === 'timestamptz' && toType === 'date') return { condition: `${value} <> date_trunc('day', ${value})` };
  if (fromType === 'timestamptz' && toType === 'time') return { condition: `${value} IS NOT NULL` };
  return { condition: `NOT pg_input_is_valid(${value}::text, ${literal(toType)})`, sinceVersion: READS_INPUT_SAFELY };
}

/**
 * A `DO` block that refuses the migration (its exception rolls the transaction back) when rows of
 * `target` hold a value the change of `column` to `toType` would alter or cannot take, with the
 * table, the column and the number of rows; nothing when every value survives the change. Where
 * the count needs a later PostgreSQL than the server's, the block counts nothing, and a value the
 * type cannot read stops the `ALTER` itself, which rolls back all the same.
 */
export function refuseLossyTypeChange(target: string, column: string, fromType: string, toType: string): string[] {
  const change = changedValueCondition(column, fromType, toType);
  if (!change) return [];
  const where = `${target}.${ident(column)}`;
  const harm = `a value ${toType} would change or cannot hold, in this many rows:`;
  const advice = 'the migration is refused and nothing changed; correct those values, or keep the type';
  const count = `SELECT count(*) INTO affected FROM ${target} WHERE ${change.condition};`;
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
