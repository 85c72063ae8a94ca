import type { LogicalType } from '../../model/logical-type';
import { floatFormatOfType, isDecimalTypeName, physicalTypeParts } from '../physical-type-size';
import type { TypeDialect } from '../server-record-format';
import {
  blank,
  elements,
  matching,
  type SourceEdit,
  type SqlNote,
  type SqlProblem,
  type Token,
  unquote,
} from './sql-tokens';

/*
 * The column types of SQL `CREATE TABLE` statements, read here rather than by
 * node-sql-parser: its grammars know a closed list of type names per dialect, and accept
 * array suffixes after only some of them, so valid PostgreSQL (`POINT`, `INET[]`,
 * `DATE[]`, `CITEXT`, a user-defined type, `INTERVAL DAY TO SECOND`) failed to parse.
 * Types are where the dialects differ most and where users define their own; the parser
 * reads the rest of the statement from a text in which each column's type is `INT`. What
 * its grammars refuse after a type is read here too and blanked for it: identity and
 * generated columns, the names of named defaults, and SQL Server's storage options.
 */

export interface SqlType {
  /** `NUMERIC(10,2)`, `TIMESTAMP WITH TIME ZONE`, `INET[]`, `ENUM('Y','J')`. */
  physicalType: string;
  /** The same with its words as written, for a type the user named: `public.order_status`. */
  physicalTypeAsWritten: string;
  /** The type of one element: `INET` of `INET[]`, `NUMERIC(10,2)`. */
  elementType: string;
  /** The element type's name without sizes, time zones or array suffixes: `NUMERIC`, `INET`, `PUBLIC.MOOD`. */
  baseName: string;
  /** The same without the quotes of its names, to find a type the file declares: `"Mood"` → `MOOD`, `s."Hazard Class"` → `S.HAZARD CLASS`. */
  declaredName: string;
  /** `undefined` when ODCS has no logical type for the element type. */
  logicalType: LogicalType | undefined;
  /** 0 for a scalar, 1 for `T[]`, `T[3]` or `T ARRAY`, 2 for `T[][]`. */
  arrayDepth: number;
  /** The values of MySQL `ENUM('a', 'b')`. */
  enumValues?: string[];
  /** The ODCS `format` of the element type's values: `uuid` of `UUID`. */
  format?: string;
  /** Of a domain declared `NOT NULL` (sql-domains.ts): its column holds no NULL. */
  isNotNull?: boolean;
}

export interface SqlColumn {
  name: string;
  /** None for a SQL Server computed column, `Total AS (Qty * Price)`, which declares no type. */
  type?: SqlType;
  /** Where the column's name starts, and its type starts and ends, in the source. */
  start: number;
  typeStart: number;
  typeEnd: number;
  /** `GENERATED … AS IDENTITY`, SQL Server's `IDENTITY(1,1)`: the database numbers the rows. */
  isIdentity: boolean;
  /** A generated (computed) column: `qty * price`, stored on write or computed on read. */
  generated?: { expression: string; isStored: boolean };
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
  /** Where each table-level UNIQUE constraint starts, in order. */
  uniqueStarts: number[];
  /** Foreign keys whose `REFERENCES t` names no column, so refer to t's primary key: their columns, t, and where REFERENCES is. */
  keylessReferences: KeylessReference[];
  /** Every table-level constraint and index, where it starts, as a message names it (`constraint orders_fk`). */
  constraints: { label: string; start: number }[];
  /** MySQL's `COMMENT='…'` table option. */
  comment?: { text: string; offset: number };
  /** What the parser reads in place of the source: each type as `INT`, what it cannot read blanked. */
  edits: SourceEdit[];
}

