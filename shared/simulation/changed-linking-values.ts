import { exactJsonText } from './exact-json';

/**
 * Which values linking a step's rows to a traced record, besides its key, the rows found by the key
 * alone no longer have, old → new: `field_id (10 → 11)`, or undefined where none differs.
 */
export function changedLinkingValues(
  linkingKey: Record<string, unknown>,
  keyColumns: readonly string[],
  rows: readonly Record<string, unknown>[],
): string | undefined {
  const text = (value: unknown) => exactJsonText(value) ?? 'null';
  const changes = Object.entries(linkingKey).flatMap(([name, old]) => {
    if (keyColumns.includes(name)) return [];
    const now = [...new Set(rows.map((row) => text(row[name])))].filter((value) => value !== text(old));
    return now.length > 0 ? [`${name} (${text(old)} → ${now.join(', ')})`] : [];
  });
  if (changes.length === 0) return undefined;
  return changes.length === 1 ? changes[0] : `${changes.slice(0, -1).join(', ')} and ${changes.at(-1)}`;
}
