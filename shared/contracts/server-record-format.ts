import { asArray, asObject, isStreamingServerType } from './odcs-document';

/** The formats of a stream's records whose own types a field's physicalType is written in, as their imports write them. */
export type RecordFormat = 'avro' | 'protobuf';

const RECORD_FORMATS: readonly RecordFormat[] = ['avro', 'protobuf'];

/** The record format of an ODCS server that streams Avro or Protobuf records (a Kafka server of `format: avro`); none for any other. */
export function recordFormatOf(server: { type?: unknown; format?: unknown }): RecordFormat | undefined {
  if (!isStreamingServerType(server.type)) return undefined;
  const format = String(server.format ?? '').toLowerCase();
  return RECORD_FORMATS.find((known) => known === format);
}

/**
 * The types a contract's physicalTypes are read in where a name means otherwise than in SQL: a
 * stream's record format (Avro's `float` is 32 bits), Oracle's, whose FLOAT(p) is a NUMBER of p
 * binary digits, no IEEE float, or MySQL's, whose REAL is a 64-bit DOUBLE and bare FLOAT 32 bits.
 */
export type TypeDialect = RecordFormat | 'oracle' | 'mysql';

/** The databases whose types are a dialect of their own, by their ODCS server type. */
const DATABASE_DIALECTS: ReadonlyMap<string, TypeDialect> = new Map([
  ['oracle', 'oracle'],
  ['mysql', 'mysql'],
]);

/**
 * The one type dialect a contract's `servers` store its data in, when every server is of it (every
 * one streams Avro records, or is an Oracle or a MySQL database). None without servers, or with any
 * other server (a database's `float` may be 64 bits where Avro's is 32).
 */
export function typeDialectOfServers(servers: unknown): TypeDialect | undefined {
  const dialects = new Set(asArray(servers).map((server) => typeDialectOf(asObject(server))));
  const [only] = dialects;
  return dialects.size === 1 ? only : undefined;
}

function typeDialectOf(server: { type?: unknown; format?: unknown }): TypeDialect | undefined {
  return DATABASE_DIALECTS.get(String(server.type).toLowerCase()) ?? recordFormatOf(server);
}
