import { describe, expect, it } from 'vitest';
import { importContractSource } from '../../../shared/contracts/import';
import { WHOLE_MESH } from '../../../shared/export';
import { postgresTypeOf } from '../../../shared/export/sql/postgres-column-types';
import { sqlTarget } from '../../../shared/export/sql/sql-target';
import type { ContractModel, ContractProperty, Mesh } from '../../../shared/model';
import { aMesh, aPort, aField as field } from '../../builders/mesh-builder';
import { filesOf } from '../export/golden-cases';

const zone = (timezone: boolean) => ({ extensions: { logicalTypeOptions: { timezone } } });

/** Every timestamp and time a contract can say: with a time zone, without one, and saying nothing. */
const SHIFTS: Partial<ContractModel> = {
  schema: [
    {
      name: 'shifts',
      properties: [
        field('shift_id', 'integer', { required: true, primaryKey: true, primaryKeyPosition: 1 }),
        field('starts_at', 'timestamp'),
        field('zoned_starts_at', 'timestamp', zone(true)),
        field('local_starts_at', 'timestamp', zone(false)),
        field('opens', 'time'),
        field('zoned_opens', 'time', zone(true)),
        field('local_opens', 'time', zone(false)),
      ],
    },
  ],
};

const servingShifts = (contract: Partial<ContractModel>): Mesh =>
  aMesh()
    .withDomain('d')
    .withContract('shifts', contract)
    .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'shifts' })] })
    .build();

const productSql = (mesh: Mesh) => String(filesOf(sqlTarget.files(mesh, WHOLE_MESH))[0]?.content);

function importedProperties(fileName: string, sql: string): Map<string, ContractProperty> {
  const read = importContractSource(fileName, sql);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const properties = read.contract.schema.flatMap((object) => object.properties);
  return new Map(properties.map((property) => [property.name, property]));
}

describe('time zones exported as SQL and imported back', () => {
  const sql = productSql(servingShifts(SHIFTS));
  const imported = importedProperties('p.sql', sql);

  it('exports again the same SQL, byte for byte', () => {
    const again = productSql(servingShifts({ schema: [{ name: 'shifts', properties: [...imported.values()] }] }));
    expect(again).toBe(sql);
  });

  it.each([
    ['starts_at', 'TIMESTAMPTZ', undefined],
    ['zoned_starts_at', 'TIMESTAMPTZ', undefined],
    ['local_starts_at', 'TIMESTAMP', { timezone: false }],
    ['opens', 'TIME', undefined],
    ['zoned_opens', 'TIMETZ', { timezone: true }],
    ['local_opens', 'TIME', undefined],
  ])(
    'imports %s, a %s column, saying the time zone where a contract saying none is read otherwise: %o',
    (name, physicalType, options) => {
      expect(imported.get(name)).toMatchObject({ physicalType });
      expect(imported.get(name)?.extensions?.logicalTypeOptions).toEqual(options);
    },
  );
});

// ODCS gives `timezone` no default: a contract saying none is read as a timestamp with time zone and a time without.
describe("each database's date-time types, imported with the time zone they hold where a contract saying none would not", () => {
  it.each([
    ['PostgreSQL', 'TIMESTAMP(3) WITH TIME ZONE', undefined, 'timestamptz'],
    ['PostgreSQL', 'TIMESTAMP WITHOUT TIME ZONE', false, 'timestamp'],
    ['PostgreSQL', 'TIMESTAMP(3)', false, 'timestamp'],
    ['PostgreSQL', 'TIME WITH TIME ZONE', true, 'timetz'],
    ['PostgreSQL', 'TIMETZ(3)', true, 'timetz'],
    ['PostgreSQL', 'TIME WITHOUT TIME ZONE', undefined, 'time'],
    // MySQL's TIMESTAMP is stored in UTC and read in the session's zone: a moment, as timestamptz is.
    ['MySQL', 'TIMESTAMP(3)', undefined, 'timestamptz'],
    ['MySQL', 'DATETIME', false, 'timestamp'],
    ['MySQL', 'TIME', undefined, 'time'],
    ['SQL Server', 'DATETIMEOFFSET(7)', undefined, 'timestamptz'],
    ['SQL Server', 'DATETIME2(7)', false, 'timestamp'],
    ['SQL Server', 'DATETIME', false, 'timestamp'],
    ['SQL Server', 'SMALLDATETIME', false, 'timestamp'],
    ['SQL Server', 'TIME(7)', undefined, 'time'],
    ['Oracle', 'TIMESTAMP(6) WITH TIME ZONE', undefined, 'timestamptz'],
    // Stored in the database's zone and read in the session's: a moment.
    ['Oracle', 'TIMESTAMP(6) WITH LOCAL TIME ZONE', undefined, 'timestamptz'],
    ['Oracle', 'TIMESTAMP(6)', false, 'timestamp'],
    ['Oracle', 'DATE', false, 'timestamp'],
  ])('%s %s: timezone %s, exported as %s', (database, type, timezone, exported) => {
    const source = {
      PostgreSQL: `CREATE TABLE shifts (shift_id integer PRIMARY KEY, at ${type});`,
      MySQL: `CREATE TABLE \`shifts\` (\`shift_id\` INT PRIMARY KEY, \`at\` ${type});`,
      'SQL Server': `CREATE TABLE [dbo].[shifts] ([shift_id] [int] PRIMARY KEY, [at] ${type});`,
      Oracle: `CREATE TABLE shifts (shift_id NUMBER(10) PRIMARY KEY, at ${type});`,
    }[database] as string;
    const at = importedProperties('shifts.sql', source).get('at') as ContractProperty;
    expect(at.extensions?.logicalTypeOptions).toEqual(timezone === undefined ? undefined : { timezone });
    expect(postgresTypeOf(at)).toBe(exported);
  });

  it("keeps SQL Server's TIMESTAMP, a row counter, free of a time zone", () => {
    const source = 'CREATE TABLE [dbo].[shifts] ([shift_id] [int] PRIMARY KEY, [version] [timestamp] NOT NULL);';
    expect(importedProperties('shifts.sql', source).get('version')?.extensions?.logicalTypeOptions).toBeUndefined();
  });
});
