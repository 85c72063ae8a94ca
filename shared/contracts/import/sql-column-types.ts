import type { LogicalType } from '../../model/logical-type';

/*
 * The column types of SQL `CREATE TABLE` statements, read here rather than by
 * node-sql-parser: its grammars know a closed list of type names per dialect, and accept
 * array suffixes after only some of them, so valid PostgreSQL (`POINT`, `INET[]`,
 * `DATE[]`, `CITEXT`, a user-defined type, `INTERVAL DAY TO SECOND`) failed to parse.
 * Types are where the dialects differ most and where users define their own; the parser
 * reads the rest of the statement from a text in which each column's type is `INT`.
 */

interface Token {
  kind: 'word' | 'quoted' | 'string' | 'number' | 'punct';
  text: string;
  start: number;
  end: number;
}

export interface SqlType {
  /** `NUMERIC(10,2)`, `TIMESTAMP WITH TIME ZONE`, `INET[]`, `ENUM('Y','J')`. */
  physicalType: string;
  /** The type of one element: `INET` of `INET[]`, `NUMERIC(10,2)`. */
  elementType: string;
  /** The element type's name without sizes, time zones or array suffixes: `NUMERIC`, `INET`, `PUBLIC.MOOD`. */
  baseName: string;
  /** `undefined` when ODCS has no logical type for the element type. */
  logicalType: LogicalType | undefined;
  /** 0 for a scalar, 1 for `T[]`, `T[3]` or `T ARRAY`, 2 for `T[][]`. */
  arrayDepth: number;
  /** The values of MySQL `ENUM('a', 'b')`. */
  enumValues?: string[];
}

export interface SqlColumn {
  name: string;
  type: SqlType;
  /** Where the column's name starts, and its type starts and ends, in the source. */
  start: number;
  typeStart: number;
  typeEnd: number;
}

export interface SqlTable {
  name: string;
  start: number;
  /** Where the body `(...)` starts and ends. */
  bodyStart: number;
  bodyEnd: number;
  columns: SqlColumn[];
  /** Where each table-level CHECK constraint starts, in order. */
  checkStarts: number[];
  /** Where each table-level FOREIGN KEY constraint starts, in order. */
  foreignKeyStarts: number[];
}

export interface DdlColumns {
  tables: SqlTable[];
  /** The source with every column type replaced by `INT` (padded to keep lines and columns). */
  neutralText: string;
  /** Where each `ALTER TABLE` statement starts, in order. */
  alterTableStarts: number[];
  problems: { message: string; offset: number }[];
}

/** Logical types of SQL types, by their upper-case name without sizes or time zones. */
const SQL_TYPES: Record<string, LogicalType> = {
  ...typesOf('string', [
    'CHAR',
    'VARCHAR',
    'CHARACTER',
    'CHARACTER VARYING',
    'CHAR VARYING',
    'NATIONAL CHARACTER',
    'NATIONAL CHARACTER VARYING',
    'NATIONAL CHAR',
    'NCHAR',
    'NVARCHAR',
    'VARCHAR2',
    'NVARCHAR2',
    'TEXT',
    'TINYTEXT',
    'MEDIUMTEXT',
    'LONGTEXT',
    'NTEXT',
    'CITEXT',
    'UUID',
    'UNIQUEIDENTIFIER',
    'ENUM',
    'STRING',
  ]),
  ...typesOf('integer', [
    'INT',
    'INTEGER',
    'BIGINT',
    'SMALLINT',
    'TINYINT',
    'MEDIUMINT',
    'SERIAL',
    'BIGSERIAL',
    'SMALLSERIAL',
    'SERIAL2',
    'SERIAL4',
    'SERIAL8',
    'INT2',
    'INT4',
    'INT8',
  ]),
  ...typesOf('number', [
    'NUMERIC',
    'DECIMAL',
    'DEC',
    'REAL',
    'FLOAT',
    'DOUBLE',
    'DOUBLE PRECISION',
    'FLOAT4',
    'FLOAT8',
    'MONEY',
    'SMALLMONEY',
  ]),
  ...typesOf('boolean', ['BOOLEAN', 'BOOL', 'BIT']),
  DATE: 'date',
  ...typesOf('timestamp', ['TIMESTAMP', 'TIMESTAMPTZ', 'DATETIME', 'DATETIME2', 'DATETIMEOFFSET', 'SMALLDATETIME']),
  ...typesOf('time', ['TIME', 'TIMETZ']),
  ...typesOf('object', ['JSON', 'JSONB']),
};

