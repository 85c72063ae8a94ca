import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeExportFolder } from '../../../electron/files/export-folder';
import type { FileSystem } from '../../../electron/files/file-system';
import { nodeFileSystem } from '../../../electron/files/node-file-system';
import { EXPORT_MANIFEST_PATH, exportManifestText } from '../../../shared/files/export-manifest';
import type { ExportFile } from '../../../shared/ipc';
import { fileError, InMemoryFileSystem } from './fakes/in-memory-file-system';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
const BUNDLE: ExportFile[] = [
  { path: 'index.md', content: '# Orders: exported files\n' },
  { path: 'odcs/order.odcs.yaml', content: 'kind: DataContract\n' },
  { path: 'odcs/customer.odcs.yaml', content: 'kind: DataContract\nid: customer\n' },
  { path: 'mermaid/logical-view.mmd', content: 'flowchart LR\n' },
  { path: 'mermaid/logical-view.png', content: PNG },
];
const EXPORT_FOLDER = '/home/ada/orders-export';
/** The listing an earlier export of the index and the order contract left in the folder. */
const EARLIER_LISTING = exportManifestText(['index.md', 'odcs/order.odcs.yaml']);
const STAGING = /^\/home\/ada\/\.orders-export\.[0-9a-f-]{36}\.tmp$/;

/** The fake disk as a list: every path, with the content of each file. */
function snapshot(fs: InMemoryFileSystem): string[] {
  return fs.allPaths().map((path) => {
    const content = fs.files.get(path) ?? fs.bytes.get(path);
    return content === undefined ? path : `${path}: ${String(content)}`;
  });
}

