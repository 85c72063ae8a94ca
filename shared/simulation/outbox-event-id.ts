import { holdsUuids } from '../contracts/uuid-strings';
import type { ContractProperty } from '../model/contract';
import { utf8Bytes } from '../model/utf8-bytes';
import { murmur2 } from './kafka-partitioner';
import { quoteLiteral } from './sql-text';

/**
 * How the outbox relay writes an event's id, as the event's contract types `event_id`: the event's
 * name and its number (`OrderPlaced-7`), the number alone for a number, or a UUID for
 * `format: uuid` or `physicalType: uuid` (holdsUuids; Debezium's outbox table keys its rows by a UUID), so the relay's own value keeps
 * the contract that the port publishing the event checks, and the exported table and JSON Schema hold it.
 */
export type EventIdForm = 'named' | 'number' | 'uuid';

export function eventIdForm(property: ContractProperty | undefined): EventIdForm {
  if (property?.logicalType === 'integer' || property?.logicalType === 'number') return 'number';
  if (property && holdsUuids(property)) return 'uuid';
  return 'named';
}

/**
 * The SQL of the id of the event numbered `sequenceSql` on the outbox topic `logName`
 * (`<system>/<topic>`), of the event `eventName`. A UUID is version 4 in form, in lower case as
 * PostgreSQL writes one: 18 digits around its version and variant stand for the topic, its last 12 the event's
 * number, so no two events of a mesh share one and a redelivered copy keeps its event's.
 */
export function eventIdSql(form: EventIdForm, eventName: string, logName: string, sequenceSql: string): string {
  if (form === 'number') return sequenceSql;
  if (form === 'named') return `printf('%s-%d', ${quoteLiteral(eventName)}, ${sequenceSql})`;
  const digits = topicDigits(logName);
  const prefix = `${digits.slice(0, 8)}-${digits.slice(8, 12)}-4${digits.slice(12, 15)}-8${digits.slice(15, 18)}-`;
  return `${quoteLiteral(prefix)} || printf('%012x', ${sequenceSql})`;
}

/** 18 hex digits that stand for the topic: murmur2 of its name, and of its name with a NUL after. */
function topicDigits(logName: string): string {
  const hex = (bytes: number[]) => (murmur2(bytes) >>> 0).toString(16).padStart(8, '0');
  const bytes = utf8Bytes(logName);
  return `${hex(bytes)}${hex([...bytes, 0])}${hex([...bytes, 0, 0])}`;
}
