import { describe, expect, it } from 'vitest';
import { importContractSource } from '../../../shared/contracts/import';
import { WHOLE_MESH } from '../../../shared/export';
import { physicalTypeNote, postgresTypeOf } from '../../../shared/export/sql/postgres-column-types';
import { sqlTarget } from '../../../shared/export/sql/sql-target';
import type { ContractModel, ContractProperty, Mesh } from '../../../shared/model';
import { aMesh, aPort, aField as field } from '../../builders/mesh-builder';
import { filesOf } from '../export/golden-cases';

const zone = (timezone: boolean, physicalType?: string) => ({
  ...(physicalType && { physicalType }),
  extensions: { logicalTypeOptions: { timezone } },
});

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
        field('local_starts_at_ms', 'timestamp', zone(false, 'TIMESTAMP(3)')),
        field('starts_at_ms', 'timestamp', { physicalType: 'TIMESTAMPTZ(3)' }),
        field('starts_at_s', 'timestamp', { physicalType: 'timestamp(0) with time zone' }),
        field('opens_ms', 'time', { physicalType: 'TIME(3)' }),
        field('zoned_opens_ms', 'time', zone(true, 'TIMETZ(3)')),
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
    ['local_starts_at_ms', 'TIMESTAMP(3)', { timezone: false }],
    ['starts_at_ms', 'TIMESTAMPTZ(3)', undefined],
    ['starts_at_s', 'TIMESTAMPTZ(0)', undefined],
    ['opens_ms', 'TIME(3)', undefined],
    ['zoned_opens_ms', 'TIMETZ(3)', { timezone: true }],
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
    ['PostgreSQL', 'TIMESTAMP(3) WITH TIME ZONE', undefined, 'timestamptz(3)'],
    ['PostgreSQL', 'TIMESTAMP WITHOUT TIME ZONE', false, 'timestamp'],
    ['PostgreSQL', 'TIMESTAMP(3)', false, 'timestamp(3)'],
    ['PostgreSQL', 'TIME WITH TIME ZONE', true, 'timetz'],
    ['PostgreSQL', 'TIMETZ(3)', true, 'timetz(3)'],
    ['PostgreSQL', 'TIME WITHOUT TIME ZONE', undefined, 'time'],
    // MySQL's TIMESTAMP is stored in UTC and read in the session's zone: a moment, as timestamptz is.
    ['MySQL', 'TIMESTAMP(3)', undefined, 'timestamptz(3)'],
    ['MySQL', 'DATETIME', false, 'timestamp'],
    ['MySQL', 'DATETIME(3)', false, 'timestamp(3)'],
    ['MySQL', 'TIME', undefined, 'time'],
    // PostgreSQL keeps at most 6 digits of a second.
    ['SQL Server', 'DATETIMEOFFSET(7)', undefined, 'timestamptz(6)'],
    ['SQL Server', 'DATETIME2(7)', false, 'timestamp(6)'],
    ['SQL Server', 'DATETIME', false, 'timestamp'],
    ['SQL Server', 'SMALLDATETIME', false, 'timestamp'],
    ['SQL Server', 'TIME(7)', undefined, 'time(6)'],
    ['Oracle', 'TIMESTAMP(6) WITH TIME ZONE', undefined, 'timestamptz(6)'],
    // Stored in the database's zone and read in the session's: a moment.
    ['Oracle', 'TIMESTAMP(6) WITH LOCAL TIME ZONE', undefined, 'timestamptz(6)'],
    ['Oracle', 'TIMESTAMP(3) WITH LOCAL TIME ZONE', undefined, 'timestamptz(3)'],
    ['Oracle', 'TIMESTAMP(6)', false, 'timestamp(6)'],
    ['Oracle', 'TIMESTAMP(9)', false, 'timestamp(6)'],
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

describe('the digits of a second a physicalType declares, kept in PostgreSQL', () => {
  const said = (physicalType: string, logicalType: 'timestamp' | 'time', timezone?: boolean): ContractProperty =>
    field('at', logicalType, timezone === undefined ? { physicalType } : zone(timezone, physicalType));

  it.each([
    ['TIMESTAMP(3)', 'timestamp', false, 'timestamp(3)'],
    ['timestamp(0)', 'timestamp', false, 'timestamp(0)'],
    ['TIMESTAMPTZ(3)', 'timestamp', undefined, 'timestamptz(3)'],
    ['TIME(3)', 'time', undefined, 'time(3)'],
    ['TIMETZ(3)', 'time', true, 'timetz(3)'],
  ] as const)(
    'writes %s of a %s saying timezone %s as %s, without a note',
    (physicalType, logicalType, timezone, type) => {
      const property = said(physicalType, logicalType, timezone);
      expect([postgresTypeOf(property), physicalTypeNote(property)]).toEqual([type, undefined]);
    },
  );

  it('keeps the digits where the time zone differs, the note naming the time zone', () => {
    const property = said('TIMESTAMP(3)', 'timestamp');
    expect([postgresTypeOf(property), physicalTypeNote(property)]).toEqual([
      'timestamptz(3)',
      "physicalType TIMESTAMP(3) as timestamptz(3): the column takes logicalType timestamp's type",
    ]);
  });

  it.each([
    ['DATETIME2(7)', 'timestamp', false, 'timestamp(6)'],
    ['TIMESTAMP(9) WITH TIME ZONE', 'timestamp', undefined, 'timestamptz(6)'],
    ['TIME(7)', 'time', undefined, 'time(6)'],
  ] as const)(
    'writes %s as %s, saying PostgreSQL keeps 6 digits of a second',
    (physicalType, logicalType, timezone, type) => {
      const property = said(physicalType, logicalType, timezone);
      expect([postgresTypeOf(property), physicalTypeNote(property)]).toEqual([
        type,
        `physicalType ${physicalType} as ${type}: PostgreSQL keeps at most 6 digits of a second`,
      ]);
    },
  );

  it('keeps no digits of a physicalType of another family', () => {
    expect(postgresTypeOf(said('TIMESTAMP(3)', 'time'))).toBe('time');
  });
});
