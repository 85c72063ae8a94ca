import { describe, expect, it } from 'vitest';
import type { ContractProperty } from '../../../shared/model/contract';
import { type SqlValue, sqlJsWorkspace } from '../../../shared/simulation';
import { violationSql } from '../../../shared/simulation/contract-rules';
import { loadSqlJs } from './builders';

describe('the integer rule', () => {
  const messageFor = async (value: SqlValue) => {
    const connection = sqlJsWorkspace(await loadSqlJs(), 0)().connect();
    const property = { name: 'qty', logicalType: 'integer' } as ContractProperty;
    const rule = violationSql({ kind: 'entity', properties: [property], key: [], untaggedClassifications: new Map() });
    connection.exec('CREATE TABLE record (qty INTEGER, _op TEXT)');
    connection.prepare(`INSERT INTO record VALUES (?, 'c')`).run([value]);
    const [[violation]] = connection.prepare(`SELECT (${rule}) FROM record`).all([]) as [[string | null]];
    return violation === null ? null : (JSON.parse(violation) as string[])[2];
  };

  it('says a whole number past SQLite’s 64-bit integers is too large to hold exactly, not that it is no integer', async () => {
    expect(await messageFor(1e300)).toBe(
      'qty is a whole number too large to hold exactly (beyond 64-bit integers), got 1.0e+300',
    );
    expect(await messageFor(-1e19)).toBe(
      'qty is a whole number too large to hold exactly (beyond 64-bit integers), got -1.0e+19',
    );
  });

  it('says a number with a fraction, or infinity, must be an integer, and takes a 64-bit integer', async () => {
    expect(await messageFor(2.5)).toBe('qty must be an integer, got 2.5');
    expect(await messageFor(Number.POSITIVE_INFINITY)).toBe('qty must be an integer, got 9.0e+999');
    expect(await messageFor(2 ** 62)).toBeNull();
  });
});
