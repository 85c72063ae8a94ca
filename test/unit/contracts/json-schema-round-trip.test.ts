import { describe, expect, it } from 'vitest';
import { readContractUrn } from '../../../shared/contracts/contract-urn';
import { importContractSource } from '../../../shared/contracts/import';
import { WHOLE_MESH } from '../../../shared/export';
import { jsonSchemaTarget } from '../../../shared/export/jsonschema/json-schema-target';
import { aMesh } from '../../builders/mesh-builder';
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
