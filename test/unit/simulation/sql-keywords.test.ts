import { describe, expect, it } from 'vitest';
import { isSqlKeywordAt } from '../../../shared/simulation/sql-keywords';
import { sqlTokens } from '../../../shared/simulation/sql-tokens';

/** For each word `word` in `sql`, left to right, whether it is a keyword where it stands. */
function readsAsKeyword(sql: string, word: string): boolean[] {
  const tokens = sqlTokens(sql);
  return tokens.flatMap((token, at) => (token.text.toLowerCase() === word ? [isSqlKeywordAt(tokens, at)] : []));
}

describe('ASC and DESC, keywords only where they end an ordering term, as SQLite reads them', () => {
  it('reads them as directions at the end of a query’s, a window’s, an aggregate’s or an index’s ordering term', () => {
    expect(readsAsKeyword('SELECT id FROM t ORDER BY id DESC', 'desc')).toEqual([true]);
    expect(readsAsKeyword('SELECT id FROM t ORDER BY f(id) desc NULLS LAST, id asc LIMIT 2', 'desc')).toEqual([true]);
    expect(readsAsKeyword('SELECT id FROM t ORDER BY id COLLATE nocase ASC;', 'asc')).toEqual([true]);
    expect(readsAsKeyword('SELECT SUM(x) OVER (ORDER BY x DESC ROWS UNBOUNDED PRECEDING) FROM t', 'desc')).toEqual([
      true,
    ]);
    expect(readsAsKeyword("SELECT group_concat(x, ',' ORDER BY x DESC) FROM t", 'desc')).toEqual([true]);
    expect(readsAsKeyword('CREATE UNIQUE INDEX i ON s.t (a DESC, b)', 'desc')).toEqual([true]);
  });

  it('reads them as columns or aliases everywhere else', () => {
    expect(readsAsKeyword("SELECT id, desc FROM t WHERE desc = 'a' GROUP BY desc", 'desc')).toEqual([
      false,
      false,
      false,
    ]);
    expect(readsAsKeyword('SELECT x desc, y asc FROM t', 'desc')).toEqual([false]);
    expect(readsAsKeyword('SELECT x desc, y asc', 'asc')).toEqual([false]);
    expect(readsAsKeyword('SELECT id FROM t ORDER BY desc DESC, asc', 'desc')).toEqual([false, true]);
    expect(readsAsKeyword('SELECT ROW_NUMBER() OVER (PARTITION BY desc ORDER BY desc desc) FROM t', 'desc')).toEqual([
      false,
      false,
      true,
    ]);
    expect(readsAsKeyword('SELECT (SELECT MAX(x) FROM u ORDER BY 1) desc FROM t', 'desc')).toEqual([false]);
    expect(readsAsKeyword('CREATE TABLE t (id, desc)', 'desc')).toEqual([false]);
    expect(readsAsKeyword('CREATE INDEX i ON t (desc)', 'desc')).toEqual([false]);
  });
});
