import { describe, expect, it } from 'vitest';
import { importContractSource } from '../../../shared/contracts/import';

const odcsAsJson = JSON.stringify(
  {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'work-orders',
    name: 'Work orders',
    version: '0.3.0',
    status: 'draft',
    schema: [{ name: 'work_order', logicalType: 'object', properties: [{ name: 'wo_number', logicalType: 'string' }] }],
  },
  null,
  2,
);

const dataContractSpecification = `dataContractSpecification: 1.1.0
id: turbine-telemetry
info:
  title: Turbine telemetry
  version: 1.0.0
models:
  telemetry:
    type: table
    fields:
      unit_id:
        type: string
`;

describe('telling a contract file’s format by what it holds', () => {
  it('reads an ODCS contract written as JSON (kind DataContract, apiVersion v3) as ODCS, not as a JSON Schema', () => {
    const imported = importContractSource('work-orders.odcs.json', odcsAsJson);
    expect(imported.format).toBe('odcs');
    expect(imported.ok && imported.contract.id).toBe('work-orders');
  });

  it('still reads a JSON Schema as one', () => {
    const schema = JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Reading',
      type: 'object',
      properties: { id: { type: 'string' } },
    });
    const imported = importContractSource('reading.json', schema);
    expect(imported.format).toBe('json-schema');
    expect(imported.ok).toBe(true);
  });

  it('refuses a .json that is neither ODCS, Avro nor a JSON Schema, saying what it reads', () => {
    const imported = importContractSource('settings.json', '{ "theme": "dark" }');
    expect(imported.ok).toBe(false);
    expect(!imported.ok && imported.errors.map((error) => error.message)).toEqual([
      'not a contract: a .json file is read as an ODCS contract (kind: DataContract), an Avro schema ("type": "record") or a JSON Schema (with "$schema", "type" or "properties")',
    ]);
  });

  it.each([
    ['turbines.dcs.yaml', dataContractSpecification],
    ['turbines.json', JSON.stringify({ dataContractSpecification: '1.1.0', id: 't', models: {} })],
  ])('refuses a Data Contract Specification file (%s) with one message saying how to convert it', (file, text) => {
    const imported = importContractSource(file, text);
    expect(imported.ok).toBe(false);
    expect(!imported.ok && imported.errors.map((error) => error.message)).toEqual([
      `a Data Contract Specification file (dataContractSpecification: 1.1.0), not an ODCS contract: convert it with datacontract-cli, \`datacontract export --format odcs ${file}\`, and import what it writes`,
    ]);
  });
});
