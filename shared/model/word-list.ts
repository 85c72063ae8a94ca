/**
 * Items as a sentence lists them: `a`, `a and b`, `a, b or c`; with `isSerial`, a comma before the
 * conjunction too, for items that hold commas of their own (`'x', classified pii, and 'y', …`).
 */
export function joinedWith(items: readonly (string | number)[], conjunction: 'and' | 'or', isSerial = false): string {
  const before = isSerial ? ', ' : ' ';
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')}${before}${conjunction} ${items.at(-1)}`;
}

/**
 * The first `limit` items and how many more there are, for lists that can run to thousands (a
 * generated script's steps): `a, b, c and 19,957 more`; every item when there are no more.
 */
export function firstAndCounted(items: readonly string[], limit: number): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} and ${(items.length - limit).toLocaleString('en')} more` : shown;
}

/** A count with its noun in the number it takes: `1 problem`, `3 problems`. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${inNumber(count, singular, plural)}`;
}

/** A noun in the number a count takes, for counts written some other way (`1,204 rows`). */
export function inNumber(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}

/** A noun after `a` or `an`, as it sounds from its first letter: `a domain`, `an input port`. */
export function withIndefiniteArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Text as a sentence starts it: `an input port` → `An input port`. */
export function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Text ended as a sentence: a full stop, unless it ends in a mark of its own (`?`, `!`, `…`) or one already. */
export function endedAsSentence(text: string): string {
  return /[.?!…]$/.test(text) ? text : `${text}.`;
}
