import { connectorEngine } from '../model/connector-topics';
import type { Mesh } from '../model/mesh';
import type { OperationalSystem, SystemTable } from '../model/operational-system';
import type { ChangeRate, LifecycleStage, Scenario, ScriptStep, TableData, ValueGenerator } from '../model/scenario';
import type { Column } from '../model/table';
import { columnGenerators } from './column-generators';
import type { ReportedError } from './error-log';
import { isPersonal, type PersonalFakeKind, personOrdinals, type RowPeople, rowPeople } from './fake-values';
import { distinctValueCount, finiteValues, unusedCombinations } from './finite-values';
import { storedInColumn } from './numeric-digits-fit';
import { logsUnchangedRows, type OperationalDatabase } from './operational-database';
import { type KnownFakeValues, personAgreeingWith } from './person-of-row';
import { countAt } from './rate-counts';
import { findTable } from './scenario-check';
import { type RandomStream, seededRandom } from './seeded-random';
import { columnList, quoteIdentifier, quoteLiteral } from './sql-text';
import type { SqlConnection, SqlStatement, SqlValue } from './sql-workspace';
import { stepFailureMessage } from './step-failure';
import { textLengths, withinLength } from './text-lengths';
import { isPatterned, matchingPattern, textPatterns } from './text-patterns';
import { type ColumnValue, columnValue, type GenerationContext, sqlValueOf, type Unlike } from './value-generator';
import { drawableValues, drawStage, stageChoice } from './weighted-choice';
import { type RowBatch, rowBatches } from './work-budget';

/** Reports a failed operation; the run goes on. */
export type ReportFailure = (failure: ReportedError) => void;

/** The microservices at work: the scenario's explicit steps and change rates, tick by tick. */
export interface Workload {
  /**
   * Rows present before CDC starts; they reach the topics as snapshot records. Tables are filled
   * in reference order, each batch of rows as `asWork` runs its loading.
   */
  loadInitialRows(now: string, asWork: (database: OperationalDatabase, rows: RowBatch, load: () => void) => void): void;
  /** Runs one system's operations for a tick (rates from tick 1); returns how many rows they changed. */
  applyTick(systemId: string, tick: number, now: string): number;
}

interface TableWorkload {
  database: OperationalDatabase;
  table: SystemTable;
  random: RandomStream;
  /** Per column of the table, in its order. */
  generators: (ValueGenerator | undefined)[];
  values: (ColumnValue | undefined)[];
  /** The column indexes in the order a row's values are drawn (`columnDrawOrder`). */
  drawOrder: number[];
  /** Whom the fake values of the row being drawn describe. */
  people: RowPeople;
  insert: SqlStatement;
  /** The keys no row has, where every key column's values are few enough to list (`finiteValues`); else undefined. */
  unusedKeys: (isInitialRow: boolean) => SqlValue[][] | undefined;
  context: (now: string, isInitialRow?: boolean) => GenerationContext;
}

