import { jsonObjectSql } from './broker-log';
import type { Dataset } from './dataset';
import { applyTimestampSql, applyView, upsertRowsSql } from './dataset-table';
import { withEngineFunctionsUnlisted } from './engine-function-list';
import { prepareGroupTotals, regroupedGroups } from './group-totals';
import { type Aggregation, type IncrementalPlan, planRecompute, type RecomputeMode } from './incremental-plan';
import type { TransformationPlan } from './product-plan';
import { withFirstCte } from './query-shape';
import { SUBQUERY_CHANGE_REASON } from './recompute-summary';
import { missingColumnsMessage } from './result-columns-refusal';
import { heldBackTableName, missingKeyMessage, repeatedKeyMessage } from './result-key-check';
import { checkSelect, type SelectRefusal, subquerySql } from './select-check';
import { readsTheClock, withSimulatedNow } from './simulated-now';
import { columnDefinitions, columnList, quoteIdentifier, quoteLiteral, rowInSql } from './sql-text';
import type { SqlConnection, SqlStatement } from './sql-workspace';
import { anchorToChangesSql, type RowFilter } from './step-input-changes';
import { dropRedundantIndexes, indexUnlessSought, isRowidKey } from './table-indexes';

/** How one run of a step went: `unchanged` when none of the tables it reads changed. */
export type StepRun = 'incremental' | 'full' | 'unchanged';

/** Why a tick of a step that recomputes by unit or group recomputes the whole result instead. */
interface InFull {
  reason: string;
}

/** One incremental run of a published result, or why this tick needs the whole result recomputed. */
type IncrementalRun = (tick: number, millis: number) => StepRun | InFull;

/**
 * A result kept by unit or group. A failed run is rolled back while its tick's changes are not
 * kept for the next, so after one the result, and any groups kept beside it, are rebuilt whole:
 * as a full recomputation would, the step keeps failing until the data that broke it changes.
 */
interface IncrementalRecompute {
  run: IncrementalRun;
  afterFailure(): void;
}

const AFTER_FAILURE = 'the run before failed';

/** How a run went; `fullReason` says why a step that recomputes by unit or group ran in full. */
export interface StepOutcome {
  run: StepRun;
  fullReason?: string;
}

/** One run of a step; a failure carries SQLite's message (its changes are then rolled back). */
export type RunStep = (tick: number, millis: number) => ({ ok: true } & StepOutcome) | { ok: false; message: string };

/** A step ready to run, or SQLite's refusal of it (with the SQLite way to write what it wrote PostgreSQL's way). */
export type PreparedStep = { ok: true; run: RunStep; mode: RecomputeMode } | SelectRefusal;

/** What a step may read incrementally: the tables whose changes the product captures, and their columns. */
export interface StepInputs {
  columnsOf(table: string): readonly string[] | undefined;
  /** SQL selecting the rows of a table that changed this tick, old and new images alike. */
  changesOf(table: string): string;
  /** SQL selecting the values of some columns of a table that this tick's changes added or removed, of rows passing `filter`. */
  netChangesOf(table: string, columns: readonly string[], filter?: RowFilter): string;
  /** SQL selecting the rowids of a table's rows that changed this tick, before and after. */
  changedRowidsOf(table: string): string;
  /** Whether incremental recomputation is wanted at all (the property tests compare both). */
  isIncremental: boolean;
}

/**
 * A transformation is a SELECT whose result becomes the table named after the step. A published
 * entity result is diffed against the table, so only real changes reach the output port; a result
 * with a missing or repeated key has those rows quarantined and the key left as it was. Where the
 * SQL allows it (see `planRecompute`), only the units of the result the tick's changes touch are
 * recomputed; otherwise, and for any tick a unit is unclear, the whole result.
 */
