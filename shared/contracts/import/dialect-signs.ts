import type { SqlTable, SqlType } from './sql-column-types';
import type { Token } from './sql-tokens';

/*
 * What marks a SQL file as one dialect's, read the same way for each (mysql-signs.ts,
 * oracle-signs.ts, sql-server-signs.ts): each dialect says which of its column types and which
 * of its words, read between the tokens around them, only it writes.
 */

/** The signs the column types of the file are, each once, in order of name (`CLOB`, `VARCHAR2`). */
export function typeSigns(tables: SqlTable[], signOf: (type: SqlType) => string | undefined): string[] {
  const signs = tables.flatMap((table) =>
    table.columns.flatMap((column) => (column.type && signOf(column.type)) || []),
  );
  return [...new Set(signs)].sort();
}

/** The signs the words of the file are, each once, in the file's order. */
export function wordSigns(tokens: Token[], signAt: (tokens: Token[], index: number) => string | undefined): string[] {
  const signs = tokens.flatMap((token, index) => (token.kind === 'word' && signAt(tokens, index)) || []);
  return [...new Set(signs)];
}

/** The word at `index` in upper case; empty where there is none. */
export function wordAt(tokens: Token[], index: number): string {
  const token = tokens[index];
  return token?.kind === 'word' ? token.text.toUpperCase() : '';
}

/** Whether the word at `index` stands where a column's name does, after `(` or `,`: `identity text`, `engine text`. */
export function isColumnName(tokens: Token[], index: number): boolean {
  const previous = tokens[index - 1]?.text;
  return previous === '(' || previous === ',';
}
