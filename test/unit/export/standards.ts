import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** The official schemas copied into test/fixtures/standards (see the README there). */
export const STANDARDS = join(import.meta.dirname, '../../fixtures/standards');

export function readStandard(path: string): string {
  return readFileSync(join(STANDARDS, path), 'utf8');
}

export function readJsonStandard(path: string): Record<string, unknown> {
  return JSON.parse(readStandard(path));
}

export function readYamlStandard(path: string): Record<string, unknown> {
  return parse(readStandard(path));
}

/** Ajv for draft 2019-09 schemas (ODCS, ODPS), formats checked. */
export function ajv2019() {
  return addFormats(new Ajv2019({ allErrors: true, strict: false }));
}
