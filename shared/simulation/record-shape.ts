import { connectorEngine } from '../model/connector-topics';
import type { OperationalSystem } from '../model/operational-system';
import { epochMillisSql, isDateTextSql } from './date-text-sql';
import { exactNumber, parseExactJson } from './exact-json';
import { changedFields } from './record-diff';
import { quoteLiteral } from './sql-text';
import type { TableColumn } from './table-column';

/*
 * The two shapes Debezium's connectors give a change record. `row` (the relational connectors):
 * key `{"order_id":1000}`, `before` and `after` as objects of the row's columns. `document`
 * (MongoDB's connector, capture mode `change_streams_update_full`): key `{"id":"1000"}`, the
 * document's `_id` as extended JSON text; `after` the whole document as extended JSON text;
 * `before` null (no pre-images); an update's changed fields in `updateDescription`.
 * A log keeps every record as columns whatever its shape, so consumers copy the same columns for
 * both; the shape decides only the JSON a record is read as (encoded here in SQL) and how a view
 * reads a record's images back from that JSON (`changeImages`).
 */
export type RecordShape = 'row' | 'document';

export function recordShape(connector: string): RecordShape {
  return connector === 'mongodb' ? 'document' : 'row';
}

/** Whether a system's database keeps documents (MongoDB) rather than rows. */
export function keepsDocuments(system: OperationalSystem): boolean {
  return recordShape(connectorEngine(system).connector) === 'document';
}

/**
 * A value as MongoDB's Java driver writes it in its strict extended JSON, which Debezium uses for
 * `after` (`JsonSerialization.COMPACT_JSON_SETTINGS`): SQLite's 64-bit integers as Int64
 * (`{"$numberLong": "1004"}`), NUMERIC columns as Decimal128 (`{"$numberDecimal": "9.50"}`),
 * date and timestamp columns as BSON dates (`{"$date": 1767603600000}`, the strict mode's epoch
 * milliseconds), JSON objects and arrays as embedded documents and arrays, booleans as true/false, reals and text as JSON, bytes as their hex digits.
 */
function strictValueSql(column: TableColumn, valueSql: string): string {
  const plain = `CASE typeof(${valueSql}) WHEN 'null' THEN 'null' WHEN 'integer' THEN '{"$numberLong": "' || ${valueSql} || '"}' WHEN 'blob' THEN json_quote(hex(${valueSql})) ELSE json_quote(${valueSql}) END`;
  if (column.isBoolean) return `CASE ${valueSql} WHEN 1 THEN 'true' WHEN 0 THEN 'false' ELSE ${plain} END`;
  if (column.temporal !== undefined) {
    return `CASE WHEN ${isDateTextSql(valueSql)} THEN '{"$date": ' || ${epochMillisSql(valueSql)} || '}' ELSE ${plain} END`;
  }
  if (column.holdsJson) return embeddedOrPlainSql(valueSql, 'strict', plain);
  if (column.type === 'NUMERIC') {
    return `CASE WHEN typeof(${valueSql}) IN ('integer', 'real') THEN '{"$numberDecimal": "' || ${valueSql} || '"}' ELSE ${plain} END`;
  }
  return plain;
}

/**
 * A value as the driver writes it in its relaxed extended JSON, which Debezium uses for the key:
 * numbers and text as JSON, booleans as true/false, JSON objects and arrays embedded, a BSON date as ISO-8601 text in UTC with the
 * fraction Java's `ISO_OFFSET_DATE_TIME` gives (`{"$date": "2026-01-05T09:00:00.5Z"}`), or as
 * canonical milliseconds outside the years 1970 to 9999.
 */
function relaxedValueSql(column: TableColumn, valueSql: string): string {
  const plain = `json_quote(${valueSql})`;
  if (column.isBoolean) return `CASE ${valueSql} WHEN 1 THEN 'true' WHEN 0 THEN 'false' ELSE ${plain} END`;
  if (column.holdsJson) return embeddedOrPlainSql(valueSql, 'relaxed', plain);
  if (column.temporal === undefined) return plain;
  const millis = epochMillisSql(valueSql);
  const fraction = `CASE WHEN ${millis} % 1000 = 0 THEN '' ELSE '.' || rtrim(printf('%03d', ${millis} % 1000), '0') END`;
  const iso = `strftime('%Y-%m-%dT%H:%M:%S', ${millis} / 1000, 'unixepoch') || ${fraction} || 'Z'`;
  return `CASE WHEN NOT ${isDateTextSql(valueSql)} THEN ${plain}
    WHEN ${millis} BETWEEN 0 AND ${LAST_MILLISECOND_OF_9999} THEN '{"$date": "' || ${iso} || '"}'
    ELSE '{"$date": {"$numberLong": "' || ${millis} || '"}}' END`;
}