export interface KeylessReference {
  columns: string[];
  table: string;
  offset: number;
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
    'CLOB',
    'NCLOB',
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
    'NUMBER',
    'BINARY_FLOAT',
    'BINARY_DOUBLE',
  ]),
  ...typesOf('boolean', ['BOOLEAN', 'BOOL', 'BIT']),
  DATE: 'date',
  ...typesOf('timestamp', ['TIMESTAMP', 'TIMESTAMPTZ', 'DATETIME', 'DATETIME2', 'DATETIMEOFFSET', 'SMALLDATETIME']),
  ...typesOf('time', ['TIME', 'TIMETZ']),
  ...typesOf('object', ['JSON', 'JSONB']),
};

/** The ODCS formats of the values of SQL types that hold only those: PostgreSQL's UUID, SQL Server's UNIQUEIDENTIFIER. */
const SQL_TYPE_FORMATS: Record<string, string> = { UUID: 'uuid', UNIQUEIDENTIFIER: 'uuid' };

function typesOf(logicalType: LogicalType, names: string[]): Record<string, LogicalType> {
  return Object.fromEntries(names.map((name) => [name, logicalType]));
}

/** Oracle's DATE holds a time of day too, to the second (Debezium sends it as a timestamp): a timestamp without time zone. */
export function holdsTimeOfDay(type: SqlType, isOracle: boolean): boolean {
  return isOracle && type.baseName === 'DATE' && type.arrayDepth === 0;
}

/**
 * The type dialect a file's float types are read in, where its database says their width: Oracle's
 * or MySQL's. None for another file, whose REAL may be PostgreSQL's 32 bits or MySQL's double.
 */
export function floatDialectOf(database: { isMySql: boolean; isOracle: boolean }): TypeDialect | undefined {
  if (database.isOracle) return 'oracle';
  return database.isMySql ? 'mysql' : undefined;
}

/**
 * ODCS's format of a column's numbers, the width of its binary floats as its file's database stores
 * them: Oracle's BINARY_FLOAT f32 and BINARY_DOUBLE f64 (none of its FLOAT, REAL and DOUBLE
 * PRECISION, NUMBERs of binary digits), MySQL's REAL and DOUBLE f64 and FLOAT f32.
 */
export function floatFormatIn(type: SqlType, dialect: TypeDialect): string | undefined {
  const parts = physicalTypeParts(type.elementType);
  return parts && floatFormatOfType(parts, dialect);
}

/** The date-time types whose values carry a time zone in every database that has them. */
const ZONED_TYPES = new Set(['TIMESTAMPTZ', 'TIMETZ', 'DATETIMEOFFSET']);
/** `TIMESTAMP WITH TIME ZONE`, and Oracle's `WITH LOCAL TIME ZONE`: a moment, read in the session's zone. */
const WITH_TIME_ZONE = /\bWITH (LOCAL )?TIME ZONE\b/;

/**
 * How a contract's timestamp or time that says no `timezone` is read (ODCS gives it no default):
 * a timestamp as a moment, a time as a clock time, as PostgreSQL advises and the SQL export writes them.
 */
const UNSTATED_TIME_ZONE: Partial<Record<LogicalType, boolean>> = { timestamp: true, time: false };

/**
 * ODCS's `timezone` of a timestamp or time column where it is not what a contract saying none
 * means (a `timestamp` without time zone, a `time with time zone`), so that the column is written
 * back as its type; undefined where it is, and for other types. As its database means the type:
 * with a time zone for a moment (`timestamptz`, `time with time zone`, SQL Server's
 * datetimeoffset, MySQL's TIMESTAMP, stored in UTC and read in the session's zone), without for a
 * clock time (`timestamp`, `time`, MySQL's DATETIME, SQL Server's datetime2, Oracle's DATE).
 */
