import { type Dataset, datasetHistoryColumns, historyTableName } from './dataset';
import { columnDefinitions, columnList, isoTimestampSql, quoteIdentifier } from './sql-text';

/**
 * The tables behind a dataset. An entity also gets `_apply_<name>`, a view whose INSTEAD OF
 * triggers apply one change each (`_op` 'd' deletes, 't' empties the table, anything else
 * upserts) in the order rows are inserted into it, skip changes that change nothing, and keep
 * SCD2 history when asked: `INSERT INTO _apply_x SELECT ... ORDER BY _position` replays a batch
 * exactly, inside SQLite. A change whose `_source_position` is not above `_prior` (the last
 * position applied to its key, see `priorPositionSql`) is skipped and counted in `_applied_<name>`.
 */
export function datasetTableSql(dataset: Dataset): string[] {
  const name = quoteIdentifier(dataset.name);
  const columns = columnDefinitions(dataset.columns);
  if (dataset.kind === 'event') {
    const identity = dataset.key.length > 0 ? [`UNIQUE (${columnList(dataset.key)})`] : [];
    return [`CREATE TABLE node.${name} (${[...columns, ...identity].join(', ')})`];
  }
  const keepsHistory = dataset.keepsHistory;
  const tracks = dataset.tracksSourcePositions === true;
  return [
    ...(dataset.keepsCopies
      ? [
          `CREATE TABLE node.${name} (${columns.join(', ')})`,
          `CREATE INDEX node.${quoteIdentifier(`_copies_${dataset.name}`)} ON ${name} (${columnList(dataset.key)})`,
        ]
      : [`CREATE TABLE node.${name} (${[...columns, `PRIMARY KEY (${columnList(dataset.key)})`].join(', ')})`]),
    ...(keepsHistory ? historyTableSql(dataset) : []),
    ...(tracks
      ? [
          `CREATE TABLE node.${appliedTable(dataset)} (skipped INTEGER NOT NULL, truncated_at INTEGER NOT NULL)`,
          `INSERT INTO node.${appliedTable(dataset)} VALUES (0, -1)`,
        ]
      : []),
    `CREATE VIEW node.${applyView(dataset)} AS SELECT NULL AS _op, NULL AS _timestamp, NULL AS _source_position, NULL AS _prior, ${dataset.columns
      .map((column) => `NULL AS ${quoteIdentifier(column.name)}`)
      .join(', ')}`,
    applyTriggerSql(dataset, 'delete', `NEW._op = 'd'`, [
      deleteSql(dataset),
      // A row kept in copies is current while one copy is left.
      ...(keepsHistory
        ? closeVersionSql(dataset, false, dataset.keepsCopies ? ` AND ${copiesSql(dataset, 'NEW')} = 0` : '')
        : []),
    ]),
    // One change's row as VALUES, not as a SELECT: SQLite first copies an INSERT's SELECT into a
    // temporary table where the target has triggers (a published entity's), once per change.
    applyTriggerSql(dataset, 'upsert', `NEW._op NOT IN ('d', 't')`, [
      upsertSql(dataset, quoteIdentifier(dataset.name), `VALUES (${columnList(columnNames(dataset), 'NEW')})`),
      ...(keepsHistory ? openVersionSql(dataset) : []),
    ]),
    applyTriggerSql(dataset, 'truncate', `NEW._op = 't'`, [
      `DELETE FROM ${name}`,
      ...(keepsHistory ? closeAllVersionsSql(dataset) : []),
      ...(tracks ? [`UPDATE ${appliedTable(dataset)} SET truncated_at = NEW._source_position`] : []),
    ]),
    ...(tracks
      ? [
          `CREATE TRIGGER node.${quoteIdentifier(`_apply_${dataset.name}_skip`)} INSTEAD OF INSERT ON ${applyView(dataset)}
WHEN NOT (${FRESH}) BEGIN
  UPDATE ${appliedTable(dataset)} SET skipped = skipped + 1;
END`,
        ]
      : []),
  ];
}

/** `_apply_<name>`: insert `(_op, _timestamp, ...columns)` rows into it to change the entity (`applyTimestampSql`). */
export function applyView(dataset: Dataset): string {
  return quoteIdentifier(`_apply_${dataset.name}`);
}

/**
 * The `_timestamp` of a change at `millisSql` (epoch milliseconds): the ISO text its history
 * versions begin or end at, made once per change as it is inserted, where each trigger statement
 * comparing or writing it made it again (up to four times a change); NULL without history.
 */
export function applyTimestampSql(dataset: Dataset, millisSql: string): string {
  return dataset.keepsHistory ? isoTimestampSql(millisSql) : 'NULL';
}

/** One row per tracked entity: the changes skipped so far, and the position of the last truncate applied. */
export function appliedTable(dataset: Dataset): string {
  return quoteIdentifier(`_applied_${dataset.name}`);
}

