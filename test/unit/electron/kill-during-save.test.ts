import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Mesh, serializeMesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

const ROOT = join(import.meta.dirname, '../../..');
const KILLS = 30;

/** A design of a few megabytes, so a save takes long enough to be killed in the middle of it. */
function aLargeDesign(name: string): string {
  const builder = aMesh();
  for (let index = 0; index < 400; index++)
    builder.withDomain(`domain-${index}`, { description: `${name} ${'x'.repeat(8000)}` });
  return serializeMesh({ ...builder.build(), name } as Mesh);
}

/** Resolves when the child has printed `line` `count` times. */
function whenPrinted(child: ChildProcessWithoutNullStreams, line: string, count = 1): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      seen += lines.filter((printed) => printed === line).length;
      if (seen >= count) {
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before printing ${line}`)));
  });
}

/** The child bundled once into plain JavaScript: 31 starts through tsx cost more than the saves. */
async function bundleChild(folder: string): Promise<string> {
  const outfile = join(folder, 'save-until-killed.mjs');
  await build({
    entryPoints: [join(ROOT, 'test/unit/electron/kill/save-until-killed.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

const startChild = (child: string, target: string, versionFiles: string[]) =>
  spawn(process.execPath, [child, target, ...versionFiles]);

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

describe('killing the app while it saves', { timeout: 600_000 }, () => {
  let folder = '';
  let target = '';
  let versions: string[] = [];
  let versionFiles: string[] = [];
  let childScript = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kill-during-save-'));
    childScript = await bundleChild(folder);
    versions = [aLargeDesign('Old'), aLargeDesign('New')];
    versionFiles = [join(folder, 'old.json'), join(folder, 'new.json')];
    await Promise.all(versionFiles.map((path, index) => writeFile(path, versions[index] as string)));
    await mkdir(join(folder, 'designs'));
    target = join(folder, 'designs', 'orders.mesh.json');
    await writeFile(target, versions[0] as string);
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it(`leaves the old or the new file after each of ${KILLS} kills, and no temporary file past the next start`, async () => {
    const outcomes = new Set<string>();
    let killsLeavingDebris = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const child = startChild(childScript, target, versionFiles);
      await whenPrinted(child, 'started');

      // The start swept what the last kill left: only the design is in its folder.
      expect(await readdir(join(folder, 'designs'))).toEqual(['orders.mesh.json']);

      const saves = 1 + Math.floor(Math.random() * 3);
      child.stdin.write('go\n');
      await whenPrinted(child, 'saving', saves);
      // A random moment inside that save: writing, flushing, renaming or flushing the folder.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
      child.kill('SIGKILL');
      await exited(child);

      const text = await readFile(target, 'utf8');
      const version = versions.indexOf(text);
      expect(version).not.toBe(-1);
      outcomes.add(version === 0 ? 'old' : 'new');
      if ((await readdir(join(folder, 'designs'))).length > 1) killsLeavingDebris++;
    }
    // A last start, as the app's next launch, sweeps what the last kill left.
    const lastStart = startChild(childScript, target, versionFiles);
    await whenPrinted(lastStart, 'started');
    lastStart.kill('SIGKILL');
    await exited(lastStart);

    expect(await readdir(join(folder, 'designs'))).toEqual(['orders.mesh.json']);
    console.log(
      `kill test: ${KILLS} kills; the file was the ${[...outcomes].join(' or the ')} one; ${killsLeavingDebris} kill(s) left a temporary file, swept by the next start`,
    );
  });
});