export function timeZoneToState(type: SqlType, database: { isMySql: boolean; isOracle: boolean }): boolean | undefined {
  const isOracleDate = holdsTimeOfDay(type, database.isOracle);
  const logicalType = isOracleDate ? 'timestamp' : type.logicalType;
  if (logicalType !== 'timestamp' && logicalType !== 'time') return undefined;
  const hasTimeZone =
    !isOracleDate &&
    (ZONED_TYPES.has(type.baseName) ||
      WITH_TIME_ZONE.test(type.elementType) ||
      (database.isMySql && type.baseName === 'TIMESTAMP'));
  return hasTimeZone === UNSTATED_TIME_ZONE[logicalType] ? undefined : hasTimeZone;
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
const INDEXES = new Set(['KEY', 'INDEX', 'FULLTEXT', 'SPATIAL']);
const TYPE_WORDS = new Set(Object.keys(SQL_TYPES).map((name) => name.split(' ')[0]));

/** Modifiers that do not change a type's logical type. */
const TYPE_MODIFIERS = /\s+(WITH(OUT)? (LOCAL )?TIME ZONE|UNSIGNED|SIGNED|ZEROFILL)\b/g;

/** The logical type of a SQL type's name without sizes (`varchar`, `timestamp with time zone`), if SQL_TYPES knows it. */
export function logicalTypeOfSqlTypeName(baseName: string): LogicalType | undefined {
  return SQL_TYPES[` ${baseName.toUpperCase()}`.replace(TYPE_MODIFIERS, '').trim()];
}

/** The ODCS format of the values a SQL type's name without sizes holds, where it holds only those (`uuid`, `UNIQUEIDENTIFIER`: uuid). */
export function formatOfSqlTypeName(baseName: string): string | undefined {
  const name = baseName.toUpperCase();
  return Object.hasOwn(SQL_TYPE_FORMATS, name) ? SQL_TYPE_FORMATS[name] : undefined;
}

/** The logical type of the values a property's SQL `physicalType` holds (`varchar(12)` string, `numeric(10,2)` number), if SQL_TYPES knows its name. */
export function logicalTypeOfPhysicalType(physicalType: unknown): LogicalType | undefined {
  const parts = typeof physicalType === 'string' ? physicalTypeParts(physicalType) : undefined;
  return parts && logicalTypeOfSqlTypeName(parts.base);
}

/** A column type from its tokens. */
export function sqlType(tokens: Token[]): SqlType {
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
  const words: Token[] = [];
  let depth = 0;
  for (const token of element) {
    if (token.text === '(') depth += 1;
    else if (token.text === ')') depth -= 1;
    else if (depth === 0) words.push(token);
  }
  const nameOf = (wordOf: (token: Token) => string) =>
    words.map(wordOf).join(' ').replace(/ \. /g, '.').replace(TYPE_MODIFIERS, '');
  // A quoted name stays as written for SQL_TYPES: PostgreSQL's `"char"` is not `char`.
  const baseName = nameOf((token) => (isTypeWord(token) ? unquote(token).toUpperCase() : token.text));
  const length = Number(element[element.findIndex((token) => token.text === '(') + 1]?.text);
  const isBitString = baseName === 'BIT' && length > 1;
  const logicalType = isBitString ? undefined : isWholeDecimal(baseName, element) ? 'integer' : SQL_TYPES[baseName];
  const enumValues =
    baseName === 'ENUM' ? element.filter((token) => token.kind === 'string').map((token) => unquote(token)) : undefined;
  const format = formatOfSqlTypeName(baseName);
  return {
    physicalType: spelled(tokens),
    physicalTypeAsWritten: spelled(tokens, unquote),
    elementType: spelled(element),
    baseName,
    declaredName: nameOf((token) => unquote(token).toUpperCase()),
    logicalType,
    arrayDepth,
    ...(enumValues && { enumValues }),
    ...(format && { format }),
  };
}

/**
 * A decimal of no digits after the point (`NUMERIC(20,0)`, `DECIMAL(10)`, Oracle's `NUMBER(10)`,
 * `NUMBER(*,0)`) holds integers only: the SQL export writes an integer past bigint so.
 */
function isWholeDecimal(baseName: string, element: Token[]): boolean {
  const open = element.findIndex((token) => token.text === '(');
  if (open === -1 || !isDecimalTypeName(baseName.toLowerCase())) return false;
  const sizes = element.slice(open + 1, matching(element, open)).map((token) => token.text);
  const comma = sizes.indexOf(',');
  // `NUMBER(*)` is NUMBER, of any scale; `NUMERIC(10)` has a scale of 0.
  if (comma === -1) return sizes.length === 1 && /^\d+$/.test(sizes[0] as string);
  const scale = sizes.slice(comma + 1);
  return scale.length === 1 && scale[0] === '0';
}

/** A word of a type's name: SSMS writes `[int]`, `[nvarchar](20)`. */
function isTypeWord(token: Token): boolean {
  return token.kind === 'word' || (token.kind === 'quoted' && token.text.startsWith('['));
}

/** Tokens as one type name: words upper-cased unless told otherwise, no spaces around punctuation. */
function spelled(tokens: Token[], wordOf = (token: Token) => unquote(token).toUpperCase()): string {
  return tokens
    .map((token, index) => {
      const text = isTypeWord(token) ? wordOf(token) : token.text;
      const previous = tokens[index - 1];
      const isGlued =
        index === 0 ||
        token.kind === 'punct' ||
        (previous?.kind === 'punct' && previous.text !== ')' && previous.text !== ']');
      return isGlued ? text : ` ${text}`;
    })
    .join('');
}

/** A `CREATE TABLE` statement's name, columns and their types; `undefined` for another statement. */
export function readCreateTable(
  statement: Token[],
  text: string,
  problems: SqlProblem[],
  notes: SqlNote[],
): SqlTable | undefined {
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
  const uniqueStarts: number[] = [];
  const constraints: SqlTable['constraints'] = [];
  const keylessReferences: KeylessReference[] = [];
  const edits: SourceEdit[] = [];
  const bodyElements = elements(statement.slice(index + 1, close + 1));
  const columns = bodyElements.flatMap(({ tokens: element, end }, position) => {
    const first = element[0];
    if (!first) {
      const where = end.text === ',' ? 'two commas' : `a comma before ')'`;
      problems.push({ message: `an empty column definition in table ${name} (${where})`, offset: end.start });
      return [];
    }
    // What no grammar of the parser reads goes with the comma that joins it to the table's other elements.
    const blankElement = () => {
      const previousEnd = bodyElements[position - 1]?.end;
      edits.push(previousEnd ? blank(previousEnd.start, (element.at(-1) as Token).end) : blank(first.start, end.end));
    };
    if (isExclusionConstraint(element)) {
      notes.push({
        path: name,
        message: `${written(element, text)} has no ODCS equivalent: not imported`,
        offset: first.start,
      });
      blankElement();
      return [];
    }
    const keylessForeignKey = readKeylessForeignKey(element, name, text);
    if (keylessForeignKey) {
      keylessReferences.push(keylessForeignKey.reference);
      notes.push(...keylessForeignKey.notes);
      blankElement();
      return [];
    }
    const firstWord = first.kind === 'word' ? first.text.toUpperCase() : '';
    const isIndex = INDEXES.has(firstWord) && !TYPE_WORDS.has(element[1]?.text.toUpperCase() ?? '');
    if (TABLE_CONSTRAINTS.has(firstWord) || isIndex) {
      const hasWord = (word: string) =>
        element.some((token) => token.kind === 'word' && token.text.toUpperCase() === word);
      edits.push(...enforcementClauses(element), ...patternCasts(element));
      constraints.push({ label: constraintLabel(element, text), start: first.start });
      if (hasWord('CHECK')) checkStarts.push(first.start);
      if (hasWord('FOREIGN')) foreignKeyStarts.push(first.start);
      else if (hasWord('PRIMARY') || hasWord('UNIQUE')) {
        if (hasWord('UNIQUE')) uniqueStarts.push(first.start);
        edits.push(...keyStorageOptions(element));
      } else if (isIndex)
        notes.push({
          path: name,
          message: `${written(element, text)} has no ODCS equivalent: not imported`,
          offset: first.start,
        });
      return [];
    }
    if (firstWord === 'PERIOD' && element[1]?.text.toUpperCase() === 'FOR') return [];
    const found = column(element, name, text, problems, notes);
    if (!found) return [];
    edits.push(...found.edits);
    if (found.keylessReference) keylessReferences.push({ columns: [found.column.name], ...found.keylessReference });
    return [found.column];
  });
  const options = statement.slice(close + 1);
  const comment = tableComment(options);
  if (options.some((token) => token.kind === 'word' && token.text.toUpperCase() === 'INHERITS'))
    notes.push({
      path: name,
      message: "INHERITS: the parent table's columns are not imported",
      offset: (options[0] as Token).start,
    });
  // Table options (ENGINE, CHARSET, ON [PRIMARY], WITH (...)) say how the table is stored, not what it holds.
  if (options.length > 0) edits.push(blank((options[0] as Token).start, (options.at(-1) as Token).end));
  return {
    name,
    start: statement[0]?.start ?? 0,
    bodyStart: open.start,
    bodyEnd: statement[close]?.end ?? open.end,
    columns,
    checkStarts,
    foreignKeyStarts,
    uniqueStarts,
    keylessReferences,
    constraints,
    ...(comment && { comment }),
    edits,
  };
}

/** PostgreSQL's `[CONSTRAINT n] EXCLUDE USING gist (…)`: no two rows may overlap so, which ODCS has no word for. */
function isExclusionConstraint(element: Token[]): boolean {
  const start = element[0]?.text.toUpperCase() === 'CONSTRAINT' ? 2 : 0;
  const [word, next] = [element[start], element[start + 1]];
  // `exclude text` is a column named exclude.
  return word?.kind === 'word' && word.text.toUpperCase() === 'EXCLUDE' && /^(USING|\()$/i.test(next?.text ?? '');
}

/** `constraint orders_fk` for a named constraint, else its words up to its columns: `FOREIGN KEY constraint`, `KEY by_customer`. */
function constraintLabel(element: Token[], text: string): string {
  const [first, name] = element;
  if (first?.text.toUpperCase() === 'CONSTRAINT' && name) return `constraint ${unquote(name)}`;
  const open = element.findIndex((token) => token.text === '(');
  const words = written(element.slice(0, open === -1 ? element.length : open), text);
  return INDEXES.has(first?.text.toUpperCase() ?? '') ? words : `${words} constraint`;
}

/** Tokens as the source writes them, on one line: `KEY `by_customer` (`customer_id`)`. */
export function written(tokens: Token[], text: string): string {
  const source = text.slice(tokens[0]?.start ?? 0, tokens.at(-1)?.end ?? 0);
  return source.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')');
}

/** SQL Server's `PRIMARY KEY CLUSTERED ([Id] ASC) WITH (PAD_INDEX = OFF) ON [PRIMARY]`: how the key is stored. */
export function keyStorageOptions(element: Token[]): SourceEdit[] {
  const open = element.findIndex((token) => token.text === '(');
  if (open === -1) return [];
  const close = matching(element, open);
  const isStorageWord = (token: Token) => /^(NONCLUSTERED|CLUSTERED|ASC|DESC)$/i.test(token.text);
  const edits = element
    .slice(0, close)
    .filter(isStorageWord)
    .map((token) => blank(token.start, token.end));
  const after = element.slice(close + 1);
  if (after.length > 0) edits.push(blank((after[0] as Token).start, (after.at(-1) as Token).end));
  return edits;
}

/**
 * When and for whom a constraint is checked, not what the data is: SQL Server's `NOT FOR
 * REPLICATION` (replication agents skip it), PostgreSQL's `[NOT] DEFERRABLE [INITIALLY
 * DEFERRED | IMMEDIATE]` (checked at commit) and `NOT VALID` (rows already there are not
 * checked, new ones are), and Oracle's `ENABLE` (checked, as a constraint is by default; its
 * DBMS_METADATA writes it after each), which the parser's grammars do not read.
 */
const ENFORCEMENT_CLAUSES = [
  ['NOT', 'FOR', 'REPLICATION'],
  ['NOT', 'VALID'],
  ['NOT', 'DEFERRABLE'],
  ['DEFERRABLE'],
  ['INITIALLY', 'DEFERRED'],
  ['INITIALLY', 'IMMEDIATE'],
  ['ENABLE'],
];

/** The enforcement clauses among `tokens`, blanked; none inside parentheses, where `enable` is a column. */
export function enforcementClauses(tokens: Token[]): SourceEdit[] {
  const isWord = (index: number, word: string) =>
    tokens[index]?.kind === 'word' && (tokens[index] as Token).text.toUpperCase() === word;
  const edits: SourceEdit[] = [];
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index]?.text === '(') depth++;
    if (tokens[index]?.text === ')') depth--;
    if (depth > 0) continue;
    const clause = ENFORCEMENT_CLAUSES.find((words) => words.every((word, offset) => isWord(index + offset, word)));
    if (!clause) continue;
    edits.push(blank((tokens[index] as Token).start, (tokens[index + clause.length - 1] as Token).end));
    index += clause.length - 1;
  }
  return edits;
}