export function createWorkload(
  mesh: Mesh,
  scenario: Scenario,
  scenarioPath: string,
  databases: ReadonlyMap<string, OperationalDatabase>,
  reportFailure: ReportFailure,
  reportNoChange: ReportFailure,
): Workload {
  const tables = new Map<string, TableWorkload>();
  const tableWorkload = (systemId: string, tableName: string): TableWorkload => {
    const id = `${systemId}/${tableName}`;
    const existing = tables.get(id);
    if (existing) return existing;
    const created = createTableWorkload(mesh, scenario, databases, systemId, tableName);
    tables.set(id, created);
    return created;
  };

  // A table left out of the run (see `columnsProblem`) has said why; what the scenario does to it waits.
  const isSimulated = (entry: { systemId: string; table: string }) =>
    databases.get(entry.systemId)?.plan.tables.some((table) => table.name === entry.table) === true;
  const steps = scenario.steps.flatMap((step, index) =>
    isSimulated(step)
      ? [
          {
            step,
            path: `${scenarioPath}.steps[${index}]`,
            run: prepareScriptStep(tableWorkload(step.systemId, step.table), step, (message) =>
              reportNoChange({ path: `${scenarioPath}.steps[${index}]`, nodeId: step.systemId, message }),
            ),
          },
        ]
      : [],
  );
  const rates = scenario.rates.flatMap((rate, index) =>
    isSimulated(rate)
      ? [
          {
            rate,
            path: `${scenarioPath}.rates[${index}]`,
            run: prepareChangeRate(tableWorkload(rate.systemId, rate.table), rate, (message) =>
              reportNoChange({ path: `${scenarioPath}.rates[${index}]`, nodeId: rate.systemId, message }),
            ),
          },
        ]
      : [],
  );

  const attempt = (path: string, nodeId: string, operation: () => number): number => {
    try {
      return operation();
    } catch (error) {
      reportFailure({ path, nodeId, message: (error as Error).message });
      return 0;
    }
  };

  return {
    loadInitialRows(now, asWork) {
      for (const index of inReferenceOrder(scenario.data)) {
        const entry = scenario.data[index] as TableData;
        if (!isSimulated(entry)) continue;
        const workload = tableWorkload(entry.systemId, entry.table);
        const context = workload.context(now, true);
        for (const rows of rowBatches(entry.table, entry.initialRows)) {
          asWork(workload.database, rows, () => {
            for (let row = 0; row < rows.count; row++) {
              attempt(`${scenarioPath}.data[${index}]`, entry.systemId, () => insertGeneratedRow(workload, context));
            }
          });
        }
      }
    },
    applyTick(systemId, tick, now) {
      let changed = 0;
      for (const { step, path, run } of steps) {
        if (step.tick === tick && step.systemId === systemId) changed += attempt(path, systemId, () => run(now));
      }
      for (const { rate, path, run } of rates) {
        if (tick > 0 && rate.systemId === systemId)
          changed += run(tick, now, (operation) => attempt(path, systemId, operation));
      }
      return changed;
    },
  };
}

function createTableWorkload(
  mesh: Mesh,
  scenario: Scenario,
  databases: ReadonlyMap<string, OperationalDatabase>,
  systemId: string,
  tableName: string,
): TableWorkload {
  const database = databases.get(systemId) as OperationalDatabase;
  const system = database.plan.system;
  const table = system.database.tables.find((candidate) => candidate.name === tableName) as SystemTable;
  const random = seededRandom(scenario.seed, `${systemId}/${tableName}`);
  const generators = columnGenerators(mesh, scenario, system, table);
  const people = rowPeople(random);
  const ordinals = personOrdinals(generators);
  const lengths = textLengths(mesh, scenario, system, table.name);
  const patterns = textPatterns(mesh, scenario, system, table.name);
  const values = generators.map((generator, index) => {
    if (!generator) return undefined;
    const column = table.columns[index] as Column;
    const value = columnValue(
      generator,
      column,
      random,
      () => people.person(ordinals[index] ?? 0),
      system.database.engine,
    );
    const length = lengths.get(column.name);
    const fitted = length && isFreeText(generator) ? withinLength(value, length, random) : value;
    const pattern = patterns.get(column.name);
    return pattern && isPatterned(column, generator) ? matchingPattern(fitted, column, pattern, random) : fitted;
  });
  const samplers = new Map<string, ReferenceSampler>();
  const sampleReference = (referencedTable: string, column: string, unlike?: Unlike): SqlValue | undefined => {
    const id = `${referencedTable}.${column}`;
    let sampler = samplers.get(id);
    if (!sampler) {
      const owner = findTable(mesh.systems, referencedTable, system) as { system: OperationalSystem };
      sampler = referenceSampler(
        (databases.get(owner.system.id) as OperationalDatabase).connection,
        referencedTable,
        column,
      );
      samplers.set(id, sampler);
    }
    return sampler.sample(random, unlike?.value ?? null);
  };
  const insert = database.connection.prepare(
    `INSERT INTO node.${quoteIdentifier(table.name)} (${columnList(table.columns.map((column) => column.name))}) VALUES (${table.columns.map(() => '?').join(', ')})`,
  );
  const keyIndexes = table.primaryKey.map((name) => table.columns.findIndex((column) => column.name === name));
  // A pattern rewrites made-up values (an integer in a text column), so the generator's own list is not what is stored.
  const keyValues = (isInitialRow: boolean) =>
    keyIndexes.map((index) => {
      const generator = generators[index];
      const column = table.columns[index] as Column;
      if (!generator || (patterns.has(column.name) && isPatterned(column, generator))) return undefined;
      return finiteValues(generator, isInitialRow);
    });
  // Prepared at the first taken key: a table without a key never needs it.
  let selectKeys: SqlStatement | undefined;
  const unusedKeys = (isInitialRow: boolean) => {
    selectKeys ??= database.connection.prepare(
      `SELECT ${columnList(table.primaryKey)} FROM node.${quoteIdentifier(table.name)}`,
    );
    return unusedCombinations(keyValues(isInitialRow), selectKeys.all());
  };
  return {
    database,
    table,
    random,
    generators,
    values,
    drawOrder: columnDrawOrder(table, generators),
    people,
    insert,
    unusedKeys,
    context: (now, isInitialRow = false) => ({ now, isInitialRow, sampleReference }),
  };
}

