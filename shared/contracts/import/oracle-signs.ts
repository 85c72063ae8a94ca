import { typeSigns, wordAt, wordSigns } from './dialect-signs';
import type { SqlTable } from './sql-column-types';
import type { Token } from './sql-tokens';

/*
 * Whether a SQL file is Oracle's, whose DATE holds a time of day, told from what of the dialects
 * read (PostgreSQL, MySQL, SQL Server) only Oracle writes. Words PostgreSQL or MySQL write too
 * are no sign: `TABLESPACE`, `BLOB`, `LOGGING`, MySQL's `SYSDATE()`, `ENABLE KEYS` and
 * PostgreSQL's `ENABLE TRIGGER`, `SET STORAGE`.
 */

/** Column types only Oracle has (Snowflake, not read, also writes NUMBER). */
const ORACLE_ONLY_TYPES = new Set([
  'VARCHAR2',
  'NVARCHAR2',
  'NUMBER',
  'BINARY_FLOAT',
  'BINARY_DOUBLE',
  'CLOB',
  'NCLOB',
  'BFILE',
  'RAW',
  'ROWID',
  'UROWID',
  'XMLTYPE',
]);

/** Physical attributes DBMS_METADATA writes after a table or its index, each with a number (`PCTFREE 10`). */
const PHYSICAL_ATTRIBUTES = new Set(['PCTFREE', 'PCTUSED', 'INITRANS', 'MAXTRANS']);
/** What DBMS_METADATA writes of a table's compression and redo logging. */
const STORAGE_OPTIONS = new Set(['NOCOMPRESS', 'NOLOGGING']);

/**
 * What marks the file as Oracle's, each once: its Oracle-only column types in order of name
 * (`CLOB`, `VARCHAR2`), then its Oracle-only words in the file's order: `SYSDATE` or
 * `SYSTIMESTAMP` (MySQL's SYSDATE takes parentheses), `SYS_GUID()`, a constraint's `ENABLE`,
 * `STORAGE (…)`, `SEGMENT CREATION`, physical attributes (`PCTFREE 10`), `NOCOMPRESS`, `NOLOGGING`.
 * None in a file of another dialect.
 */
export function oracleSigns(tables: SqlTable[], tokens: Token[]): string[] {
  const types = typeSigns(tables, (type) => (ORACLE_ONLY_TYPES.has(type.baseName) ? type.baseName : undefined));
  return [...new Set([...types, ...wordSigns(tokens, oracleWord)])];
}

/** The sign the word at `index` is, read between the tokens around it, if any. */
function oracleWord(tokens: Token[], index: number): string | undefined {
  const word = wordAt(tokens, index);
  const [previous, next] = [tokens[index - 1], tokens[index + 1]];
  const nextWord = next?.kind === 'word' ? next.text.toUpperCase() : next?.text;
  if (STORAGE_OPTIONS.has(word)) return word;
  if (PHYSICAL_ATTRIBUTES.has(word)) return next?.kind === 'number' ? word : undefined;
  if (word === 'SYSDATE' || word === 'SYSTIMESTAMP') return nextWord === '(' ? undefined : word;
  if (word === 'SYS_GUID') return nextWord === '(' ? 'SYS_GUID()' : undefined;
  if (word === 'STORAGE') return nextWord === '(' ? 'STORAGE (…)' : undefined;
  if (word === 'SEGMENT') return nextWord === 'CREATION' ? 'SEGMENT CREATION' : undefined;
  // A constraint's, `NOT NULL ENABLE`, `CHECK (…) ENABLE`: a column named enable follows a `,` or `(`.
  const isAfterConstraint = previous?.text.toUpperCase() === 'NULL' || previous?.text === ')';
  return word === 'ENABLE' && isAfterConstraint ? word : undefined;
}