/**
 * The cast of a regular expression after PostgreSQL's `~` (`~*`, `!~`), as pg_dump writes a
 * pattern check (`code ~ '^[A-Z]{2}$'::text`), blanked: the parser reads no cast there, and the
 * pattern is text anyway.
 */
export function patternCasts(tokens: Token[]): SourceEdit[] {
  return tokens.flatMap((token, index) => {
    const operator = tokens[index - 1]?.text === '*' ? tokens[index - 2] : tokens[index - 1];
    const [colon, secondColon, type] = tokens.slice(index + 1, index + 4);
    const isCast = colon?.text === ':' && secondColon?.text === ':' && type?.kind === 'word';
    return token.kind === 'string' && operator?.text === '~' && isCast ? [blank(colon.start, type.end)] : [];
  });
}

/** MySQL's `COMMENT='…'` (or `COMMENT '…'`) among a table's options. */
function tableComment(options: Token[]): SqlTable['comment'] {
  const at = options.findIndex((token) => token.kind === 'word' && token.text.toUpperCase() === 'COMMENT');
  const value = options[at + 1]?.text === '=' ? options[at + 2] : options[at + 1];
  return at !== -1 && value?.kind === 'string'
    ? { text: unquote(value), offset: (options[at] as Token).start }
    : undefined;
}