function typesOf(logicalType: LogicalType, names: string[]): Record<string, LogicalType> {
  return Object.fromEntries(names.map((name) => [name, logicalType]));
}

/** Words that end a column's type and start its constraints or options (any dialect). */
const AFTER_TYPE = new Set([
  'NOT',
  'NULL',
  'PRIMARY',
  'UNIQUE',
  'DEFAULT',
  'CHECK',
  'REFERENCES',
  'CONSTRAINT',
  'COLLATE',
  'GENERATED',
  'COMMENT',
  'AUTO_INCREMENT',
  'AUTOINCREMENT',
  'IDENTITY',
  'ON',
  'AS',
  'KEY',
  'CHARSET',
  'ROWGUIDCOL',
  'SPARSE',
  'FILESTREAM',
  'MASKED',
  'INVISIBLE',
  'VISIBLE',
  'STORAGE',
  'COLUMN_FORMAT',
  'SRID',
  'ENCRYPTED',
  'COMPRESSION',
]);

/** Words that start a table constraint rather than a column. */
const TABLE_CONSTRAINTS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK', 'LIKE']);
/** Words that start an index in MySQL but may name a column in PostgreSQL (`key TEXT`). */
const INDEXES = new Set(['KEY', 'INDEX', 'FULLTEXT', 'SPATIAL', 'EXCLUDE']);
const TYPE_WORDS = new Set(Object.keys(SQL_TYPES).map((name) => name.split(' ')[0]));

/** Modifiers that do not change a type's logical type. */
const TYPE_MODIFIERS = /\s+(WITH(OUT)? TIME ZONE|UNSIGNED|SIGNED|ZEROFILL)\b/g;

export function readDdlColumns(text: string): DdlColumns {
  const { tokens, problems } = tokenize(text);
  const tables: SqlTable[] = [];
  const alterTableStarts: number[] = [];
  for (const statement of statements(tokens)) {
    const table = createTable(statement, problems);
    if (table) tables.push(table);
    const [first, second] = statement.map((token) => token.text.toUpperCase());
    if (first === 'ALTER' && second === 'TABLE') alterTableStarts.push(statement[0]?.start ?? 0);
  }
  return { tables, neutralText: neutralize(text, tables), alterTableStarts, problems };
}

/** A column type from its tokens. */
function sqlType(tokens: Token[]): SqlType {
  let arrayDepth = 0;
  let end = tokens.length;
  // Array suffixes, read from the end: `[]`, `[3]`, `ARRAY`, `ARRAY[3]`.
  for (;;) {
    const last = tokens[end - 1];
    if (last?.text === ']') {
      const open = tokens.slice(0, end).findLastIndex((token) => token.text === '[');
      if (open <= 0) break;
      arrayDepth += tokens[open - 1]?.text.toUpperCase() === 'ARRAY' ? 0 : 1;
      end = open;
    } else if (last?.kind === 'word' && last.text.toUpperCase() === 'ARRAY' && end > 1) {
      arrayDepth += 1;
      end -= 1;
    } else break;
  }
  const element = tokens.slice(0, end);
  const words: string[] = [];
  let depth = 0;
  for (const token of element) {
    if (token.text === '(') depth += 1;
    else if (token.text === ')') depth -= 1;
    else if (depth === 0) words.push(token.kind === 'word' ? token.text.toUpperCase() : token.text);
  }
  const baseName = words.join(' ').replace(/ \. /g, '.').replace(TYPE_MODIFIERS, '');
  const length = Number(element[element.findIndex((token) => token.text === '(') + 1]?.text);
  const isBitString = baseName === 'BIT' && length > 1;
  const enumValues =
    baseName === 'ENUM' ? element.filter((token) => token.kind === 'string').map((token) => unquote(token)) : undefined;
  return {
    physicalType: spelled(tokens),
    elementType: spelled(element),
    baseName,
    logicalType: isBitString ? undefined : SQL_TYPES[baseName],
    arrayDepth,
    ...(enumValues && { enumValues }),
  };
}

