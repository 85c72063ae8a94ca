import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importContractSource } from '../../../shared/contracts/import';
import { validateOdcsDocument } from '../../../shared/contracts/odcs-schema';

/**
 * Golden cases of importing other schema formats, discovered from test/fixtures/import/<format>/:
 * each source file (`orders-postgres.sql`) is read into a contract whose text must be
 * `<case>.odcs.yaml` and whose notes (what could not be mapped, where) `<case>.notes.txt`;
 * a source that cannot be read has `<case>.errors.txt`. `UPDATE_GOLDEN=1` rewrites them.
 */
const IMPORT_FIXTURES = join(import.meta.dirname, '../../fixtures/import');
const EXPECTATIONS = /\.(odcs\.yaml|notes\.txt|errors\.txt)$/;

const cases = readdirSync(IMPORT_FIXTURES).flatMap((format) =>
  readdirSync(join(IMPORT_FIXTURES, format))
    .filter((file) => !EXPECTATIONS.test(file))
    .map((file) => ({ format, file, stem: join(IMPORT_FIXTURES, format, file.replace(/(\.schema)?\.[^.]+$/, '')) })),
);

function golden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  expect(existsSync(path), `${path} is missing (UPDATE_GOLDEN=1 writes it)`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const lines = (problems: readonly { line: number; column: number; path: string; message: string }[]) =>
  problems.map((problem) => `${problem.line}:${problem.column} ${problem.path}: ${problem.message}\n`).join('');

describe.each(cases)('importing $format/$file', ({ format, file, stem }) => {
  const result = importContractSource(file, readFileSync(join(IMPORT_FIXTURES, format, file), 'utf8'));

  it('reads as the expected contract, or the expected located errors', () => {
    if (result.ok) {
      golden(`${stem}.odcs.yaml`, result.contract.odcs);
      golden(`${stem}.notes.txt`, lines(result.notes));
    } else golden(`${stem}.errors.txt`, lines(result.errors));
  });

  it('is valid against the official schema of its ODCS version when it reads', () => {
    if (result.ok) expect(validateOdcsDocument(parse(result.contract.odcs))).toEqual([]);
    else expect(file).toMatch(/^broken/);
  });
});

it('discovers a case of every format, and a broken file of each', () => {
  expect(new Set(cases.map((entry) => entry.format))).toEqual(
    new Set(['sql', 'avro', 'json-schema', 'protobuf', 'mermaid-er']),
  );
  expect(new Set(cases.filter((entry) => entry.file.startsWith('broken')).map((entry) => entry.format))).toEqual(
    new Set(['avro', 'json-schema', 'protobuf', 'sql', 'mermaid-er']),
  );
});