function column(
  element: Token[],
  table: string,
  text: string,
  problems: SqlProblem[],
  notes: SqlNote[],
): { column: SqlColumn; edits: SourceEdit[]; keylessReference?: Omit<KeylessReference, 'columns'> } | undefined {
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
  const { isIdentity, generated, keylessReference, edits, unread } = readColumnOptions(element.slice(end), text);
  // Not the column's name: a column may be named `enable`.
  edits.push(...enforcementClauses(element.slice(1)), ...patternCasts(element));
  for (const clause of unread)
    notes.push({
      path: `${table}.${name}`,
      message: `${written(clause.tokens, text)} has no ODCS equivalent: not imported`,
      offset: clause.offset,
    });
  const start = nameToken.start;
  if (typeTokens.length === 0) {
    const [computed] = edits;
    if (!generated || !computed) {
      problems.push({ message: `column ${name} of table ${table} has no type`, offset: start });
      return undefined;
    }
    // The parser needs a type where SQL Server's computed column has none.
    computed.text = 'INT';
    const column = { name, start, typeStart: computed.start, typeEnd: computed.end, isIdentity, generated };
    return { column, edits };
  }
  const typeStart = (typeTokens[0] as Token).start;
  const typeEnd = (typeTokens.at(-1) as Token).end;
  const column = { name, type: sqlType(typeTokens), start, typeStart, typeEnd, isIdentity };
  // The parser reads every type as INT: its grammars know only some type names.
  edits.push({ start: typeStart, end: typeEnd, text: 'INT' });
  return {
    column: { ...column, ...(generated && { generated }) },
    edits,
    ...(keylessReference && { keylessReference }),
  };
}