describe('writeExportFolder, all or nothing', () => {
  it('writes the bundle into a hidden sibling folder, flushes it, then renames it into place', async () => {
    const fs = new InMemoryFileSystem().withFolder('/home/ada');

    const result = await writeExportFolder(fs, '/home/ada', 'orders-export', BUNDLE);

    expect(result).toEqual({ ok: true, value: { folder: EXPORT_FOLDER, removed: [] } });
    expect(fs.files.get(`${EXPORT_FOLDER}/odcs/order.odcs.yaml`)).toBe('kind: DataContract\n');
    expect(fs.bytes.get(`${EXPORT_FOLDER}/mermaid/logical-view.png`)).toEqual(PNG);
    const writes = fs.calls.filter((call) => call.startsWith('writeTextDurably '));
    // The bundle, and the listing of it the next export reads.
    expect(writes).toHaveLength(BUNDLE.length + 1);
    const staging = writes[0]?.replace(/^writeTextDurably /, '').replace(/\/index\.md$/, '') ?? '';
    expect(staging).toMatch(STAGING);
    for (const write of writes) expect(write.startsWith(`writeTextDurably ${staging}/`)).toBe(true);
    const renames = fs.calls.filter((call) => call.startsWith('rename '));
    expect(renames).toEqual([`rename ${staging} -> ${EXPORT_FOLDER}`]);
    // Each folder of the new files is flushed before the rename, the parent after it.
    const renameAt = fs.calls.indexOf(renames[0] ?? '');
    expect(fs.calls.slice(0, renameAt)).toContain(`syncFolder ${staging}/odcs`);
    expect(fs.calls.slice(0, renameAt)).toContain(`syncFolder ${staging}`);
    expect(fs.calls.slice(renameAt)).toContain('syncFolder /home/ada');
    expect(fs.allPaths().filter((path) => path.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves no folder at all when the disk fills up on the third file, and names the file and the reason', async () => {
    const fs = new InMemoryFileSystem().withFolder('/home/ada').failingOnCall('writeTextDurably', 'ENOSPC', 3);
    const before = snapshot(fs);

    const result = await writeExportFolder(fs, '/home/ada', 'orders-export', BUNDLE);

    expect(result).toEqual({
      ok: false,
      error: `Could not export to ${EXPORT_FOLDER}: the disk is full; free some space and try again (writing odcs/customer.odcs.yaml). Nothing was written.`,
    });
    expect(snapshot(fs)).toEqual(before);
  });

  it('leaves a folder that is there exactly as it was when the disk fills up on the third file', async () => {
    const fs = new InMemoryFileSystem()
      .withFile(`${EXPORT_FOLDER}/${EXPORT_MANIFEST_PATH}`, EARLIER_LISTING)
      .withFile(`${EXPORT_FOLDER}/index.md`, 'the old index')
      .withFile(`${EXPORT_FOLDER}/notes.md`, 'mine')
      .withFile(`${EXPORT_FOLDER}/odcs/order.odcs.yaml`, 'the old contract')
      .failingOnCall('writeTextDurably', 'ENOSPC', 3);
    const before = snapshot(fs);

    const result = await writeExportFolder(fs, '/home/ada', 'orders-export', BUNDLE);

    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('the disk is full') });
    expect(snapshot(fs)).toEqual(before);
  });

  it('writes into a folder that is there only once every file is written: same names replaced, other files kept', async () => {
    const fs = new InMemoryFileSystem()
      .withFile(`${EXPORT_FOLDER}/${EXPORT_MANIFEST_PATH}`, EARLIER_LISTING)
      .withFile(`${EXPORT_FOLDER}/index.md`, 'the old index')
      .withFile(`${EXPORT_FOLDER}/notes.md`, 'mine');

    const result = await writeExportFolder(fs, '/home/ada', 'orders-export', BUNDLE);

    expect(result).toEqual({ ok: true, value: { folder: EXPORT_FOLDER, removed: [] } });
    expect(fs.files.get(`${EXPORT_FOLDER}/index.md`)).toBe('# Orders: exported files\n');
    expect(fs.files.get(`${EXPORT_FOLDER}/notes.md`)).toBe('mine');
    expect(fs.bytes.get(`${EXPORT_FOLDER}/mermaid/logical-view.png`)).toEqual(PNG);
    const lastWrite = fs.calls.findLastIndex((call) => call.startsWith('writeTextDurably '));
    const firstMoveIn = fs.calls.findIndex(
      (call) => call.startsWith('rename ') && call.includes(`-> ${EXPORT_FOLDER}/`),
    );
    expect(lastWrite).toBeLessThan(firstMoveIn);
    expect(fs.allPaths().filter((path) => path.includes('.tmp'))).toEqual([]);
  });

  it('removes the files the previous export wrote that this one does not, returns them, and keeps the user’s', async () => {
    const fs = new InMemoryFileSystem().withFolder('/home/ada');
    const beforeRename: ExportFile[] = [...BUNDLE, { path: 'odps/keg-fleet.odps.yaml', content: 'id: keg-fleet\n' }];
    await writeExportFolder(fs, '/home/ada', 'orders-export', beforeRename);
    fs.withFile(`${EXPORT_FOLDER}/odps/mine.odps.yaml`, 'mine');

    const afterRename: ExportFile[] = [...BUNDLE, { path: 'odps/keg-logistics.odps.yaml', content: 'id: keg-fleet\n' }];
    const result = await writeExportFolder(fs, '/home/ada', 'orders-export', afterRename);

    expect(result).toEqual({ ok: true, value: { folder: EXPORT_FOLDER, removed: ['odps/keg-fleet.odps.yaml'] } });
    expect(fs.allPaths().filter((path) => path.startsWith(`${EXPORT_FOLDER}/odps/`))).toEqual([
      `${EXPORT_FOLDER}/odps/keg-logistics.odps.yaml`,
      `${EXPORT_FOLDER}/odps/mine.odps.yaml`,
    ]);
    expect(fs.allPaths().filter((path) => path.includes('.tmp') || path.includes('.replaced'))).toEqual([]);
  });

  it('refuses to replace a file no earlier export wrote, naming it, and writes nothing', async () => {
    const fs = new InMemoryFileSystem().withFolder('/home/ada');
    await writeExportFolder(fs, '/home/ada', 'orders-export', [{ path: 'index.md', content: 'the old index' }]);
    fs.withFile(`${EXPORT_FOLDER}/odcs/order.odcs.yaml`, 'written by hand');
    const before = snapshot(fs);

    const result = await writeExportFolder(fs, '/home/ada', 'orders-export', BUNDLE);

    expect(result).toEqual({
      ok: false,
      error: `Could not export to ${EXPORT_FOLDER}: it holds 1 file no earlier export wrote (it is not in ${EXPORT_FOLDER}/.mesh-export.json), which this one would replace: odcs/order.odcs.yaml. Move it out of the folder, or export to another folder. Nothing was written.`,
    });
    expect(snapshot(fs)).toEqual(before);
  });

  it('puts back what it replaced when moving a file into a folder that is there fails part-way', async () => {
    const fs = new InMemoryFileSystem()
      .withFile(`${EXPORT_FOLDER}/${EXPORT_MANIFEST_PATH}`, EARLIER_LISTING)
      .withFile(`${EXPORT_FOLDER}/index.md`, 'the old index')
      .withFile(`${EXPORT_FOLDER}/odcs/order.odcs.yaml`, 'the old contract')
      .withFile(`${EXPORT_FOLDER}/notes.md`, 'mine');
    // Renames: index.md aside, the new index.md in, the old contract aside, the new one in, then the customer fails.
    fs.failingOnCall('rename', 'EACCES', 5);
    const before = snapshot(fs);

    const result = await writeExportFolder(fs, '/home/ada', 'orders-export', BUNDLE);

    expect(result).toEqual({
      ok: false,
      error: `Could not export to ${EXPORT_FOLDER}: permission denied on ${EXPORT_FOLDER}/odcs/customer.odcs.yaml; check its permissions or choose another path (moving odcs/customer.odcs.yaml into place). Nothing was written.`,
    });
    expect(snapshot(fs)).toEqual(before);
  });

  it('keeps an old file it cannot put back after a failed move, and says where', async () => {
    const fs = new InMemoryFileSystem()
      .withFile(`${EXPORT_FOLDER}/${EXPORT_MANIFEST_PATH}`, EARLIER_LISTING)
      .withFile(`${EXPORT_FOLDER}/index.md`, 'the old index')
      .withFile(`${EXPORT_FOLDER}/odcs/order.odcs.yaml`, 'the old contract')
      .withFile(`${EXPORT_FOLDER}/notes.md`, 'mine');
    // Renames: index.md aside, in, the contract aside, in, the customer fails; then the contract back fails.
    fs.failingOnCall('rename', 'EIO', [5, 6]);

    const result = await writeExportFolder(fs, '/home/ada', 'orders-export', BUNDLE);

    const keptIn = /kept in (\/home\/ada\/\.orders-export\.[0-9a-f-]{36}\.replaced)\.$/.exec(
      result.ok ? '' : result.error,
    )?.[1];
    expect(keptIn).toBeDefined();
    expect(fs.files.get(`${keptIn}/odcs/order.odcs.yaml`)).toBe('the old contract');
    expect(fs.files.get(`${EXPORT_FOLDER}/index.md`)).toBe('the old index');
    expect(fs.files.get(`${EXPORT_FOLDER}/notes.md`)).toBe('mine');
  });

  it('leaves the folder of old files an earlier export kept aside', async () => {
    const kept = '/home/ada/.orders-export.0f8fad5b-d9cb-469f-a165-70867728950e.replaced/index.md';
    const fs = new InMemoryFileSystem().withFile(kept, 'an old index');

    await writeExportFolder(fs, '/home/ada', 'orders-export', BUNDLE);

    expect(fs.files.get(kept)).toBe('an old index');
  });

  it('refuses to put a file where the folder has a folder of that name, which it would throw away', async () => {
    const fs = new InMemoryFileSystem().withFile(`${EXPORT_FOLDER}/index.md/keep.txt`, 'mine');
    const before = snapshot(fs);

    const result = await writeExportFolder(fs, '/home/ada', 'orders-export', BUNDLE);

    expect(result).toMatchObject({
      ok: false,
      error: expect.stringContaining(`${EXPORT_FOLDER}/index.md is a folder, not a file`),
    });
    expect(snapshot(fs)).toEqual(before);
  });

  it('removes the temporary folders an earlier, killed export of the same folder left, and only those', async () => {
    const fs = new InMemoryFileSystem()
      .withFile('/home/ada/.orders-export.0f8fad5b-d9cb-469f-a165-70867728950e.tmp/odcs/half.yaml', 'half')
      .withFile('/home/ada/.shop-export.0f8fad5b-d9cb-469f-a165-70867728950e.tmp/index.md', 'another export’s');

    await writeExportFolder(fs, '/home/ada', 'orders-export', BUNDLE);

    expect(fs.allPaths().filter((path) => path.includes('.tmp'))).toEqual([
      '/home/ada/.shop-export.0f8fad5b-d9cb-469f-a165-70867728950e.tmp',
      '/home/ada/.shop-export.0f8fad5b-d9cb-469f-a165-70867728950e.tmp/index.md',
    ]);
  });
});

