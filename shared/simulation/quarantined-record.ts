import { exactJsonText, parseExactJson } from './exact-json';

/**
 * A quarantined record (the JSON the quarantine stores) told by its key's values, `12` or
 * `A · 12` in the key's order: what tells one record from the next in a grid as narrow as a side
 * panel. Undefined when the key is unknown or the text is not a record holding it.
 */
export function quarantinedRecordKey(record: unknown, key: readonly string[]): string | undefined {
  if (typeof record !== 'string' || key.length === 0) return undefined;
  let parsed: unknown;
  try {
    parsed = parseExactJson(record);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !key.every((name) => name in parsed)) return undefined;
  const fields = parsed as Record<string, unknown>;
  return key.map((name) => (typeof fields[name] === 'string' ? fields[name] : exactJsonText(fields[name]))).join(' · ');
}