/**
 * JSON text holding an object or an array as the embedded document or array a MongoDB service
 * stores (`{"to": "Zürich","n": 1}`, `["a",2]`), in the driver's layout; other values as `plain`.
 * Whole numbers are what the driver parses JSON into, Int32 or, beyond it, Int64, which only the
 * strict mode wraps (`{"$numberLong": "3000000000"}`); other numbers are doubles.
 */
function embeddedOrPlainSql(valueSql: string, mode: 'strict' | 'relaxed', plain: string): string {
  return `CASE WHEN json_valid(${valueSql}) AND json_type(${valueSql}) IN ('object', 'array') THEN ${embeddedJsonSql(valueSql, mode)} ELSE ${plain} END`;
}

/**
 * Rebuilt from `json_tree`, whose nodes come in document order: each node writes its comma, its
 * name and its value or opening bracket; a document or array closes after the last node inside it,
 * inner ones first.
 */
function embeddedJsonSql(valueSql: string, mode: 'strict' | 'relaxed'): string {
  const tree = (alias: string) => `json_tree(${valueSql}) AS ${alias}`;
  const integer =
    mode === 'strict'
      ? `CASE WHEN node.atom BETWEEN -2147483648 AND 2147483647 THEN CAST(node.atom AS TEXT) ELSE '{"$numberLong": "' || node.atom || '"}' END`
      : 'CAST(node.atom AS TEXT)';
  const isInside = (outer: string, inner: string) =>
    `(${inner}.fullkey = ${outer}.fullkey OR substr(${inner}.fullkey, 1, length(${outer}.fullkey) + 1) IN (${outer}.fullkey || '.', ${outer}.fullkey || '['))`;
  return `(SELECT group_concat(chunk, '' ORDER BY place, closes, depth DESC) FROM (
    SELECT node.id AS place, 0 AS closes, 0 AS depth,
      CASE WHEN node.id > (SELECT min(sibling.id) FROM ${tree('sibling')} WHERE sibling.parent = node.parent) THEN ',' ELSE '' END
      || CASE WHEN parent.type = 'object' THEN json_quote(node.key) || ': ' ELSE '' END
      || CASE node.type WHEN 'object' THEN '{' WHEN 'array' THEN '[' WHEN 'integer' THEN ${integer}
        WHEN 'real' THEN json_quote(node.atom) WHEN 'text' THEN json_quote(node.atom)
        ELSE node.type /* true, false, null */ END AS chunk
    FROM ${tree('node')} LEFT JOIN ${tree('parent')} ON parent.id = node.parent
    UNION ALL
    SELECT (SELECT max(inside.id) FROM ${tree('inside')} WHERE inside.id >= node.id AND ${isInside('node', 'inside')}),
      1, length(node.fullkey), CASE node.type WHEN 'object' THEN '}' ELSE ']' END
    FROM ${tree('node')} WHERE node.type IN ('object', 'array')))`;
}

/** 9999-12-31T23:59:59.999Z: the relaxed mode writes later dates, and earlier than 1970, as milliseconds. */
const LAST_MILLISECOND_OF_9999 = 253402300799999;

/** `"name": value` pairs joined as the driver joins them with no indent or newline: `{"a": 1,"b": 2}`. */
function documentSql(pairs: readonly string[]): string {
  return pairs.length === 0 ? `'{}'` : `'{' || ${pairs.join(` || ',' || `)} || '}'`;
}

function pairSql(name: string, valueSql: string): string {
  return `${quoteLiteral(`${JSON.stringify(name)}: `)} || ${valueSql}`;
}

/** The field MongoDB keeps each document's identity in. */
export const DOCUMENT_ID = '_id';

