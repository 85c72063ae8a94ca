/*
 * The tokens and statements of a SQL file, as the DDL importer reads them before the SQL
 * parser does, and the text it hands the parser: the source with what the importer has read
 * itself (column types, SQL Server storage options, statements it does not import) replaced
 * in place, padded so that every line and column keeps its place in error messages.
 */

export interface Token {
  kind: 'word' | 'quoted' | 'string' | 'number' | 'punct';
  text: string;
  start: number;
  end: number;
  /** A string read with MySQL's backslash escapes (`'it\'s'`). */
  hasBackslashEscapes?: boolean;
}

/** Something that stops a file from being read, where it is. */
export interface SqlProblem {
  message: string;
  offset: number;
}

/** Something the importer reads but does not import, where it is: `orders` or `orders.id`. */
export interface SqlNote extends SqlProblem {
  path: string;
}

/** `text` in place of the source from `start` to `end`, for the parser. */
export interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

export const blank = (start: number, end: number): SourceEdit => ({ start, end, text: '' });

/** The source with each edit applied, padded with spaces (keeping line breaks) to the edited length. */
export function neutralize(text: string, edits: SourceEdit[]): string {
  let neutral = '';
  let copied = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < copied) continue; // inside an edit already made: a statement blanked whole
    const padding = text.slice(edit.start + edit.text.length, edit.end).replace(/[^\n]/g, ' ');
    neutral += `${text.slice(copied, edit.start)}${edit.text}${padding}`;
    copied = edit.end;
  }
  return neutral + text.slice(copied);
}

/**
 * A statement's tokens, and the `;` or `GO` that ends it (none at the end of the file). A `GO`
 * right after a `;` or another `GO` ends an empty statement, kept so that it is not read as SQL.
 */
export interface SqlStatement {
  tokens: Token[];
  terminator?: Token;
}

/**
 * The statements of a file: tokens split at top-level semicolons, and at SQL Server's `GO`
 * alone on its line, with or without a count (a batch separator of sqlcmd and SSMS, not SQL).
 */
export function statements(tokens: Token[], text: string): SqlStatement[] {
  const found: SqlStatement[] = [{ tokens: [] }];
  for (let index = 0; index < tokens.length; index++) {
    const current = found.at(-1) as SqlStatement;
    const separator = batchSeparatorAt(tokens, index, text);
    if (separator) {
      current.terminator = separator.token;
      index = separator.lastIndex;
      found.push({ tokens: [] });
    } else if (tokens[index]?.text === ';') {
      current.terminator = tokens[index];
      found.push({ tokens: [] });
    } else current.tokens.push(tokens[index] as Token);
  }
  return found.filter((statement) => statement.tokens.length > 0 || endsBatch(statement));
}

/** Whether SQL Server's `GO` ends the statement (and the batch it is in). */
export const endsBatch = (statement: SqlStatement): boolean => /^GO\b/i.test(statement.terminator?.text ?? '');

/** `GO` or `GO 2` alone on its line at `index`, as one token, and the index of its last token. */
function batchSeparatorAt(
  tokens: Token[],
  index: number,
  text: string,
): { token: Token; lastIndex: number } | undefined {
  const go = tokens[index] as Token;
  if (go.kind !== 'word' || go.text.toUpperCase() !== 'GO') return undefined;
  const onSameLine = (before: Token, after: Token) => !text.slice(before.end, after.start).includes('\n');
  const previous = tokens[index - 1];
  if (previous && onSameLine(previous, go)) return undefined;
  const count = tokens[index + 1];
  const last = count?.kind === 'number' && onSameLine(go, count) ? index + 1 : index;
  const lastToken = tokens[last] as Token;
  const next = tokens[last + 1];
  if (next && onSameLine(lastToken, next)) return undefined;
  return {
    token: { kind: 'word', text: text.slice(go.start, lastToken.end), start: go.start, end: lastToken.end },
    lastIndex: last,
  };
}

/** The elements of a parenthesized list (its tokens after the '('), each with the ',' or ')' that ends it. */
export function elements(tokens: Token[]): { tokens: Token[]; end: Token }[] {
  const found: { tokens: Token[]; end: Token }[] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (depth === 0 && (token.text === ',' || token.text === ')')) {
      found.push({ tokens: current, end: token });
      current = [];
      continue;
    }
    if (token.text === '(' || token.text === '[') depth++;
    if (token.text === ')' || token.text === ']') depth--;
    current.push(token);
  }
  return found;
}

export function matching(tokens: Token[], open: number): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index++) {
    const text = tokens[index]?.text;
    if (text === '(') depth++;
    if (text === ')' && --depth === 0) return index;
  }
  return tokens.length;
}

/** The last part of a (schema-qualified, quoted) name at `index`, and the index after it. */
export function qualifiedName(
  statement: Token[],
  index: number,
): { name: string; parts: string[]; next: number } | undefined {
  const parts: string[] = [];
  let next = index;
  for (let token = statement[next]; token?.kind === 'word' || token?.kind === 'quoted'; token = statement[next]) {
    parts.push(unquote(token));
    const isQualified = statement[next + 1]?.text === '.';
    next += isQualified ? 2 : 1;
    if (!isQualified) break;
  }
  const name = parts.at(-1);
  return name === undefined ? undefined : { name, parts, next };
}