/**
 * `REFERENCES t` without columns, which PostgreSQL and SQL Server read as t's primary key and no
 * grammar of the parser reads: the table's name, where its actions start and where the clause ends.
 */
function readKeylessReference(
  tokens: Token[],
  at: number,
): { table: string; actionsFrom: number; end: number } | undefined {
  const isName = (token: Token | undefined) => token?.kind === 'word' || token?.kind === 'quoted';
  let index = at + 1;
  if (!isName(tokens[index])) return undefined;
  while (tokens[index + 1]?.text === '.' && isName(tokens[index + 2])) index += 2;
  const table = unquote(tokens[index] as Token);
  const actionsFrom = index + 1;
  if (tokens[actionsFrom]?.text === '(') return undefined;
  const word = (offset: number) =>
    tokens[offset]?.kind === 'word' ? (tokens[offset] as Token).text.toUpperCase() : '';
  let end = actionsFrom;
  for (;;) {
    if (word(end) === 'MATCH') end += 2;
    else if (word(end) === 'ON' && /^(DELETE|UPDATE)$/.test(word(end + 1))) {
      end += 2;
      if (word(end) === 'NO' || word(end) === 'SET') end += 1;
      end += 1;
      // PostgreSQL 15's `ON DELETE SET NULL (a, b)`.
      if (tokens[end]?.text === '(') end = matching(tokens, end) + 1;
    } else break;
  }
  return { table, actionsFrom, end };
}

