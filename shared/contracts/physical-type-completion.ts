import { isMap, isSeq, type Node, parseDocument } from 'yaml';
import { protobufTypesByLogicalType } from './protobuf-types';
import { type RecordFormat, recordFormatOf } from './server-record-format';
import { yamlCursorPath } from './yaml-cursor-path';

/** A server's usual column types, by the ODCS logical type whose values they hold. */
type ColumnTypes = Readonly<Record<string, readonly string[]>>;

const POSTGRES: ColumnTypes = {
  string: ['text', 'varchar', 'char', 'uuid'],
  integer: ['integer', 'bigint', 'smallint'],
  number: ['numeric', 'double precision', 'real'],
  boolean: ['boolean'],
  date: ['date'],
  timestamp: ['timestamptz', 'timestamp'],
  time: ['time'],
  object: ['jsonb', 'json'],
  array: ['jsonb'],
};
const MYSQL: ColumnTypes = {
  string: ['varchar', 'text', 'char'],
  integer: ['int', 'bigint', 'smallint'],
  number: ['decimal', 'double', 'float'],
  boolean: ['boolean'],
  date: ['date'],
  timestamp: ['datetime', 'timestamp'],
  time: ['time'],
  object: ['json'],
  array: ['json'],
};
const SQL_SERVER: ColumnTypes = {
  string: ['nvarchar', 'varchar', 'nchar', 'char'],
  integer: ['int', 'bigint', 'smallint'],
  number: ['decimal', 'float', 'real'],
  boolean: ['bit'],
  date: ['date'],
  timestamp: ['datetimeoffset', 'datetime2'],
  time: ['time'],
  object: ['nvarchar(max)'],
};
const ORACLE: ColumnTypes = {
  string: ['VARCHAR2', 'NVARCHAR2', 'CHAR', 'CLOB'],
  integer: ['NUMBER(10,0)', 'NUMBER(19,0)'],
  number: ['NUMBER', 'BINARY_DOUBLE'],
  boolean: ['NUMBER(1,0)'],
  date: ['DATE'],
  // Oracle's DATE holds a time of day too, to the second: the SQL import reads it as a timestamp.
  timestamp: ['TIMESTAMP WITH TIME ZONE', 'TIMESTAMP', 'DATE'],
  object: ['JSON'],
};
const SNOWFLAKE: ColumnTypes = {
  string: ['VARCHAR'],
  integer: ['NUMBER(38,0)'],
  number: ['NUMBER', 'FLOAT'],
  boolean: ['BOOLEAN'],
  date: ['DATE'],
  timestamp: ['TIMESTAMP_TZ', 'TIMESTAMP_NTZ', 'TIMESTAMP_LTZ'],
  time: ['TIME'],
  object: ['OBJECT', 'VARIANT'],
  array: ['ARRAY'],
};
const BIGQUERY: ColumnTypes = {
  string: ['STRING'],
  integer: ['INT64'],
  number: ['NUMERIC', 'BIGNUMERIC', 'FLOAT64'],
  boolean: ['BOOL'],
  date: ['DATE'],
  timestamp: ['TIMESTAMP', 'DATETIME'],
  time: ['TIME'],
  object: ['STRUCT', 'JSON'],
  array: ['ARRAY'],
};
const SPARK: ColumnTypes = {
  string: ['STRING'],
  integer: ['INT', 'BIGINT', 'SMALLINT'],
  number: ['DECIMAL', 'DOUBLE', 'FLOAT'],
  boolean: ['BOOLEAN'],
  date: ['DATE'],
  timestamp: ['TIMESTAMP', 'TIMESTAMP_NTZ'],
  object: ['STRUCT', 'MAP'],
  array: ['ARRAY'],
};
/** As the Avro import writes them: a logical type after its underlying type (`long/timestamp-millis`). */
const AVRO: ColumnTypes = {
  string: ['string', 'enum', 'string/uuid'],
  integer: ['int', 'long'],
  number: ['double', 'float', 'bytes/decimal'],
  boolean: ['boolean'],
  date: ['int/date'],
  timestamp: ['long/timestamp-millis', 'long/timestamp-micros'],
  time: ['int/time-millis', 'long/time-micros'],
  object: ['record', 'map'],
  array: ['array'],
};
/** As the Protobuf import writes them: a scalar's name, a well-known type's full name (`google.protobuf.Timestamp`). */
const PROTOBUF: ColumnTypes = protobufTypesByLogicalType();
/** The formats of a streaming server's records whose types a column is written in. */
const COLUMN_TYPES_BY_RECORD_FORMAT: Record<RecordFormat, ColumnTypes> = { avro: AVRO, protobuf: PROTOBUF };

const COLUMN_TYPES_BY_SERVER_TYPE: Record<string, ColumnTypes> = {
  postgres: POSTGRES,
  postgresql: POSTGRES,
  redshift: POSTGRES,
  mysql: MYSQL,
  sqlserver: SQL_SERVER,
  synapse: SQL_SERVER,
  oracle: ORACLE,
  snowflake: SNOWFLAKE,
  bigquery: BIGQUERY,
  databricks: SPARK,
  glue: SPARK,
  hive: SPARK,
};
/**
 * The column types to offer for a property's `physicalType` at the cursor: those of the
 * contract's servers (a Postgres server's `timestamptz`, a Kafka server's Avro
 * `long/timestamp-millis` or Protobuf `google.protobuf.Timestamp`), for the property's
 * `logicalType` where it is written. A server that says nothing of its types (an API, a file
 * store) offers none.
 */
export function completePhysicalTypes(text: string, line: number, column: number): string[] {
  const cursor = yamlCursorPath(text, line, column);
  const isOnProperty = cursor.parentPath.length > 2 && cursor.parentPath.at(-1) === '[]';
  if (!cursor.isInValue || cursor.key !== 'physicalType' || !isOnProperty) return [];
  const logicalType = cursor.siblings.get('logicalType')?.replace(/^(["'])(.*)\1$/, '$2');
  const offered = columnTypesOfServers(text).flatMap((types) =>
    logicalType ? (types[logicalType] ?? []) : Object.values(types).flat(),
  );
  return [...new Set(offered)];
}

function columnTypesOfServers(text: string): ColumnTypes[] {
  const servers = parseDocument(text, { prettyErrors: false }).get('servers', true) as Node | undefined;
  if (!isSeq(servers)) return [];
  return servers.items.filter(isMap).flatMap((server) => {
    const type = String(server.get('type') ?? '').toLowerCase();
    // A stream's records are in the format its `format` names: Avro's or Protobuf's types.
    const recordFormat = recordFormatOf({ type, format: server.get('format') });
    if (recordFormat) return [COLUMN_TYPES_BY_RECORD_FORMAT[recordFormat]];
    const types = COLUMN_TYPES_BY_SERVER_TYPE[type];
    return types ? [types] : [];
  });
}