/** Tokens as one type name: words upper-cased, no spaces around punctuation. */
function spelled(tokens: Token[]): string {
  return tokens
    .map((token, index) => {
      const text = token.kind === 'word' ? token.text.toUpperCase() : token.text;
      const previous = tokens[index - 1];
      const isGlued =
        index === 0 ||
        token.kind === 'punct' ||
        (previous?.kind === 'punct' && previous.text !== ')' && previous.text !== ']');
      return isGlued ? text : ` ${text}`;
    })
    .join('');
}

function createTable(statement: Token[], problems: DdlColumns['problems']): SqlTable | undefined {
  const words = statement.map((token) => (token.kind === 'word' ? token.text.toUpperCase() : ''));
  if (words[0] !== 'CREATE') return undefined;
  let index = 1;
  while (['OR', 'REPLACE', 'GLOBAL', 'LOCAL', 'TEMP', 'TEMPORARY', 'UNLOGGED'].includes(words[index] ?? '')) index++;
  if (words[index] !== 'TABLE') return undefined;
  index++;
  if (words[index] === 'IF' && words[index + 1] === 'NOT' && words[index + 2] === 'EXISTS') index += 3;
  let name = '';
  while (statement[index] && statement[index]?.text !== '(') {
    const token = statement[index] as Token;
    if (token.kind === 'word' || token.kind === 'quoted') name = unquote(token);
    else if (token.text !== '.') return undefined;
    index++;
  }
  const open = statement[index];
  if (!open) return undefined;
  const close = matching(statement, index);
  const checkStarts: number[] = [];
  const foreignKeyStarts: number[] = [];
  const columns = elements(statement.slice(index + 1, close + 1)).flatMap(({ tokens: element, end }) => {
    const first = element[0];
    if (!first) {
      const where = end.text === ',' ? 'two commas' : `a comma before ')'`;
      problems.push({ message: `an empty column definition in table ${name} (${where})`, offset: end.start });
      return [];
    }
    const firstWord = first.kind === 'word' ? first.text.toUpperCase() : '';
    const isIndex = INDEXES.has(firstWord) && !TYPE_WORDS.has(element[1]?.text.toUpperCase() ?? '');
    if (TABLE_CONSTRAINTS.has(firstWord) || isIndex) {
      const hasWord = (word: string) =>
        element.some((token) => token.kind === 'word' && token.text.toUpperCase() === word);
      if (hasWord('CHECK')) checkStarts.push(first.start);
      if (hasWord('FOREIGN')) foreignKeyStarts.push(first.start);
      return [];
    }
    if (firstWord === 'PERIOD' && element[1]?.text.toUpperCase() === 'FOR') return [];
    return [column(element, name, problems)].filter((found): found is SqlColumn => found !== undefined);
  });
  return {
    name,
    start: statement[0]?.start ?? 0,
    bodyStart: open.start,
    bodyEnd: statement[close]?.end ?? open.end,
    columns,
    checkStarts,
    foreignKeyStarts,
  };
}

