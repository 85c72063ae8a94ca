import { patternExpression } from '../text-pattern';

/*
 * PostgreSQL's `~` reads an advanced regular expression (POSIX with extensions); an ODCS
 * `pattern` is an ECMAScript one. Most of the text reads the same in both, but not all: `.`
 * matches a line break in PostgreSQL only, `\d` and `\w` follow the database's locale there,
 * `\b` is a backspace there and a word boundary in ECMAScript, and ECMAScript has no
 * `[[:alpha:]]`. A pattern is taken only when everything in it reads alike.
 */

/** Syntax characters, escaped to stand for themselves in both (and `/`, which ECMAScript allows). */
const ESCAPED_PUNCTUATION = new Set('^$\\.*+?()[]{}|/');
/** Escapes of a control character, the same in both. */
const CONTROL_ESCAPES = new Set('ntrfv');
/** Groups both read alike: non-capturing, lookahead and lookbehind. */
const GROUP_PREFIXES = ['(?:', '(?=', '(?!', '(?<=', '(?<!'];

const LOCALE_CLASSES: Record<string, string> = {
  d: 'may match digits beyond 0-9 in PostgreSQL (as its locale says), only 0-9 in ECMAScript',
  w: 'may match letters beyond a-z in PostgreSQL (as its locale says), only a-z, A-Z, 0-9 and _ in ECMAScript',
  s: 'matches the spaces its locale says in PostgreSQL, the Unicode ones in ECMAScript',
};

/** The pattern ODCS takes for a PostgreSQL regular expression (the same text), or why it reads otherwise. */
export function postgresPatternAsOdcs(pattern: string): { ok: true; pattern: string } | { ok: false; why: string } {
  const why =
    differenceIn(pattern) ?? (patternExpression(pattern) ? undefined : 'it is no ECMAScript regular expression');
  return why === undefined ? { ok: true, pattern } : { ok: false, why };
}

/** The first thing in `pattern` that PostgreSQL and ECMAScript read differently; undefined when none. */
function differenceIn(pattern: string): string | undefined {
  if (pattern.startsWith('***')) return `ECMAScript has no director ${pattern.slice(0, 4)}`;
  let inBrackets = false;
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index] as string;
    const next = pattern[index + 1] ?? '';
    if (character === '\\') {
      const why = escapeDifference(next, inBrackets);
      if (why) return why;
      index++;
    } else if (inBrackets) {
      if (character === '[' && ':=.'.includes(next)) {
        const end = pattern.indexOf(`${next}]`, index + 2);
        return `ECMAScript has no [${pattern.slice(index, end === -1 ? undefined : end + 2)}]`;
      }
      if (character === ']') inBrackets = false;
    } else if (character === '[') {
      inBrackets = true;
      const first = next === '^' ? pattern[index + 2] : next;
      if (first === ']') return 'a ] first in brackets is a character in PostgreSQL, ends an empty set in ECMAScript';
    } else if (character === '.') return '. matches a line break in PostgreSQL, not in ECMAScript';
    else if (character === '(' && next === '?' && !GROUP_PREFIXES.some((prefix) => pattern.startsWith(prefix, index)))
      return `ECMAScript has no group ${pattern.slice(index, index + 3)}`;
  }
  return undefined;
}

function escapeDifference(escaped: string, inBrackets: boolean): string | undefined {
  if (ESCAPED_PUNCTUATION.has(escaped) || CONTROL_ESCAPES.has(escaped) || (inBrackets && escaped === '-'))
    return undefined;
  const localeClass = LOCALE_CLASSES[escaped.toLowerCase()];
  if (localeClass) return `\\${escaped} ${localeClass}`;
  if (escaped === 'b') return '\\b is a backspace in PostgreSQL, a word boundary in ECMAScript';
  return `ECMAScript reads \\${escaped} otherwise, or not at all`;
}
