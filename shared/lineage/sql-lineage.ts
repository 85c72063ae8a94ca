/**
 * What a transformation's SELECT reads and writes, column by column, read from its text without
 * running it. It understands one SELECT over tables and aliases (`FROM a x JOIN b y ON ...`),
 * expressions, `AS` and bare aliases, `*` and `x.*`. Anything more (CTEs, subqueries, set
 * operations) is marked approximate: callers then assume every column it names feeds every
 * column it writes, which can over-report an impact but never miss one.
 */

import { Memo } from './memo';

/** A column named in SQL; `qualifier` is the table or alias before the dot, lower-cased. */
export interface ColumnRef {
  qualifier?: string;
  column: string;
}

export interface SelectItem {
  /** The output column's name, lower-cased. */
  name: string;
  /** Columns the value is computed from. */
  refs: ColumnRef[];
  /** Whether the value is a column as it is (`c.email`, `email AS contact`), not computed. */
  isCopy: boolean;
}

export interface SelectLineage {
  /** Tables read, lower-cased, by the alias (or name) the statement uses for them. */
  tables: ReadonlyMap<string, string>;
  items: SelectItem[];
  /** `*` (qualifier undefined) or `x.*`: every column of those tables passes through. */
  stars: Array<string | undefined>;
  /** Columns in joins, filters and grouping: every output row depends on them. */
  conditions: ColumnRef[];
  /** Every identifier in the text, lower-cased: what an approximate reading falls back on. */
  identifiers: ReadonlySet<string>;
  isApproximate: boolean;
}

type Token = { kind: 'word'; text: string; quoted: boolean } | { kind: 'punct'; text: string } | { kind: 'literal' };

const KEYWORDS = new Set(
  (
    'select distinct all from where group by having order limit offset join inner left right full outer cross natural on using as and or not in is null like glob between case when then else end ' +
    'union intersect except with recursive asc desc nulls first last true false exists cast collate escape filter over partition rows range window'
  ).split(' '),
);
/** Clauses after FROM whose columns decide which rows there are. */
const ROW_CLAUSES = new Set(['on', 'where', 'group', 'having', 'using']);
/** Clauses after FROM that change no value and no row. */
const QUIET_CLAUSES = new Set(['order', 'limit', 'offset', 'window']);
const JOIN_WORDS = new Set(['join', 'inner', 'left', 'right', 'full', 'outer', 'cross', 'natural']);

const TOKEN_PATTERN =
  /\s+|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|"((?:[^"]|"")*)"?|`([^`]*)`?|\[([^\]]*)\]?|([A-Za-z_][A-Za-z0-9_$]*)|(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+)|(\|\||<>|<=|>=|!=|==|.)/gy;

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(sql); match; match = TOKEN_PATTERN.exec(sql)) {
    const [text, doubleQuoted, backtick, bracketed, word, number, punct] = match;
    const quoted = doubleQuoted ?? backtick ?? bracketed;
    if (quoted !== undefined) tokens.push({ kind: 'word', text: quoted.replaceAll('""', '"'), quoted: true });
    else if (word !== undefined) tokens.push({ kind: 'word', text: word, quoted: false });
    else if (number !== undefined || text.startsWith("'")) tokens.push({ kind: 'literal' });
    else if (punct !== undefined) tokens.push({ kind: 'punct', text: punct });
  }
  return tokens;
}

function isKeyword(token: Token | undefined, ...words: string[]): boolean {
  if (token?.kind !== 'word' || token.quoted) return false;
  const lower = token.text.toLowerCase();
  return words.length === 0 ? KEYWORDS.has(lower) : words.includes(lower);
}

function isPunct(token: Token | undefined, text: string): boolean {
  return token?.kind === 'punct' && token.text === text;
}

/** A plain name: a word that is not a keyword (quoted words always are names). */
function isName(token: Token | undefined): token is Extract<Token, { kind: 'word' }> {
  return token?.kind === 'word' && (token.quoted || !KEYWORDS.has(token.text.toLowerCase()));
}

/** Splits at top-level occurrences of `separator` (outside parentheses). */
function splitTopLevel(tokens: readonly Token[], isSeparator: (token: Token) => boolean): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (isPunct(token, '(')) depth++;
    if (isPunct(token, ')')) depth--;
    if (depth === 0 && isSeparator(token)) parts.push([]);
    else parts.at(-1)?.push(token);
  }
  return parts;
}

/** Column references in an expression: names not called as functions, with their qualifier. */
function columnRefs(tokens: readonly Token[]): ColumnRef[] {
  const refs: ColumnRef[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at];
    if (!isName(token) || isPunct(tokens[at + 1], '(') || isPunct(tokens[at - 1], '.')) continue;
    if (isPunct(tokens[at + 1], '.')) {
      const column = tokens[at + 2];
      if (isName(column)) refs.push({ qualifier: token.text.toLowerCase(), column: column.text.toLowerCase() });
      continue;
    }
    refs.push({ column: token.text.toLowerCase() });
  }
  return refs;
}

