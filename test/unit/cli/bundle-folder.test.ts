import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BundleFs, writeBundleFolder } from '../../../cli/bundle-folder';
import { nodeIo } from '../../../cli/node-io';
import { EXPORT_MANIFEST_PATH, exportManifestText } from '../../../shared/files/export-manifest';

const workspace = mkdtempSync(join(tmpdir(), 'bundle-folder-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder holding `files`, alone in its own parent so what is left beside it shows. */
function folderWith(files: Record<string, string>): string {
  const folder = join(workspace, `case-${++folders}`, 'out');
  mkdirSync(folder, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  return folder;
}

const contentsOf = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(folder, path), readFileSync(path, 'utf8')];
      })
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

const besideOf = (folder: string) => readdirSync(join(folder, '..'));

const bundle = [
  { path: 'index.md', content: 'new index' },
  { path: 'odcs/order.odcs.yaml', content: 'new order' },
  { path: 'sql/orders.sql', content: 'new sql' },
];
const manifestOf = (files: readonly { path: string }[]) => exportManifestText(files.map((file) => file.path));
/** An earlier export (listed, so its files are replaced) and a file of the user's. */
const oldBundle = {
  [EXPORT_MANIFEST_PATH]: exportManifestText(['index.md', 'odcs/order.odcs.yaml']),
  'index.md': 'old index',
  'odcs/order.odcs.yaml': 'old order',
  'notes.txt': 'mine',
};

/** The disk, failing with `code` on the `nth` call(s) of `method`, about the path it was given, as Node does. */
function failingFs(method: 'writeFile' | 'rename' | 'mkdir', nth: number | number[], code: string): BundleFs {
  const disk: BundleFs = { ...fs };
  const real = disk[method] as (...args: unknown[]) => Promise<unknown>;
  let calls = 0;
  const failing = async (...args: unknown[]) => {
    if ([nth].flat().includes(++calls)) throw Object.assign(new Error(`${code}: raw`), { code, path: args[0] });
    return real(...args);
  };
  return { ...disk, [method]: failing as never };
}