/**
 * A document's `_id`: its table's primary key, the key column's value or, for a compound key, a
 * document of the key columns in key order, so the record key, `after._id` and a consumer's entity
 * all key on one thing. Undefined for a table without a key.
 */
function idValueSql(
  columns: readonly TableColumn[],
  key: readonly string[],
  columnSql: (name: string) => string,
  valueSql: (column: TableColumn, sql: string) => string,
): string | undefined {
  const keyColumns = key.flatMap((name) => columns.filter((column) => column.name === name));
  const [only] = keyColumns;
  if (only === undefined) return undefined;
  if (keyColumns.length === 1) return valueSql(only, columnSql(only.name));
  return documentSql(keyColumns.map((column) => pairSql(column.name, valueSql(column, columnSql(column.name)))));
}

/** How a column is named in a document: as it is, or, after a column was renamed at the source, by its new name. */
export type FieldName = (column: string) => string;

const asItIs: FieldName = (column) => column;

/**
 * `after`: the document as strict extended JSON text, `_id` first, then the other columns in
 * table order, each read by `columnSql`. A column named `_id` is not written again: it is the
 * key, or part of it, or (see `idColumnProblem`) left out; a table without a key has it as its `_id`.
 */
export function documentTextSql(
  columns: readonly TableColumn[],
  key: readonly string[],
  columnSql: (name: string) => string,
  fieldName: FieldName = asItIs,
): string {
  const idColumn = columns.find((column) => column.name === DOCUMENT_ID);
  const id =
    idValueSql(columns, key, columnSql, strictValueSql) ??
    (idColumn && strictValueSql(idColumn, columnSql(idColumn.name)));
  const fields = columns
    .filter((column) => column !== idColumn)
    .map((column) => pairSql(fieldName(column.name), strictValueSql(column, columnSql(column.name))));
  return documentSql([...(id === undefined ? [] : [pairSql(DOCUMENT_ID, id)]), ...fields]);
}

/** Why a change to a MongoDB table's primary key is refused: MongoDB never changes a document's `_id`. */
export function documentIdChangeProblem(table: string, key: readonly string[]): string {
  return `MongoDB refuses to change a document's ${DOCUMENT_ID}, which is the primary key of '${table}' (${key.join(', ')}): delete the document and insert a new one instead`;
}

/**
 * Why a MongoDB table's column named `_id` is left out of its documents: it is not in the table's
 * primary key, which a document's `_id` is. Undefined when it is, or when the table has no key.
 */
export function idColumnProblem(columnNames: readonly string[], key: readonly string[]): string | undefined {
  if (!columnNames.includes(DOCUMENT_ID) || key.length === 0 || key.includes(DOCUMENT_ID)) return undefined;
  return `column '${DOCUMENT_ID}' is not in the primary key, which is a MongoDB document's _id, so its records leave it out`;
}

/**
 * `updateDescription.updatedFields`: the fields an update set to a new value, as strict extended
 * JSON text (`{"price": 20.0}`); MongoDB reports `$set`s, so a field set to null is one of them.
 * Never `_id`: a change of the key is a delete and a create.
 */
export function updatedFieldsSql(
  columns: readonly TableColumn[],
  beforeSql: (name: string) => string,
  afterSql: (name: string) => string,
  fieldName: FieldName = asItIs,
): string {
  const fields = columns
    .filter((column) => column.name !== DOCUMENT_ID)
    .map((column) => {
      const before = beforeSql(column.name);
      const after = afterSql(column.name);
      return `CASE WHEN ${before} IS NOT ${after} THEN ',' || ${pairSql(fieldName(column.name), strictValueSql(column, after))} ELSE '' END`;
    });
  return fields.length === 0 ? `'{}'` : `'{' || substr(${fields.join(' || ')}, 2) || '}'`;
}

/**
 * The record key of a document: `{"id": <_id as relaxed extended JSON text>}`, as Debezium's
 * `JsonSerialization.getDocumentIdChangeStream` writes it (relaxed mode: `"1004"` for a number,
 * `"\"abc\""` for text); no key, no `_id`, no key.
 */
export function documentKeySql(
  columns: readonly TableColumn[],
  key: readonly string[],
  columnSql: (name: string) => string,
): string {
  const id = idValueSql(columns, key, columnSql, relaxedValueSql);
  // `|| ''` makes the JSON text plain text, which json_object then writes as a string.
  return id === undefined ? 'NULL' : `json_object('id', ${id} || '')`;
}