/** A generator of text no one wrote out (a uuid, a fake value), which may be cut or lengthened to fit. */
function isFreeText(generator: ValueGenerator): boolean {
  return generator.kind === 'uuid' || generator.kind === 'fake';
}

/**
 * The data entries' indexes in the order their initial rows are drawn: an entry after those of
 * the tables its `reference` generators draw from, so that no reference meets an empty table (and
 * stays NULL); otherwise, and in a cycle, in the scenario's order.
 */
function inReferenceOrder(data: readonly TableData[]): number[] {
  const readTables = data.map(
    (entry) =>
      new Set(
        Object.values(entry.generators).flatMap((generator) =>
          generator.kind === 'reference' && generator.table !== entry.table ? [generator.table] : [],
        ),
      ),
  );
  const remaining = data.map((_, index) => index);
  const ordered: number[] = [];
  while (remaining.length > 0) {
    const isWaiting = (index: number) =>
      remaining.some((other) => readTables[index]?.has((data[other] as TableData).table));
    const next = remaining.find((index) => !isWaiting(index)) ?? (remaining[0] as number);
    ordered.push(next);
    remaining.splice(remaining.indexOf(next), 1);
  }
  return ordered;
}

/**
 * A new row: `given` values (an insert step's, by column index) as written, the other columns
 * drawn. A given column draws nothing, so it neither takes a number from its sequence nor needs a
 * row of the table it would reference.
 */
function generateRow(
  workload: TableWorkload,
  context: GenerationContext,
  given: ReadonlyMap<number, SqlValue> = new Map(),
): SqlValue[] {
  workload.people.nextRow();
  const { columns } = workload.table;
  const row: SqlValue[] = columns.map((_, index) => given.get(index) ?? null);
  const drawn = (column: string) => row[columns.findIndex((candidate) => candidate.name === column)] ?? null;
  for (const index of workload.drawOrder) {
    if (!given.has(index)) row[index] = workload.values[index]?.(context, drawn) ?? null;
  }
  return row;
}

/**
 * The table's column indexes in its order, except that a reference that must differ from another
 * column (`differentFrom`) comes after that column, whose value it needs. In a cycle, which
 * validation refuses, the one first in the table is drawn first.
 */
function columnDrawOrder(table: SystemTable, generators: readonly (ValueGenerator | undefined)[]): number[] {
  const order: number[] = [];
  const place = (index: number, placing: Set<number>) => {
    if (order.includes(index) || placing.has(index)) return;
    placing.add(index);
    const generator = generators[index];
    const named = generator?.kind === 'reference' ? generator.differentFrom : undefined;
    const namedIndex = table.columns.findIndex((column) => column.name === named);
    if (namedIndex >= 0) place(namedIndex, placing);
    order.push(index);
  };
  for (let index = 0; index < table.columns.length; index++) place(index, new Set());
  return order;
}

/** Draws a referenced column's value from a random row, each row as likely as any other. */
interface ReferenceSampler {
  /**
   * A value of a random row other than `unlike` (unless null): null when the table has no rows,
   * undefined when every row has `unlike`.
   */
  sample(random: RandomStream, unlike: SqlValue): SqlValue | undefined;
}

