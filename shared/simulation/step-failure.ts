import type { OperationalSystem, SystemTable } from '../model/operational-system';
import type { ScriptStep } from '../model/scenario';
import { storedValueProblem, valueTypeProblem } from './generator-fit';
import { keepsDocuments } from './record-shape';

/**
 * What a scenario step's failure means, in the scenario's words. SQLite says only "datatype
 * mismatch" when a value does not fit a table's single integer key (its rowid, which holds whole
 * numbers only): the message names the system, the table, the column and the value instead.
 * A key another row has already ("UNIQUE constraint failed: items.id") is told by its value.
 * Other failures keep SQLite's message, which names its table and column itself.
 */
export function stepFailureMessage(
  message: string,
  step: ScriptStep,
  system: Pick<OperationalSystem, 'name'>,
  table: SystemTable,
): string {
  if (message.startsWith(UNIQUE_FAILED)) {
    const columns = message
      .slice(UNIQUE_FAILED.length)
      .split(', ')
      .map((column) => column.slice(column.lastIndexOf('.') + 1));
    return `system '${system.name}', table '${table.name}': ${takenKeyText(columns, step)}, and a table's key is unique; the ${step.op} changed nothing`;
  }
  const key = rowidColumn(table);
  if (message !== 'datatype mismatch' || !key) return message;
  const value = step.values?.[key.name];
  const misfit =
    (value !== null && value !== undefined && valueTypeProblem(value, key)) ||
    `${value === null ? 'null' : 'a value'} does not fit '${key.name}', the table's integer key`;
  return `system '${system.name}', table '${table.name}': ${misfit} (SQLite's rowid, which holds whole numbers only); the ${step.op} changed nothing`;
}

const UNIQUE_FAILED = 'UNIQUE constraint failed: ';

/** The key a step wrote that a row has already: `a row with id = 2 is there already`, by its values where the step gives them. */
function takenKeyText(columns: readonly string[], step: ScriptStep): string {
  // An update keeps the columns it does not set as its `where` found them.
  const written: Record<string, unknown> = { ...step.where, ...step.values };
  if (!columns.every((column) => column in written)) return `a row with this ${columns.join(', ')} is there already`;
  return `a row with ${columns.map((column) => `${column} = ${JSON.stringify(written[column])}`).join(' and ')} is there already`;
}

/** The column SQLite keeps as a table's rowid: the one column of an integer primary key. */
export function rowidColumn(table: SystemTable) {
  const [key, ...more] = table.primaryKey;
  const column = table.columns.find((candidate) => candidate.name === key);
  return more.length === 0 && column?.type === 'integer' ? column : undefined;
}

/** A value of a step's `values` or `where` that its column's type does not take. */
export interface StepValueMisfit {
  entry: 'values' | 'where';
  column: string;
  message: string;
}

/**
 * The values a step writes or matches that the database refuses for their column's type, as
 * PostgreSQL refuses `'lots'` for an integer (SQLite alone would store it and publish it): on a
 * relational database every column's; on MongoDB, which stores a field as given, only the
 * rowid's, which SQLite refuses or matches no row with.
 */
export function stepValueMisfits(system: OperationalSystem, table: SystemTable, step: ScriptStep): StepValueMisfit[] {
  const key = rowidColumn(table);
  const checked = keepsDocuments(system) ? (key ? [key] : []) : table.columns;
  return (['values', 'where'] as const).flatMap((entry) =>
    checked.flatMap((column) => {
      const value = step[entry]?.[column.name];
      const message =
        value !== null && value !== undefined && storedValueProblem(value, column, system.database.engine);
      return message ? [{ entry, column: column.name, message }] : [];
    }),
  );
}
