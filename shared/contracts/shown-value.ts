/** A value as a change message quotes it: text in single quotes, anything else as JSON (`'open'`, `12`, `[1,2]`). */
export function shownValue(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}