function referenceSampler(connection: SqlConnection, table: string, column: string): ReferenceSampler {
  const name = `node.${quoteIdentifier(table)}`;
  const selected = quoteIdentifier(column);
  const pick = prepareOnRandomRow(
    connection,
    table,
    (rowid) => `SELECT ${selected} FROM ${name} WHERE rowid = ${rowid}`,
  );
  const draw = (random: RandomStream) => pick.all(randomRowDraws(random))[0]?.[0] ?? null;
  // Prepared at the first draw that met `unlike` every time: it counts the table's rows, O(n).
  let pickOther: SqlStatement | undefined;
  return {
    sample(random, unlike) {
      // Drawing again until the value differs keeps every other row as likely as any.
      for (let attempt = 0; attempt < DRAWS_PER_INSERT; attempt++) {
        const value = draw(random);
        if (unlike === null || value === null || value !== unlike) return value;
      }
      const others = `FROM ${name} WHERE ${selected} IS NOT ?`;
      pickOther ??= connection.prepare(
        `SELECT ${selected} ${others} ORDER BY rowid LIMIT 1 OFFSET CAST(? * (SELECT count(*) ${others}) AS INTEGER)`,
      );
      return pickOther.all([unlike, random.next(), unlike])[0]?.[0];
    },
  };
}

/** How many rows are drawn for one insert whose generated key is already taken before its failure is reported. */
const DRAWS_PER_INSERT = 8;

/**
 * Inserts a generated row. Where its key is taken and every key column's values are few enough
 * to list (`oneOf`, a small `integer` range), the row gets one of the unused keys instead. A key
 * drawn from other tables' rows (an order line of an existing order and product) is drawn
 * again with the rest of its row, a few times at most.
 */
function insertGeneratedRow(workload: TableWorkload, context: GenerationContext): number {
  for (let draw = 1; ; draw++) {
    const row = generateRow(workload, context);
    try {
      return workload.insert.run(row);
    } catch (error) {
      if (!isTakenKey(error)) throw error;
      const unusedKeys = workload.unusedKeys(context.isInitialRow);
      if (unusedKeys) return insertWithUnusedKey(workload, row, unusedKeys);
      if (draw === DRAWS_PER_INSERT) throw new Error(noUnusedKey(workload.table));
    }
  }
}

function insertWithUnusedKey(workload: TableWorkload, row: SqlValue[], unusedKeys: SqlValue[][]): number {
  const { table } = workload;
  if (unusedKeys.length === 0) throw new Error(everyKeyTaken(table));
  const key = workload.random.pick(unusedKeys);
  table.primaryKey.forEach((name, keyColumn) => {
    row[table.columns.findIndex((column) => column.name === name)] = key[keyColumn] as SqlValue;
  });
  return workload.insert.run(row);
}

function everyKeyTaken(table: SystemTable): string {
  return `a new row of ${table.name} found no unused key: every value its generators can give (${table.primaryKey.join(', ')}) was used earlier in this run (a key is never reused); add values to its key's generators or insert fewer rows here`;
}

function noUnusedKey(table: SystemTable): string {
  return `a new row of ${table.name} found no unused key in ${DRAWS_PER_INSERT} draws: every combination of (${table.primaryKey.join(', ')}) drawn was taken; add rows to the tables its key comes from, widen its generators, or insert fewer rows here`;
}

function isTakenKey(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('UNIQUE constraint failed');
}

/** How many random rowids a pick of a random row looks up before it counts its way to one. */
const RANDOM_ROW_TRIES = 12;

/**
 * Selects `selected` of an existing row, each as likely as any other. It looks up random rowids
 * between the smallest and the largest, O(log n) each, and takes the first that is a row; where
 * none is (a table whose keys leave big gaps), it steps to a random row through the rowid order,
 * O(n). Picking the first row after a random point instead would favour the row after a gap:
 * after a key changed from 15 to 9003, that one row took nearly every pick. Takes the parameters
 * `randomRowDraws` gives.
 */
export function randomRowSql(table: string, selected: string): string {
  return `SELECT ${selected} FROM node.${quoteIdentifier(table)} WHERE rowid = ${randomRowidSql(table)}`;
}