export function prepareStep(
  connection: SqlConnection,
  step: TransformationPlan,
  quarantinePort: string | undefined,
  inputs: StepInputs,
): PreparedStep {
  const checked = checkSelect(connection, step.transformation.sql);
  if (!checked.ok) return checked;
  const select = subquerySql(withSimulatedNow(withEngineFunctionsUnlisted(checked.select)));
  const savepoint = quoteIdentifier(`step_${step.transformation.name}`);
  try {
    const dataset = step.dataset;
    let mode: RecomputeMode = { incremental: false, reason: 'no output port publishes it as an entity' };
    let runOnce: (tick: number, millis: number) => StepOutcome;
    let incremental: IncrementalRecompute | undefined;
    if (dataset) {
      const outputColumns = columnNamesOf(connection, select);
      // The step quarantines a result row without its key, the port one without a required value.
      const nonNullColumns = new Set([...dataset.key, ...(step.requiredColumns ?? [])]);
      const missing = missingColumnsMessage(dataset, outputColumns, nonNullColumns);
      if (missing) return { ok: false, message: missing };
      if (dataset.kind === 'entity') {
        mode = !inputs.isIncremental
          ? { incremental: false, reason: 'incremental recomputation is turned off' }
          : readsTheClock(checked.select)
            ? { incremental: false, reason: "it reads the clock ('now'), which moves on every tick" }
            : planRecompute(checked.select, {
                outputColumns,
                tableColumns: dataset.columns.map((column) => column.name),
                columnsOf: inputs.columnsOf,
                resultColumns: (query) => columnNamesOf(connection, query),
              });
      }
      const recompute = prepareResultRecompute(connection, dataset, select, quarantinePort ?? '');
      if (mode.incremental) {
        const { plan } = mode;
        indexJoinedTables(connection, dataset.name, plan);
        incremental = plan.aggregation
          ? recompute.byGroups(plan, plan.aggregation, inputs)
          : plan.units.length > 0
            ? recompute.byUnits(plan, inputs)
            : undefined;
        if (incremental && plan.subqueryTables) {
          incremental = unlessChanged(connection, plan.subqueryTables, inputs, incremental);
        }
      }
      runOnce = (tick, millis) => {
        const run = incremental?.run(tick, millis);
        if (typeof run === 'string') return { run };
        return { run: recompute.whole(tick, millis), ...(run && { fullReason: run.reason }) };
      };
    } else {
      const statements = prepareIntermediateStep(connection, step.transformation.name, select);
      runOnce = (tick) => ({ run: runAll(statements, tick, 0) });
    }
    const run: RunStep = (tick, millis) => {
      connection.exec(`SAVEPOINT ${savepoint}`);
      try {
        const outcome = runOnce(tick, millis);
        connection.exec(`RELEASE ${savepoint}`);
        return { ok: true, ...outcome };
      } catch (error) {
        connection.exec(`ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
        incremental?.afterFailure();
        return { ok: false, message: runFailureMessage(error, dataset) };
      }
    };
    return { ok: true, run, mode };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/**
 * SQLite's message for a failed run, with what it means where its own words do not say: an
 * entity's single INTEGER key is its table's rowid, which holds integers only.
 */
function runFailureMessage(error: unknown, dataset: Dataset | undefined): string {
  const message = (error as Error).message;
  const [key, ...more] = dataset?.kind === 'entity' ? dataset.key : [];
  const isRowid =
    more.length === 0 && dataset?.columns.some((column) => column.name === key && column.type === 'INTEGER');
  if (message !== 'datatype mismatch' || !isRowid) return message;
  return `${message}: the key ${key} is an integer, and a row of the result has one that is not (CAST it AS INTEGER, or give the key another type in the contract)`;
}

/** `incremental`, except on a tick that changed one of `tables`: that tick recomputes the whole result. */
function unlessChanged(
  connection: SqlConnection,
  tables: readonly string[],
  inputs: StepInputs,
  incremental: IncrementalRecompute,
): IncrementalRecompute {
  const changes = tables.map((table) => `SELECT 1 FROM (${inputs.changedRowidsOf(table)})`).join(' UNION ALL ');
  const changed = connection.prepare(`${changes} LIMIT 1`);
  return {
    run: (tick, millis) =>
      changed.all().length > 0 ? { reason: SUBQUERY_CHANGE_REASON } : incremental.run(tick, millis),
    afterFailure: incremental.afterFailure,
  };
}

/**
 * An event whose identity the table already holds but whose values changed (the row it came from
 * was updated) changes the table, so its port sees the update and quarantines it: events never change.
 */
function changedEventSql(dataset: Dataset): string {
  const others = dataset.columns.map((column) => column.name).filter((name) => !dataset.key.includes(name));
  if (dataset.key.length === 0) return '';
  if (others.length === 0) return ` ON CONFLICT (${columnList(dataset.key)}) DO NOTHING`;
  return ` ON CONFLICT (${columnList(dataset.key)}) DO UPDATE SET ${others
    .map((name) => `${quoteIdentifier(name)} = excluded.${quoteIdentifier(name)}`)
    .join(', ')}`;
}

function columnNamesOf(connection: SqlConnection, select: string): string[] {
  const statement = connection.prepare(select);
  try {
    return statement.columnNames();
  } finally {
    statement.release();
  }
}

interface BoundStatement {
  statement: SqlStatement;
  params: (tick: number, millis: number) => (number | string)[];
}

const none = () => [];
const millisOnly = (_tick: number, millis: number) => [millis];

function runAll(statements: readonly BoundStatement[], tick: number, millis: number): StepRun {
  for (const { statement, params } of statements) statement.run(params(tick, millis));
  return 'full';
}

function prepareIntermediateStep(connection: SqlConnection, name: string, select: string): BoundStatement[] {
  const table = `node.${quoteIdentifier(name)}`;
  const create = connection.prepare(`CREATE TABLE ${table} AS ${select} LIMIT 0`);
  try {
    create.run();
  } finally {
    create.release();
  }
  return [
    { statement: connection.prepare(`DELETE FROM ${table}`), params: none },
    { statement: connection.prepare(`INSERT INTO ${table} ${select}`), params: none },
  ];
}

/**
 * A published result, recomputed into `_next_<name>` and applied as the difference: for an entity,
 * keys gone are deleted and rows new or changed upserted; for events, new rows are appended. Rows
 * with a missing or repeated key are quarantined. `byUnits` restricts all of it to the units a
 * tick touched (entities only).
 */
function prepareResultRecompute(connection: SqlConnection, dataset: Dataset, select: string, quarantinePort: string) {
  const names = dataset.columns.map((column) => column.name);
  const key = dataset.key;
  const table = `node.${quoteIdentifier(dataset.name)}`;
  const next = `node.${quoteIdentifier(`_next_${dataset.name}`)}`;
  connection.exec(
    [
      `CREATE TABLE ${next} (${columnDefinitions(dataset.columns).join(', ')})`,
      ...(key.length > 0
        ? [
            `CREATE INDEX node.${quoteIdentifier(`_next_${dataset.name}_key`)} ON ${quoteIdentifier(`_next_${dataset.name}`)} (${columnList(key)})`,
          ]
        : []),
    ].join(';\n'),
  );
  const sameKey = key.map((name) => `n.${quoteIdentifier(name)} = t.${quoteIdentifier(name)}`).join(' AND ');
  const missing = key.map((name) => `${quoteIdentifier(name)} IS NULL`).join(' OR ');
  const invalid = `${missing} OR (${columnList(key)}) IN (SELECT ${columnList(key)} FROM ${next} GROUP BY ${columnList(key)} HAVING count(*) > 1)`;
  const keyText = quoteLiteral(key.join(', '));
  const prepare = (sql: string, params: BoundStatement['params'] = none): BoundStatement => ({
    statement: connection.prepare(sql),
    params,
  });
  /**
   * The statements of one recomputation; `scope` limits the table's rows compared to the recomputed
   * units. Keys gone are deleted in the table's order, whichever rows are in scope.
   */
  const isEntity = dataset.kind === 'entity';
  const timestampParams = dataset.keepsHistory ? millisOnly : none;
  // Equal rows of an event result are one event, derived twice from a record delivered twice.
  const distinct = isEntity ? '' : 'DISTINCT ';
  const recomputation = (recompute: string, scope: string) => [
    prepare(`DELETE FROM ${next}`),
    prepare(`INSERT INTO ${next} (${columnList(names)}) SELECT ${distinct}${columnList(names)} FROM (${recompute})`),
    ...(isEntity
      ? [
          prepare(
            `INSERT INTO node.${applyView(dataset)} (_op, _timestamp, ${columnList(key)})
SELECT 'd', ${applyTimestampSql(dataset, '?1')}, ${columnList(key)} FROM ${table} t WHERE ${scope} NOT EXISTS (SELECT 1 FROM ${next} n WHERE ${sameKey})
ORDER BY t.rowid`,
            timestampParams,
          ),
        ]
      : []),
    ...(key.length > 0 ? keyChecks(scope) : []),
    isEntity
      ? upsertChanged(
          `SELECT ${columnList(names)} FROM ${next} EXCEPT SELECT ${columnList(names)} FROM ${table} t WHERE ${scope} true`,
        )
      : prepare(
          `INSERT INTO ${table} (${columnList(names)}) SELECT * FROM (SELECT ${columnList(names)} FROM ${next} EXCEPT SELECT ${columnList(names)} FROM ${table}) WHERE true${changedEventSql(dataset)}`,
        ),
  ];
  /** The rows of `changed` upserted into the entity: at once where it keeps no history, else through its triggers. */
  const upsertChanged = (changed: string) =>
    dataset.keepsHistory
      ? prepare(
          `INSERT INTO node.${applyView(dataset)} (_op, _timestamp, ${columnList(names)}) SELECT 'u', ${applyTimestampSql(dataset, '?1')}, * FROM (${changed})`,
          timestampParams,
        )
      : prepare(upsertRowsSql(dataset, `SELECT * FROM (${changed}) WHERE true`));
  // Rows rejected for their key, as the last run left them: a row stays quarantined once, not every tick.
  const rejected = `node.${quoteIdentifier(heldBackTableName(dataset.name))}`;
  connection.exec(`CREATE TABLE ${rejected} (${columnDefinitions(dataset.columns).join(', ')})`);
  const keyChecks = (scope: string) => [
    prepare(
      `INSERT INTO node.quarantine (tick, port, rule, property, message, record)
SELECT ?, ${quoteLiteral(quarantinePort)}, CASE WHEN ${missing} THEN 'required' ELSE 'unique' END, ${keyText},
  CASE WHEN ${missing} THEN ${quoteLiteral(missingKeyMessage(key))} ELSE ${quoteLiteral(repeatedKeyMessage(key))} END,
  ${jsonObjectSql(dataset.columns)}
FROM (SELECT ${columnList(names)} FROM ${next} WHERE ${invalid} EXCEPT SELECT ${columnList(names)} FROM ${rejected} t WHERE ${scope} true)`,
      (tick) => [tick],
    ),
    prepare(`DELETE FROM ${rejected} AS t WHERE ${scope} true`),
    prepare(`INSERT INTO ${rejected} SELECT ${columnList(names)} FROM ${next} WHERE ${invalid}`),
    prepare(`DELETE FROM ${next} WHERE ${invalid}`),
  ];
  /**
   * Recomputes the rows `recompute` selects, comparing them with the table's rows in scope: those
   * whose `scopeColumns` are a row of `scopeTable` (NULL-safe with `isNullInScope`, see
   * `rowInSql`), as are the recomputed rows'.
   */
  const recomputeWithin = (
    recompute: string,
    scopeColumns: readonly string[],
    scopeTable: string,
    isNullInScope = false,
  ) => {
    const rowInScope = rowInSql('t', scopeColumns, scopeTable, isNullInScope);
    const [clear, fill, ...rest] = recomputation(recompute, `${rowInScope} AND`);
    // A key that rows in scope, recomputed or as they were (kept or rejected), share with a row
    // out of scope would be judged without that row: a key repeated out of scope, or one whose
    // repeat in scope is gone. None can when the scope's columns are key columns: a row sharing
    // the key shares them too. Out of scope is not in it, NULL included.
    const keysInScope = [next, `${table} t WHERE ${rowInScope}`, `${rejected} t WHERE ${rowInScope}`]
      .map((rows) => `SELECT ${columnList(key)} FROM ${rows}`)
      .join(' UNION ALL ');
    const sharedKey = scopeColumns.every((column) => key.includes(column))
      ? undefined
      : connection.prepare(
          `SELECT 1 FROM (${keysInScope}) AS n
JOIN (SELECT ${columnList(names)} FROM ${table} UNION ALL SELECT ${columnList(names)} FROM ${rejected}) AS t
ON ${sameKey} WHERE (${rowInScope}) IS NOT TRUE LIMIT 1`,
        );
    return (tick: number, millis: number): StepRun | InFull => {
      runAll([clear, fill] as BoundStatement[], tick, millis);
      if (sharedKey && sharedKey.all().length > 0)
        return { reason: 'a key of a row it touched is shared by a row it did not' };
      runAll(rest, tick, millis);
      return 'incremental';
    };
  };
  const whole = recomputation(select, '');
  return {
    whole: (tick: number, millis: number) => runAll(whole, tick, millis),
    byUnits(plan: IncrementalPlan, inputs: StepInputs) {
      const units = `node.${quoteIdentifier(`_units_${dataset.name}`)}`;
      const unitColumns = plan.units.map((unit) => unit.column);
      const unitList = columnList(unitColumns);
      const anchorTable = `node.${quoteIdentifier(plan.anchor.table)}`;
      const anchorAlias = quoteIdentifier(plan.anchor.alias);
      const unitExpressions = plan.units.map((unit) => unit.expression).join(', ');
      connection.exec(`CREATE TABLE ${units} (${unitColumns.map(quoteIdentifier).join(', ')}, UNIQUE (${unitList}))`);
      indexUnlessSought(connection, dataset.name, `_units_${dataset.name}_rows`, unitColumns);
      indexUnitColumn(connection, plan);
      const touchedByAnchor = [
        prepare(`DELETE FROM ${units}`),
        prepare(
          `INSERT OR IGNORE INTO ${units} SELECT DISTINCT ${unitExpressions} FROM (${inputs.changesOf(plan.anchor.table)}) AS ${anchorAlias}`,
        ),
      ];
      // When the anchor's own changes already touch every unit (one busy day), joined changes add none.
      // Where every anchor row yields a result row, the result's units are the anchor's: fewer to read.
      // A row is left alone unless its unit is among the tick's, which a NULL unit never is.
      const leftAlone = connection.prepare(
        plan.keepsEveryAnchorRow
          ? `SELECT 1 FROM (SELECT ${unitList} FROM ${table} UNION ALL SELECT ${unitList} FROM ${rejected}) AS t
WHERE (${rowInSql('t', unitColumns, units)}) IS NOT TRUE LIMIT 1`
          : `SELECT 1 FROM ${anchorTable} AS ${anchorAlias} WHERE ((${unitExpressions}) IN (SELECT ${unitList} FROM ${units})) IS NOT TRUE LIMIT 1`,
      );
      const touchedByJoins = [
        ...plan.joined.map((joined) =>
          prepare(
            `INSERT OR IGNORE INTO ${units} SELECT DISTINCT ${unitExpressions} FROM ${anchorToChangesSql(inputs, plan, joined)}`,
          ),
        ),
      ];
      const counts = connection.prepare(
        `SELECT count(*), count(*) FILTER (WHERE ${unitColumns.map((column) => `${quoteIdentifier(column)} IS NULL`).join(' OR ')}) FROM ${units}`,
      );
      // A unit is one column: a tick that touched its NULL unit recomputes the rows whose unit IS NULL too.
      const restricted = (isNullIn: boolean) =>
        withFirstCte(
          plan.select,
          `${quoteIdentifier(plan.anchor.table)} AS (SELECT * FROM ${anchorTable} AS ${anchorAlias} WHERE (${unitExpressions}) IN (SELECT ${unitList} FROM ${units})${isNullIn ? ` OR (${unitExpressions}) IS NULL` : ''})`,
        );
      const recomputeUnits = recomputeWithin(restricted(false), unitColumns, units);
      // Prepared on the first tick that needs it: most units are never NULL.
      let recomputeUnitsWithNull: ReturnType<typeof recomputeWithin> | undefined;
      let hasFailed = false;
      const run: IncrementalRun = (tick, millis) => {
        if (hasFailed) {
          hasFailed = false;
          return { reason: AFTER_FAILURE };
        }
        runAll(touchedByAnchor, tick, millis);
        if (leftAlone.all().length > 0) runAll(touchedByJoins, tick, millis);
        const [count, nulls] = counts.all()[0] as [number, number];
        if (count === 0) return 'unchanged';
        if (nulls === 0) return recomputeUnits(tick, millis);
        recomputeUnitsWithNull ??= recomputeWithin(restricted(true), unitColumns, units, true);
        return recomputeUnitsWithNull(tick, millis);
      };
      return {
        run,
        afterFailure: () => {
          hasFailed = true;
        },
      };
    },
    byGroups(plan: IncrementalPlan, aggregation: Aggregation, inputs: StepInputs) {
      const { aggregates } = aggregation;
      const totals = aggregates
        ? prepareGroupTotals(connection, dataset.name, plan, { ...aggregation, aggregates }, inputs)
        : regroupedGroups(connection, dataset.name, plan, aggregation, inputs);
      const groupColumns = aggregation.groups.map((group) => group.column);
      indexUnlessSought(connection, dataset.name, `_groups_${dataset.name}_rows`, groupColumns);
      const recomputeGroups = recomputeWithin(totals.touchedRows, groupColumns, totals.touched);
      // Prepared on the first tick that needs it: most groups have no NULL group column.
      let recomputeGroupsWithNull: ReturnType<typeof recomputeWithin> | undefined;
      let rebuildReason = 'the first run, which builds its groups from every row';
      const run: IncrementalRun = (tick, millis) => {
        const how = totals.update();
        if (how === 'unchanged') return 'unchanged';
        if (how === 'rebuilt') return { reason: rebuildReason };
        if (how === 'unsupported') {
          return { reason: 'a sum of a value that is not a number, which running totals cannot keep' };
        }
        if (!totals.touchesNull()) return recomputeGroups(tick, millis);
        recomputeGroupsWithNull ??= recomputeWithin(totals.touchedRows, groupColumns, totals.touched, true);
        return recomputeGroupsWithNull(tick, millis);
      };
      return {
        run,
        afterFailure: () => {
          totals.forget();
          rebuildReason = AFTER_FAILURE;
        },
      };
    },
  };
}

/**
 * Gives each joined table an index led by the columns its join looks up and holding every other
 * column the step reads, so recomputing a unit reads its joined rows from the index alone: a unit
 * with many joined rows (a customer's orders) costs no lookup per row in the table. A table looked
 * up by its rowid key gets none: a search by rowid lands on the row itself.
 */
function indexJoinedTables(connection: SqlConnection, stepName: string, plan: IncrementalPlan): void {
  for (const { table, alias, lookup, columns } of plan.joined) {
    if (lookup.length === 0 || isRowidKey(connection, table, lookup)) continue;
    const covered = [...lookup, ...columns.filter((column) => !lookup.includes(column))];
    connection.exec(
      `CREATE INDEX node.${quoteIdentifier(`_join_${stepName}_${alias}`)} ON ${quoteIdentifier(table)} (${columnList(covered)})`,
    );
    dropRedundantIndexes(connection, table);
  }
}

/**
 * Lets the anchor be cut to a unit's rows by index when the unit is one of its columns and nothing
 * indexes it yet. A unit computed by an expression gets none: its units are usually few and large
 * (a day), and reading most of a table through an index costs more than scanning it.
 */
function indexUnitColumn(connection: SqlConnection, plan: IncrementalPlan): void {
  const column = plan.units[0]?.anchorColumn;
  if (column === undefined) return;
  indexUnlessSought(connection, plan.anchor.table, `_unit_${plan.anchor.table}_${column}`, [column]);
}
