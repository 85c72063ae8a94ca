import { isColumnName, wordAt, wordSigns } from './dialect-signs';
import type { Token } from './sql-tokens';

/*
 * Whether a SQL file is MySQL's where it quotes no name with backticks, told from what of the
 * dialects read (PostgreSQL, SQL Server, Oracle) only MySQL writes. Words another writes too are
 * no sign: `DATETIME` and `TINYINT` (SQL Server's), `CHARACTER SET`, `COLLATE` with a name of
 * another's (`"C"`, `Latin1_General_CI_AS`), `ON UPDATE CASCADE`; nor a word where a column's
 * name stands (`unsigned boolean`).
 */

/** The storage engines MySQL and MariaDB ship, whose names after ENGINE no other database writes. */
const ENGINES = new Set([
  'INNODB',
  'MYISAM',
  'MEMORY',
  'ARIA',
  'ARCHIVE',
  'CSV',
  'BLACKHOLE',
  'MERGE',
  'MRG_MYISAM',
  'FEDERATED',
  'NDB',
  'NDBCLUSTER',
  'ROCKSDB',
  'TOKUDB',
]);
/** Column attributes only MySQL has. */
const MYSQL_ONLY_WORDS = new Set(['AUTO_INCREMENT', 'UNSIGNED', 'ZEROFILL']);
/** MySQL's collations of Unicode character sets (`utf8mb4_0900_ai_ci`); SQL Server's start with a language. */
const UNICODE_COLLATION = /^utf8(mb[34])?_/i;

/**
 * What marks the file as MySQL's, each once, in the file's order: `ENGINE=InnoDB`,
 * `AUTO_INCREMENT`, `UNSIGNED`, `ZEROFILL`, `DEFAULT CHARSET`, `COLLATE utf8mb4_…`, `TINYINT(1)`
 * (SQL Server's tinyint takes no size), `ON UPDATE CURRENT_TIMESTAMP`. None in a file of another dialect.
 */
export function mysqlSigns(tokens: Token[]): string[] {
  return wordSigns(tokens, mysqlWord);
}

/** The sign the word at `index` is, read between the tokens around it, if any. */
function mysqlWord(tokens: Token[], index: number): string | undefined {
  const word = wordAt(tokens, index);
  if (isColumnName(tokens, index)) return undefined;
  if (MYSQL_ONLY_WORDS.has(word)) return word;
  const afterEquals = tokens[index + 1]?.text === '=' ? index + 2 : index + 1;
  if (word === 'ENGINE' && ENGINES.has(wordAt(tokens, afterEquals))) return `ENGINE=${tokens[afterEquals]?.text}`;
  if (word === 'CHARSET' && wordAt(tokens, index - 1) === 'DEFAULT') return 'DEFAULT CHARSET';
  if (word === 'COLLATE' && UNICODE_COLLATION.test(wordAt(tokens, index + 1))) return 'COLLATE utf8mb4_…';
  if (word === 'TINYINT' && tokens[index + 1]?.text === '(') return `TINYINT(${tokens[index + 2]?.text ?? ''})`;
  const isOnUpdate = wordAt(tokens, index - 1) === 'UPDATE' && wordAt(tokens, index - 2) === 'ON';
  return isOnUpdate && word === 'CURRENT_TIMESTAMP' ? 'ON UPDATE CURRENT_TIMESTAMP' : undefined;
}