describe('writing a bundle folder all at once', () => {
  it('writes a new folder whole, leaving nothing beside it', async () => {
    const folder = join(folderWith({}), 'bundle');
    await writeBundleFolder(folder, bundle);
    expect(contentsOf(folder)).toEqual({
      [EXPORT_MANIFEST_PATH]: manifestOf(bundle),
      'index.md': 'new index',
      'odcs/order.odcs.yaml': 'new order',
      'sql/orders.sql': 'new sql',
    });
    expect(besideOf(folder)).toEqual(['bundle']);
  });

  it('replaces the files of the same name in an existing folder, leaving the others', async () => {
    const folder = folderWith(oldBundle);
    await writeBundleFolder(folder, bundle);
    expect(contentsOf(folder)).toEqual({
      [EXPORT_MANIFEST_PATH]: manifestOf(bundle),
      'index.md': 'new index',
      'notes.txt': 'mine',
      'odcs/order.odcs.yaml': 'new order',
      'sql/orders.sql': 'new sql',
    });
    expect(besideOf(folder)).toEqual(['out']);
  });

  it('names the file where the bundle needs a folder, and leaves the old bundle as it was', async () => {
    const old = { [EXPORT_MANIFEST_PATH]: exportManifestText(['index.md']), 'index.md': 'old index' };
    const folder = folderWith({ ...old, odcs: 'a file', 'notes.txt': 'mine' });
    await expect(writeBundleFolder(folder, bundle)).rejects.toMatchObject({
      code: 'ENOTDIR',
      path: join(folder, 'odcs'),
    });
    expect(contentsOf(folder)).toEqual({ ...old, odcs: 'a file', 'notes.txt': 'mine' });
    expect(besideOf(folder)).toEqual(['out']);
  });

  it('keeps the old bundle and removes the temporary folder when the disk fills up halfway', async () => {
    const folder = folderWith(oldBundle);
    await expect(writeBundleFolder(folder, bundle, failingFs('writeFile', 2, 'ENOSPC'))).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(contentsOf(folder)).toEqual(oldBundle);
    expect(besideOf(folder)).toEqual(['out']);
  });

  it('puts every old file back when moving the new ones into place fails', async () => {
    const folder = folderWith(oldBundle);
    // Renames: index.md aside, new index.md in, order aside, new order in, then sql fails.
    await expect(writeBundleFolder(folder, bundle, failingFs('rename', 5, 'EIO'))).rejects.toMatchObject({
      code: 'EIO',
    });
    expect(contentsOf(folder)).toEqual(oldBundle);
    expect(readdirSync(folder).sort()).toEqual([EXPORT_MANIFEST_PATH, 'index.md', 'notes.txt', 'odcs']);
    expect(besideOf(folder)).toEqual(['out']);
  });

  it('says where the old files are kept when putting one back fails too, and keeps them', async () => {
    const folder = folderWith(oldBundle);
    // Renames: index.md aside, new index.md in, order aside, new order in, sql fails; then order back fails.
    const failure = await writeBundleFolder(folder, bundle, failingFs('rename', [5, 6], 'EIO')).then(
      () => undefined,
      (error: unknown) => error as { code: string; keptIn?: string },
    );
    expect(failure).toMatchObject({ code: 'EIO', keptIn: expect.stringMatching(/\.out\.\d+\.replaced$/) });
    expect(contentsOf(failure?.keptIn as string)).toEqual({ [join('odcs', 'order.odcs.yaml')]: 'old order' });
    expect(contentsOf(folder)).toEqual({
      [EXPORT_MANIFEST_PATH]: oldBundle[EXPORT_MANIFEST_PATH],
      'index.md': 'old index',
      'notes.txt': 'mine',
    });
  });

  it('removes the temporary folder a killed run left beside it, and keeps a folder of old files kept aside', async () => {
    const folder = folderWith(oldBundle);
    const killedRun = join(folder, '..', '.out.999999.partial');
    const keptAside = join(folder, '..', '.out.999999.replaced');
    mkdirSync(killedRun);
    mkdirSync(keptAside);
    writeFileSync(join(keptAside, 'index.md'), 'older index');
    await writeBundleFolder(folder, bundle);
    expect(besideOf(folder).sort()).toEqual(['.out.999999.replaced', 'out']);
  });

  it('leaves alone the temporary folder of an export still running beside it', async () => {
    const folder = folderWith(oldBundle);
    // The process that started these tests is alive while they run, as another export would be.
    const running = `.out.${process.ppid}.partial`;
    mkdirSync(join(folder, '..', running));
    await writeBundleFolder(folder, bundle);
    expect(besideOf(folder).sort()).toEqual([running, 'out']);
  });

  it('writes nothing into a new folder when a file fails, and leaves no temporary folder', async () => {
    const folder = join(folderWith({}), 'bundle');
    // Named as the file it stands for, not as the temporary copy.
    await expect(writeBundleFolder(folder, bundle, failingFs('writeFile', 3, 'EACCES'))).rejects.toMatchObject({
      code: 'EACCES',
      path: join(folder, 'sql', 'orders.sql'),
    });
    expect(besideOf(folder)).toEqual([]);
  });
});

