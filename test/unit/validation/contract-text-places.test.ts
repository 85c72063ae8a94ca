import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContractYaml, parseMeshFile } from '../../../shared/contracts';
import type { Mesh } from '../../../shared/model';
import {
  contractPartOf,
  contractTextPlaceOf,
  designFindingsInText,
} from '../../../shared/validation/contract-text-places';
import { validateMesh } from '../../../shared/validation/validate-mesh';

/** The laundry's design: its claims contract (contracts[3]) names rfid_tag twice and leaves the PII it republishes unclassified. */
function laundry(): Mesh {
  const text = readFileSync(
    new URL('../../fixtures/mesh/laundry-duplicate-property.mesh.json', import.meta.url),
    'utf8',
  );
  const parsed = parseMeshFile(text);
  if (!parsed.ok) throw new Error('the laundry fixture does not open');
  return parsed.value;
}

describe('where a finding about a contract is in its text', () => {
  it('places a path in a contract’s model at its line and column in the contract’s YAML', () => {
    const { contracts } = laundry();
    // Line 29: `      - name: rfid_tag`, the second one; line 25: `      - name: contact_email`.
    expect(contractTextPlaceOf(contracts, 'contracts[3].schema[0].properties[5].name')).toEqual({
      line: 29,
      column: 15,
    });
    expect(contractTextPlaceOf(contracts, 'contracts[3].schema[0].properties[3]')).toEqual({ line: 25, column: 9 });
    // A model field the ODCS text writes elsewhere: the description's purpose.
    expect(contractTextPlaceOf(contracts, 'contracts[3].description')).toEqual({ line: 10, column: 12 });
    // An allowed value: the model's enum[1] is the second of the `validValues` of its quality rule.
    const sample = parseMeshFile(
      readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
    );
    const currency = 'contracts[0].schema[0].properties[5].enum[1]';
    expect(sample.ok && contractTextPlaceOf(sample.value.contracts, currency)).toEqual({ line: 41, column: 19 });
  });

  it('places nothing outside a contract’s model: another element, a contract as a whole, its text already placed', () => {
    const { contracts } = laundry();
    expect(contractTextPlaceOf(contracts, 'products[3]')).toBeUndefined();
    expect(contractTextPlaceOf(contracts, 'contracts[3]')).toBeUndefined();
    expect(contractTextPlaceOf(contracts, 'contracts[3].odcs')).toBeUndefined();
    expect(contractTextPlaceOf(contracts, 'contracts[9].schema[0]')).toBeUndefined();
    expect(contractPartOf('contracts[3].schema[0].properties[3]')).toEqual({
      contractIndex: 3,
      modelPath: ['schema', 0, 'properties', 3],
    });
  });

  it('gives the contract editor the design’s findings on its contract, leaving it those its own checks say', () => {
    const mesh = laundry();
    const text = mesh.contracts[3]?.odcs ?? '';
    const findings = designFindingsInText(validateMesh(mesh), 3, text, checkContractYaml(text));
    expect(findings.map(({ finding, range }) => [finding.ruleId, range.line, range.column])).toEqual([
      ['pii-propagation', 25, 9],
      ['pii-propagation', 27, 9],
    ]);
  });

  it('leaves the editor a finding its own checks mark at the key the path names, not at its value', () => {
    const json = JSON.parse(
      readFileSync(new URL('../../fixtures/mesh/laundry-duplicate-property.mesh.json', import.meta.url), 'utf8'),
    );
    const lines: string[] = json.contracts[3].odcs;
    // customer_id (line 22) gets a rule whose argument is misspelt, at line 28: `              validvalues: [1, 2]`.
    lines.splice(
      24,
      0,
      '        quality:',
      '          - metric: invalidValues',
      '            arguments:',
      '              validvalues: [1, 2]',
      '            mustBe: 0',
    );
    const parsed = parseMeshFile(JSON.stringify(json));
    if (!parsed.ok) throw new Error('the laundry fixture with the rule does not open');
    const text = parsed.value.contracts[3]?.odcs ?? '';
    expect(
      checkContractYaml(text).some(({ line, path }) => line === 28 && path.endsWith('arguments.validvalues')),
    ).toBe(true);
    const findings = designFindingsInText(validateMesh(parsed.value), 3, text, checkContractYaml(text));
    expect(findings.filter(({ range }) => range.line === 28)).toEqual([]);
  });
});
