import { describe, expect, it } from 'vitest';
import { isSqlKeywordAt } from '../../../shared/simulation/sql-keywords';
import { sqlTokens } from '../../../shared/simulation/sql-tokens';
import { loadSqlJs } from './builders';

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

describe('a window frame’s words, keywords only inside the frame, as SQLite reads them', () => {
  const FRAME_WORDS = ['unbounded', 'preceding', 'following', 'current', 'row', 'exclude', 'ties', 'others', 'no'];
  const keywordsOf = (sql: string) => FRAME_WORDS.flatMap((word) => readsAsKeyword(sql, word));

  it('reads them as the frame’s bounds and exclusion after ROWS, RANGE or GROUPS in a window', () => {
    expect(keywordsOf('SELECT SUM(x) OVER (PARTITION BY g ORDER BY t ROWS UNBOUNDED PRECEDING) FROM s')).toEqual([
      true,
      true,
    ]);
    const sql =
      'SELECT SUM(x) OVER (ORDER BY t GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE NO OTHERS), ' +
      'AVG(x) OVER w FROM s WINDOW w AS (ORDER BY t RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE TIES)';
    expect(keywordsOf(sql).every((isKeyword) => isKeyword)).toBe(true);
    expect(readsAsKeyword(sql, 'groups')).toEqual([true]);
  });

  it('reads them as columns or aliases everywhere else, a window’s PARTITION BY and ORDER BY included', async () => {
    const sql =
      'SELECT no, row AS current, groups, SUM(following) OVER (PARTITION BY no ORDER BY row ROWS UNBOUNDED PRECEDING) ' +
      'FROM s WHERE exclude = ties AND others > unbounded ORDER BY preceding, groups';
    expect(readsAsKeyword(sql, 'no')).toEqual([false, false]);
    expect(readsAsKeyword(sql, 'row')).toEqual([false, false]);
    expect(readsAsKeyword(sql, 'groups')).toEqual([false, false]);
    expect(['current', 'following', 'exclude', 'ties', 'others'].map((word) => readsAsKeyword(sql, word))).toEqual([
      [false],
      [false],
      [false],
      [false],
      [false],
    ]);
    expect(readsAsKeyword(sql, 'unbounded')).toEqual([true, false]);
    expect(readsAsKeyword(sql, 'preceding')).toEqual([true, false]);
    expect(readsAsKeyword('SELECT (SELECT rows current FROM t) FROM u', 'current')).toEqual([false]);

    const db = new (await loadSqlJs()).Database();
    try {
      const [result] =
        db.exec(`CREATE TABLE s (no, row, groups, following, exclude, ties, others, unbounded, preceding);
        INSERT INTO s VALUES (1, 2, 3, 4, 5, 5, 7, 6, 9); ${sql}`);
      expect(result?.columns.slice(0, 3)).toEqual(['no', 'current', 'groups']);
      expect(result?.values).toEqual([[1, 2, 3, 4]]);
    } finally {
      db.close();
    }
  });
});
