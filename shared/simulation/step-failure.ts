import type { OperationalSystem, SystemTable } from '../model/operational-system';
import type { ScriptStep } from '../model/scenario';
import { valueTypeProblem } from './generator-fit';

/**
 * What a scenario step's failure means, in the scenario's words. SQLite says only "datatype
 * mismatch" when a value does not fit a table's single integer key (its rowid, which holds whole
 * numbers only): the message names the system, the table, the column and the value instead.
 * Other failures keep SQLite's message, which names its table and column itself.
 */
export function stepFailureMessage(
  message: string,
  step: ScriptStep,
  system: Pick<OperationalSystem, 'name'>,
  table: SystemTable,
): string {
  const key = rowidColumn(table);
  if (message !== 'datatype mismatch' || !key) return message;
  const value = step.values?.[key.name];
  const misfit =
    (value !== null && value !== undefined && valueTypeProblem(value, key)) ||
    `${value === null ? 'null' : 'a value'} does not fit '${key.name}', the table's integer key`;
  return `system '${system.name}', table '${table.name}': ${misfit} (SQLite's rowid, which holds whole numbers only); the ${step.op} changed nothing`;
}

/** The column SQLite keeps as a table's rowid: the one column of an integer primary key. */
export function rowidColumn(table: SystemTable) {
  const [key, ...more] = table.primaryKey;
  const column = table.columns.find((candidate) => candidate.name === key);
  return more.length === 0 && column?.type === 'integer' ? column : undefined;
}