export function unquote(token: Token): string {
  if (token.kind === 'quoted') return token.text.slice(1, -1).replace(/""/g, '"').replace(/``/g, '`');
  if (token.kind === 'string') return stringContent(token.text.slice(1, -1), token.hasBackslashEscapes === true);
  return token.text;
}

/** What MySQL's backslash escapes stand for; any other escaped character stands for itself. */
const BACKSLASH_ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };

/**
 * The value of a string literal from the text between its quotes: `''` is one quote and, where
 * strings have backslash escapes (MySQL's default), `\'` is one quote and `\\` one backslash.
 * MySQL keeps `\%` and `\_` as written, as they are LIKE's escapes.
 */
export function stringContent(inner: string, hasBackslashEscapes: boolean): string {
  if (!hasBackslashEscapes) return inner.replace(/''/g, "'");
  return inner.replace(/''|\\([\s\S])/g, (written, escaped: string | undefined) => {
    if (escaped === undefined) return "'";
    if (escaped === '%' || escaped === '_') return written;
    return BACKSLASH_ESCAPES[escaped] ?? escaped;
  });
}

/** The tokens of SQL; where strings have backslash escapes, `\'` does not end one. */
const tokenPattern = (hasBackslashEscapes: boolean) =>
  new RegExp(
    String.raw`(\s+)|(--[^\n]*|\/\*[\s\S]*?\*\/)|(${hasBackslashEscapes ? String.raw`'(?:[^'\\]|''|\\[\s\S])*'` : "'(?:[^']|'')*'"})|("(?:[^"]|"")*"|\`(?:[^\`]|\`\`)*\`)|(\$(\w*)\$[\s\S]*?\$\6\$)|([A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*)|(\d+(?:\.\d+)?)|(.)`,
    'y',
  );

const BRACKETED = /\[([^\]\n]*)\]/y;

/**
 * The tokens of a file, what stops it from being read, and what is not SQL (psql commands, COPY
 * rows); its strings read with backslash escapes where `hasBackslashEscapes`.
 */
export function tokenize(
  text: string,
  hasBackslashEscapes = false,
): { tokens: Token[]; problems: SqlProblem[]; notSql: SourceEdit[] } {
  const TOKEN = tokenPattern(hasBackslashEscapes);
  const tokens: Token[] = [];
  const problems: SqlProblem[] = [];
  const notSql: SourceEdit[] = [];
  let statementStart = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const [whole, space, comment, string, quoted, dollar, , word, number] = match;
    const start = match.index;
    if (space || comment) continue;
    const kind: Token['kind'] =
      string || dollar ? 'string' : quoted ? 'quoted' : word ? 'word' : number ? 'number' : 'punct';
    if (whole === '\\' && /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))) {
      // A psql meta-command of pg_dump (`\connect shop`) ends at the end of its line.
      const lineEnd = text.indexOf('\n', start);
      TOKEN.lastIndex = lineEnd === -1 ? text.length : lineEnd;
      notSql.push(blank(start, TOKEN.lastIndex));
      continue;
    }
    if (kind === 'punct' && whole === '[') {
      // `[Order]` is a SQL Server name; `[]`, `[3]` and `ARRAY['a', 'b']` are PostgreSQL arrays.
      BRACKETED.lastIndex = start;
      const bracketed = BRACKETED.exec(text);
      const isArray = tokens.at(-1)?.text.toUpperCase() === 'ARRAY' || /^\s*\d*\s*$|['",:]/.test(bracketed?.[1] ?? '');
      if (bracketed && !isArray) {
        tokens.push({ kind: 'quoted', text: bracketed[0], start, end: start + bracketed[0].length });
        TOKEN.lastIndex = start + bracketed[0].length;
        continue;
      }
    }
    if (kind === 'punct' && (whole === "'" || whole === '"' || whole === '`'))
      problems.push({ message: `a ${whole} that is never closed`, offset: start });
    tokens.push({
      kind,
      text: whole,
      start,
      end: start + whole.length,
      ...(string && hasBackslashEscapes && { hasBackslashEscapes }),
    });
    if (whole !== ';') continue;
    const statement = tokens.slice(statementStart, -1).map((token) => token.text.toUpperCase());
    statementStart = tokens.length;
    if (statement[0] === 'COPY' && statement.at(-1) === 'STDIN') {
      // pg_dump's rows follow `COPY t (…) FROM stdin;`, one a line, up to a line `\.`: data, not SQL.
      const dataStart = TOKEN.lastIndex;
      const dataEnd = text.indexOf('\n\\.', dataStart);
      TOKEN.lastIndex = dataEnd === -1 ? text.length : dataEnd + 3;
      notSql.push(blank(dataStart, TOKEN.lastIndex));
    }
  }
  return { tokens, problems, notSql };
}
