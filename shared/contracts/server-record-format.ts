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
 * The one record format a contract's `servers` store its data in, when every server streams
 * records of it: then its physicalTypes are that format's types. None without servers, or with
 * any other server (a database's `float` may be 64 bits where Avro's is 32).
 */
export function recordFormatOfServers(servers: unknown): RecordFormat | undefined {
  const formats = new Set(asArray(servers).map((server) => recordFormatOf(asObject(server))));
  const [only] = formats;
  return formats.size === 1 ? only : undefined;
}
