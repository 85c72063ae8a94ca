import { describe, expect, it } from 'vitest';
import { importProtobuf } from '../../../shared/contracts/import/protobuf-import';
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
const ORACLE = ['  - server: mes', '    type: oracle', '    host: mes.fab.local', '    port: 1521'];
const KAFKA_AVRO = ['  - server: broker', '    type: kafka', '    host: broker:9092', '    format: avro'];
const KAFKA_PROTOBUF = ['  - server: broker', '    type: kafka', '    host: broker:9092', '    format: protobuf'];

describe("completion of a property's physicalType", () => {
  it("offers the column types of the contract's server for the property's logical type", () => {
    expect(typesAt(contractOn(POSTGRES, 'timestamp'), lastLine(contractOn(POSTGRES, 'timestamp')))).toEqual([
      'timestamptz',
      'timestamp',
    ]);
  });

  it("offers Oracle's DATE for a timestamp too, as its DATE holds a time of day (and the SQL import writes it so)", () => {
    const text = contractOn(ORACLE, 'timestamp');
    expect(typesAt(text, lastLine(text))).toEqual(['TIMESTAMP WITH TIME ZONE', 'TIMESTAMP', 'DATE']);
  });

  it("offers Avro's types, as the Avro import writes them, for a Kafka server's Avro records", () => {
    const text = contractOn(KAFKA_AVRO, 'timestamp');
    expect(typesAt(text, lastLine(text))).toEqual(['long/timestamp-millis', 'long/timestamp-micros']);
  });

  it.each([
    [
      'integer',
      ['int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64'],
    ],
    ['number', ['double', 'float']],
    ['string', ['string', 'bytes']],
    ['boolean', ['bool']],
    ['timestamp', ['google.protobuf.Timestamp']],
    ['date', ['google.type.Date']],
    ['time', ['google.type.TimeOfDay']],
  ])(
    "offers Protobuf's types for a %s, as the Protobuf import writes them, for a Kafka server's Protobuf records",
    (logicalType, types) => {
      const text = contractOn(KAFKA_PROTOBUF, logicalType);
      expect(typesAt(text, lastLine(text))).toEqual(types);
    },
  );

  it('offers every type the Protobuf import writes for a scalar or a well-known type, wrappers too', () => {
    const imported = importProtobuf(
      [
        'syntax = "proto3";',
        'import "google/protobuf/timestamp.proto";',
        'import "google/protobuf/wrappers.proto";',
        'message Reading {',
        ...['int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64']
          .concat(['double', 'float', 'string', 'bytes', 'bool', 'google.protobuf.Timestamp'])
          .concat(['google.protobuf.Int64Value', 'google.protobuf.BoolValue'])
          .map((type, index) => `  ${type} field_${index} = ${index + 1};`),
        '}',
      ].join('\n'),
    );
    if (!imported.ok) throw new Error('the .proto did not import');
    const properties = imported.objects.flatMap((object) => object.properties);
    const unoffered = properties.filter(({ logicalType, physicalType }) => {
      const text = contractOn(KAFKA_PROTOBUF, String(logicalType));
      return !typesAt(text, lastLine(text)).includes(physicalType as string);
    });
    expect(properties).toHaveLength(18);
    expect(unoffered).toEqual([]);
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
