import { type BrokerLog, brokerTable } from './broker-log';
import { columnDefinitions, columnList, quoteIdentifier } from './sql-text';
import type { SqlConnection } from './sql-workspace';
import type { TableColumn } from './table-column';

/**
 * What consumers of a key hold when its last change did not reach them: the values the port last
 * published for it, or none.
 */
type LastPublished = { kind: 'none' } | { kind: 'record'; seq: number } | { kind: 'log' };

export interface WithheldKeys {
  /**
   * Follows the tick's records, in order, for the keys whose change the contract check quarantined
   * and the keys already withheld; says whether some record is then published otherwise than as
   * checked (`publishedSql` selects them all then).
   */
  decide(hasQuarantined: boolean): boolean;
  /** The tick's records to publish once `decide` said so, with `_seq`, `_op` and the columns. */
  readonly publishedSql: string;
  /** Forgets what `decide` found, once the tick is published. */
  clear(): void;
}

/**
 * The keys an entity port withholds: a key whose last change broke the contract was not published,
 * so its consumers still hold what the port last published for it, or nothing. Its delete is then
 * published with those last published values as its before image, never with values that failed
 * the contract, and not at all when the consumers hold nothing (the key was never published, or
 * its last published record is a delete). A change that keeps the contract ends the withholding.
 *
 * `checked` selects the tick's records with `_seq`, `_op`, `_key` (the record key, JSON),
 * `_violation` and the columns; `shaped` with `_seq` and the columns, as they are. Keys are
 * withheld in `_withheld_<port>`: while there are none, a tick that quarantines nothing costs one
 * lookup more; while there are, one per record.
 */
export function createWithheldKeys(
  connection: SqlConnection,
  portId: string,
  log: BrokerLog,
  columns: readonly TableColumn[],
  records: { checked: string; shaped: string },
): WithheldKeys {
  const { checked, shaped } = records;
  const names = columns.map((column) => column.name);
  const withheld = `node.${quoteIdentifier(`_withheld_${portId}`)}`;
  const fates = `node.${quoteIdentifier(`_fates_${portId}`)}`;
  const definitions = columnDefinitions(columns).join(', ');
  connection.exec(
    [
      // `_holds_values`: whether consumers hold the values beside it (1), or nothing (0).
      `CREATE TABLE ${withheld} (_key TEXT PRIMARY KEY, _holds_values INTEGER NOT NULL, ${definitions})`,
      // A record of the tick published otherwise than checked: not at all, or with other values.
      `CREATE TABLE ${fates} (_seq INTEGER PRIMARY KEY, _is_skipped INTEGER NOT NULL, ${definitions})`,
    ].join(';\n'),
  );
  // The tick's records of withheld keys, and, on a tick that quarantined some, of their keys too.
  const touchedSql = (
    hasQuarantined: boolean,
  ) => `SELECT _seq, _op, _key, _violation IS NOT NULL FROM ${checked} AS record
WHERE EXISTS (SELECT 1 FROM ${withheld} WHERE _key = record._key)${hasQuarantined ? ` OR _key IN (SELECT _key FROM ${checked} WHERE _violation IS NOT NULL)` : ''}
ORDER BY _seq`;
  const touched = connection.prepare(touchedSql(false));
  const touchedOrQuarantined = connection.prepare(touchedSql(true));
  const holdsValues = connection.prepare(`SELECT _holds_values FROM ${withheld} WHERE _key = ?`);
  const isWithheld = connection.prepare(`SELECT EXISTS (SELECT 1 FROM ${withheld} WHERE _key = ?)`);
  const hasWithheld = connection.prepare(`SELECT EXISTS (SELECT 1 FROM ${withheld})`);
  const withholdNone = connection.prepare(`INSERT INTO ${withheld} (_key, _holds_values) VALUES (?, 0)`);
  const withholdRecord = connection.prepare(
    `INSERT INTO ${withheld} (_key, _holds_values, ${columnList(names)}) SELECT ?, 1, ${columnList(names)} FROM (${shaped}) WHERE _seq = ?`,
  );
  // The port's last record of the key, found in its log: only when an update it published before is quarantined.
  const withholdFromLog = connection.prepare(
    `INSERT INTO ${withheld} (_key, _holds_values, ${columnList(names)}) SELECT _key, _op = 'upsert', ${columnList(names)} FROM ${brokerTable(log)} WHERE _key = ? ORDER BY _position DESC LIMIT 1`,
  );
  const release = connection.prepare(`DELETE FROM ${withheld} WHERE _key = ?`);
  const skip = connection.prepare(`INSERT INTO ${fates} (_seq, _is_skipped) VALUES (?, 1)`);
  const publishHeld = connection.prepare(
    `INSERT INTO ${fates} (_seq, _is_skipped, ${columnList(names)}) SELECT ?, 0, ${columnList(names)} FROM ${withheld} WHERE _key = ?`,
  );
  const clearFates = connection.prepare(`DELETE FROM ${fates}`);

  const withhold = (key: string, last: LastPublished) => {
    if (last.kind === 'record') withholdRecord.run([key, last.seq]);
    else if (last.kind === 'none' || withholdFromLog.run([key]) === 0) withholdNone.run([key]);
  };

  return {
    decide(hasQuarantined) {
      if (!hasQuarantined && Number(hasWithheld.all()[0]?.[0]) === 0) return false;
      let hasFates = false;
      /** Per key of the tick: whether it is withheld now, and what consumers hold if it is not. */
      const keys = new Map<string, { isWithheld: boolean; last: LastPublished }>();
      for (const [seq, op, key, isQuarantined] of (hasQuarantined ? touchedOrQuarantined : touched).all()) {
        const keyText = String(key);
        const state = keys.get(keyText) ?? {
          isWithheld: Number(isWithheld.all([keyText])[0]?.[0]) === 1,
          last: { kind: 'log' },
        };
        keys.set(keyText, state);
        if (isQuarantined) {
          // Before a create, consumers hold nothing; before an update or a delete, what was last published.
          if (!state.isWithheld) withhold(keyText, op === 'c' ? { kind: 'none' } : state.last);
          state.isWithheld = true;
          continue;
        }
        if (state.isWithheld) {
          if (op === 'd') {
            if (Number(holdsValues.all([keyText])[0]?.[0]) === 1) publishHeld.run([seq ?? null, keyText]);
            else skip.run([seq ?? null]);
            hasFates = true;
          }
          release.run([keyText]);
          state.isWithheld = false;
        }
        state.last = op === 'd' ? { kind: 'none' } : { kind: 'record', seq: Number(seq) };
      }
      return hasFates;
    },
    publishedSql: `SELECT record._seq, record._op, ${names
      .map(
        (name) =>
          `CASE WHEN fate._seq IS NULL THEN record.${quoteIdentifier(name)} ELSE fate.${quoteIdentifier(name)} END AS ${quoteIdentifier(name)}`,
      )
      .join(', ')}
FROM ${checked} AS record LEFT JOIN ${fates} AS fate ON fate._seq = record._seq
WHERE record._violation IS NULL AND fate._is_skipped IS NOT 1`,
    clear: () => clearFates.run(),
  };
}