function column(element: Token[], table: string, problems: DdlColumns['problems']): SqlColumn | undefined {
  const nameToken = element[0] as Token;
  const name = unquote(nameToken);
  let end = 1;
  let depth = 0;
  for (; end < element.length; end++) {
    const token = element[end] as Token;
    if (depth === 0 && token.kind === 'word') {
      const word = token.text.toUpperCase();
      if (AFTER_TYPE.has(word)) break;
      if (word === 'CHARACTER' && element[end + 1]?.text.toUpperCase() === 'SET' && end > 1) break;
    }
    if (token.text === '(' || token.text === '[') depth++;
    if (token.text === ')' || token.text === ']') depth--;
  }
  const typeTokens = element.slice(1, end);
  if (typeTokens.length === 0) {
    problems.push({ message: `column ${name} of table ${table} has no type`, offset: nameToken.start });
    return undefined;
  }
  return {
    name,
    type: sqlType(typeTokens),
    start: nameToken.start,
    typeStart: (typeTokens[0] as Token).start,
    typeEnd: (typeTokens.at(-1) as Token).end,
  };
}

function neutralize(text: string, tables: SqlTable[]): string {
  let neutral = '';
  let copied = 0;
  for (const { typeStart, typeEnd } of tables.flatMap((table) => table.columns)) {
    // INT, then the type's own line breaks and spaces, so later lines and columns keep their place.
    const padding = text.slice(typeStart + 3, typeEnd).replace(/[^\n]/g, ' ');
    neutral += `${text.slice(copied, typeStart)}INT${padding}`;
    copied = typeEnd;
  }
  return neutral + text.slice(copied);
}

/** The statements of a file: tokens split at top-level semicolons. */
function statements(tokens: Token[]): Token[][] {
  const found: Token[][] = [[]];
  for (const token of tokens) {
    if (token.text === ';') found.push([]);
    else found.at(-1)?.push(token);
  }
  return found.filter((statement) => statement.length > 0);
}

/** The elements of a parenthesized list (its tokens after the '('), each with the ',' or ')' that ends it. */
function elements(tokens: Token[]): { tokens: Token[]; end: Token }[] {
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

function matching(tokens: Token[], open: number): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index++) {
    const text = tokens[index]?.text;
    if (text === '(') depth++;
    if (text === ')' && --depth === 0) return index;
  }
  return tokens.length;
}

function unquote(token: Token): string {
  if (token.kind === 'quoted') return token.text.slice(1, -1).replace(/""/g, '"').replace(/``/g, '`');
  if (token.kind === 'string') return token.text.slice(1, -1).replace(/''/g, "'");
  return token.text;
}

const TOKEN =
  /(\s+)|(--[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^']|'')*')|("(?:[^"]|"")*"|`(?:[^`]|``)*`)|(\$(\w*)\$[\s\S]*?\$\6\$)|([A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*)|(\d+(?:\.\d+)?)|(.)/y;

function tokenize(text: string): { tokens: Token[]; problems: DdlColumns['problems'] } {
  const tokens: Token[] = [];
  const problems: DdlColumns['problems'] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const [whole, space, comment, string, quoted, dollar, , word, number] = match;
    const start = match.index;
    if (space || comment) continue;
    const kind: Token['kind'] =
      string || dollar ? 'string' : quoted ? 'quoted' : word ? 'word' : number ? 'number' : 'punct';
    if (kind === 'punct' && whole === '[') {
      // `[Order]` is a SQL Server name; `[]` and `[3]` are PostgreSQL array bounds.
      const bracketed = /^\[([^\]\n]*)\]/.exec(text.slice(start));
      if (bracketed && !/^\s*\d*\s*$/.test(bracketed[1] as string)) {
        tokens.push({ kind: 'quoted', text: bracketed[0], start, end: start + bracketed[0].length });
        TOKEN.lastIndex = start + bracketed[0].length;
        continue;
      }
    }
    if (kind === 'punct' && (whole === "'" || whole === '"' || whole === '`'))
      problems.push({ message: `a ${whole} that is never closed`, offset: start });
    tokens.push({ kind, text: whole, start, end: start + whole.length });
  }
  return { tokens, problems };
}