function readItem(tokens: Token[], stars: Array<string | undefined>): SelectItem | undefined {
  if (tokens.length === 1 && isPunct(tokens[0], '*')) {
    stars.push(undefined);
    return undefined;
  }
  const [first, dot, third] = tokens;
  if (tokens.length === 3 && isName(first) && isPunct(dot, '.') && isPunct(third, '*')) {
    stars.push(first.text.toLowerCase());
    return undefined;
  }
  let expression = tokens;
  let alias: string | undefined;
  const last = tokens.at(-1);
  const beforeLast = tokens.at(-2);
  if (isName(last) && isKeyword(beforeLast, 'as')) {
    alias = last.text;
    expression = tokens.slice(0, -2);
  } else if (
    tokens.length > 1 &&
    isName(last) &&
    !isPunct(beforeLast, '.') &&
    (isName(beforeLast) || isPunct(beforeLast, ')') || beforeLast?.kind === 'literal')
  ) {
    alias = last.text;
    expression = tokens.slice(0, -1);
  }
  const value = castOperand(expression) ?? expression;
  const refs = columnRefs(value);
  const isCopy = refs.length === 1 && isColumn(value);
  // SQL names an unaliased column after its text: only a plain column is named after the column.
  const name = alias ?? (isCopy && value === expression ? refs[0]?.column : undefined);
  return name === undefined ? undefined : { name: name.toLowerCase(), refs, isCopy };
}

/** `email` or `c.email`. */
function isColumn(tokens: readonly Token[]): boolean {
  return (tokens.length === 1 || (tokens.length === 3 && isPunct(tokens[1], '.'))) && isName(tokens[0]);
}

/** The value of an expression that is one `CAST(value AS type)`, which keeps the value (and whose type names no column). */
function castOperand(tokens: readonly Token[]): Token[] | undefined {
  if (!isKeyword(tokens[0], 'cast') || !isPunct(tokens[1], '(')) return undefined;
  let depth = 0;
  for (let at = 1; at < tokens.length; at++) {
    if (isPunct(tokens[at], '(')) depth++;
    if (isPunct(tokens[at], ')')) depth--;
    if (depth === 0 && at < tokens.length - 1) return undefined;
  }
  const parts = splitTopLevel(tokens.slice(2, -1), (token) => isKeyword(token, 'as'));
  return parts.length === 2 ? parts[0] : undefined;
}

/** Reads `FROM a x, b JOIN c AS y ON ... WHERE ...`: the tables by alias, and the columns rows depend on. */
function readFrom(tokens: readonly Token[]): {
  tables: Map<string, string>;
  conditions: ColumnRef[];
  isNested: boolean;
} {
  const tables = new Map<string, string>();
  const conditionTokens: Token[] = [];
  let clause: 'tables' | 'rows' | 'quiet' = 'tables';
  let expectTable = true;
  let isNested = false;
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at] as Token;
    const lower = token.kind === 'word' && !token.quoted ? token.text.toLowerCase() : undefined;
    if (lower && ROW_CLAUSES.has(lower)) {
      clause = 'rows';
      continue;
    }
    if (lower && QUIET_CLAUSES.has(lower)) {
      clause = 'quiet';
      continue;
    }
    if (lower && JOIN_WORDS.has(lower)) {
      clause = 'tables';
      expectTable = true;
      continue;
    }
    if (clause === 'rows') {
      conditionTokens.push(token);
      continue;
    }
    if (clause !== 'tables') continue;
    if (isPunct(token, ',')) expectTable = true;
    else if (isPunct(token, '(')) isNested = true;
    else if (expectTable && isName(token)) {
      let name = token.text.toLowerCase();
      // schema.table: the table is the last part.
      while (isPunct(tokens[at + 1], '.') && isName(tokens[at + 2])) {
        name = (tokens[at + 2] as Extract<Token, { kind: 'word' }>).text.toLowerCase();
        at += 2;
      }
      const afterAs = isKeyword(tokens[at + 1], 'as') ? 2 : 1;
      const alias = tokens[at + afterAs];
      if (isName(alias)) {
        tables.set(alias.text.toLowerCase(), name);
        at += afterAs;
      }
      tables.set(name, name);
      expectTable = false;
    }
  }
  return { tables, conditions: columnRefs(conditionTokens), isNested };
}

export function readSelectLineage(sql: string): SelectLineage {
  const tokens = tokenize(sql).filter((token) => !isPunct(token, ';'));
  const identifiers = new Set(tokens.flatMap((token) => (isName(token) ? [token.text.toLowerCase()] : [])));
  const approximate = (): SelectLineage => ({
    tables: new Map(),
    items: [],
    stars: [],
    conditions: [],
    identifiers,
    isApproximate: true,
  });
  const selects = tokens.filter((token) => isKeyword(token, 'select')).length;
  if (selects !== 1 || !isKeyword(tokens[0], 'select')) return approximate();

  let start = 1;
  if (isKeyword(tokens[start], 'distinct', 'all')) start++;
  let depth = 0;
  let fromAt = tokens.length;
  for (let at = start; at < tokens.length; at++) {
    if (isPunct(tokens[at], '(')) depth++;
    if (isPunct(tokens[at], ')')) depth--;
    if (depth === 0 && isKeyword(tokens[at], 'from')) {
      fromAt = at;
      break;
    }
  }
  const stars: Array<string | undefined> = [];
  const items = splitTopLevel(tokens.slice(start, fromAt), (token) => isPunct(token, ',')).flatMap(
    (itemTokens) => readItem(itemTokens, stars) ?? [],
  );
  const from = readFrom(tokens.slice(fromAt + 1));
  if (from.isNested) return approximate();
  return { tables: from.tables, items, stars, conditions: from.conditions, identifiers, isApproximate: false };
}

const lineages = new Memo<string, SelectLineage>();

/** `readSelectLineage`, remembered by text: a mesh re-validated on every edit reads each SQL once. */
export function selectLineageOf(sql: string): SelectLineage {
  return lineages.get(sql, [], () => readSelectLineage(sql));
}