describe('writeExportFolder where a named pipe or a device stands', () => {
  it.each([
    ['named pipe', '/home/ada', 'orders-export'],
    ['device', '/dev', 'null'],
  ] as const)(
    'calls a %s chosen as the export folder what it is, not a file, and writes nothing',
    async (kind, parent, name) => {
      const folder = join(parent, name);
      const fs = new InMemoryFileSystem().withSpecialFile(folder, kind);
      const before = snapshot(fs);

      const result = await writeExportFolder(fs, parent, name, BUNDLE);

      expect(result).toEqual({
        ok: false,
        error: `Could not export to ${folder}: it is a ${kind}, not a folder; choose another path (checking what is there). Nothing was written.`,
      });
      expect(snapshot(fs)).toEqual(before);
    },
  );

  it('names a named pipe that stands where a folder above the export folder must be', async () => {
    const fs = new InMemoryFileSystem().withSpecialFile('/home/ada/pipe', 'named pipe');
    const before = snapshot(fs);

    const result = await writeExportFolder(fs, '/home/ada', 'pipe/orders-export', BUNDLE);

    expect(result).toEqual({
      ok: false,
      error:
        'Could not export to /home/ada/pipe/orders-export: /home/ada/pipe is a named pipe, not a folder; choose another path (making the folder that holds it). Nothing was written.',
    });
    expect(snapshot(fs)).toEqual(before);
  });
});

