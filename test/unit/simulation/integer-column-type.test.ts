import { describe, expect, it } from 'vitest';
import { integerColumnType } from '../../../shared/simulation/integer-column-type';

describe('the type an integer column is on its engine', () => {
  it('is the engine’s 64-bit integer, in its spelling, whatever name the design gives the engine', () => {
    const bigint = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

    expect(integerColumnType('MySQL')).toEqual({ name: 'BIGINT', ...bigint });
    expect(integerColumnType('pg')).toEqual({ name: 'bigint', ...bigint });
    expect(integerColumnType('mssql')).toEqual({ name: 'bigint', ...bigint });
  });

  it('is NUMBER(38) on Oracle, whose INTEGER holds 38 digits', () => {
    expect(integerColumnType('oracle')).toEqual({
      name: 'INTEGER (NUMBER(38))',
      min: -(10n ** 38n - 1n),
      max: 10n ** 38n - 1n,
    });
  });

  it('is SQLite’s INTEGER on an engine Debezium does not capture, which the simulator stands in for', () => {
    expect(integerColumnType('cockroachdb')).toEqual({ name: 'INTEGER', min: -(2n ** 63n), max: 2n ** 63n - 1n });
  });
});
