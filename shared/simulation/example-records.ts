import type { DatasetKind } from '../model/contract';
import type { LogMessage } from './broker-log';
import { exactJsonText } from './exact-json';

/** How far back a port's log is read for its examples: an entity updated often fills it with versions. */
export const EXAMPLE_SCAN_RECORDS = 1000;

/**
 * A port's example records from its log read newest first: events as published; an entity once per
 * key, as it is now (its newest record), and not at all once its newest record deletes it.
 */
export function exampleRecords(newestFirst: readonly LogMessage[], kind: DatasetKind, limit: number): LogMessage[] {
  if (kind === 'event') return newestFirst.filter((message) => message.value !== null).slice(0, limit);
  const seenKeys = new Set<string>();
  const examples: LogMessage[] = [];
  for (const message of newestFirst) {
    const key = exactJsonText(message.key);
    if (seenKeys.has(key)) continue;
    seenKeys.add(key);
    if (message.value !== null) examples.push(message);
    if (examples.length === limit) break;
  }
  return examples;
}
