import { describe, expect, it } from 'vitest';
import { withMissingTableHint } from '../../../shared/simulation/missing-table-hint';

const tables = {
  brokerLogs: [
    { table: 'fleet-service/cycles-cdc', name: 'fleet.public.haul_cycles' },
    { table: 'fleet/cycles-out', name: 'fleet/cycles-out' },
    { table: 'fleet-service/cycle-closed', name: 'fleet.events.cycle-closed' },
  ],
  nodeTables: ['haul_cycles', 'raw_cycles_cdc_in'],
};
const naming =
  ' Broker tables are named "<system>/<topic id>" or "<product>/<port id>", in double quotes; broker.sqlite_master lists them.';

describe('the hint after a table the query names that does not exist', () => {
  it('leads from a topic’s name in the broker schema to its table', () => {
    expect(withMissingTableHint('no such table: broker.fleet.public.haul_cycles', tables)).toBe(
      `no such table: broker.fleet.public.haul_cycles: did you mean broker."fleet-service/cycles-cdc"?${naming}`,
    );
  });

  it('names the broker table a misspelt one meant', () => {
    expect(withMissingTableHint('no such table: broker.fleet/cycle-out', tables)).toBe(
      `no such table: broker.fleet/cycle-out: did you mean broker."fleet/cycles-out"?${naming}`,
    );
  });

  it('names the node’s table a misspelt one meant', () => {
    expect(withMissingTableHint('no such table: node.haul_cycels', tables)).toBe(
      'no such table: node.haul_cycels: did you mean haul_cycles?',
    );
    expect(withMissingTableHint('no such table: haul_cycle', tables)).toBe(
      'no such table: haul_cycle: did you mean haul_cycles?',
    );
  });

  it('names the node’s table a name qualified by its schema or database meant, as PostgreSQL and SQL Server users write it', () => {
    expect(withMissingTableHint('no such table: public.haul_cycles', tables)).toBe(
      'no such table: public.haul_cycles: did you mean haul_cycles?',
    );
    expect(withMissingTableHint('no such table: dbo.haul_cycels', tables)).toBe(
      'no such table: dbo.haul_cycels: did you mean haul_cycles?',
    );
  });

  it('says how broker tables are named when nothing comes near', () => {
    expect(withMissingTableHint('no such table: broker.assays', tables)).toBe(`no such table: broker.assays.${naming}`);
  });

  it('leads from a topic’s dotted name, which SQLite reads as no name, to its table, with or without broker.', () => {
    const syntaxError = 'near ".": syntax error';
    const hinted = 'near ".": syntax error: did you mean broker."fleet-service/cycles-cdc"?';
    expect(withMissingTableHint(syntaxError, tables, 'SELECT * FROM broker.fleet.public.haul_cycles')).toBe(hinted);
    expect(withMissingTableHint(syntaxError, tables, 'SELECT * FROM fleet.public.haul_cycle')).toBe(hinted);
    expect(withMissingTableHint(syntaxError, tables, 'SELECT * FROM x.y.z')).toBe(syntaxError);
  });

  it('leads from a dotted topic name with hyphens, as Kafka topic names often have, to its table', () => {
    const syntaxError = 'near ".": syntax error';
    const hinted = 'near ".": syntax error: did you mean broker."fleet-service/cycle-closed"?';
    expect(withMissingTableHint(syntaxError, tables, 'SELECT * FROM fleet.events.cycle-closed LIMIT 3')).toBe(hinted);
    expect(withMissingTableHint(syntaxError, tables, 'SELECT * FROM broker.fleet.events.cycle-closed')).toBe(hinted);
  });

  it('names the node’s table a three-part name meant, database.schema.table as SQL Server users write it', () => {
    const syntaxError = 'near ".": syntax error';
    expect(withMissingTableHint(syntaxError, tables, 'SELECT * FROM fleet.dbo.haul_cycles LIMIT 5')).toBe(
      `${syntaxError}: did you mean haul_cycles?`,
    );
    expect(withMissingTableHint(syntaxError, tables, 'SELECT * FROM mine.dbo.haul_cycels')).toBe(
      `${syntaxError}: did you mean haul_cycles?`,
    );
  });

  it('leaves other messages and unknown names elsewhere as SQLite says them', () => {
    expect(withMissingTableHint('no such table: nowhere', tables)).toBe('no such table: nowhere');
    expect(withMissingTableHint('no such column: x', tables)).toBe('no such column: x');
  });
});
