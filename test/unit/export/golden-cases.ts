import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts';
import type { ExportFile } from '../../../shared/export';
import type { Mesh } from '../../../shared/model';

/**
 * The export golden cases: each folder of test/fixtures/export holds `input.mesh.json`, an
 * optional `baseline.mesh.json` (the design as last saved, for migrations), and one folder
 * per format with the files that format must write. `UPDATE_GOLDEN=1` rewrites them.
 */
export const EXPORT_FIXTURES = join(import.meta.dirname, '../../fixtures/export');

export interface ExportCase {
  name: string;
  folder: string;
  mesh: Mesh;
  baseline?: Mesh;
}

export function readMesh(path: string): Mesh {
  const parsed = parseMeshFile(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}

export function exportCases(): ExportCase[] {
  return readdirSync(EXPORT_FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(EXPORT_FIXTURES, entry.name, 'input.mesh.json')))
    .map((entry) => {
      const folder = join(EXPORT_FIXTURES, entry.name);
      const baselinePath = join(folder, 'baseline.mesh.json');
      return {
        name: entry.name,
        folder,
        mesh: readMesh(join(folder, 'input.mesh.json')),
        ...(existsSync(baselinePath) && { baseline: readMesh(baselinePath) }),
      };
    });
}

/** The files in a folder and its subfolders; a file is its own list. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  if (statSync(folder).isFile()) return [folder];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The files a case expects in `subfolder` (or the one file of that name), by bundle path. */
export function expectedFiles(exportCase: ExportCase, subfolder: string): Map<string, string> {
  return new Map(
    filesUnder(join(exportCase.folder, subfolder)).map((file) => [
      relative(exportCase.folder, file).split('\\').join('/'),
      readFileSync(file, 'utf8'),
    ]),
  );
}

const isUpdating = process.env.UPDATE_GOLDEN === '1';

/** Compares what was written with the case's expected files of `subfolder`, or rewrites them on request. */
export function expectGoldenFiles(exportCase: ExportCase, subfolder: string, files: readonly ExportFile[]): void {
  if (isUpdating) {
    rmSync(join(exportCase.folder, subfolder), { recursive: true, force: true });
    for (const file of files) {
      const path = join(exportCase.folder, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
  }
  const expected = expectedFiles(exportCase, subfolder);
  const written = new Map(files.map((file) => [file.path, String(file.content)]));
  expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [path, content] of written) expect(content, path).toBe(expected.get(path));
}

/** One test per case: the target writes exactly the case's expected files. */
export function itWritesTheGoldenFiles(
  subfolder: string,
  write: (exportCase: ExportCase) => readonly ExportFile[],
): void {
  it.each(exportCases().map((exportCase) => [exportCase.name, exportCase] as const))(
    '%s: writes the expected files',
    (_, exportCase) => expectGoldenFiles(exportCase, subfolder, write(exportCase)),
  );
}

/** The files of a result that must have succeeded. */
export function filesOf(result: { ok: true; value: ExportFile[] } | { ok: false; errors: unknown }): ExportFile[] {
  if (!result.ok) throw new Error(`the export failed: ${JSON.stringify(result.errors)}`);
  return result.value;
}
