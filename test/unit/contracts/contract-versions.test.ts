import { describe, expect, it } from 'vitest';
import { asNextVersion } from '../../../shared/contracts/contract-versions';
import { parseOdcsYaml } from '../../../shared/contracts/odcs-yaml';
import type { Contract } from '../../../shared/model/contract';
import { anOdcsText } from './builders';

function contractOf(text: string): Contract {
  const read = parseOdcsYaml(text);
  if (!read.ok) throw new Error(read.errors[0]?.message);
  return read.value;
}

const anchored = anOdcsText(
  [
    'schema:',
    '  - name: a',
    '    properties:',
    '      - &key',
    '        name: id',
    '        logicalType: string',
    '  - name: b',
    '    properties:',
    '      - *key',
    '',
  ].join('\n'),
);

describe('an imported schema as the next version of a contract', () => {
  it('says why it cannot change a field the contract writes as an alias, rather than throwing', () => {
    const imported = contractOf(anchored.replace('*key', 'name: b_id\n        logicalType: string'));
    expect(asNextVersion(contractOf(anchored), imported)).toEqual({
      ok: false,
      message: expect.stringMatching(/^schema\[1\]\.properties\[0\] is an alias \(\*key\)/),
    });
  });

  it('keeps the alias when the next version leaves its field alone', () => {
    const imported = contractOf(`${anchored}      - name: extra\n        logicalType: integer\n`);
    const next = asNextVersion(contractOf(anchored), imported);
    expect(next.ok && next.contract.odcs).toContain('      - *key\n      - name: extra\n');
  });
});