/** The rowid `randomRowSql` picks, from its parameters. */
function randomRowidSql(table: string, eligible?: RowCondition): string {
  const name = `node.${quoteIdentifier(table)}`;
  const points = Array.from({ length: RANDOM_ROW_TRIES }, () => '(?)').join(', ');
  const where = eligible ? ` WHERE ${eligible('')}` : '';
  // CROSS JOIN keeps the points outermost, in the order given, so LIMIT 1 takes the first hit.
  const tried = `SELECT row.rowid FROM (VALUES ${points}) AS point CROSS JOIN ${name} AS row ON row.rowid = ${rowidAtSql(table, 'point.column1')}${eligible ? ` AND ${eligible('row.')}` : ''} LIMIT 1`;
  const counted = `SELECT rowid FROM ${name}${where} ORDER BY rowid LIMIT 1 OFFSET CAST(? * (SELECT count(*) FROM ${name}${where}) AS INTEGER)`;
  return `coalesce((${tried}), (${counted}))`;
}

/** An SQL condition on a row's columns, written with `qualifier` before each (`row.` or nothing). */
type RowCondition = (qualifier: string) => string;

/** The rowid at `fraction` (in [0, 1)) of the way from the smallest rowid to the largest; it may be no row's. */
function rowidAtSql(table: string, fraction: string): string {
  const name = `node.${quoteIdentifier(table)}`;
  // max in a SELECT of its own: with min in one SELECT they would scan the table. min is read
  // once for both its uses, where a subquery per use sought it twice.
  return `(SELECT min(rowid) + CAST(${fraction} * ((SELECT max(rowid) FROM ${name}) - min(rowid) + 1) AS INTEGER) FROM ${name})`;
}

/** The parameters of `randomRowSql`: fractions in [0, 1), as many on every pick so a run's draws repeat. */
export function randomRowDraws(random: RandomStream): number[] {
  // A loop, not Array.from: a pick is made for most changes, and Array.from's generic path was a tenth of the workload's JavaScript.
  const draws: number[] = [];
  for (let draw = 0; draw <= RANDOM_ROW_TRIES; draw++) draws.push(random.next());
  return draws;
}

/** A statement on the row `randomRowSql` picks: `params` are its own, bound before the draws. */
export interface RandomRowStatement {
  /** Returns the rows the statement changed. */
  run(draws: readonly number[], params?: readonly SqlValue[]): number;
  all(draws: readonly number[], params?: readonly SqlValue[]): SqlValue[][];
}

/**
 * Prepares `statementSql`, given the SQL of the picked rowid, to run on a random row. It tries
 * the first draw's rowid alone first: where that is a row (always, in a table without gaps), it
 * is the row the whole pick takes, and sql.js binds one number in a sixth of the time it binds
 * thirteen. Where it is no row, the statement changed or read nothing, and the whole pick runs.
 * With `eligible`, only rows it holds for are picked; where none is, none.
 */
export function prepareOnRandomRow(
  connection: SqlConnection,
  table: string,
  statementSql: (rowidSql: string) => string,
  eligible?: RowCondition,
): RandomRowStatement {
  const firstRowid = rowidAtSql(table, '?');
  const firstDraw = connection.prepare(
    statementSql(
      eligible
        ? `(SELECT rowid FROM node.${quoteIdentifier(table)} WHERE rowid = ${firstRowid} AND ${eligible('')})`
        : `(${firstRowid})`,
    ),
  );
  const everyDraw = connection.prepare(statementSql(`(${randomRowidSql(table, eligible)})`));
  return {
    run: (draws, params = []) => firstDraw.run([...params, draws[0] as number]) || everyDraw.run([...params, ...draws]),
    all(draws, params = []) {
      const rows = firstDraw.all([...params, draws[0] as number]);
      return rows.length > 0 ? rows : everyDraw.all([...params, ...draws]);
    },
  };
}

/** A step's run; its failure says what SQLite refused in the scenario's words (`stepFailureMessage`). */
function prepareScriptStep(
  workload: TableWorkload,
  step: ScriptStep,
  reportNoChange: (message: string) => void,
): (now: string) => number {
  const run = prepareStepStatement(workload, step, reportNoChange);
  return (now) => {
    try {
      return run(now);
    } catch (error) {
      const { message } = error as Error;
      const explained = stepFailureMessage(message, step, workload.database.plan.system, workload.table);
      throw explained === message ? error : new Error(explained);
    }
  };
}

