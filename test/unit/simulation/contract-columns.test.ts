import { describe, expect, it } from 'vitest';
import { importedProperty } from '../../../shared/contracts/import/imported-schema';
import { contractColumns } from '../../../shared/simulation/dataset';

describe("a contract's columns", () => {
  it('are NUMERIC for numbers whose physical type is an exact numeric, as SQLite gives NUMERIC and DECIMAL', () => {
    const columns = contractColumns([
      importedProperty('total', 'number', { physicalType: 'DECIMAL(18,2)' }),
      importedProperty('price', 'number', { physicalType: 'numeric' }),
      importedProperty('ratio', 'number', { physicalType: 'DOUBLE' }),
      importedProperty('score', 'number'),
      importedProperty('code', 'string', { physicalType: 'NUMERIC' }),
    ]);

    expect(columns.map(({ name, type }) => [name, type])).toEqual([
      ['total', 'NUMERIC'],
      ['price', 'NUMERIC'],
      ['ratio', 'REAL'],
      ['score', 'REAL'],
      ['code', 'TEXT'],
    ]);
  });
});
