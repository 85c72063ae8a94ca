/**
 * SQLite's tokens, as its tokenizer splits text: enough to see statement boundaries, nesting and
 * names without ever asking SQLite to compile text that might hold a second statement (compiling
 * a `PRAGMA` already changes the connection).
 */
export interface SqlToken {
  /**
   * `string` is any literal in single quotes: text (`'a'`) or bytes (`x'0A'`); `parameter` is a
   * value to bind (`?`, `?1`, `:name`, `@name`, `#name`, `$name`, `$name(...)`).
   */
  kind: 'word' | 'quoted' | 'string' | 'number' | 'symbol' | 'parameter';
  /** The word, the identifier without its quotes, the symbol, or the literal as written. */
  text: string;
  start: number;
  end: number;
}

/** What SQLite's `IdChar` accepts: a character of a name after its first. */
const ID_CHARACTER = /[\w$\u0080-\uffff]/;
const TWO_CHARACTER_SYMBOLS = new Set(['||', '<=', '>=', '<>', '!=', '==', '<<', '>>', '->']);
const CLOSING_QUOTE: Record<string, string> = { '"': '"', '`': '`', '[': ']' };

/** The significant tokens of `sql` (no whitespace, no comments); unterminated quotes run to the end. */
export function sqlTokens(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let index = 0;
  const push = (kind: SqlToken['kind'], start: number, end: number, text = sql.slice(start, end)) => {
    tokens.push({ kind, text, start, end });
    index = end;
  };
  while (index < sql.length) {
    const character = sql[index] as string;
    const next = sql[index + 1];
    if (/\s/.test(character)) index += 1;
    else if (character === '-' && next === '-') index = endOf(sql, '\n', index + 2, 0);
    else if (character === '/' && next === '*') index = endOf(sql, '*/', index + 2, 2);
    else if (character === "'") push('string', index, quotedEnd(sql, index, "'"));
    else if (/[xX]/.test(character) && next === "'") push('string', index, quotedEnd(sql, index + 1, "'"));
    else if (character in CLOSING_QUOTE) {
      const close = CLOSING_QUOTE[character] as string;
      const end = quotedEnd(sql, index, close);
      const inner = sql.slice(index + 1, sql[end - 1] === close ? end - 1 : end);
      push('quoted', index, end, close === ']' ? inner : inner.replaceAll(close + close, close));
    } else if (/[0-9]/.test(character) || (character === '.' && /[0-9]/.test(next ?? ''))) {
      push('number', index, wordEnd(sql, index + 1, /[0-9A-Za-z_.]/));
    } else if (/[A-Za-z_\u0080-\uffff]/.test(character)) push('word', index, wordEnd(sql, index + 1, ID_CHARACTER));
    else if (character === '?') push('parameter', index, wordEnd(sql, index + 1, /[0-9]/));
    else if ('$@:#'.includes(character)) push('parameter', index, namedParameterEnd(sql, index));
    else if (character === '-' && next === '>' && sql[index + 2] === '>') push('symbol', index, index + 3);
    else if (TWO_CHARACTER_SYMBOLS.has(`${character}${next}`)) push('symbol', index, index + 2);
    else push('symbol', index, index + 1);
  }
  return tokens;
}

/** Whether a token is the keyword `word` (keywords are case-insensitive; quoted names never are keywords). */
export function isKeyword(token: SqlToken | undefined, ...words: string[]): boolean {
  return token?.kind === 'word' && words.includes(token.text.toUpperCase());
}

function endOf(sql: string, terminator: string, from: number, terminatorLength: number): number {
  const found = sql.indexOf(terminator, from);
  return found === -1 ? sql.length : found + terminatorLength;
}

/** A quote is escaped by doubling it; `[...]` identifiers have no escape. */
function quotedEnd(sql: string, start: number, close: string): number {
  let index = start + 1;
  while (index < sql.length) {
    if (sql[index] === close) {
      if (close !== ']' && sql[index + 1] === close) index += 2;
      else return index + 1;
    } else index += 1;
  }
  return sql.length;
}

/**
 * Where a parameter starting `$`, `@`, `:` or `#` ends, by SQLite's rules (tokenize.c): its name,
 * which may hold `::`, then for a TCL-style variable everything from `(` up to the first `)`, quote
 * and semicolon alone included (whitespace first ends it, and SQLite refuses the token).
 */
function namedParameterEnd(sql: string, start: number): number {
  let index = start + 1;
  let nameLength = 0;
  while (index < sql.length) {
    const character = sql[index] as string;
    if (ID_CHARACTER.test(character)) nameLength += 1;
    else if (character === '(' && nameLength > 0) {
      do index += 1;
      while (index < sql.length && !/\s/.test(sql[index] as string) && sql[index] !== ')');
      return sql[index] === ')' ? index + 1 : index;
    } else if (character === ':' && sql[index + 1] === ':') index += 1;
    else break;
    index += 1;
  }
  return index;
}

function wordEnd(sql: string, from: number, part: RegExp): number {
  let index = from;
  while (index < sql.length && part.test(sql[index] as string)) index += 1;
  return index;
}

/** The arguments of the call whose `(` is at `open`, each as its tokens, and its closing `)`. */
export function callArguments(
  tokens: readonly SqlToken[],
  open: number,
): { arguments: SqlToken[][]; closing: SqlToken } {
  const found: SqlToken[][] = [];
  let current: SqlToken[] = [];
  let depth = 0;
  for (let index = open + 1; index < tokens.length; index++) {
    const token = tokens[index] as SqlToken;
    if (token.kind === 'symbol' && token.text === '(') depth += 1;
    if (token.kind === 'symbol' && token.text === ')') {
      if (depth === 0) {
        if (current.length > 0 || found.length > 0) found.push(current);
        return { arguments: found, closing: token };
      }
      depth -= 1;
    }
    if (depth === 0 && token.kind === 'symbol' && token.text === ',') {
      found.push(current);
      current = [];
    } else current.push(token);
  }
  const end = tokens.at(-1) as SqlToken;
  return { arguments: [...found, current], closing: { ...end, start: end.end } };
}
