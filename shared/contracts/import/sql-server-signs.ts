import { isColumnName, typeSigns, wordAt, wordSigns } from './dialect-signs';
import type { SqlTable, SqlType } from './sql-column-types';
import type { Token } from './sql-tokens';

/*
 * Whether a SQL file is SQL Server's where it quotes no name with brackets and ends no batch with
 * `GO`, told from what of the dialects read (PostgreSQL, MySQL, Oracle) only SQL Server writes.
 * Words another writes too are no sign: `MONEY` and `BIT` (PostgreSQL's), `NCHAR` (Oracle's and
 * MySQL's), `DATETIME` and `TINYINT` (MySQL's), PostgreSQL's `AS IDENTITY (START WITH 1)`, a
 * `dbo.` schema (kept by PostgreSQL databases moved from SQL Server); nor a word where a column's
 * name stands (`identity text`). MySQL also takes NVARCHAR, so a file of MySQL's signs is not
 * SQL Server's for it (sql-dump.ts).
 */

/** Column types only SQL Server has. */
const SQL_SERVER_ONLY_TYPES = new Set([
  'NVARCHAR',
  'NTEXT',
  'DATETIME2',
  'DATETIMEOFFSET',
  'SMALLDATETIME',
  'UNIQUEIDENTIFIER',
  'SMALLMONEY',
  'ROWVERSION',
  'SQL_VARIANT',
  'HIERARCHYID',
]);
/** Functions only SQL Server has, which a default calls: `DEFAULT GETDATE()`, `DEFAULT NEWID()`. */
const SQL_SERVER_ONLY_FUNCTIONS = new Set([
  'GETDATE',
  'GETUTCDATE',
  'SYSDATETIME',
  'SYSUTCDATETIME',
  'SYSDATETIMEOFFSET',
  'NEWID',
  'NEWSEQUENTIALID',
]);
/** How a key or index is stored: `PRIMARY KEY CLUSTERED`, `UNIQUE NONCLUSTERED`. */
const INDEX_KINDS = new Set(['CLUSTERED', 'NONCLUSTERED']);

/**
 * What marks the file as SQL Server's, each once: its SQL Server-only column types in order of
 * name (`DATETIME2`, `NVARCHAR`, `VARCHAR(MAX)`), then its SQL Server-only words in the file's
 * order: `IDENTITY(…)`, `CLUSTERED`, `NONCLUSTERED`, `GETDATE()`, `NEWID()`… None in a file of another dialect.
 */
export function sqlServerSigns(tables: SqlTable[], tokens: Token[]): string[] {
  return [...new Set([...typeSigns(tables, sqlServerType), ...wordSigns(tokens, sqlServerWord)])];
}

/** The sign a column type is: a SQL Server-only type, or a size of `MAX` (`VARCHAR(MAX)`). */
function sqlServerType(type: SqlType): string | undefined {
  if (SQL_SERVER_ONLY_TYPES.has(type.baseName)) return type.baseName;
  return /\(MAX\)$/.test(type.elementType) ? `${type.baseName}(MAX)` : undefined;
}

/** The sign the word at `index` is, read between the tokens around it, if any. */
function sqlServerWord(tokens: Token[], index: number): string | undefined {
  const word = wordAt(tokens, index);
  if (isColumnName(tokens, index)) return undefined;
  const isCall = tokens[index + 1]?.text === '(';
  if (INDEX_KINDS.has(word)) return word;
  if (SQL_SERVER_ONLY_FUNCTIONS.has(word)) return isCall ? `${word}()` : undefined;
  // SQL Server's seed and step, `IDENTITY(1,1)`; PostgreSQL's and Oracle's options are words, `AS IDENTITY (START WITH 1)`.
  const isSeeded = isCall && tokens[index + 2]?.kind !== 'word' && wordAt(tokens, index - 1) !== 'AS';
  return word === 'IDENTITY' && isSeeded ? 'IDENTITY(…)' : undefined;
}
