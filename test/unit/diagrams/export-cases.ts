import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMeshFile } from '../../../shared/contracts';
import type { Mesh } from '../../../shared/model';

export const EXPORT_CASES_DIR = join(import.meta.dirname, '../../fixtures/export');

/** The export golden cases (test/fixtures/export/<case>/input.mesh.json), discovered from the folder. */
export const EXPORT_CASES: readonly string[] = readdirSync(EXPORT_CASES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

export function caseMesh(name: string): Mesh {
  const parsed = parseMeshFile(readFileSync(join(EXPORT_CASES_DIR, name, 'input.mesh.json'), 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}
