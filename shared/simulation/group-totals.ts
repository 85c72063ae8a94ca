import type { AggregateFunction, Aggregation, IncrementalPlan } from './incremental-plan';
import { columnList, quoteIdentifier } from './sql-text';
import type { SqlConnection, SqlValue } from './sql-workspace';
import { joinedChangesSql, type RowFilter } from './step-input-changes';

/** What an update did: `rebuilt` and `unsupported` leave the result to be recomputed whole. */
export type TotalsUpdate = 'unchanged' | 'updated' | 'rebuilt' | 'unsupported';

/**
 * The groups of an aggregating step, kept by adding the rows that enter a group and subtracting
 * those that leave it, so a tick costs what it changed, not the size of its groups.
 */
export interface GroupTotals {
  /** The table of the groups the last update touched: `_group` and the group columns. */
  touched: string;
  /** SQL selecting the output rows of the groups the last update touched that still have rows. */
  touchedRows: string;
  update(): TotalsUpdate;
  /** Whether a group the last update touched has a NULL group column (`IN` cannot find it). */
  touchesNull(): boolean;
}

export interface ChangedRows {
  changedRowidsOf(table: string): string;
  netChangesOf(table: string, columns: readonly string[], filter?: RowFilter): string;
}

/**
 * The grouped rows are kept in `_rows_<name>`, one per row before grouping with the anchor row it
 * came from; a tick takes out the rows of the anchor rows it touched (changed themselves, or joined
 * to a changed row) and puts them back as they are now. `_groups_<name>` holds each group's
 * output row and its running totals (JSON), so the rows of a group are never read together. A
 * group is told apart by `json_array` of its values, which, unlike `=`, matches NULLs.
 */