function prepareStepStatement(
  workload: TableWorkload,
  step: ScriptStep,
  reportNoChange: (message: string) => void,
): (now: string) => number {
  const { connection } = workload.database;
  const table = `node.${quoteIdentifier(workload.table.name)}`;
  const columnNamed = (name: string) => workload.table.columns.find((column) => column.name === name);
  const { engine } = workload.database.plan.system.database;
  // The database stores a step's number as its column does: cut to a numeric's scale.
  const values = Object.entries(step.values ?? {}).map(
    ([column, value]) => [column, storedInColumn(value, columnNamed(column), engine)] as const,
  );
  const where = Object.entries(step.where ?? {});
  const condition =
    where.length > 0 ? ` WHERE ${where.map(([column]) => `${quoteIdentifier(column)} = ?`).join(' AND ')}` : '';
  const whereValues = where.map(([, value]) => sqlValueOf(value));
  // A step that finds no row changes nothing and writes no change record, as the database's
  // statement would; the run goes on, and the user is told why.
  const changedSome = (changed: number) => {
    if (changed > 0) return changed;
    const matched = where.map(([column, value]) => `${column} = ${JSON.stringify(value)}`).join(' and ');
    reportNoChange(
      where.length > 0
        ? `${step.op} changed no row: no row of ${workload.table.name} has ${matched}`
        : `${step.op} changed no row: ${workload.table.name} is empty`,
    );
    return 0;
  };
  switch (step.op) {
    case 'insert': {
      const columns = workload.table.columns.map((column) => column.name);
      const given = new Map(values.map(([column, value]) => [columns.indexOf(column), sqlValueOf(value)] as const));
      return (now) => workload.insert.run(generateRow(workload, workload.context(now), given));
    }
    case 'update': {
      const update = connection.prepare(
        `UPDATE ${table} SET ${values.map(([column]) => `${quoteIdentifier(column)} = ?`).join(', ')}${condition}`,
      );
      return () => changedSome(update.run([...values.map(([, value]) => sqlValueOf(value)), ...whereValues]));
    }
    case 'delete': {
      const remove = connection.prepare(`DELETE FROM ${table}${condition}`);
      return () => changedSome(remove.run(whereValues));
    }
    case 'truncate':
      return () => workload.database.truncate(workload.table.name);
  }
}

function prepareChangeRate(
  workload: TableWorkload,
  rate: ChangeRate,
  reportNoChange: (message: string) => void,
): (tick: number, now: string, attempt: (operation: () => number) => number) => number {
  const { connection } = workload.database;
  const table = `node.${quoteIdentifier(workload.table.name)}`;
  const updateColumns = rate.updateColumns ?? [];
  const update = updateColumns.length > 0 ? prepareRowUpdate(workload, updateColumns, reportNoChange) : undefined;
  const remove = prepareOnRandomRow(
    connection,
    workload.table.name,
    (rowid) => `DELETE FROM ${table} WHERE rowid = ${rowid}`,
  );
  return (tick, now, attempt) => {
    const context = workload.context(now);
    let changed = 0;
    for (let count = countAt(rate.insertsPerTick, tick); count > 0; count--) {
      changed += attempt(() => insertGeneratedRow(workload, context));
    }
    for (let count = update ? countAt(rate.updatesPerTick, tick) : 0; count > 0; count--) {
      changed += attempt(() => (update as (context: GenerationContext) => number)(context));
    }
    for (let count = countAt(rate.deletesPerTick, tick); count > 0; count--) {
      changed += attempt(() => remove.run(randomRowDraws(workload.random)));
    }
    return changed;
  };
}

/**
 * A rate's update of one random row. Where it sets some of the row's fake people's values (an
 * email, a phone) and leaves others (the name, the country), the row is read first, so that the new
 * values describe the people the row's other values do; otherwise one statement picks and updates it.
 */