const FRESH = 'NEW._source_position IS NULL OR NEW._source_position > NEW._prior';

/**
 * The position a change must beat: the last applied to its key and the last truncate. Read from
 * the raw zone, in `_position` order, the records before it: a record sent again lies within the
 * topic's retention, so the newer changes of its key do too, and the raw zone keeps as many
 * records as the topic. Truncates older than the raw zone are in `_applied_<name>`, or in
 * `olderTruncateSql` for a reader after the fact (see `truncateBeforeRawZoneSql`). `keySql` gives
 * a raw record's key columns.
 */
export function priorPositionSql(
  dataset: Dataset,
  keySql: (name: string) => string,
  positionSql: string,
  olderTruncateSql = `(SELECT truncated_at FROM node.${appliedTable(dataset)})`,
): string {
  const earlier = 'ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING';
  return `max(
    coalesce(max(${positionSql}) OVER (PARTITION BY ${dataset.key.map(keySql).join(', ')} ORDER BY _position ${earlier}), -1),
    coalesce(max(CASE WHEN _op = 't' THEN ${positionSql} END) OVER (ORDER BY _position ${earlier}), -1),
    ${olderTruncateSql})`;
}

/**
 * The last truncate applied, as `priorPositionSql` saw it when the clean step ran, read after the
 * fact: `_applied_<name>` holds the last truncate applied so far, which may be the very record
 * read, or come after it. One still in the raw zone (`raw`) is in the window already; only one
 * older than the raw zone counts from `_applied_<name>`.
 */
export function truncateBeforeRawZoneSql(dataset: Dataset, raw: string): string {
  return `(SELECT CASE WHEN EXISTS (SELECT 1 FROM ${raw} WHERE _op = 't' AND _sequence = truncated_at) THEN -1 ELSE truncated_at END
FROM node.${appliedTable(dataset)})`;
}

/** One trigger per kind of change, so a row runs only the statements its change needs. */
function applyTriggerSql(dataset: Dataset, change: string, when: string, statements: string[]): string {
  const fresh = dataset.tracksSourcePositions ? ` AND (${FRESH})` : '';
  return `CREATE TRIGGER node.${quoteIdentifier(`_apply_${dataset.name}_${change}`)} INSTEAD OF INSERT ON ${applyView(dataset)}
WHEN ${when}${fresh} BEGIN
  ${statements.join(';\n  ')};
END`;
}

function columnNames(dataset: Dataset): string[] {
  return dataset.columns.map((column) => column.name);
}

function nonKeyColumns(dataset: Dataset): string[] {
  return dataset.columns.map((column) => column.name).filter((name) => !dataset.key.includes(name));
}

/** The rows whose key is the `image` row's; a row kept in copies is its whole key, NULLs included. */
function sameKey(dataset: Dataset, image: 'NEW' | 'OLD' = 'NEW'): string {
  const equals = dataset.keepsCopies ? 'IS' : '=';
  return dataset.key
    .map((name) => `${quoteIdentifier(name)} ${equals} ${image}.${quoteIdentifier(name)}`)
    .join(' AND ');
}

/** How many copies of the `image` row the entity holds (see `Dataset.keepsCopies`). */
export function copiesSql(dataset: Dataset, image: 'NEW' | 'OLD'): string {
  return `(SELECT count(*) FROM ${quoteIdentifier(dataset.name)} WHERE ${sameKey(dataset, image)})`;
}

/** Deletes the key's row; of a row kept in copies, one copy, as the source deleted one. */
function deleteSql(dataset: Dataset): string {
  const table = quoteIdentifier(dataset.name);
  if (!dataset.keepsCopies) return `DELETE FROM ${table} WHERE ${sameKey(dataset)}`;
  return `DELETE FROM ${table} WHERE rowid = (SELECT rowid FROM ${table} WHERE ${sameKey(dataset)} LIMIT 1)`;
}

/**
 * Upserts the rows `select` gives (the entity's columns, in its ORDER BY), one after the other:
 * what `_apply_<name>` does for a batch of upserts, without its triggers' cost for every row. For
 * an entity without history, whose upserts write nothing else. `select` needs a WHERE clause, so
 * SQLite does not read ON CONFLICT as a join's ON.
 */
export function upsertRowsSql(dataset: Dataset, select: string): string {
  return upsertSql(dataset, `node.${quoteIdentifier(dataset.name)}`, select);
}

/**
 * Upserts into `table` the rows of `source` (a SELECT, or VALUES); a change that changes nothing
 * writes nothing. An entity kept in copies gets one more copy: its changes are a delete and an insert.
 */
