import { describe, expect, it } from 'vitest';
import { physicalTypeMisfit } from '../../../shared/contracts/physical-type-fit';
import { checkContractYaml } from '../../../shared/contracts/semantic-checks';

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

  it('is not judged for a physical type that is no SQL type the app knows (Avro, Protobuf, a vendor type)', () => {
    for (const physicalType of ['long/timestamp-millis', 'int64', 'bytes', 'GEOGRAPHY', 'INET[]']) {
      expect(physicalTypeMisfit('string', physicalType), physicalType).toBeUndefined();
    }
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