function prepareRowUpdate(
  workload: TableWorkload,
  updateColumns: readonly string[],
  reportNoChange: (message: string) => void,
): (context: GenerationContext) => number {
  const { connection } = workload.database;
  const { random, people } = workload;
  const table = `node.${quoteIdentifier(workload.table.name)}`;
  const setters = updateColumns.map((column) => updateSetter(workload, column));
  const eligible = advancingRows(workload, updateColumns);
  const set = `UPDATE ${table} SET ${setters.map((setter) => setter.sql).join(', ')}`;
  const newValues = (context: GenerationContext) => setters.flatMap((setter) => setter.values(context));
  // Where the row is read before it is updated: its rowid and the `columns` asked for.
  const prepareRowRead = (columns: readonly string[]) =>
    prepareOnRandomRow(
      connection,
      workload.table.name,
      (rowid) => `SELECT rowid, ${columnList(columns)} FROM ${table} WHERE rowid = ${rowid}`,
      eligible,
    );
  if (mayLeaveRowsUnchanged(workload, updateColumns)) {
    const pick = prepareRowRead(updateColumns);
    const update = connection.prepare(`${set} WHERE rowid = ?`);
    return (context) => {
      people.nextRow();
      const values = newValues(context);
      const row = pick.all(randomRowDraws(random))[0];
      if (!row) return 0;
      const changed = update.run([...values, row[0] as SqlValue]);
      if (values.some((value, at) => value !== row[at + 1])) return changed;
      // As MySQL counts it: a row the UPDATE left as it was is no changed row, and its binlog has no event for it.
      reportNoChange(unchangedRowText(workload, updateColumns, values));
      return 0;
    };
  }
  const personal = personalColumns(workload);
  const kept = personal.filter(({ column }) => !updateColumns.includes(column));
  if (kept.length === personal.length || kept.length === 0) {
    const update = prepareOnRandomRow(
      connection,
      workload.table.name,
      (rowid) => `${set} WHERE rowid = ${rowid}`,
      eligible,
    );
    return (context) => {
      people.nextRow();
      const values = newValues(context);
      return update.run(randomRowDraws(random), values);
    };
  }
  const pick = prepareRowRead(kept.map(({ column }) => column));
  const update = connection.prepare(`${set} WHERE rowid = ?`);
  return (context) => {
    const row = pick.all(randomRowDraws(random))[0];
    if (!row) return 0;
    const known: KnownFakeValues[] = [];
    kept.forEach(({ what, ordinal }, at) => {
      const value = row[at + 1];
      if (typeof value === 'string') known[ordinal] = { ...known[ordinal], [what]: value };
    });
    people.nextRow((drawn, ordinal) => personAgreeingWith(drawn, known[ordinal] ?? {}, random));
    return update.run([...newValues(context), row[0] as SqlValue]);
  };
}

/**
 * Whether a rate's update may leave its row as it was unseen: on an engine whose log has no event
 * for such an UPDATE (`logsUnchangedRows`), when every column it sets has one value to be set to.
 * Only then is the row read first, to tell the user why the rate sends no update.
 */
function mayLeaveRowsUnchanged(workload: TableWorkload, updateColumns: readonly string[]): boolean {
  if (logsUnchangedRows(connectorEngine(workload.database.plan.system).connector)) return false;
  return updateColumns.every((column) => {
    const generator = workload.generators[workload.table.columns.findIndex((candidate) => candidate.name === column)];
    return generator !== undefined && generator.kind !== 'lifecycle' && distinctValueCount(generator, false) === 1;
  });
}

function unchangedRowText(
  workload: TableWorkload,
  updateColumns: readonly string[],
  values: readonly SqlValue[],
): string {
  const produced = updateColumns.map(
    (column, at) => `the generator of ${column} can only produce ${JSON.stringify(values[at])}`,
  );
  const held = updateColumns.length === 1 ? 'the value the row already held' : 'the values the row already held';
  const engine = workload.database.plan.system.database.engine;
  return `updates changed no row: ${produced.join(' and ')}, ${held}, and ${engine} writes no change event for an UPDATE that changes nothing (PostgreSQL would send an update record)`;
}

/** The table's columns whose fake values describe one of the row's people, with what each holds and of whom. */
function personalColumns(workload: TableWorkload): { column: string; what: PersonalFakeKind; ordinal: number }[] {
  const ordinals = personOrdinals(workload.generators);
  return workload.table.columns.flatMap((column, index) => {
    const generator = workload.generators[index];
    const ordinal = ordinals[index];
    return generator?.kind === 'fake' && isPersonal(generator.what) && ordinal !== undefined
      ? [{ column: column.name, what: generator.what, ordinal }]
      : [];
  });
}

/**
 * The rows a rate's update can move on, where it sets a lifecycle: those at a stage that has a next
 * one in some lifecycle it sets. A row at its last stage would be rewritten unchanged, a change no
 * service makes; where no row can move on, the update changes none.
 */
