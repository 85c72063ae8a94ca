/**
 * A value as a one-line input shows it: objects as JSON, a string plain where `readPlain` gives it
 * back unchanged and in double quotes where not (`"42"` where a plain 42 reads as a number), so
 * leaving the text as shown changes nothing.
 */
export function valueInputText(value: unknown, readPlain: (plain: string) => unknown): string {
  if (typeof value !== 'string')
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  const readsBack =
    value === value.trim() && value !== '' && quotedText(value) === undefined && readPlain(value) === value;
  return readsBack ? value : JSON.stringify(value);
}

/** The text written in double (JSON escapes) or single (`''` for `'`) quotes; undefined when it is not quoted. */
export function quotedText(typed: string): string | undefined {
  if (typed.length < 2) return undefined;
  if (typed.startsWith("'") && typed.endsWith("'")) return typed.slice(1, -1).replaceAll("''", "'");
  if (!typed.startsWith('"') || !typed.endsWith('"')) return undefined;
  try {
    return JSON.parse(typed) as string;
  } catch {
    return undefined;
  }
}