/** A change's images as a view shows them, whatever the record's shape. */
export interface ChangeImages {
  op: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  source: Record<string, unknown>;
  /** A document update's `updateDescription.updatedFields`, plain. */
  updated?: Record<string, unknown>;
}

/**
 * Reads a record value's images back, or undefined for what is no change event (a tombstone, a
 * flat record): a document's `after` text parsed and its extended JSON made plain values, as a
 * consumer of MongoDB's records unwraps them before loading them into tables.
 */
export function changeImages(value: unknown): ChangeImages | undefined {
  if (typeof value !== 'object' || value === null || !('op' in value) || !('source' in value)) return undefined;
  const envelope = value as {
    op: string;
    before?: unknown;
    after?: unknown;
    source: Record<string, unknown>;
    updateDescription?: { updatedFields?: unknown } | null;
  };
  const updated = imageOf(envelope.updateDescription?.updatedFields);
  return {
    op: envelope.op,
    before: imageOf(envelope.before),
    after: imageOf(envelope.after),
    source: envelope.source,
    ...(updated && { updated }),
  };
}

/** When a Debezium envelope says its change was made (`source.ts_ms`) and processed (`ts_ms`), in epoch milliseconds; undefined for what is no envelope. */
export function envelopeTimes(value: unknown): { 'source.ts_ms': number; ts_ms: number } | undefined {
  const envelope = changeImages(value);
  const processedAt = (value as { ts_ms?: unknown } | null)?.ts_ms;
  const madeAt = envelope?.source.ts_ms;
  if (typeof madeAt !== 'number' || typeof processedAt !== 'number') return undefined;
  return { 'source.ts_ms': madeAt, ts_ms: processedAt };
}

/** The fields an update changed: those its before and after images differ in, or a document update's updated fields. */
export function updatedFields(images: ChangeImages): string[] {
  return images.updated ? Object.keys(images.updated) : changedFields(images.before, images.after);
}

/**
 * The key columns a document's record key names (`{"id":"1004"}` → `{order_id: 1004}`): what a
 * consumer knows of a deleted document, whose record carries no image.
 */
export function documentKeyFields(key: unknown, keyColumns: readonly string[]): Record<string, unknown> {
  const value = documentIdOf(key);
  if (value === undefined || keyColumns.length === 0) return {};
  if (keyColumns.length === 1) return { [keyColumns[0] as string]: value };
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The `_id` a document's record key holds (`{"id":"1004"}` → 1004), plain; undefined for any other key. */
export function documentIdOf(key: unknown): unknown {
  const id = (key as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? plainValue(parseExactJson(id)) : undefined;
}

function imageOf(image: unknown): Record<string, unknown> | null {
  if (image === null || image === undefined) return null;
  if (typeof image === 'string') return plainValue(parseExactJson(image)) as Record<string, unknown>;
  return image as Record<string, unknown>;
}

/**
 * A value of extended JSON as the plain value a table holds: `$numberLong` and `$numberInt` as
 * integers (past 2^53 a bigint, exact as the table holds it), `$numberDouble` as a number,
 * `$numberDecimal` as a number where it round-trips (else its text), `$date` as ISO-8601 text,
 * `$oid` as its hex text; documents and arrays value by value.
 */
export function plainValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [wrapper, inner] = entries[0] as [string, unknown];
    switch (wrapper) {
      case '$numberLong':
      case '$numberInt':
        return exactNumber(String(inner));
      case '$numberDouble':
        return Number(inner);
      case '$numberDecimal':
        return String(Number(inner)) === inner ? Number(inner) : inner;
      case '$oid':
        return inner;
      case '$date':
        return dateText(inner);
    }
  }
  return Object.fromEntries(entries.map(([name, field]) => [name, plainValue(field)]));
}

/** `$date` in any of its forms: milliseconds (strict), ISO text (relaxed), `{"$numberLong": ms}` (canonical). */
function dateText(date: unknown): unknown {
  const millis = typeof date === 'object' && date !== null ? plainValue(date) : date;
  if (typeof millis === 'number') return new Date(millis).toISOString();
  return millis;
}
