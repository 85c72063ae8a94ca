import { describe, expect, it } from 'vitest';
import { completePhysicalTypes } from '../../../shared/contracts/physical-type-completion';

const contractOn = (servers: string[], logicalType: string) =>
  [
    'apiVersion: v3.1.0',
    'kind: DataContract',
    'id: urn:datacontract:fab:tool-telemetry',
    'version: 1.0.0',
    'status: active',
    'servers:',
    ...servers,
    'schema:',
    '  - name: tool_readings',
    '    physicalType: ',
    '    properties:',
    '      - name: sampled_at',
    `        logicalType: ${logicalType}`,
    '        physicalType: ',
  ].join('\n');

const typesAt = (text: string, line: number) =>
  completePhysicalTypes(text, line, (text.split('\n')[line - 1] as string).length + 1);
const lastLine = (text: string) => text.split('\n').length;

const POSTGRES = ['  - server: fdc', '    type: postgres', '    host: fdc.fab.local'];
const KAFKA_AVRO = ['  - server: broker', '    type: kafka', '    host: broker:9092', '    format: avro'];

describe("completion of a property's physicalType", () => {
  it("offers the column types of the contract's server for the property's logical type", () => {
    expect(typesAt(contractOn(POSTGRES, 'timestamp'), lastLine(contractOn(POSTGRES, 'timestamp')))).toEqual([
      'timestamptz',
      'timestamp',
    ]);
  });

  it("offers Avro's types, as the Avro import writes them, for a Kafka server's Avro records", () => {
    const text = contractOn(KAFKA_AVRO, 'timestamp');
    expect(typesAt(text, lastLine(text))).toEqual(['long/timestamp-millis', 'long/timestamp-micros']);
  });

  it("offers each server's types where the contract has several", () => {
    const text = contractOn([...POSTGRES, '  - server: lake', '    type: snowflake'], 'integer');
    expect(typesAt(text, lastLine(text))).toEqual(['integer', 'bigint', 'smallint', 'NUMBER(38,0)']);
  });

  it('offers nothing where no server says which types the data is stored in', () => {
    const text = contractOn(['  - server: api', '    type: api'], 'string');
    expect(typesAt(text, lastLine(text))).toEqual([]);
  });

  it("leaves a schema object's physicalType (table, view…) to the schema's values", () => {
    expect(typesAt(contractOn(POSTGRES, 'string'), 10)).toEqual([]);
  });
});