/**
 * A `[CONSTRAINT n] FOREIGN KEY (a, b) REFERENCES t` of `table` naming no column of t, in the table or
 * added by ALTER TABLE, and its actions (ON DELETE …) reported.
 */
export function readKeylessForeignKey(
  element: Token[],
  table: string,
  text: string,
): { reference: KeylessReference; notes: SqlNote[] } | undefined {
  const isWord = (token: Token | undefined, word: string) =>
    token?.kind === 'word' && token.text.toUpperCase() === word;
  const foreign = element.findIndex((token) => isWord(token, 'FOREIGN'));
  const open = element.findIndex((token, index) => index > foreign && token.text === '(');
  const references = element.findIndex((token) => isWord(token, 'REFERENCES'));
  if (foreign === -1 || open === -1 || references === -1) return undefined;
  const keyless = readKeylessReference(element, references);
  if (!keyless) return undefined;
  const columns = element
    .slice(open + 1, matching(element, open))
    .filter((token) => token.text !== ',')
    .map(unquote);
  const offset = (element[references] as Token).start;
  const actions = element.slice(keyless.actionsFrom, keyless.end);
  const notes = actions[0]
    ? [
        {
          path: table,
          message: `${written(actions, text)} has no ODCS equivalent: not imported`,
          offset: actions[0].start,
        },
      ]
    : [];
  return { reference: { columns, table: keyless.table, offset }, notes };
}

/** SQL Server's column storage and replication markers: how a value is kept, not what it is. */
const STORAGE_OPTIONS = new Set(['CLUSTERED', 'NONCLUSTERED', 'ROWGUIDCOL', 'SPARSE', 'FILESTREAM']);
/** SQL Server's `MASKED WITH (FUNCTION = 'email()')` and `ENCRYPTED WITH (…)`: who may read a value, reported. */
const PROTECTIONS = new Set(['MASKED', 'ENCRYPTED']);

/** A column clause read but not imported, where it starts. */
interface Unread {
  tokens: Token[];
  offset: number;
}

