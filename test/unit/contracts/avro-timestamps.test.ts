import { describe, expect, it } from 'vitest';
import { importContractSource } from '../../../shared/contracts/import';

/** The properties of the one record of an Avro schema of `fields`, imported. */
function importedFields(fields: unknown[]) {
  const imported = importContractSource(
    'vessel-clock.avsc',
    JSON.stringify({ type: 'record', name: 'VesselClock', fields }),
  );
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return { properties: imported.contract.schema[0]?.properties ?? [], notes: imported.notes };
}

describe('Avro timestamps, imported', () => {
  it('are moments where Avro says so, and clock times without time zone where it says local', () => {
    const { properties } = importedFields([
      { name: 'reported_at', type: { type: 'long', logicalType: 'timestamp-millis' } },
      { name: 'berth_local_ms', type: { type: 'long', logicalType: 'local-timestamp-millis' } },
      { name: 'berth_local_us', type: { type: 'long', logicalType: 'local-timestamp-micros' } },
    ]);
    expect(properties.map((property) => [property.name, property.logicalType, property.extensions])).toEqual([
      ['reported_at', 'timestamp', undefined],
      ['berth_local_ms', 'timestamp', { logicalTypeOptions: { timezone: false } }],
      ['berth_local_us', 'timestamp', { logicalTypeOptions: { timezone: false } }],
    ]);
  });

  it("take Avro 1.12's nanosecond timestamps as timestamps too", () => {
    const { properties, notes } = importedFields([
      { name: 'fix_at', type: { type: 'long', logicalType: 'timestamp-nanos' } },
      { name: 'fix_local', type: { type: 'long', logicalType: 'local-timestamp-nanos' } },
    ]);
    expect(properties.map((property) => [property.name, property.logicalType, property.physicalType])).toEqual([
      ['fix_at', 'timestamp', 'long/timestamp-nanos'],
      ['fix_local', 'timestamp', 'long/local-timestamp-nanos'],
    ]);
    expect(properties[1]?.extensions).toEqual({ logicalTypeOptions: { timezone: false } });
    expect(notes).toEqual([]);
  });
});
