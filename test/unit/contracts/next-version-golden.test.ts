import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { asNextVersion } from '../../../shared/contracts/contract-versions';
import { importContractSource } from '../../../shared/contracts/import';
import { validateOdcsDocument } from '../../../shared/contracts/odcs-schema';
import { parseOdcsYaml } from '../../../shared/contracts/odcs-yaml';

/** Golden cases of a schema imported as the next version of a contract, one folder each (see the folder's README). */
const CASES = join(import.meta.dirname, '../../fixtures/next-version');
const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const folder = join(CASES, entry.name);
    const source = readdirSync(folder).find((file) => !file.endsWith('.odcs.yaml')) as string;
    return { name: entry.name, folder, source };
  });

function golden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  expect(existsSync(path), `${path} is missing (UPDATE_GOLDEN=1 writes it)`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe.each(cases)('importing $source as the next version of $name', ({ folder, source }) => {
  const existing = parseOdcsYaml(readFileSync(join(folder, 'existing.odcs.yaml'), 'utf8'));
  const imported = importContractSource(source, readFileSync(join(folder, source), 'utf8'));
  if (!existing.ok || !imported.ok) throw new Error(`${folder}: the case's files do not read`);
  const next = asNextVersion(existing.value, imported);
  if (!next.ok) throw new Error(next.message);

  it('changes only the lines the import changes', () => {
    golden(join(folder, 'expected.odcs.yaml'), next.contract.odcs);
  });

  // An ODCS file says all of these: it is the next version, and the changelog lists what it changes.
  it.skipIf(imported.format === 'odcs')(
    'keeps what the source format cannot say, so the changelog does not list it',
    () => {
      const fields = next.comparison.changes.map((change) => change.message);
      expect(
        fields.filter((message) => /classification|tags|examples|quality|description|physicalName/.test(message)),
      ).toEqual([]);
    },
  );

  it('is valid against the official schema of its ODCS version', () => {
    expect(validateOdcsDocument(parse(next.contract.odcs))).toEqual([]);
  });
});
