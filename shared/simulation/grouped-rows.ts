import type { Aggregation, IncrementalPlan } from './incremental-plan';
import { columnList, quoteIdentifier } from './sql-text';
import type { SqlConnection, SqlValue } from './sql-workspace';
import { anchorToChangesSql, type RowFilter } from './step-input-changes';

export interface ChangedRows {
  changedRowidsOf(table: string): string;
  netChangesOf(table: string, columns: readonly string[], filter?: RowFilter): string;
}

/** What a tick did to the grouped rows: none touched, or rows left and entered groups (all of them, when `isRebuild`). */
export type RowsMove =
  | { kind: 'unchanged' }
  | { kind: 'moved'; isRebuild: boolean; leaving: SqlValue[][]; entering: SqlValue[][] };

/**
 * The rows of an aggregating step before grouping, kept in `_rows_<name>` one per row with the
 * anchor row it came from, its group (`json_array` of the group values, which unlike `=` matches
 * NULLs; see `groupValueSql`) and `extraColumns`, computed by `extraSql`. A tick takes out the
 * rows of the anchor rows it touched (changed themselves, or joined to a changed row) and puts
 * them back as they are now; the groups they leave and enter are the tick's touched groups, in
 * `_touched_<name>`.
 */
export interface GroupedRows {
  /** `node."_rows_<name>"`. */
  rows: string;
  /** `node."_touched_<name>"`: `_group` and the group columns. */
  touched: string;
  /**
   * Moves the touched anchor rows' rows, every row on the first run or after `forget`. With
   * `readsExtras`, the rows that leave and enter, as `[_group, ...extraColumns]`.
   */
  move(readsExtras: boolean): RowsMove;
  /** Starts again from the tables on the next move (a failed tick rolled the rows back). */
  forget(): void;
  /** Whether a group the last move touched has a NULL group column (`IN` cannot find it). */
  touchesNull(): boolean;
}

export function prepareGroupedRows(
  connection: SqlConnection,
  name: string,
  plan: IncrementalPlan,
  aggregation: Aggregation,
  changed: ChangedRows,
  extras: { columns: readonly string[]; sql: readonly string[] } = { columns: [], sql: [] },
): GroupedRows {
  const table = (prefix: string) => `node.${quoteIdentifier(`_${prefix}_${name}`)}`;
  const affected = table('affected');
  const rows = table('rows');
  const touched = table('touched');
  const groupColumns = aggregation.groups.map((group) => group.column);
  connection.exec(
    [
      `CREATE TABLE ${affected} (_rowid INTEGER PRIMARY KEY)`,
      `CREATE TABLE ${rows} (_anchor INTEGER NOT NULL, _group TEXT NOT NULL, ${columnList([...groupColumns, ...extras.columns])})`,
      `CREATE INDEX node.${quoteIdentifier(`_rows_${name}_anchor`)} ON ${quoteIdentifier(`_rows_${name}`)} (_anchor)`,
      `CREATE TABLE ${touched} (_group TEXT PRIMARY KEY, ${columnList(groupColumns)})`,
    ].join(';\n'),
  );
  const anchorTable = `node.${quoteIdentifier(plan.anchor.table)}`;
  const anchorAlias = quoteIdentifier(plan.anchor.alias);
  const ofAffected = `IN (SELECT _rowid FROM ${affected})`;
  const groupExpressions = aggregation.groups.map((group) => group.expression);
  const prepare = (sql: string) => connection.prepare(sql);
  const clear = [`DELETE FROM ${affected}`, `DELETE FROM ${touched}`].map(prepare);
  const clearRows = prepare(`DELETE FROM ${rows}`);
  const markAll = prepare(`INSERT INTO ${affected} SELECT rowid FROM ${anchorTable}`);
  const markChanged = [
    prepare(
      `INSERT OR IGNORE INTO ${affected} SELECT _rowid FROM (${changed.changedRowidsOf(plan.anchor.table)}) WHERE _rowid IS NOT NULL`,
    ),
    ...plan.joined.map((joined) =>
      prepare(
        `INSERT OR IGNORE INTO ${affected} SELECT ${anchorAlias}.rowid FROM ${anchorToChangesSql(changed, plan, joined)}`,
      ),
    ),
  ];
  const countAffected = prepare(`SELECT count(*) FROM ${affected}`);
  const touch = prepare(
    `INSERT OR IGNORE INTO ${touched} SELECT _group, ${columnList(groupColumns)} FROM ${rows} WHERE _anchor ${ofAffected}`,
  );
  const readExtras = prepare(
    `SELECT ${['_group', ...extras.columns].join(', ')} FROM ${rows} WHERE _anchor ${ofAffected}`,
  );
  const takeOut = prepare(`DELETE FROM ${rows} WHERE _anchor ${ofAffected}`);
  const putBack = prepare(
    `INSERT INTO ${rows} SELECT * FROM (WITH ${quoteIdentifier(plan.anchor.table)} AS (
  SELECT rowid AS _anchor_rowid, * FROM ${anchorTable} WHERE rowid ${ofAffected})
SELECT ${anchorAlias}._anchor_rowid, json_array(${groupExpressions.map(groupValueSql).join(', ')}), ${[...groupExpressions, ...extras.sql].join(', ')}
${aggregation.source})`,
  );
  const nullGroup = prepare(
    `SELECT 1 FROM ${touched} WHERE ${groupColumns.map((column) => `${quoteIdentifier(column)} IS NULL`).join(' OR ')} LIMIT 1`,
  );
  let isBuilt = false;

  return {
    rows,
    touched,
    move(readsExtras) {
      for (const statement of clear) statement.run();
      const isRebuild = !isBuilt;
      if (isRebuild) {
        clearRows.run();
        markAll.run();
      } else {
        for (const statement of markChanged) statement.run();
        if (countAffected.all()[0]?.[0] === 0) return { kind: 'unchanged' };
      }
      touch.run();
      const leaving = readsExtras ? readExtras.all() : [];
      takeOut.run();
      putBack.run();
      touch.run();
      const entering = readsExtras ? readExtras.all() : [];
      isBuilt = true;
      return { kind: 'moved', isRebuild, leaving, entering };
    },
    forget() {
      isBuilt = false;
    },
    touchesNull: () => nullGroup.all().length > 0,
  };
}

/**
 * A group value as JSON should see it: a REAL that equals an INTEGER as that INTEGER. GROUP BY
 * compares numbers by value, so 0 and 0.0 (`COALESCE(rate, 0)`) make one group, where JSON would
 * write `[0]` and `[0.0]`. JSON holds no BLOB, so bytes become `{"bytes": hex}`, which no text
 * value equals.
 */
function groupValueSql(expression: string): string {
  const value = `(${expression})`;
  return `CASE typeof(${value})
    WHEN 'real' THEN iif(${value} = CAST(${value} AS INTEGER), CAST(${value} AS INTEGER), ${value})
    WHEN 'blob' THEN json_object('bytes', hex(${value}))
    ELSE ${value} END`;
}