describe('writing over an earlier export', () => {
  const before = [
    { path: 'index.md', content: 'old index' },
    { path: 'odps/keg-fleet.odps.yaml', content: 'id: keg-fleet' },
    { path: 'sql/keg-fleet.sql', content: 'CREATE TABLE "keg-fleet"' },
  ];
  const afterRename = [
    { path: 'index.md', content: 'new index' },
    { path: 'odps/keg-logistics.odps.yaml', content: 'id: keg-fleet' },
    { path: 'sql/keg-logistics.sql', content: 'CREATE TABLE "keg-fleet"' },
  ];

  it('removes the files the previous export wrote that this one does not, says which, and keeps the user’s', async () => {
    const folder = join(folderWith({}), 'bundle');
    await writeBundleFolder(folder, before);
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    writeFileSync(join(folder, 'odps', 'mine.odps.yaml'), 'mine too');

    const written = await writeBundleFolder(folder, afterRename);

    expect(written).toEqual({ removed: ['odps/keg-fleet.odps.yaml', 'sql/keg-fleet.sql'] });
    expect(contentsOf(folder)).toEqual({
      [EXPORT_MANIFEST_PATH]: manifestOf(afterRename),
      'index.md': 'new index',
      'notes.txt': 'mine',
      [join('odps', 'keg-logistics.odps.yaml')]: 'id: keg-fleet',
      [join('odps', 'mine.odps.yaml')]: 'mine too',
      [join('sql', 'keg-logistics.sql')]: 'CREATE TABLE "keg-fleet"',
    });
    expect(besideOf(folder)).toEqual(['bundle']);
  });

  it('removes a folder the removed files leave empty, and keeps one that holds the user’s files', async () => {
    const folder = join(folderWith({}), 'bundle');
    const withDiagrams = [...before, { path: 'mermaid/products/keg-fleet.mmd', content: 'flowchart LR' }];
    await writeBundleFolder(folder, withDiagrams);
    writeFileSync(join(folder, 'odps', 'mine.odps.yaml'), 'mine');

    await writeBundleFolder(folder, [{ path: 'index.md', content: 'only the index' }]);

    expect(readdirSync(folder).sort()).toEqual([EXPORT_MANIFEST_PATH, 'index.md', 'odps']);
    expect(readdirSync(join(folder, 'odps'))).toEqual(['mine.odps.yaml']);
  });

  it('removes nothing from a folder no export listed, nor what a listing names outside the folder', async () => {
    const folder = folderWith({ 'odps/keg-fleet.odps.yaml': 'mine', 'index.md': 'old index' });
    writeFileSync(join(folder, '..', 'outside.txt'), 'mine');

    // The user's own index.md is replaced only because the export is told to.
    const replacingTheirs = { replacesUnlisted: true };
    expect(await writeBundleFolder(folder, afterRename, fs, replacingTheirs)).toEqual({ removed: [] });
    writeFileSync(
      join(folder, EXPORT_MANIFEST_PATH),
      exportManifestText(['../outside.txt', 'odps/keg-fleet.odps.yaml']),
    );
    await writeBundleFolder(folder, afterRename, fs, replacingTheirs);

    expect(readFileSync(join(folder, '..', 'outside.txt'), 'utf8')).toBe('mine');
    expect(contentsOf(folder)).not.toHaveProperty(join('odps', 'keg-fleet.odps.yaml'));
  });

  it('removes nothing through a linked folder, which leads outside, and keeps the link', async () => {
    const folder = folderWith({ 'index.md': 'old index' });
    const elsewhere = join(folder, '..', 'gitops-odps');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'keg-fleet.odps.yaml'), 'not the export’s');
    symlinkSync(elsewhere, join(folder, 'odps'));
    writeFileSync(join(folder, EXPORT_MANIFEST_PATH), exportManifestText(['index.md', 'odps/keg-fleet.odps.yaml']));

    const written = await writeBundleFolder(folder, [{ path: 'index.md', content: 'new index' }]);

    expect(written).toEqual({ removed: [] });
    expect(readFileSync(join(elsewhere, 'keg-fleet.odps.yaml'), 'utf8')).toBe('not the export’s');
    expect(lstatSync(join(folder, 'odps')).isSymbolicLink()).toBe(true);
  });

  it('puts back the files it removed when a later step fails', async () => {
    const folder = join(folderWith({}), 'bundle');
    await writeBundleFolder(folder, before);
    const old = contentsOf(folder);
    // Renames: index.md aside and in, the two new files in, the listing aside and in, the first old file
    // out, then the second one fails.
    const failure = await writeBundleFolder(folder, afterRename, failingFs('rename', 8, 'EACCES')).catch(
      (error: unknown) => error,
    );

    expect(failure).toMatchObject({ code: 'EACCES' });
    expect(contentsOf(folder)).toEqual(old);
  });
});

/** The disk, refusing to make anything in `readOnly` as a read-only folder does. */
function readOnlyFolderFs(readOnly: string): BundleFs {
  const refusing = async (...args: Parameters<typeof fs.mkdir>) => {
    if (join(String(args[0]), '..') === readOnly)
      throw Object.assign(new Error('EACCES: raw'), { code: 'EACCES', path: args[0] });
    return fs.mkdir(...args);
  };
  return { ...fs, mkdir: refusing as never };
}

