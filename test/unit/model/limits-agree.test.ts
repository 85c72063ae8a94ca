import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMeshFile } from '../../../electron/files/mesh-file-reader';
import { nodeFileSystem } from '../../../electron/files/node-file-system';
import { parseMeshFile } from '../../../shared/contracts/contract-text';
import { serializeMesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

const ROOT = join(import.meta.dirname, '../../..');
const design = serializeMesh({ ...aMesh().build(), description: 'Café' });
const latin1 = Buffer.from(design, 'latin1');
const withMark = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(design, 'utf8')]);

/** The CLI as users run it, on the files given; its exit code and what it wrote to stderr. */
async function validateWithCli(...files: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'cli/mesh-designer.ts', 'validate', ...files], {
      cwd: ROOT,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  }
}

describe('the desktop reader, the CLI and the parser agree on what a mesh file is', { timeout: 60_000 }, () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'limits-'));
    await writeFile(join(folder, 'latin1.mesh.json'), latin1);
    await writeFile(join(folder, 'bom.mesh.json'), withMark);
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('all refuse Latin-1 bytes, where reading them as text used to turn é into U+FFFD', async () => {
    const path = join(folder, 'latin1.mesh.json');

    const desktop = await readMeshFile(nodeFileSystem, path);
    const cli = await validateWithCli(path);

    expect(desktop).toEqual({ ok: false, error: expect.stringContaining('is not UTF-8') });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('is not UTF-8');
  });

  it('all accept UTF-8 with a byte order mark', async () => {
    const path = join(folder, 'bom.mesh.json');

    const desktop = await readMeshFile(nodeFileSystem, path);
    const cli = await validateWithCli(path);

    expect(desktop.ok && parseMeshFile(desktop.value.text).ok).toBe(true);
    expect(cli).toEqual({ code: 0, stderr: '' });
  });
});
