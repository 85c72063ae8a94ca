/** Where in the text SQLite's message points: 1-based line and columns, end exclusive. */
export interface SqlErrorLocation {
  line: number;
  column: number;
  endColumn: number;
}

/**
 * Finds what SQLite's message names in the query: the token of `near "X": syntax error`, the
 * table of `no such table: X`, the column of `no such column: X` (or of `"X"`, a double-quoted
 * one), the unfinished quote of `unrecognized token: "X"`. Undefined when it names nothing the text contains (the message is then shown without a
 * place).
 */
export function locateSqlError(sql: string, message: string): SqlErrorLocation | undefined {
  const named =
    /(?:near|no such column:) "((?:[^"]|"")+)"/.exec(message)?.[1]?.replaceAll('""', '"') ??
    /no such (?:table|column|function): ([\w.$]+)/.exec(message)?.[1] ??
    /(?:ambiguous column name|no such collation sequence): ([\w.$]+)/.exec(message)?.[1] ??
    /^unrecognized token: "(.+)"$/s.exec(message)?.[1];
  if (!named) return undefined;
  const bare = named.includes('.') && !sql.includes(named) ? named.slice(named.lastIndexOf('.') + 1) : named;
  const index = findWord(sql, bare);
  if (index === -1) return undefined;
  const before = sql.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return { line, column, endColumn: column + bare.length };
}

/** The first occurrence of `word` not inside a longer identifier, case-insensitively. */
function findWord(text: string, word: string): number {
  const lower = text.toLowerCase();
  const target = word.toLowerCase();
  const isWordChar = (char: string | undefined) => char !== undefined && /[\w$]/.test(char);
  for (let index = lower.indexOf(target); index !== -1; index = lower.indexOf(target, index + 1)) {
    const wordLike = /^[\w$]/.test(target);
    if (!wordLike || (!isWordChar(text[index - 1]) && !isWordChar(text[index + target.length]))) return index;
  }
  return -1;
}