/**
 * What the parser cannot read after a column's type, read here and blanked for it: identity
 * (`GENERATED ALWAYS AS IDENTITY (START WITH 1)`, SQL Server's `IDENTITY(1,1)`), a generated
 * column (`GENERATED ALWAYS AS (expr) STORED`, MySQL's `AS (expr) VIRTUAL`), the name of a
 * named default (`CONSTRAINT DF_x DEFAULT (getdate())`) and SQL Server's `PRIMARY KEY
 * CLUSTERED`, `ROWGUIDCOL`, `SPARSE` and `FILESTREAM`, which ODCS has no use for; `MASKED WITH (…)` and `ENCRYPTED WITH (…)` are blanked and returned to report.
 */
function readColumnOptions(
  tokens: Token[],
  text: string,
): {
  isIdentity: boolean;
  generated?: SqlColumn['generated'];
  keylessReference?: Omit<KeylessReference, 'columns'>;
  edits: SourceEdit[];
  unread: Unread[];
} {
  const word = (index: number) => (tokens[index]?.kind === 'word' ? (tokens[index] as Token).text.toUpperCase() : '');
  const edits: SourceEdit[] = [];
  const unread: Unread[] = [];
  let isIdentity = false;
  let generated: SqlColumn['generated'];
  let keylessReference: Omit<KeylessReference, 'columns'> | undefined;
  /** The index after `(…)` at `index`, or `index` when there is none. */
  const afterParentheses = (index: number) => (tokens[index]?.text === '(' ? matching(tokens, index) + 1 : index);
  const blankTokens = (from: number, to: number) =>
    edits.push(blank((tokens[from] as Token).start, (tokens[to - 1] as Token).end));
  let index = 0;
  while (index < tokens.length) {
    let next = index;
    if (word(index) === 'GENERATED' || (word(index) === 'AS' && tokens[index + 1]?.text === '(')) {
      next = word(index) === 'GENERATED' ? index + 1 : index;
      if (word(next) === 'ALWAYS') next++;
      else if (word(next) === 'BY' && word(next + 1) === 'DEFAULT') next += 2;
      if (word(next) === 'AS') next++;
      if (word(next) === 'IDENTITY') {
        isIdentity = true;
        next = afterParentheses(next + 1);
      } else if (tokens[next]?.text === '(') {
        const close = matching(tokens, next);
        const kind = /^(STORED|VIRTUAL|PERSISTED)$/.test(word(close + 1)) ? word(close + 1) : '';
        const expression = text.slice((tokens[next] as Token).end, (tokens[close] as Token).start).trim();
        generated = { expression, isStored: kind === 'STORED' || kind === 'PERSISTED' };
        next = close + 1 + (kind ? 1 : 0);
      }
    } else if (word(index) === 'IDENTITY') {
      isIdentity = true;
      next = afterParentheses(index + 1);
    } else if (word(index) === 'CONSTRAINT' && word(index + 2) === 'DEFAULT') next = index + 2;
    else if (STORAGE_OPTIONS.has(word(index))) next = index + 1;
    else if (PROTECTIONS.has(word(index)) && word(index + 1) === 'WITH' && tokens[index + 2]?.text === '(') {
      next = afterParentheses(index + 2);
      unread.push({ tokens: tokens.slice(index, next), offset: (tokens[index] as Token).start });
    } else if (word(index) === 'REFERENCES') {
      const keyless = readKeylessReference(tokens, index);
      if (keyless) {
        keylessReference = { table: keyless.table, offset: (tokens[index] as Token).start };
        if (keyless.actionsFrom < keyless.end)
          unread.push({
            tokens: tokens.slice(keyless.actionsFrom, keyless.end),
            offset: (tokens[keyless.actionsFrom] as Token).start,
          });
        next = keyless.end;
      }
    }
    if (next > index) {
      blankTokens(index, next);
      index = next;
    } else index++;
  }
  return { isIdentity, ...(generated && { generated }), ...(keylessReference && { keylessReference }), edits, unread };
}
