import { describe, expect, it } from 'vitest';
import { readSqlLineage } from '../../../shared/lineage/sql-lineage';
import { loadSqlJs } from '../simulation/builders';

/** Each call writes the value of `t.secret` into its result, as SQLite (sql.js) runs it: the lineage must read it as a copy. */
const CALLS_WRITING_AN_ARGUMENT_OUT = [
  'group_concat(t.gate, t.secret)',
  'string_agg(t.gate, t.secret)',
  "replace(t.gate, 'A', t.secret)",
  "strftime(t.secret, '2020-01-01')",
  'lag(t.gate, 1, t.secret) OVER ()',
  'lead(t.gate, 1, t.secret) OVER ()',
  "json_set('{}', '$.' || t.secret, 1)",
  "json_insert('{}', '$.' || t.secret, 1)",
  "json(jsonb_set('{}', '$.' || t.secret, 1))",
  "json(jsonb_insert('{}', '$.' || t.secret, 1))",
  "json_pretty('[1]', t.secret)",
  "concat_ws(t.secret, 'a', 'b')",
  "printf(t.secret || '%s', 'x')",
  "format(t.secret || '%s', 'x')",
  'ifnull(NULL, t.secret)',
  'coalesce(NULL, t.secret)',
  "iif(1, t.secret, 'x')",
  "nullif(t.secret, 'x')",
  "trim(t.secret, 'x')",
  'unistr(t.secret)',
  "json_array_insert('[]', '$[#]', t.secret)",
  "json(jsonb_array_insert('[]', '$[#]', t.secret))",
];

/** The columns the lineage reads `SELECT <call> AS v FROM people t` to copy. */
function copiesOf(call: string): string[] {
  const [output] = readSqlLineage(`SELECT ${call} AS v FROM people t`).query?.selects[0]?.outputs ?? [];
  return output?.kind === 'value' ? output.copies.map((ref) => ref.column) : [];
}

describe('functions that keep a value', () => {
  it.each(CALLS_WRITING_AN_ARGUMENT_OUT)(
    'reads %s, which writes the argument into its result, as a copy of it',
    async (call) => {
      const SQL = await loadSqlJs();
      const db = new SQL.Database();
      try {
        const [result] = db.exec(
          `SELECT ${call} AS v FROM (SELECT 'A1' AS gate, 'Alan Turing' AS secret UNION ALL SELECT 'A2', 'Alan Turing') t`,
        );
        expect(String(result?.values.flat())).toContain('Alan Turing');
      } finally {
        db.close();
      }
      const [output] = readSqlLineage(`SELECT ${call} AS v FROM people t`).query?.selects[0]?.outputs ?? [];
      expect(output?.kind === 'value' ? output.copies.map((ref) => ref.column) : []).toContain('secret');
    },
  );

  it('reads a padding text as kept where the dialect has lpad and rpad (SQLite has neither)', () => {
    for (const call of ['lpad(t.gate, 10, t.secret)', 'rpad(t.gate, 10, t.secret)']) {
      expect(copiesOf(call)).toEqual(['gate', 'secret']);
    }
  });
});
