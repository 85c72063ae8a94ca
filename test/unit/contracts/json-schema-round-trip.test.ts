import { describe, expect, it } from 'vitest';
import { readContractUrn } from '../../../shared/contracts/contract-urn';
import { importContractSource } from '../../../shared/contracts/import';
import { WHOLE_MESH } from '../../../shared/export';
import { jsonSchemaTarget } from '../../../shared/export/jsonschema/json-schema-target';
import type { ContractProperty } from '../../../shared/model';
import { aContract, aMesh, aField as field } from '../../builders/mesh-builder';
import { filesOf } from '../export/golden-cases';
import { contractFromYaml } from '../export/unseen-meshes';

const HOUSEHOLDS = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: household-register
name: Household register
version: 2.1.0
status: active
schema:
  - name: household
    properties:
      - name: household_id
        logicalType: string
        required: true
`);

describe('a JSON Schema the export wrote, imported back', () => {
  it('is the contract and schema object its $id names, not names made from the file name and title', () => {
    const [file] = filesOf(jsonSchemaTarget.files({ ...aMesh().build(), contracts: [HOUSEHOLDS] }, WHOLE_MESH));
    const imported = importContractSource((file as { path: string }).path, (file as { content: string }).content);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.contract).toMatchObject({ id: 'household-register', name: 'Household register', version: '2.1.0' });
    expect(imported.contract.schema.map((object) => object.name)).toEqual(['household']);
    expect(imported.contract.schema[0]?.extensions).toBeUndefined();
    expect(imported.notes.map((note) => note.message)).not.toContainEqual(expect.stringContaining('$id'));
  });

  it('reads only the $id the export writes, each part as it was encoded', () => {
    expect(readContractUrn('urn:data-contract:a%3Ab:1.0.0:orders')).toEqual({
      contractId: 'a:b',
      version: '1.0.0',
      objectName: 'orders',
    });
    for (const other of ['https://example.com/s.json', 'urn:data-contract:a:1.0.0', 'urn:data-contract:%E0:1:x', 7]) {
      expect(readContractUrn(other), String(other)).toBeUndefined();
    }
  });
});

describe('bounds the JSON Schema export derives from a physicalType, imported back', () => {
  /** The contract `fees` with one schema object `fees` of `properties`, exported as JSON Schema and imported back. */
  function importedBack(properties: ContractProperty[]): ContractProperty[] {
    const fees = aContract('fees', { schema: [{ name: 'fees', properties }] });
    const [file] = filesOf(jsonSchemaTarget.files({ ...aMesh().build(), contracts: [fees] }, WHOLE_MESH));
    const imported = importContractSource((file as { path: string }).path, (file as { content: string }).content);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    return imported.contract.schema[0]?.properties ?? [];
  }

  it('are the physicalType they restate, not bounds the user never wrote', () => {
    const written = [
      field('amount', 'number', { physicalType: 'numeric(10,2)', required: true }),
      field('ratio', 'number', { physicalType: 'numeric(3,3)' }),
      field('units', 'integer', { physicalType: 'numeric(12,0)' }),
      field('seats', 'integer', { physicalType: 'smallint' }),
      field('visits', 'integer', { physicalType: 'integer' }),
    ];
    expect(importedBack(written)).toEqual(written);
  });

  it("keep the user's own bounds beside the physicalType", () => {
    const written = [
      field('amount', 'number', {
        physicalType: 'numeric(10,2)',
        extensions: { logicalTypeOptions: { minimum: 0 } },
      }),
      field('seats', 'integer', { physicalType: 'smallint', extensions: { logicalTypeOptions: { minimum: 1 } } }),
      field('price', 'number', {
        physicalType: 'numeric(10,2)',
        extensions: { logicalTypeOptions: { exclusiveMaximum: 1000 } },
      }),
    ];
    expect(importedBack(written)).toEqual(written);
  });

  it('stay bounds where they restate no type', () => {
    const written = [
      field('score', 'number', {
        extensions: { logicalTypeOptions: { exclusiveMinimum: -100, exclusiveMaximum: 100 } },
      }),
      field('share', 'number', {
        extensions: { logicalTypeOptions: { exclusiveMinimum: -999.99, exclusiveMaximum: 999.99 } },
      }),
      field('level', 'integer', { extensions: { logicalTypeOptions: { minimum: -40000, maximum: 40000 } } }),
      field('risk_score', 'integer', { extensions: { logicalTypeOptions: { minimum: 0, maximum: 100 } } }),
      field('berths', 'integer', { extensions: { logicalTypeOptions: { minimum: 0, maximum: 40000 } } }),
    ];
    expect(importedBack(written)).toEqual(written);
  });
});

describe('allowed values documented with a label or a description, exported as JSON Schema and imported back', () => {
  it('are the same values with the same labels and descriptions, required or not', () => {
    const documentation = {
      sms: { label: 'Text message', description: 'Sent to the mobile number on file.' },
      email: { label: 'Email' },
    };
    const written = [
      field('channel', 'string', {
        required: true,
        enum: ['sms', 'email', 'letter'],
        enumEntryDocumentation: documentation,
      }),
      field('urgency', 'integer', { enum: [1, 2], enumEntryDocumentation: { '1': { label: 'Routine' } } }),
    ];
    const reminders = aContract('reminders', {
      apiVersion: 'v3.2.0',
      schema: [{ name: 'reminders', properties: written }],
    });
    const [file] = filesOf(jsonSchemaTarget.files({ ...aMesh().build(), contracts: [reminders] }, WHOLE_MESH));
    const imported = importContractSource((file as { path: string }).path, (file as { content: string }).content);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.contract.schema[0]?.properties).toEqual(written);
    expect(imported.contract.apiVersion).toBe('v3.2.0');
    expect(imported.notes).toEqual([]);
  });
});