describe('writeExportFolder on a real disk', () => {
  let parent = '';
  afterEach(async () => {
    if (parent) await rm(parent, { recursive: true, force: true });
  });

  /** Node's file system, with the disk filling up on the n-th file written. */
  function diskFullOnFile(nthFile: number): FileSystem {
    let written = 0;
    return {
      ...nodeFileSystem,
      async writeTextDurably(path, content, mode) {
        written += 1;
        if (written === nthFile) throw fileError('ENOSPC', path);
        await nodeFileSystem.writeTextDurably(path, content, mode);
      },
    };
  }

  /** Every entry under `folder`, with each file's bytes as hex. */
  async function listing(folder: string): Promise<string[]> {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    const lines = await Promise.all(
      entries.map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return entry.isFile() ? `${path}: ${(await readFile(path)).toString('hex')}` : path;
      }),
    );
    return lines.sort();
  }

  it('writes text and bytes, and leaves nothing else behind', async () => {
    parent = await mkdtemp(join(tmpdir(), 'mesh-export-'));

    const result = await writeExportFolder(nodeFileSystem, parent, 'orders-export', BUNDLE);

    expect(result).toEqual({ ok: true, value: { folder: join(parent, 'orders-export'), removed: [] } });
    expect(await readFile(join(parent, 'orders-export/odcs/order.odcs.yaml'), 'utf8')).toBe('kind: DataContract\n');
    expect(new Uint8Array(await readFile(join(parent, 'orders-export/mermaid/logical-view.png')))).toEqual(PNG);
    expect(await readdir(parent)).toEqual(['orders-export']);
  });

  it.runIf(process.platform === 'linux')(
    'calls a named pipe chosen as the export folder one, and writes nothing',
    async () => {
      parent = await mkdtemp(join(tmpdir(), 'mesh-export-'));
      expect(spawnSync('mkfifo', [join(parent, 'orders-export')]).status).toBe(0);

      const result = await writeExportFolder(nodeFileSystem, parent, 'orders-export', BUNDLE);

      expect(result).toMatchObject({
        ok: false,
        error: expect.stringContaining(': it is a named pipe, not a folder;'),
      });
      expect(await readdir(parent)).toEqual(['orders-export']);
    },
  );

  it('leaves the disk as it was when it fills up on the third file, with or without the folder there', async () => {
    parent = await mkdtemp(join(tmpdir(), 'mesh-export-'));
    const fs = diskFullOnFile(3);
    expect(await writeExportFolder(fs, parent, 'orders-export', BUNDLE)).toMatchObject({ ok: false });
    expect(await readdir(parent)).toEqual([]);

    await mkdir(join(parent, 'orders-export/odcs'), { recursive: true });
    await writeFile(join(parent, 'orders-export', EXPORT_MANIFEST_PATH), EARLIER_LISTING);
    await writeFile(join(parent, 'orders-export/index.md'), 'the old index');
    await writeFile(join(parent, 'orders-export/odcs/order.odcs.yaml'), 'the old contract');
    const before = await listing(parent);
    expect(await writeExportFolder(diskFullOnFile(3), parent, 'orders-export', BUNDLE)).toMatchObject({
      ok: false,
      error: expect.stringContaining(
        'the disk is full; free some space and try again (writing odcs/customer.odcs.yaml)',
      ),
    });
    expect(await listing(parent)).toEqual(before);
  });
});
