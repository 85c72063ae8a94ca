import { describe, expect, it } from 'vitest';
import type { ContractProperty } from '../../../shared/model/contract';
import { type SqlValue, sqlJsWorkspace } from '../../../shared/simulation';
import { violationSql } from '../../../shared/simulation/contract-rules';
import { loadSqlJs } from './builders';

/** ISO-8601 as the contract checks first read it: a date, `T` or a space, a time with seconds, then anything. */
const ISO_TIMESTAMP = '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]:[0-5][0-9]*';

const timestamps = [
  '2026-01-05T09:00:00Z',
  '2026-01-05 09:00:00',
  '2026-01-05T09:00:00.123+02:00',
  '2026-12-31T24:00:00Z',
  '0000-01-01T00:00:00',
  '9999-12-31T23:59:59.999Z',
];

const otherTexts = [
  '2026-01-05',
  '2026-01-05T09:00',
  '2026-01-05T09:00Z',
  '2026-01-05TT9:00:00',
  '2026-01-05T 9:00:00',
  '2026-01-05  09:00:00',
  '2026-01-05\t09:00:00',
  '-2026-01-05T09:00:00',
  ' 2026-01-05T09:00:00',
  '2026-13-05T09:00:00',
  '2026-00-05T09:00:00',
  '2026-01-32T09:00:00',
  '2026-01-05T25:00:00',
  '2026-01-05T09:60:00',
  '2026-01-05T09:00:60',
  '2026-1-05T09:00:00',
  '2026-01-05T9:00:00',
  '2026-01-05T09:0:00',
  '2026-01-05t09:00:00',
  '２026-01-05T09:00:00',
  '2026-01-05T09:00:00 garbage',
  '2461412.5',
  'now',
  '12:00:00',
  '',
];

describe('the timestamp rule', () => {
  it('takes exactly the texts SQLite reads as a time that have the ISO-8601 shape, and no number or bytes', async () => {
    const connection = sqlJsWorkspace(await loadSqlJs(), 0)().connect();
    const property = { name: 'at', logicalType: 'timestamp' } as ContractProperty;
    const rule = violationSql({ kind: 'entity', properties: [property], key: [], untaggedClassifications: new Map() });
    const verdicts = connection.prepare(
      `SELECT at, (${rule}) IS NULL, typeof(at) = 'text' AND at GLOB '${ISO_TIMESTAMP}' AND julianday(at) IS NOT NULL
FROM (SELECT ? AS at, 'c' AS _op)`,
    );
    const values: SqlValue[] = [
      ...timestamps,
      ...otherTexts,
      20260105,
      2461412.5,
      new TextEncoder().encode('2026-01-05T09:00:00'),
    ];
    const verdictOf = (value: SqlValue) => verdicts.all([value])[0] as [SqlValue, number, number];

    const taken = values.map(verdictOf).filter(([, isTaken]) => isTaken === 1);
    expect(taken.map(([at]) => at)).toEqual(timestamps);
    for (const value of values) {
      const [, isTaken, hasIsoShape] = verdictOf(value);
      expect([value, isTaken]).toEqual([value, hasIsoShape]);
    }
  });
});
