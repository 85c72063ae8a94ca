import { describe, expect, it } from 'vitest';
import { sqlTokens } from '../../../shared/simulation/sql-tokens';

const texts = (sql: string) => sqlTokens(sql).map((token) => `${token.kind} ${token.text}`);

describe("SQL tokens, split as SQLite's tokenizer splits them", () => {
  it('reads a TCL-style $name(...) as one parameter, up to its ")", quotes and all', () => {
    expect(texts("SELECT $a(') AS a); DROP TABLE t; SELECT (')")).toEqual([
      'word SELECT',
      "parameter $a(')",
      'word AS',
      'word a',
      'symbol )',
      'symbol ;',
      'word DROP',
      'word TABLE',
      'word t',
      'symbol ;',
      'word SELECT',
      'symbol (',
      "string ')",
    ]);
  });

  it.each([
    ['?', ['parameter ?']],
    ['?12 + 1', ['parameter ?12', 'symbol +', 'number 1']],
    [':name, @name, #name', ['parameter :name', 'symbol ,', 'parameter @name', 'symbol ,', 'parameter #name']],
    ['$ns::x(k) || 1', ['parameter $ns::x(k)', 'symbol ||', 'number 1']],
    ["$a(b c) 'x'", ['parameter $a(b', 'word c', 'symbol )', "string 'x'"]],
    ['a$b $', ['word a$b', 'parameter $']],
  ])('reads the parameters of %s', (sql, expected) => {
    expect(texts(sql)).toEqual(expected);
  });
});
