import { type Dataset, historyTableName } from './dataset';
import { columnDefinitions, columnList, isoTimestampSql, quoteIdentifier } from './sql-text';

/**
 * The tables behind a dataset. An entity also gets `_apply_<name>`, a view whose INSTEAD OF
 * triggers apply one change each (`_op` 'd' deletes, anything else upserts) in the order rows
 * are inserted into it, skip changes that change nothing, and keep SCD2 history when asked:
 * `INSERT INTO _apply_x SELECT ... ORDER BY _position` replays a batch exactly, inside SQLite.
 */
export function datasetTableSql(dataset: Dataset): string[] {
  const name = quoteIdentifier(dataset.name);
  const columns = columnDefinitions(dataset.columns);
  if (dataset.kind === 'event') {
    const identity = dataset.key.length > 0 ? [`UNIQUE (${columnList(dataset.key)})`] : [];
    return [`CREATE TABLE node.${name} (${[...columns, ...identity].join(', ')})`];
  }
  const keepsHistory = dataset.keepsHistory;
  return [
    `CREATE TABLE node.${name} (${[...columns, `PRIMARY KEY (${columnList(dataset.key)})`].join(', ')})`,
    ...(keepsHistory ? historyTableSql(dataset) : []),
    `CREATE VIEW node.${applyView(dataset)} AS SELECT NULL AS _op, NULL AS _timestamp, ${dataset.columns
      .map((column) => `NULL AS ${quoteIdentifier(column.name)}`)
      .join(', ')}`,
    applyTriggerSql(dataset, 'delete', [deleteSql(dataset), ...(keepsHistory ? [closeVersionSql(dataset)] : [])]),
    applyTriggerSql(dataset, 'upsert', [upsertSql(dataset), ...(keepsHistory ? openVersionSql(dataset) : [])]),
  ];
}

/** `_apply_<name>`: insert `(_op, _timestamp, ...columns)` rows into it to change the entity. */
export function applyView(dataset: Dataset): string {
  return quoteIdentifier(`_apply_${dataset.name}`);
}

/** One trigger per kind of change, so a row runs only the statements its change needs. */
function applyTriggerSql(dataset: Dataset, change: 'delete' | 'upsert', statements: string[]): string {
  return `CREATE TRIGGER node.${quoteIdentifier(`_apply_${dataset.name}_${change}`)} INSTEAD OF INSERT ON ${applyView(dataset)}
WHEN NEW._op ${change === 'delete' ? '=' : '<>'} 'd' BEGIN
  ${statements.join(';\n  ')};
END`;
}

function nonKeyColumns(dataset: Dataset): string[] {
  return dataset.columns.map((column) => column.name).filter((name) => !dataset.key.includes(name));
}

function sameKey(dataset: Dataset): string {
  return dataset.key.map((name) => `${quoteIdentifier(name)} = NEW.${quoteIdentifier(name)}`).join(' AND ');
}

function deleteSql(dataset: Dataset): string {
  return `DELETE FROM ${quoteIdentifier(dataset.name)} WHERE ${sameKey(dataset)}`;
}

function upsertSql(dataset: Dataset): string {
  const others = nonKeyColumns(dataset);
  const onConflict =
    others.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${others.map((column) => `${quoteIdentifier(column)} = excluded.${quoteIdentifier(column)}`).join(', ')}
      WHERE ${others.map((column) => `${quoteIdentifier(column)} IS NOT excluded.${quoteIdentifier(column)}`).join(' OR ')}`;
  const names = dataset.columns.map((column) => column.name);
  return `INSERT INTO ${quoteIdentifier(dataset.name)} (${columnList(names)}) SELECT ${columnList(names, 'NEW')} WHERE true
    ON CONFLICT (${columnList(dataset.key)}) ${onConflict}`;
}

function historyTableSql(dataset: Dataset): string[] {
  const history = historyTableName(dataset);
  const columns = columnDefinitions(dataset.columns);
  return [
    `CREATE TABLE node.${quoteIdentifier(history)} (${[...columns, 'valid_from TEXT NOT NULL', 'valid_to TEXT', 'is_current INTEGER NOT NULL'].join(', ')})`,
    `CREATE UNIQUE INDEX node.${quoteIdentifier(`${history}_current`)} ON ${quoteIdentifier(history)} (${columnList(dataset.key)}) WHERE is_current = 1`,
  ];
}

/** SCD2: a change ends the current version at its timestamp... */
function closeVersionSql(dataset: Dataset, onlyIfChanged = false): string {
  const changed = nonKeyColumns(dataset).map(
    (column) => `${quoteIdentifier(column)} IS NOT NEW.${quoteIdentifier(column)}`,
  );
  const condition = onlyIfChanged && changed.length > 0 ? ` AND (${changed.join(' OR ')})` : '';
  return `UPDATE ${quoteIdentifier(historyTableName(dataset))} SET valid_to = ${isoTimestampSql('NEW._timestamp')}, is_current = 0
    WHERE is_current = 1 AND ${sameKey(dataset)}${condition}`;
}

/** ...and opens the next one; the unique index on current versions ignores a change that changed nothing. */
function openVersionSql(dataset: Dataset): string[] {
  const names = dataset.columns.map((column) => column.name);
  return [
    closeVersionSql(dataset, true),
    `INSERT OR IGNORE INTO ${quoteIdentifier(historyTableName(dataset))} (${columnList(names)}, valid_from, valid_to, is_current)
    SELECT ${columnList(names, 'NEW')}, ${isoTimestampSql('NEW._timestamp')}, NULL, 1`,
  ];
}
