import { describe, expect, it } from 'vitest';
import { physicalTypeMisfit } from '../../../shared/contracts/physical-type-fit';
import { checkContractYaml } from '../../../shared/contracts/semantic-checks';
import { physicalTypeNote } from '../../../shared/export/sql/postgres-column-types';
import { aProperty } from './builders';

describe('a physicalType that cannot hold its logicalType', () => {
  it('is named for a date in three characters, an integer with decimals, and a number in a DATE column', () => {
    expect(physicalTypeMisfit('date', 'VARCHAR(3)')).toBe(
      'physicalType VARCHAR(3) holds 3 characters, too few for dates: ISO 8601 writes one in 10',
    );
    expect(physicalTypeMisfit('integer', 'NUMERIC(7,5)')).toBe(
      'physicalType NUMERIC(7,5) keeps 5 digits after the point, which an integer never has',
    );
    expect(physicalTypeMisfit('number', 'date')).toBe(
      'physicalType date holds dates, not numbers (logicalType number)',
    );
    expect(physicalTypeMisfit('string', 'timestamp with time zone')).toBe(
      'physicalType timestamp with time zone holds timestamps, not text (logicalType string)',
    );
  });

  it('is not named where storage holds the values as the contract means them', () => {
    const fits: Array<[Parameters<typeof physicalTypeMisfit>[0], string]> = [
      ['date', 'VARCHAR(10)'],
      ['timestamp', 'BIGINT'],
      ['boolean', 'TINYINT(1)'],
      ['integer', 'NUMERIC(10,0)'],
      ['integer', 'NUMERIC(10)'],
      ['object', 'JSONB'],
      ['date', 'TIMESTAMP'],
      ['string', 'uuid'],
    ];
    for (const [logicalType, physicalType] of fits) {
      expect(physicalTypeMisfit(logicalType, physicalType), `${logicalType} in ${physicalType}`).toBeUndefined();
    }
  });

  it("is not named for Oracle's DATE, which holds a time of day too, as a timestamp without time zone", () => {
    expect(physicalTypeMisfit('timestamp', 'DATE', { timezone: false })).toBeUndefined();
    expect(physicalTypeMisfit('timestamp', 'DATE')).toBe(
      'physicalType DATE holds dates, not timestamps (logicalType timestamp)',
    );
    expect(physicalTypeMisfit('timestamp', 'DATE', { timezone: true })).toMatch(/holds dates, not timestamps/);
    const seenAt = aProperty('seen_at', 'timestamp', {
      physicalType: 'DATE',
      extensions: { logicalTypeOptions: { timezone: false } },
    });
    expect(physicalTypeNote(seenAt)).toBe('physicalType DATE as timestamp: timezone is false');
  });

  it('is not judged for a physical type that is no SQL type the app knows (Avro, Protobuf, a vendor type)', () => {
    for (const physicalType of ['long/timestamp-millis', 'int64', 'bytes', 'GEOGRAPHY', 'INET[]']) {
      expect(physicalTypeMisfit('string', physicalType), physicalType).toBeUndefined();
    }
  });

  it('is named for a number in an integer column, which loses its decimals', () => {
    expect(physicalTypeMisfit('number', 'integer')).toBe(
      'physicalType integer holds integers only: a number’s decimals are lost (logicalType number)',
    );
    expect(physicalTypeMisfit('number', 'SMALLINT')).toMatch(/decimals are lost/);
  });

  it('is named for a length or precision below 1, which no SQL database declares', () => {
    expect(physicalTypeMisfit('string', 'varchar(-3)')).toBe(
      'physicalType varchar(-3) declares an invalid size, -3: a length or precision is at least 1',
    );
    expect(physicalTypeMisfit('string', 'VARCHAR(0)')).toMatch(/invalid size, 0/);
    expect(physicalTypeMisfit('number', 'numeric(0,2)')).toMatch(/invalid size, 0/);
  });

  it('is named for a max size on a type other than varchar, nvarchar or varbinary, the only ones SQL Server sizes so', () => {
    expect(physicalTypeMisfit('integer', 'int(max)')).toBe(
      'physicalType int(max) declares an invalid size, max: only varchar, nvarchar and varbinary take max',
    );
    for (const [logicalType, physicalType] of [
      ['integer', 'INTEGER(MAX)'],
      ['string', 'char(max)'],
      ['number', 'decimal(max)'],
      ['timestamp', 'datetime2(max)'],
    ] as const) {
      expect(physicalTypeMisfit(logicalType, physicalType), physicalType).toMatch(/invalid size, max/);
      expect(physicalTypeNote(aProperty('x', logicalType, { physicalType })), physicalType).toBe(
        `physicalType ${physicalType} declares an invalid size: the column takes logicalType ${logicalType}'s type`,
      );
    }
    for (const physicalType of ['varchar(max)', 'NVARCHAR(MAX)', 'character varying(max)']) {
      expect(physicalTypeMisfit('string', physicalType), physicalType).toBeUndefined();
      expect(physicalTypeNote(aProperty('x', 'string', { physicalType })), physicalType).toBeUndefined();
    }
  });

  it('takes 0 digits of a second in a time type, as SSMS writes datetime2(0) and PostgreSQL timestamp(0)', () => {
    for (const [logicalType, physicalType] of [
      ['timestamp', 'DATETIME2(0)'],
      ['timestamp', 'TIMESTAMP(0)'],
      ['timestamp', 'timestamptz(0)'],
      ['timestamp', 'DATETIMEOFFSET(0)'],
      ['timestamp', 'datetime(0)'],
      ['time', 'TIME(0)'],
      ['time', 'timetz(0)'],
    ] as const) {
      expect(physicalTypeMisfit(logicalType, physicalType), physicalType).toBeUndefined();
      // No note at all where the column keeps the type as written (timestamptz(0)).
      expect(physicalTypeNote(aProperty('at', logicalType, { physicalType })) ?? '', physicalType).not.toMatch(
        /invalid size/,
      );
    }
    expect(physicalTypeMisfit('timestamp', 'TIMESTAMP(-1)')).toMatch(/invalid size, -1/);
  });

  it('measures a date in text by its declared format: its length when the format is of fixed width, else not judged', () => {
    expect(physicalTypeMisfit('date', 'varchar(8)', { format: 'yyyyMMdd' })).toBeUndefined();
    expect(physicalTypeMisfit('date', 'varchar(7)', { format: 'yyyyMMdd' })).toBe(
      'physicalType varchar(7) holds 7 characters, too few for dates: format yyyyMMdd writes one in 8',
    );
    expect(physicalTypeMisfit('timestamp', 'char(22)', { format: "dd.MM.yyyy 'at' HH:mm:ss" })).toBeUndefined();
    expect(physicalTypeMisfit('date', 'varchar(6)', { format: 'd MMMM yyyy' })).toBeUndefined();
    expect(physicalTypeMisfit('date', 'varchar(8)', { format: 'yyyy-MM-dd' })).toMatch(/ISO 8601 writes one in 10/);
  });

  it('is a warning at the property’s physicalType line in the editor and in validate', () => {
    const text = [
      'apiVersion: v3.1.0',
      'kind: DataContract',
      'id: loans',
      'version: 1.0.0',
      'status: active',
      'schema:',
      '  - name: loan',
      '    properties:',
      '      - name: as_of_date',
      '        logicalType: date',
      '        physicalType: VARCHAR(3)',
    ].join('\n');
    const findings = checkContractYaml(text).filter((finding) => finding.message.startsWith('physicalType'));
    expect(findings).toMatchObject([{ severity: 'warning', line: 11 }]);
  });
});
