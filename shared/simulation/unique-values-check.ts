import type { ContractProperty } from '../model/contract';
import { violation } from './contract-rules';
import { columnList, quoteIdentifier, quoteLiteral } from './sql-text';
import type { SqlConnection, SqlValue } from './sql-workspace';

/** A contract's unique properties beyond its key (the key's own uniqueness is checked where results are merged). */
export function uniqueNonKeyProperties(
  properties: readonly ContractProperty[],
  key: readonly string[],
): ContractProperty[] {
  return properties.filter((property) => property.unique && !key.includes(property.name));
}

export interface UniqueValuesCheck {
  /** SQL naming the `unique` violation of the tick's record whose `_seq` is `seqSql`, or NULL. */
  violationOf(seqSql: string): string;
  /** Finds the tick's violations before its records are quarantined and published. */
  check(): void;
  /** Remembers what the tick published, after it was. */
  record(): void;
}

/** A key's values of the unique properties, or null once the key is deleted. */
type HeldValues = readonly SqlValue[] | null;

/**
 * The `unique` rule of an output port: a record is quarantined when a value of one of its unique
 * properties is held by another key: by what the port published before (a table of each key's
 * last published values) or by an earlier record of the same tick that was published. Records are
 * taken in order, since each one published changes what the next may take: a key that changes
 * its value or is deleted gives the old value up. NULLs never clash, as in SQL.
 *
 * `checked` selects the tick's records with `_seq`, `_op`, `_unique_key` (the key as JSON),
 * `_base` (the violation of an earlier rule, or NULL) and the unique properties' columns.
 */
export function createUniqueValuesCheck(
  connection: SqlConnection,
  portId: string,
  properties: readonly ContractProperty[],
  checked: string,
): UniqueValuesCheck {
  const names = properties.map((property) => property.name);
  const published = `node.${quoteIdentifier(`_unique_${portId}`)}`;
  const violations = `node.${quoteIdentifier(`_unique_violations_${portId}`)}`;
  connection.exec(
    [
      `CREATE TABLE ${published} (_key TEXT PRIMARY KEY, ${columnList(names)})`,
      ...names.map(
        (name) =>
          `CREATE INDEX node.${quoteIdentifier(`_unique_${portId}_${name}`)} ON ${quoteIdentifier(`_unique_${portId}`)} (${quoteIdentifier(name)})`,
      ),
      `CREATE TABLE ${violations} (_seq INTEGER PRIMARY KEY, violation TEXT NOT NULL)`,
    ].join(';\n'),
  );
  const records = connection.prepare(
    `SELECT _op, _unique_key, _base IS NOT NULL, _seq, ${columnList(names)} FROM ${checked} ORDER BY _seq`,
  );
  const holders = names.map((name) =>
    connection.prepare(`SELECT _key FROM ${published} WHERE ${quoteIdentifier(name)} = ?`),
  );
  const clearViolations = connection.prepare(`DELETE FROM ${violations}`);
  const addViolation = names.map((name) =>
    connection.prepare(
      `INSERT INTO ${violations} (_seq, violation) VALUES (?, ${violation('unique', name, `${quoteLiteral(`${name} must be unique: `)} || quote(?) || ' is already published under another key'`)})`,
    ),
  );
  const forget = connection.prepare(`DELETE FROM ${published} WHERE _key = ?`);
  const remember = connection.prepare(
    `INSERT INTO ${published} (_key, ${columnList(names)}) VALUES (?, ${names.map(() => '?').join(', ')})`,
  );
  /** What this tick's published records changed, by key: applied to the table once the tick is published. */
  let changed = new Map<string, HeldValues>();

  /** Whether another key than `key` holds `value` of the property at `index`, as of this point of the tick. */
  const isHeldByAnother = (index: number, value: SqlValue, key: string): boolean => {
    for (const [other, values] of changed) {
      if (other !== key && values && sameValue(values[index] ?? null, value)) return true;
    }
    return (holders[index]?.all([value]) ?? []).some(([holder]) => holder !== key && !changed.has(String(holder)));
  };

  return {
    violationOf: (seqSql) => `(SELECT violation FROM ${violations} WHERE _seq = ${seqSql})`,
    check() {
      clearViolations.run();
      changed = new Map();
      for (const [op, key, isQuarantined, seq, ...values] of records.all()) {
        const keyText = String(key);
        if (isQuarantined) continue;
        if (op === 'd') {
          changed.set(keyText, null);
          continue;
        }
        const clash = values.findIndex((value, index) => value !== null && isHeldByAnother(index, value, keyText));
        if (clash >= 0) addViolation[clash]?.run([seq ?? null, values[clash] ?? null]);
        else changed.set(keyText, values);
      }
    },
    record() {
      for (const [key, values] of changed) {
        forget.run([key]);
        if (values) remember.run([key, ...values]);
      }
      changed = new Map();
    },
  };
}

/** SQL's `=` on the values a row holds: bytes by their bytes. */
function sameValue(a: SqlValue, b: SqlValue): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((byte, index) => byte === b[index]);
  }
  return a === b;
}
