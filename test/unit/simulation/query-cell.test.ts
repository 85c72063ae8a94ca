import { describe, expect, it } from 'vitest';
import { queryCell } from '../../../shared/simulation/query-cell';
import { aScenario, aShopMesh, simulate } from './builders';

describe('a value the SQL console shows', () => {
  it('keeps an integer beyond 2^53 the exact integer SQLite holds, as the run’s records hold it', () => {
    expect(queryCell(9223372036854775807n)).toBe(9223372036854775807n);
    expect(queryCell(-9007199254740993n)).toBe(-9007199254740993n);
    expect(queryCell(42n)).toBe(42);
  });

  it('shows a REAL past 2^53 as a REAL, not as an exact-looking integer, and a REAL it holds exactly as a number', () => {
    expect(queryCell(9.223372036854776e18)).toBe('9.22337203685478e+18');
    expect(queryCell(-1e16)).toBe('-1.0e+16');
    expect(queryCell(1)).toBe(1);
    expect(queryCell(1e15)).toBe(1e15);
    expect(queryCell(2.5)).toBe(2.5);
  });

  it('shows an overflowed REAL as SQLite shell does, not as Infinity', () => {
    expect(queryCell(Number.POSITIVE_INFINITY)).toBe('Inf');
    expect(queryCell(Number.NEGATIVE_INFINITY)).toBe('-Inf');
  });

  it('keeps text, bytes and null as they are', () => {
    expect(queryCell('1.0')).toBe('1.0');
    expect(queryCell(null)).toBeNull();
    expect(queryCell(Uint8Array.of(1))).toEqual(Uint8Array.of(1));
  });
});

describe('a query the SQL console runs', () => {
  it('tells an overflowed sum, a REAL, from the largest INTEGER, and keeps exact values numbers', async () => {
    const simulation = await simulate(aShopMesh().build(), aScenario().withData('shop', 'items', 1).build());
    const answer = simulation.query('catalog', 'SELECT 9223372036854775807 + 1, 9223372036854775807, 1.0, 2');
    expect(answer.ok && answer.value.rows).toEqual([['9.22337203685478e+18', 9223372036854775807n, 1, 2]]);
  });

  it('shows a REAL that overflows to infinity as Inf and -Inf', async () => {
    const simulation = await simulate(aShopMesh().build(), aScenario().withData('shop', 'items', 1).build());
    const answer = simulation.query('catalog', 'SELECT 1e308 * 10, -1e308 * 10');
    expect(answer.ok && answer.value.rows).toEqual([['Inf', '-Inf']]);
  });
});