function advancingRows(workload: TableWorkload, updateColumns: readonly string[]): RowCondition | undefined {
  const lifecycles = updateColumns.flatMap((column) => {
    const generator = workload.generators[workload.table.columns.findIndex((candidate) => candidate.name === column)];
    return generator?.kind === 'lifecycle' ? [{ column, moves: lifecycleMoves(generator.stages) }] : [];
  });
  if (lifecycles.length === 0) return undefined;
  return (qualifier) => {
    const movable = lifecycles.flatMap(({ column, moves }) =>
      moves.length === 0
        ? []
        : [`${qualifier}${quoteIdentifier(column)} IN (${moves.map(({ from }) => stageLiteralSql(from)).join(', ')})`],
    );
    return movable.length > 0 ? `(${movable.join(' OR ')})` : '0';
  };
}

/**
 * Each value a lifecycle moves a row on from, with the stage it moves it to (the first listing of a
 * value decides, as CASE does); a stage of several values is drawn among them per row.
 */
function lifecycleMoves(stages: readonly LifecycleStage[]): { from: SqlValue; to: LifecycleStage }[] {
  const moves = stages
    .slice(1)
    .flatMap((to, at) =>
      drawableValues(stageChoice(stages[at] as LifecycleStage)).map((from) => ({ from: sqlValueOf(from), to })),
    );
  return moves.filter(({ from, to }, at) => !staysAt(from, to) && moves.findIndex((move) => move.from === from) === at);
}

/** Whether a move from `from` to `to` always leaves the row as it was. */
function staysAt(from: SqlValue, to: LifecycleStage): boolean {
  return drawableValues(stageChoice(to)).every((value) => sqlValueOf(value) === from);
}

/**
 * How a rate's update sets a column: a freshly generated value, or for a lifecycle the stage after
 * the row's own (a row at its last stage, or at a value the lifecycle does not list, keeps it).
 */
function updateSetter(
  workload: TableWorkload,
  column: string,
): { sql: string; values: (context: GenerationContext) => SqlValue[] } {
  const index = workload.table.columns.findIndex((candidate) => candidate.name === column);
  const generator = workload.generators[index];
  const name = quoteIdentifier(column);
  if (generator?.kind !== 'lifecycle') {
    return { sql: `${name} = ?`, values: (context) => [workload.values[index]?.(context) ?? null] };
  }
  const moves = lifecycleMoves(generator.stages);
  if (moves.length === 0) return { sql: `${name} = ${name}`, values: () => [] };
  // Stages are constants: written into the SQL where SQLite reads them back exactly, not bound on
  // every update. A stage of several values is bound, drawn for the row the update changes.
  const stageValues = moves.flatMap(({ from, to }) => [() => from, () => sqlValueOf(drawStage(to, workload.random))]);
  const written = moves.flatMap(({ from, to }) => [
    exactLiteralSql(from) ?? '?',
    typeof to === 'object' ? '?' : (exactLiteralSql(sqlValueOf(to)) ?? '?'),
  ]);
  const bound = stageValues.filter((_, at) => written[at] === '?');
  const whens = written.flatMap((sql, at) => (at % 2 === 0 ? [`WHEN ${sql} THEN ${written[at + 1]} `] : []));
  return {
    sql: `${name} = CASE ${name} ${whens.join('')}ELSE ${name} END`,
    values: () => bound.map((value) => value()),
  };
}

/**
 * A stage in a condition, where it cannot be bound: a number sql.js binds as a double written as
 * one (`3000000000.0`), so a column's affinity turns it into the text the stored stage became.
 */
function stageLiteralSql(stage: SqlValue): string {
  const exact = exactLiteralSql(stage);
  if (exact !== undefined) return exact;
  const text = String(stage);
  return /[.e]/i.test(text) ? text : `${text}.0`;
}

/**
 * A value as the SQL literal SQLite reads as the very value sql.js binds: text, NULL, and whole
 * numbers it binds as integers; other numbers, bound as doubles, have none here.
 */
function exactLiteralSql(value: SqlValue): string | undefined {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return quoteLiteral(value);
  if (typeof value === 'number' && value === (value | 0)) return String(value);
  return undefined;
}
