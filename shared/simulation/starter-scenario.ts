import { columnOnEngine } from '../model/engine-numeric-digits';
import { uniqueId } from '../model/ids';
import type { Mesh } from '../model/mesh';
import { firstFreeName } from '../model/name-rules';
import type { OperationalSystem, SystemTable } from '../model/operational-system';
import type { ChangeRate, Scenario, TableData, ValueGenerator } from '../model/scenario';
import type { Column } from '../model/table';
import { allowedValueGenerators, contractPropertiesFedBy } from './allowed-values';
import { columnReference } from './column-references';
import type { FakeKind } from './fake-values';
import { defaultGenerator } from './value-generator';

const INITIAL_ROWS = 5;

/** Column names (lower case, without `_`) that read as a kind of fake value. */
const FAKE_BY_NAME: Record<string, FakeKind> = {
  name: 'fullName',
  fullname: 'fullName',
  customername: 'fullName',
  email: 'email',
  emailaddress: 'email',
  street: 'street',
  address: 'street',
  city: 'city',
  country: 'country',
  phone: 'phone',
  phonenumber: 'phone',
  description: 'sentence',
  comment: 'sentence',
};

/**
 * A scenario to start from, generated from what the design holds: every table of every system starts with
 * a few rows, and every table that feeds a topic (CDC or outbox events) gets one insert and, where
 * it has a column besides keys and references, one update per tick, so stepping shows data moving at once. Columns get generators by name where
 * the name says what they hold (`email`, `city`), another table's key they refer to (by a
 * contract's relationship or by name: `animal_id`), the values a contract allows, or else a plausible value of their type, NULL-able columns too, so contracts that
 * require them are kept. Sole keys are left to the engine (they count up). Named `Scenario`, or
 * `Scenario 2`… with an id no scenario of the design has, so it can join those the design holds.
 */
export function starterScenario(mesh: Mesh): Scenario {
  const tables = mesh.systems.flatMap((system) => system.database.tables.map((table) => ({ system, table })));
  const changes = tables
    .filter(({ system, table }) => feedsATopic(system, table))
    .map(({ system, table }) => ({ table, rate: rate(mesh, system, table) }));
  return {
    id: uniqueId('scenario', new Set(mesh.scenarios.map((scenario) => scenario.id))),
    name: firstFreeName(
      'Scenario',
      mesh.scenarios.map((scenario) => scenario.name),
    ),
    description: descriptionOf(changes),
    seed: 1,
    startTime: '2026-01-05T09:00:00.000Z',
    tickMillis: 60_000,
    data: tables.map(({ system, table }) => tableData(mesh, system, table)),
    rates: changes.map(({ rate }) => rate),
    steps: [],
  };
}

/** What was generated, and why a table that changes gets no updates, so a run without `u` records is not a surprise. */
function descriptionOf(changes: readonly { table: SystemTable; rate: ChangeRate }[]): string {
  const rows = `Generated from the design: ${INITIAL_ROWS} rows per table`;
  if (changes.length === 0) return `${rows}; no topic reads a table, so none changes per tick.`;
  const unupdated = changes.filter(({ rate }) => rate.updatesPerTick === 0).map(({ table }) => table);
  if (unupdated.length === 0) return `${rows}, one insert and one update per tick into each table a topic reads.`;
  const updates = unupdated.length < changes.length ? ', and one update where a table has a column to change' : '';
  const reasons = unupdated.map((table, index) => {
    const hasReferences = table.columns.some((column) => !table.primaryKey.includes(column.name));
    const columns = hasReferences ? 'key columns and references to other tables' : 'key columns';
    return `${table.name} ${index === 0 ? 'has ' : ''}only ${columns}`;
  });
  return `${rows}, one insert per tick into each table a topic reads${updates}. No updates: ${reasons.join(', ')}; add columns to see u records.`;
}

function tableData(mesh: Mesh, system: OperationalSystem, table: SystemTable): TableData {
  const allowed = allowedValueGenerators(mesh, system, table.name);
  const unique = new Set(
    contractPropertiesFedBy(mesh, system, table.name)
      .filter((property) => property.unique)
      .map((property) => property.name),
  );
  const generators = Object.fromEntries(
    table.columns.flatMap((column) => {
      const generator =
        allowed.get(column.name) ??
        (unique.has(column.name) ? uniqueGenerator(table, column) : undefined) ??
        generatorFor(mesh, system, table, column);
      return generator ? [[column.name, generator]] : [];
    }),
  );
  return { systemId: system.id, table: table.name, initialRows: INITIAL_ROWS, generators: withLaterTimes(generators) };
}