export function prepareGroupTotals(
  connection: SqlConnection,
  name: string,
  plan: IncrementalPlan,
  aggregation: Aggregation,
  changed: ChangedRows,
): GroupTotals {
  const table = (prefix: string) => `node.${quoteIdentifier(`_${prefix}_${name}`)}`;
  const affected = table('affected');
  const rows = table('rows');
  const groups = table('groups');
  const touched = table('touched');
  const groupColumns = aggregation.groups.map((group) => group.column);
  const argumentColumns = aggregation.aggregates.flatMap((aggregate, index) =>
    aggregate.function === 'count'
      ? aggregate.argument === undefined
        ? []
        : [`_counted_${index}`]
      : [`_value_${index}`, `_type_${index}`],
  );
  const argumentSql = aggregation.aggregates.flatMap(({ function: called, argument }) =>
    called === 'count'
      ? argument === undefined
        ? []
        : [`(${argument}) IS NOT NULL`]
      : [`(${argument})`, `typeof(${argument})`],
  );
  const outputColumns = [...groupColumns, ...aggregation.aggregates.map((aggregate) => aggregate.column)];
  connection.exec(
    [
      `CREATE TABLE ${affected} (_rowid INTEGER PRIMARY KEY)`,
      `CREATE TABLE ${rows} (_anchor INTEGER NOT NULL, _group TEXT NOT NULL, ${columnList([...groupColumns, ...argumentColumns])})`,
      `CREATE INDEX node.${quoteIdentifier(`_rows_${name}_anchor`)} ON ${quoteIdentifier(`_rows_${name}`)} (_anchor)`,
      `CREATE TABLE ${groups} (_group TEXT PRIMARY KEY, _count INTEGER NOT NULL, _totals TEXT, ${columnList(outputColumns)})`,
      `CREATE TABLE ${touched} (_group TEXT PRIMARY KEY, ${columnList(groupColumns)})`,
    ].join(';\n'),
  );
  const anchorTable = `node.${quoteIdentifier(plan.anchor.table)}`;
  const anchorAlias = quoteIdentifier(plan.anchor.alias);
  const ofAffected = `IN (SELECT _rowid FROM ${affected})`;
  const groupExpressions = aggregation.groups.map((group) => group.expression);
  const prepare = (sql: string) => connection.prepare(sql);
  const clear = [`DELETE FROM ${affected}`, `DELETE FROM ${touched}`].map(prepare);
  const clearAll = [`DELETE FROM ${rows}`, `DELETE FROM ${groups}`].map(prepare);
  const markAll = prepare(`INSERT INTO ${affected} SELECT rowid FROM ${anchorTable}`);
  const markChanged = [
    prepare(
      `INSERT OR IGNORE INTO ${affected} SELECT _rowid FROM (${changed.changedRowidsOf(plan.anchor.table)}) WHERE _rowid IS NOT NULL`,
    ),
    ...plan.joined.map((joined) =>
      prepare(
        `INSERT OR IGNORE INTO ${affected} SELECT ${anchorAlias}.rowid FROM ${anchorTable} AS ${anchorAlias}
JOIN (${joinedChangesSql(changed, joined)}) AS ${quoteIdentifier(joined.alias)} ON ${joined.on}`,
      ),
    ),
  ];
  const countAffected = prepare(`SELECT count(*) FROM ${affected}`);
  const touch = prepare(
    `INSERT OR IGNORE INTO ${touched} SELECT _group, ${columnList(groupColumns)} FROM ${rows} WHERE _anchor ${ofAffected}`,
  );
  const readRows = prepare(
    `SELECT ${['_group', ...argumentColumns].join(', ')} FROM ${rows} WHERE _anchor ${ofAffected}`,
  );
  const takeOut = prepare(`DELETE FROM ${rows} WHERE _anchor ${ofAffected}`);
  const putBack = prepare(
    `INSERT INTO ${rows} SELECT * FROM (WITH ${quoteIdentifier(plan.anchor.table)} AS (
  SELECT rowid AS _anchor_rowid, * FROM ${anchorTable} WHERE rowid ${ofAffected})
SELECT ${anchorAlias}._anchor_rowid, json_array(${groupExpressions.join(', ')}), ${[...groupExpressions, ...argumentSql].join(', ')}
${aggregation.source})`,
  );
  const addGroups = prepare(
    `INSERT OR IGNORE INTO ${groups} (_group, _count, ${columnList(groupColumns)}) SELECT _group, 0, ${columnList(groupColumns)} FROM ${touched}`,
  );
  const readTotals = prepare(
    `SELECT _group, _count, _totals FROM ${groups} WHERE _group IN (SELECT _group FROM ${touched})`,
  );
  const writeGroup = prepare(
    `UPDATE ${groups} SET _count = ?, _totals = ?, ${aggregation.aggregates
      .map(({ column }) => `${quoteIdentifier(column)} = CASE WHEN ? THEN CAST(? AS REAL) ELSE CAST(? AS INTEGER) END`)
      .join(', ')} WHERE _group = ?`,
  );
  const removeGroup = prepare(`DELETE FROM ${groups} WHERE _group = ?`);
  const nullGroup = prepare(
    `SELECT 1 FROM ${touched} WHERE ${groupColumns.map((column) => `${quoteIdentifier(column)} IS NULL`).join(' OR ')} LIMIT 1`,
  );
  const functions = aggregation.aggregates.map((aggregate) => aggregate.function);
  const hasArgument = aggregation.aggregates.map((aggregate) => aggregate.argument !== undefined);
  let isBuilt = false;
  let isSupported = true;

  const update = (): TotalsUpdate => {
    if (!isSupported) return 'unsupported';
    for (const statement of clear) statement.run();
    const isRebuild = !isBuilt;
    if (isRebuild) {
      for (const statement of clearAll) statement.run();
      markAll.run();
    } else for (const statement of markChanged) statement.run();
    if (!isRebuild && countAffected.all()[0]?.[0] === 0) return 'unchanged';
    touch.run();
    const leaving = readRows.all();
    takeOut.run();
    putBack.run();
    touch.run();
    const entering = readRows.all();
    const totalsOf = new Map<string, GroupState>();
    for (const [group, count, totals] of readTotals.all()) {
      totalsOf.set(group as string, {
        count: count as number,
        totals: totals === null ? functions.map(emptyTotals) : (JSON.parse(totals as string) as Totals[]),
      });
    }
    const isValid =
      addAll(totalsOf, leaving, -1, functions, hasArgument) && addAll(totalsOf, entering, 1, functions, hasArgument);
    if (!isValid) {
      isSupported = false;
      return 'unsupported';
    }
    addGroups.run();
    for (const [group, state] of totalsOf) {
      if (state.count === 0) {
        removeGroup.run([group]);
        continue;
      }
      const values = state.totals.flatMap((totals, index) => {
        const [isReal, value] = resultOf(functions[index] as AggregateFunction, totals);
        return [isReal ? 1 : 0, value, value];
      });
      writeGroup.run([state.count, JSON.stringify(state.totals), ...values, group]);
    }
    isBuilt = true;
    return isRebuild ? 'rebuilt' : 'updated';
  };
  return {
    touched,
    touchedRows: `SELECT ${columnList(outputColumns)} FROM ${groups} WHERE _group IN (SELECT _group FROM ${touched}) AND _count > 0`,
    update() {
      try {
        return update();
      } catch (error) {
        // The step's changes are rolled back, and with them this tick's: start again from the tables.
        isBuilt = false;
        throw error;
      }
    },
    touchesNull: () => nullGroup.all().length > 0,
  };
}

