import { describe, expect, it } from 'vitest';
import type { SystemTable } from '../../../shared/model/operational-system';
import { leftOutTableProblem } from '../../../shared/simulation/log-plan';
import { aSystem } from './builders';

function tableWith(columns: Record<string, 'integer' | 'text'>): SystemTable {
  const [table] = aSystem('shop').withTable('items', columns).build().database.tables;
  if (!table) throw new Error('the builder made no table');
  return table;
}

describe("why the simulation leaves a system's table out", () => {
  it('names every column the engine keeps beside every record, not just the first', () => {
    expect(leftOutTableProblem(tableWith({ id: 'integer', _op: 'text', _headers: 'text' }))).toBe(
      "table 'items' names '_op' and '_headers', columns the engine keeps beside every record, so it is left out",
    );
  });

  it('names each kind of clash the table has, in one finding', () => {
    expect(
      leftOutTableProblem(tableWith({ id: 'integer', ROWID: 'integer', _Op: 'text', Name: 'text', name: 'text' })),
    ).toBe(
      "table 'items' names 'Name' and 'name', one column to SQL, which ignores case; " +
        "names '_Op', a column the engine keeps beside every record; " +
        "names 'ROWID', SQLite's own name for a row's id, which the engine reads, so it is left out",
    );
  });

  it("names every one of SQLite's names for a row's id", () => {
    expect(leftOutTableProblem(tableWith({ id: 'integer', oid: 'integer', _rowid_: 'integer' }))).toBe(
      "table 'items' names 'oid' and '_rowid_', SQLite's own names for a row's id, which the engine reads, so it is left out",
    );
  });

  it('keeps a table whose columns SQL can hold', () => {
    expect(leftOutTableProblem(tableWith({ id: 'integer', name: 'text' }))).toBeUndefined();
  });
});