/** Name parts of a time that comes first (`starts_at`) or last (`ends_at`) in a row. */
const FIRST_TIME_WORDS = new Set(['start', 'starts', 'begin', 'begins', 'from', 'opens', 'created']);
const LAST_TIME_WORDS = new Set(['end', 'ends', 'to', 'until', 'closes', 'finish', 'finishes', 'updated']);

/**
 * A row's times at `now` all read the same instant (a booking ending when it starts): the first
 * (by name, `starts_at` before `ends_at`, else in column order) stays the tick's time, each later
 * one comes a random while after the one before it.
 */
function withLaterTimes(generators: Record<string, ValueGenerator>): Record<string, ValueGenerator> {
  const times = Object.keys(generators)
    .filter((name) => generators[name]?.kind === 'now')
    .sort((a, b) => timeOrder(a) - timeOrder(b));
  const later = times
    .slice(1)
    .map((name, index) => [
      name,
      { kind: 'now', laterByMinutes: { min: 30 + 120 * index, max: 120 * (index + 1) } } satisfies ValueGenerator,
    ]);
  return { ...generators, ...Object.fromEntries(later) };
}

function timeOrder(columnName: string): number {
  const words = columnName.toLowerCase().split(/[^a-z]+/);
  if (words.some((word) => FIRST_TIME_WORDS.has(word))) return 0;
  return words.some((word) => LAST_TIME_WORDS.has(word)) ? 2 : 1;
}

/**
 * A column a contract says is unique, beyond the key, gets values that do not repeat (a run
 * quarantines a repeated one): counted up, or a uuid (cut to the length a contract allows).
 */
function uniqueGenerator(table: SystemTable, column: Column): ValueGenerator | undefined {
  if (table.primaryKey.includes(column.name)) return undefined;
  if (column.type === 'integer') return { kind: 'sequence', start: 1 };
  return column.type === 'text' ? { kind: 'uuid' } : undefined;
}

/** By name where it says what the column holds, else a value of its type even where it may be NULL. */
function generatorFor(
  mesh: Mesh,
  system: OperationalSystem,
  table: SystemTable,
  column: Column,
): ValueGenerator | undefined {
  if (table.primaryKey.includes(column.name)) return keyGenerator(mesh, system, table, column);
  const referenced = columnReference(mesh, system, table, column);
  if (referenced) return { kind: 'reference', ...referenced };
  if (column.type === 'timestamp' || column.type === 'date') return { kind: 'now' };
  const fake = column.type === 'text' ? FAKE_BY_NAME[column.name.toLowerCase().replaceAll('_', '')] : undefined;
  return fake
    ? { kind: 'fake', what: fake }
    : defaultGenerator({ ...columnOnEngine(column, system.database.engine), nullable: false }, false);
}

/**
 * A sole key is left to the engine, which counts it up. In a composite key, a column that refers
 * to another table's key (`columnReference`) draws from that table's rows (a stock level per existing warehouse, an
 * order line of an existing order and product), and the key's other columns count up, so that
 * every row's key stays unique; a key made only of references is kept unique by the engine,
 * which draws a row again when its key is taken.
 */
function keyGenerator(
  mesh: Mesh,
  system: OperationalSystem,
  table: SystemTable,
  column: Column,
): ValueGenerator | undefined {
  if (table.primaryKey.length === 1) return undefined;
  const referenced = columnReference(mesh, system, table, column);
  if (referenced) return { kind: 'reference', ...referenced };
  const keyColumns = table.columns.filter((candidate) => table.primaryKey.includes(candidate.name));
  if (!keyColumns.some((keyColumn) => columnReference(mesh, system, table, keyColumn))) return undefined;
  return column.type === 'integer' ? { kind: 'sequence', start: 1 } : { kind: 'uuid' };
}

function feedsATopic(system: OperationalSystem, table: SystemTable): boolean {
  return (
    (table.cdc &&
      system.messaging.topics.some((topic) => topic.source.kind === 'cdc' && topic.source.table === table.name)) ||
    system.publishes.some((event) => event.table === table.name)
  );
}

function rate(mesh: Mesh, system: OperationalSystem, table: SystemTable): ChangeRate {
  const updateColumns = table.columns
    .filter((column) => !table.primaryKey.includes(column.name) && !columnReference(mesh, system, table, column))
    .map((column) => column.name);
  return {
    systemId: system.id,
    table: table.name,
    insertsPerTick: 1,
    updatesPerTick: updateColumns.length > 0 ? 1 : 0,
    deletesPerTick: 0,
    updateColumns,
  };
}
