import type { SchemaObject } from '../../model/contract';
import type { SqlAppendOnlyTrigger } from './sql-dump';
import type { HistoryTable } from './sql-history-tables';
import type { SqlNote } from './sql-tokens';

/*
 * The SQL export makes each table of an event contract append-only: triggers calling
 * reject_change_of_event refuse UPDATE, DELETE and TRUNCATE (postgres-tables.ts). Read back,
 * a file whose every table (history tables aside) is so is an event contract. An event never
 * changes, so keeps no history: the export writes none beside it, and one written by hand is let go.
 */

export interface AppendOnlyTablesRead {
  /** Every table is append-only: the contract is an event. */
  isEvent: boolean;
  /** Why append-only tables did not make the contract an event, each at its table's first such trigger. */
  notes: SqlNote[];
}

export function readAppendOnlyTables(
  objects: readonly SchemaObject[],
  triggers: readonly SqlAppendOnlyTrigger[],
): AppendOnlyTablesRead {
  const firstTrigger = (object: SchemaObject) => triggers.find((trigger) => trigger.table === object.name);
  const appendOnly = objects.filter(firstTrigger);
  const others = objects.filter((object) => !firstTrigger(object));
  if (appendOnly.length === 0 || others.length === 0) return { isEvent: appendOnly.length > 0, notes: [] };
  const why = `${others.map(({ name }) => name).join(', ')} ${others.length === 1 ? 'is' : 'are'} not: a contract is an event in all its tables or none, so it is imported as an entity`;
  const notes = appendOnly.map((object) => ({
    path: object.name,
    offset: firstTrigger(object)?.offset ?? 0,
    message: `${object.name} is append-only as the SQL export writes an event table, but ${why}`,
  }));
  return { isEvent: false, notes };
}

/** Why each history table of a file read as an event is not imported. */
export function historyOfEventNotes(historyTables: readonly HistoryTable[]): { table: string; message: string }[] {
  return historyTables.map(({ table, history }) => ({
    table: history,
    message: `${history} is the history table of ${table} as the SQL export writes it, but ${table} is append-only: an event never changes, so it keeps no history, and ${history} is not imported`,
  }));
}
