import { columnNameOf } from '../../contracts/physical-names';
import { onceFilled } from './once-filled';
import { ident, qualified, sqlComment } from './postgres-names';
import {
  columnNames,
  currentIndexName,
  historyIndexStatements,
  type PostgresTable,
  primaryKeyName,
  versionsIndexName,
} from './postgres-tables';

export interface KeyChange {
  /** The table as it is now. */
  after: PostgresTable;
  /** The key the table had, its columns by their names now. */
  previousKey: readonly string[];
  /** The new key's columns rows may have no value in: added to the table, or optional before. */
  keyColumnsMaybeEmpty: readonly string[];
  keepsHistory: boolean;
}

/**
 * The statements that give a table its changed primary key, and its history table the indexes on
 * it, once the old key and indexes are dropped. Rows written before a key column was added (or
 * required) may have no value in it, which the key cannot take: then the old key and indexes are
 * put back (none if there was no key, or one of its columns is gone) and a warning names the
 * statements to run once the rows are filled.
 */
export function primaryKeyStatements({ after, previousKey, keyColumnsMaybeEmpty, keepsHistory }: KeyChange): string[] {
  const target = qualified(after.schema, after.name);
  const keyOf = (table: PostgresTable) => [
    `ALTER TABLE ${target} ADD CONSTRAINT ${ident(primaryKeyName(table.name))} PRIMARY KEY (${columnNames(table.primaryKey)});`,
    ...(keepsHistory ? historyIndexStatements(table) : []),
  ];
  const newKey = keyOf(after);
  if (keyColumnsMaybeEmpty.length === 0) return newKey;

  const columns = new Map(after.columns.map((property) => [columnNameOf(property), property]));
  const isOldKeyKept = previousKey.length > 0 && previousKey.every((column) => columns.has(column));
  const meanwhile = isOldKeyKept ? keyOf({ ...after, primaryKey: [...previousKey] }) : [];
  // The old key made its columns NOT NULL again; those now optional and out of the key lose it with the key.
  const leavingOptional = previousKey.filter(
    (column) => !after.primaryKey.includes(column) && columns.get(column)?.required === false,
  );
  const undoMeanwhile = isOldKeyKept
    ? [
        `ALTER TABLE ${target} DROP CONSTRAINT ${ident(primaryKeyName(after.name))};`,
        ...(keepsHistory
          ? [currentIndexName(after), versionsIndexName(after)].map(
              (index) => `DROP INDEX ${qualified(after.schema, index)};`,
            )
          : []),
        ...leavingOptional.map((column) => `ALTER TABLE ${target} ALTER COLUMN ${ident(column)} DROP NOT NULL;`),
      ]
    : [];
  const keyNow = isOldKeyKept ? `the key stays (${columnNames(previousKey)})` : 'the table has no primary key';
  return [
    sqlComment(
      `the primary key becomes (${after.primaryKey.join(', ')}) once every row has a value in it (a warning says when not)`,
    ),
    onceFilled({
      target,
      columns: keyColumnsMaybeEmpty,
      statements: newKey,
      meanwhile,
      later: [...undoMeanwhile, ...newKey],
      warning: (later) =>
        `${target}: the primary key (${columnNames(after.primaryKey)}) needs a value in ${columnNames(keyColumnsMaybeEmpty)} in every row, and some rows have none: ${keyNow} until you fill them, then run ${later}`,
    }),
  ];
}