function upsertSql(dataset: Dataset, table: string, source: string): string {
  if (dataset.keepsCopies) return `INSERT INTO ${table} (${columnList(columnNames(dataset))}) ${source}`;
  const others = nonKeyColumns(dataset);
  const onConflict =
    others.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${others.map((column) => `${quoteIdentifier(column)} = excluded.${quoteIdentifier(column)}`).join(', ')}
      WHERE ${others.map((column) => `${quoteIdentifier(column)} IS NOT excluded.${quoteIdentifier(column)}`).join(' OR ')}`;
  return `INSERT INTO ${table} (${columnList(columnNames(dataset))}) ${source}
    ON CONFLICT (${columnList(dataset.key)}) ${onConflict}`;
}

/** The dataset's history columns, quoted for SQL. */
function historySql(dataset: Dataset): { validFrom: string; validTo: string; isCurrent: string } {
  const { validFrom, validTo, isCurrent } = datasetHistoryColumns(dataset);
  return {
    validFrom: quoteIdentifier(validFrom),
    validTo: quoteIdentifier(validTo),
    isCurrent: quoteIdentifier(isCurrent),
  };
}

function historyTableSql(dataset: Dataset): string[] {
  const history = historyTableName(dataset);
  const columns = columnDefinitions(dataset.columns);
  const { validFrom, validTo, isCurrent } = historySql(dataset);
  return [
    `CREATE TABLE node.${quoteIdentifier(history)} (${[...columns, `${validFrom} TEXT NOT NULL`, `${validTo} TEXT`, `${isCurrent} INTEGER NOT NULL`].join(', ')})`,
    `CREATE UNIQUE INDEX node.${quoteIdentifier(`${history}_current`)} ON ${quoteIdentifier(history)} (${columnList(dataset.key)}) WHERE ${isCurrent} = 1`,
    // A change that restores the version its tick ended looks that version up: without this, each change scans the history.
    `CREATE INDEX node.${quoteIdentifier(`${history}_ended`)} ON ${quoteIdentifier(history)} (${columnList(dataset.key)}, ${validTo}) WHERE ${isCurrent} = 0`,
  ];
}

/** SCD2: a change ends the key's current version at its timestamp (`also`: when that holds too)... */
function closeVersionSql(dataset: Dataset, onlyIfChanged = false, also = ''): string[] {
  const changed = nonKeyColumns(dataset).map(
    (column) => `${quoteIdentifier(column)} IS NOT NEW.${quoteIdentifier(column)}`,
  );
  const condition = onlyIfChanged && changed.length > 0 ? ` AND (${changed.join(' OR ')})` : '';
  return endCurrentVersionsSql(dataset, ` AND ${sameKey(dataset)}${condition}${also}`);
}

/** ...a truncate ends every current version... */
function closeAllVersionsSql(dataset: Dataset): string[] {
  return endCurrentVersionsSql(dataset, '');
}

/**
 * Ends the current versions `condition` selects at the change's timestamp. One that began at that
 * instant was superseded at once (changes within a tick share its time): it is dropped, so every
 * version kept has positive length and `valid_from <= t < valid_to` finds one version per key.
 */
function endCurrentVersionsSql(dataset: Dataset, condition: string): string[] {
  const history = quoteIdentifier(historyTableName(dataset));
  const { validFrom, validTo, isCurrent } = historySql(dataset);
  const at = 'NEW._timestamp';
  return [
    `DELETE FROM ${history} WHERE ${isCurrent} = 1${condition} AND ${validFrom} = ${at}`,
    `UPDATE ${history} SET ${validTo} = ${at}, ${isCurrent} = 0 WHERE ${isCurrent} = 1${condition}`,
  ];
}

/**
 * ...and a change opens the next one; the unique index on current versions ignores a change that
 * changed nothing. A change that restores the version its tick ended (a row changed and changed
 * back, or deleted and created again as it was) reopens that version: over the tick nothing changed.
 */
function openVersionSql(dataset: Dataset): string[] {
  const names = dataset.columns.map((column) => column.name);
  const { validFrom, validTo, isCurrent } = historySql(dataset);
  const history = quoteIdentifier(historyTableName(dataset));
  const sameValues = nonKeyColumns(dataset).map(
    (column) => ` AND ${quoteIdentifier(column)} IS NEW.${quoteIdentifier(column)}`,
  );
  return [
    ...closeVersionSql(dataset, true),
    `UPDATE ${history} SET ${validTo} = NULL, ${isCurrent} = 1
    WHERE ${isCurrent} = 0 AND ${validTo} = NEW._timestamp AND ${sameKey(dataset)}${sameValues.join('')}
      AND NOT EXISTS (SELECT 1 FROM ${history} WHERE ${isCurrent} = 1 AND ${sameKey(dataset)})`,
    `INSERT OR IGNORE INTO ${history} (${columnList(names)}, ${validFrom}, ${validTo}, ${isCurrent})
    VALUES (${columnList(names, 'NEW')}, NEW._timestamp, NULL, 1)`,
  ];
}