describe('a writable output folder under a folder that is not', () => {
  it('is written all the same, through a hidden folder inside it that is gone afterwards', async () => {
    const folder = folderWith(oldBundle);
    const parent = join(folder, '..');
    expect(await writeBundleFolder(folder, bundle, readOnlyFolderFs(parent))).toEqual({ removed: [] });
    expect(contentsOf(folder)).toEqual({
      [EXPORT_MANIFEST_PATH]: manifestOf(bundle),
      'index.md': 'new index',
      'notes.txt': 'mine',
      'odcs/order.odcs.yaml': 'new order',
      'sql/orders.sql': 'new sql',
    });
    expect(readdirSync(folder).sort()).toEqual([EXPORT_MANIFEST_PATH, 'index.md', 'notes.txt', 'odcs', 'sql']);
    expect(besideOf(folder)).toEqual(['out']);
  });

  it('still names the read-only folder when the output folder is not there to write in', async () => {
    const parent = folderWith({});
    const folder = join(parent, 'bundle');
    await expect(writeBundleFolder(folder, bundle, readOnlyFolderFs(parent))).rejects.toMatchObject({
      code: 'EACCES',
      path: parent,
    });
  });
});

describe('the path an error names', () => {
  it('is the folder that holds the output folder when the temporary folder beside it cannot be made', async () => {
    const folder = join(folderWith({}), 'bundle');
    // The output folder's parent is there: the first mkdir makes the temporary folder.
    await expect(writeBundleFolder(folder, bundle, failingFs('mkdir', 1, 'EACCES'))).rejects.toMatchObject({
      code: 'EACCES',
      path: join(folder, '..'),
    });
  });
});

describe('the file in the way of a folder', () => {
  it('is named, not the folder below it, when a folder is listed or a bundle written under a file', async () => {
    const parent = folderWith({ afile: 'text' });
    const under = relative('.', join(parent, 'afile', 'sub'));
    const file = relative('.', join(parent, 'afile'));
    await expect(nodeIo.listFolder(under)).rejects.toMatchObject({ code: 'ENOTDIR', path: file });
    await expect(nodeIo.writeBundle(under, bundle)).rejects.toMatchObject({ code: 'ENOTDIR', path: file });
    await expect(nodeIo.readBytes(join(under, 'x.mesh.json'))).rejects.toMatchObject({ code: 'ENOTDIR', path: file });
    expect(contentsOf(parent)).toEqual({ afile: 'text' });
  });
});

describe('an entry in the way that is neither a file nor a folder', () => {
  /** The disk, with a named pipe (as mkfifo makes) at `pipe`. */
  const withPipeAt = (pipe: string): BundleFs => ({
    ...fs,
    stat: (async (path: string) => {
      if (path !== pipe) return fs.stat(path);
      const no = () => false;
      return {
        isDirectory: no,
        isFile: no,
        isFIFO: () => true,
        isSocket: no,
        isCharacterDevice: no,
        isBlockDevice: no,
      };
    }) as never,
  });

  it('is named as what it is, a named pipe, when the output folder is one, and nothing is written', async () => {
    const parent = folderWith({});
    const pipe = join(parent, 'pipe');
    await expect(writeBundleFolder(pipe, bundle, withPipeAt(pipe))).rejects.toMatchObject({
      code: 'ENOTDIR',
      path: pipe,
      entryKind: 'named pipe',
    });
    expect(readdirSync(parent)).toEqual([]);
    expect(besideOf(parent)).toEqual(['out']);
  });
});

describe('writing over files no earlier export wrote', () => {
  it('refuses to replace a file of the bundle’s name that the folder’s listing does not name, naming it, and writes nothing', async () => {
    const folder = join(folderWith({}), 'bundle');
    await writeBundleFolder(folder, [{ path: 'index.md', content: 'old index' }]);
    mkdirSync(join(folder, 'odcs'));
    writeFileSync(join(folder, 'odcs', 'order.odcs.yaml'), 'written by hand');
    const before = contentsOf(folder);

    expect(await writeBundleFolder(folder, bundle)).toEqual({ userFiles: ['odcs/order.odcs.yaml'] });

    expect(contentsOf(folder)).toEqual(before);
    expect(besideOf(folder)).toEqual(['bundle']);
  });

  it('replaces such a file when asked to', async () => {
    const folder = folderWith({ 'odcs/order.odcs.yaml': 'written by hand' });

    expect(await writeBundleFolder(folder, bundle, fs, { replacesUnlisted: true })).toEqual({ removed: [] });

    expect(readFileSync(join(folder, 'odcs', 'order.odcs.yaml'), 'utf8')).toBe('new order');
  });
});
