import { type ChangedRows, type GroupedRows, prepareGroupedRows, type RowsMove } from './grouped-rows';
import type { Aggregate, AggregateFunction, Aggregation, IncrementalPlan } from './incremental-plan';
import { columnList, quoteIdentifier, rowInSql } from './sql-text';
import type { SqlConnection, SqlValue } from './sql-workspace';

/** What an update did: `rebuilt` and `unsupported` leave the result to be recomputed whole. */
export type GroupsUpdate = 'unchanged' | 'updated' | 'rebuilt' | 'unsupported';

/**
 * The groups of an aggregating step that a tick touched, and their rows. A GROUP BY of counts and sums
 * keeps them by adding the rows that enter a group and subtracting those that leave it, so a tick
 * costs what it changed, not the size of its groups; any other GROUP BY recomputes the touched
 * groups from their rows (`regroupedGroups`).
 */
export interface TouchedGroups {
  /** The table of the groups the last update touched: `_group` and the group columns. */
  touched: string;
  /** SQL selecting the output rows of the groups the last update touched that still have rows. */
  touchedRows: string;
  update(): GroupsUpdate;
  /** Whether a group the last update touched has a NULL group column (`IN` cannot find it). */
  touchesNull(): boolean;
  /** Drops what is kept: the next update rebuilds the groups from every row. */
  forget(): void;
}

/**
 * The touched groups' rows recomputed by the step's query: its anchor is cut to the
 * anchor rows with a row in a touched group, and its result to those groups, since the rows
 * of such an anchor row may fall in other groups too.
 */
export function regroupedGroups(
  connection: SqlConnection,
  name: string,
  plan: IncrementalPlan,
  aggregation: Aggregation,
  changed: ChangedRows,
): TouchedGroups {
  const grouped = prepareGroupedRows(connection, name, plan, aggregation, changed);
  connection.exec(
    `CREATE INDEX node.${quoteIdentifier(`_rows_${name}_group`)} ON ${quoteIdentifier(`_rows_${name}`)} (_group, _anchor)`,
  );
  const groupColumns = aggregation.groups.map((group) => group.column);
  const ofTouched = `(SELECT _group FROM ${grouped.touched})`;
  return {
    touched: grouped.touched,
    touchedRows: `SELECT * FROM (WITH ${quoteIdentifier(plan.anchor.table)} AS (
  SELECT * FROM node.${quoteIdentifier(plan.anchor.table)} WHERE rowid IN (SELECT _anchor FROM ${grouped.rows} WHERE _group IN ${ofTouched}))
${plan.select}) AS _result WHERE ${rowInSql('_result', groupColumns, grouped.touched, true)}`,
    update: () => guarded(grouped, () => movedKind(grouped.move(false))),
    touchesNull: grouped.touchesNull,
    forget: grouped.forget,
  };
}

/**
 * Counts and sums: `_groups_<name>` holds each group's output row and its running totals (JSON),
 * so the rows of a group are never read together.
 */
export function prepareGroupTotals(
  connection: SqlConnection,
  name: string,
  plan: IncrementalPlan,
  aggregation: Aggregation & { aggregates: Aggregate[] },
  changed: ChangedRows,
): TouchedGroups {
  const groups = `node.${quoteIdentifier(`_groups_${name}`)}`;
  const groupColumns = aggregation.groups.map((group) => group.column);
  const { aggregates } = aggregation;
  const grouped = prepareGroupedRows(connection, name, plan, aggregation, changed, {
    columns: aggregates.flatMap((aggregate, index) =>
      aggregate.function === 'count'
        ? aggregate.argument === undefined
          ? []
          : [`_counted_${index}`]
        : [`_value_${index}`, `_type_${index}`],
    ),
    sql: aggregates.flatMap(({ function: called, argument }) =>
      called === 'count'
        ? argument === undefined
          ? []
          : [`(${argument}) IS NOT NULL`]
        : [`(${argument})`, `typeof(${argument})`],
    ),
  });
  const outputColumns = [...groupColumns, ...aggregates.map((aggregate) => aggregate.column)];
  connection.exec(
    `CREATE TABLE ${groups} (_group TEXT PRIMARY KEY, _count INTEGER NOT NULL, _totals TEXT, ${columnList(outputColumns)})`,
  );
  const prepare = (sql: string) => connection.prepare(sql);
  const clearGroups = prepare(`DELETE FROM ${groups}`);
  const addGroups = prepare(
    `INSERT OR IGNORE INTO ${groups} (_group, _count, ${columnList(groupColumns)}) SELECT _group, 0, ${columnList(groupColumns)} FROM ${grouped.touched}`,
  );
  const readTotals = prepare(
    `SELECT _group, _count, _totals FROM ${groups} WHERE _group IN (SELECT _group FROM ${grouped.touched})`,
  );
  // A GROUP BY of no aggregate at all (distinct groups) sets the count and totals alone.
  const setAggregates = aggregates.map(
    ({ column }) => `${quoteIdentifier(column)} = CASE WHEN ? THEN CAST(? AS REAL) ELSE CAST(? AS INTEGER) END`,
  );
  const writeGroup = prepare(
    `UPDATE ${groups} SET ${['_count = ?', '_totals = ?', ...setAggregates].join(', ')} WHERE _group = ?`,
  );
  const removeGroup = prepare(`DELETE FROM ${groups} WHERE _group = ?`);
  const functions = aggregates.map((aggregate) => aggregate.function);
  const hasArgument = aggregates.map((aggregate) => aggregate.argument !== undefined);
  let isSupported = true;

  const update = (): GroupsUpdate => {
    if (!isSupported) return 'unsupported';
    const move = grouped.move(true);
    if (move.kind === 'unchanged') return 'unchanged';
    if (move.isRebuild) clearGroups.run();
    const totalsOf = new Map<string, GroupState>();
    for (const [group, count, totals] of readTotals.all()) {
      totalsOf.set(group as string, {
        count: count as number,
        totals: totals === null ? functions.map(emptyTotals) : (JSON.parse(totals as string) as Totals[]),
      });
    }
    const isValid =
      addAll(totalsOf, move.leaving, -1, functions, hasArgument) &&
      addAll(totalsOf, move.entering, 1, functions, hasArgument);
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
    return move.isRebuild ? 'rebuilt' : 'updated';
  };
  return {
    touched: grouped.touched,
    touchedRows: `SELECT ${columnList(outputColumns)} FROM ${groups} WHERE _group IN (SELECT _group FROM ${grouped.touched}) AND _count > 0`,
    update: () => guarded(grouped, update),
    touchesNull: grouped.touchesNull,
    forget: grouped.forget,
  };
}

function movedKind(move: RowsMove): GroupsUpdate {
  if (move.kind === 'unchanged') return 'unchanged';
  return move.isRebuild ? 'rebuilt' : 'updated';
}

/** Runs an update; one that fails has its changes rolled back with the step's: start again from the tables. */
function guarded(grouped: GroupedRows, update: () => GroupsUpdate): GroupsUpdate {
  try {
    return update();
  } catch (error) {
    grouped.forget();
    throw error;
  }
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
