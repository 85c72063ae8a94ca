/**
 * Contract texts the official schema has accepted in this process. A contract's text never
 * changes once read, so a design's contracts, checked when it opened, are not checked again
 * when it is exported. Bounded: past the limit it starts afresh.
 */
const texts = new Set<string>();
const LIMIT = 10_000;

export function rememberSchemaValid(text: string): void {
  if (texts.size >= LIMIT) texts.clear();
  texts.add(text);
}

export function isKnownSchemaValid(text: string): boolean {
  return texts.has(text);
}