/**
 * A count, or a sum as SQLite keeps one: how many values, how many of them REAL, the exact sum of
 * the integers (as text), and the REAL ones summed with Kahan-Babuska-Neumaier compensation. The
 * compensation holds the bits a plain sum would round away, so the total does not depend on the
 * order rows came in, and equals what SQLite's own sum() gives over the whole group.
 */
type Totals = number | [values: number, reals: number, integers: string, sum: number, compensation: number];

interface GroupState {
  count: number;
  totals: Totals[];
}

function emptyTotals(called: AggregateFunction): Totals {
  return called === 'count' ? 0 : [0, 0, '0', 0, 0];
}

/** Adds (sign 1) or subtracts (sign -1) rows `[_group, ...arguments]`; false for a sum of something not a number. */
function addAll(
  totalsOf: Map<string, GroupState>,
  rows: readonly SqlValue[][],
  sign: 1 | -1,
  functions: readonly AggregateFunction[],
  hasArgument: readonly boolean[],
): boolean {
  for (const row of rows) {
    const group = row[0] as string;
    let state = totalsOf.get(group);
    if (!state) {
      state = { count: 0, totals: functions.map(emptyTotals) };
      totalsOf.set(group, state);
    }
    state.count += sign;
    let column = 1;
    for (const [index, called] of functions.entries()) {
      if (called === 'count') {
        if (hasArgument[index]) state.totals[index] = (state.totals[index] as number) + sign * Number(row[column++]);
        else state.totals[index] = (state.totals[index] as number) + sign;
        continue;
      }
      const value = row[column];
      const type = row[column + 1];
      column += 2;
      if (type === 'null') continue;
      if (typeof value !== 'number' || (type !== 'integer' && type !== 'real')) return false;
      if (type === 'integer' && !Number.isSafeInteger(value)) return false;
      const totals = state.totals[index] as Exclude<Totals, number>;
      totals[0] += sign;
      if (type === 'integer') totals[2] = String(BigInt(totals[2]) + BigInt(sign * value));
      else {
        totals[1] += sign;
        addCompensated(totals, sign * value);
      }
    }
  }
  return true;
}

/** Kahan-Babuska-Neumaier summation, as SQLite's sum() does it. */
function addCompensated(totals: Exclude<Totals, number>, value: number): void {
  const sum = totals[3];
  const next = sum + value;
  totals[4] += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
  totals[3] = next;
}

/** The aggregate's value and whether it is REAL, as SQLite's count(), sum() and total() give it. */
function resultOf(called: AggregateFunction, totals: Totals): [isReal: boolean, value: SqlValue] {
  if (typeof totals === 'number') return [false, totals];
  const [values, reals, integers] = totals;
  if (reals === 0) {
    if (called === 'total') return [true, Number(integers)];
    return [false, values === 0 ? null : integers];
  }
  const withIntegers: Exclude<Totals, number> = [...totals];
  addCompensated(withIntegers, Number(integers));
  return [true, withIntegers[3] + withIntegers[4]];
}
