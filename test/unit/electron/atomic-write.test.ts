import {
  chmod,
  chown,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  sweepOrphanTemporaryFiles,
  temporarySiblingOf,
  writeFileAtomically,
} from '../../../electron/files/atomic-write';
import { nodeFileSystem } from '../../../electron/files/node-file-system';
import { fileErrorReason } from '../../../shared/files/file-error-reason';
import { InMemoryFileSystem } from './fakes/in-memory-file-system';

const TARGET = '/home/ada/orders.mesh.json';
const ORPHAN = '/home/ada/.orders.mesh.json.0f8fad5b-d9cb-469f-a165-70867728950e.tmp';

/** Dates a file back two hours: debris of a save long over, not one in flight. */
const leftLongAgo = (path: string) => {
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  return utimes(path, twoHoursAgo, twoHoursAgo);
};

const writes = (fs: InMemoryFileSystem) => fs.calls.filter((call) => /^(writeTextDurably|rename) /.test(call));

describe('writeFileAtomically', () => {
  it('writes the full text to the target', async () => {
    const fs = new InMemoryFileSystem().withFile(TARGET, 'old');
    const text = `{"name":"Orders","notes":"${'é'.repeat(10_000)}"}`;

    await writeFileAtomically(fs, TARGET, text);

    expect(fs.files.get(TARGET)).toBe(text);
  });

  it('flushes a temporary file in the same folder, renames it over the target, then flushes the folder', async () => {
    const fs = new InMemoryFileSystem().withFolder('/home/ada');

    await writeFileAtomically(fs, TARGET, 'new');

    const [write, rename] = writes(fs);
    expect(write).toMatch(/^writeTextDurably \/home\/ada\/\.orders\.mesh\.json\..+\.tmp$/);
    expect(rename).toBe(`rename ${write?.replace('writeTextDurably ', '')} -> ${TARGET}`);
    expect(fs.calls.at(-1)).toBe('syncFolder /home/ada');
  });

  it('keeps the old file when the rename fails', async () => {
    const fs = new InMemoryFileSystem().withFile(TARGET, 'old').failing('rename', 'EXDEV');

    await expect(writeFileAtomically(fs, TARGET, 'new')).rejects.toMatchObject({ code: 'EXDEV' });

    expect(fs.files.get(TARGET)).toBe('old');
  });

  it('removes its temporary file when the rename fails', async () => {
    const fs = new InMemoryFileSystem().withFile(TARGET, 'old').failing('rename', 'EACCES');

    await expect(writeFileAtomically(fs, TARGET, 'new')).rejects.toThrow();

    expect([...fs.files.keys()]).toEqual([TARGET]);
  });

  it.each([
    ['the disk fills up', 'ENOSPC', 'the disk is full; free some space and try again'],
    ['the folder is not writable', 'EACCES', 'permission denied; check its permissions or choose another path'],
    ['the disk is read-only', 'EROFS', 'the disk is read-only; choose another path'],
  ])('keeps the old file and says why when %s', async (_case, code, reason) => {
    const fs = new InMemoryFileSystem().withFile(TARGET, 'old').failing('writeTextDurably', code);

    const failure = await writeFileAtomically(fs, TARGET, 'new').catch((error: unknown) => error);

    expect(fileErrorReason(failure)).toBe(reason);
    expect(fs.files.get(TARGET)).toBe('old');
    expect(fs.temporaryFiles()).toEqual([]);
  });

  it('sweeps the temporary files an earlier, killed save of the same file left', async () => {
    const fs = new InMemoryFileSystem()
      .withFile(TARGET, 'old')
      .withFile(ORPHAN, 'half a design')
      .withFile('/home/ada/.orders.mesh.json.notes.tmp', 'not ours')
      .withFile('/home/ada/.shop.mesh.json.0f8fad5b-d9cb-469f-a165-70867728950e.tmp', 'another file’s');

    await writeFileAtomically(fs, TARGET, 'new');

    expect(fs.temporaryFiles().sort()).toEqual([
      '/home/ada/.orders.mesh.json.notes.tmp',
      '/home/ada/.shop.mesh.json.0f8fad5b-d9cb-469f-a165-70867728950e.tmp',
    ]);
  });

  it('leaves a file marked read-only as it was, and says so', async () => {
    const fs = new InMemoryFileSystem().withFile(TARGET, 'old', { mode: 0o444 });

    const failure = await writeFileAtomically(fs, TARGET, 'new').catch((error: unknown) => error);

    expect(fileErrorReason(failure)).toMatch(/read-only/);
    expect(fs.files.get(TARGET)).toBe('old');
    expect(fs.temporaryFiles()).toEqual([]);
  });

  it('leaves a file this user may not write as it was, whatever its permission bits say, and says so', async () => {
    const fs = new InMemoryFileSystem().withFile(TARGET, 'root’s', {
      mode: 0o644,
      owner: { uid: 0, gid: 0 },
      isWritableByUs: false,
    });

    const failure = await writeFileAtomically(fs, TARGET, 'new').catch((error: unknown) => error);

    expect(fileErrorReason(failure)).toMatch(/read-only/);
    expect(fs.files.get(TARGET)).toBe('root’s');
    expect(fs.temporaryFiles()).toEqual([]);
  });

  it('keeps the file’s owner and group where this user may set them', async () => {
    const fs = new InMemoryFileSystem().withFile(TARGET, 'old', { owner: { uid: 1001, gid: 50 } });

    await writeFileAtomically(fs, TARGET, 'new');

    expect(fs.owners.get(TARGET)).toEqual({ uid: 1001, gid: 50 });
  });

  it('still saves when the owner cannot be kept (only root may give a file away)', async () => {
    const fs = new InMemoryFileSystem()
      .withFile(TARGET, 'old', { owner: { uid: 1001, gid: 50 } })
      .failing('changeOwner', 'EPERM');

    await writeFileAtomically(fs, TARGET, 'new');

    expect(fs.files.get(TARGET)).toBe('new');
  });

  it('keeps the file’s permission bits', async () => {
    const fs = new InMemoryFileSystem().withFile(TARGET, 'old', { mode: 0o600 });

    await writeFileAtomically(fs, TARGET, 'new');

    expect(fs.modes.get(TARGET)).toBe(0o600);
  });

  it('writes through a symbolic link to its target, and the link stays a link', async () => {
    const fs = new InMemoryFileSystem()
      .withFile('/data/designs/orders.mesh.json', 'old')
      .withLink(TARGET, '/data/designs/orders.mesh.json');

    await writeFileAtomically(fs, TARGET, 'new');

    expect(fs.files.get('/data/designs/orders.mesh.json')).toBe('new');
    expect(fs.links.get(TARGET)).toBe('/data/designs/orders.mesh.json');
    expect(fs.files.has(TARGET)).toBe(false);
  });
});

describe('writeFileAtomically on the real disk', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('replaces the file and leaves no temporary file behind', async () => {
    folder = await mkdtemp(join(tmpdir(), 'atomic-write-'));
    const target = join(folder, 'orders.mesh.json');
    await writeFile(target, 'old');

    await writeFileAtomically(nodeFileSystem, target, 'new');

    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual(['orders.mesh.json']);
  });

  it('names the folder, not its own temporary file, when the folder is gone (moved or deleted)', async () => {
    folder = await mkdtemp(join(tmpdir(), 'atomic-write-'));
    const gone = join(folder, 'shop');
    await mkdir(gone);
    const target = join(gone, 'orders.mesh.json');
    await writeFile(target, 'old');
    await rm(gone, { recursive: true });

    const failure = await writeFileAtomically(nodeFileSystem, target, 'new').catch((error: unknown) => error);

    expect(fileErrorReason(failure, target)).toBe(`${gone} does not exist; choose another path`);
  });

  it.skipIf(process.platform === 'win32')('keeps the mode and writes through a symbolic link', async () => {
    folder = await mkdtemp(join(tmpdir(), 'atomic-write-'));
    const real = join(folder, 'real.mesh.json');
    const link = join(folder, 'orders.mesh.json');
    await writeFile(real, 'old');
    await chmod(real, 0o640);
    await symlink(real, link);

    await writeFileAtomically(nodeFileSystem, link, 'new');

    expect(await readFile(real, 'utf8')).toBe('new');
    expect(await readlink(link)).toBe(real);
    expect((await stat(real)).mode & 0o777).toBe(0o640);
  });

  it.skipIf(process.platform === 'win32')(
    'writes the target of a link whose target is not there yet, relative to the link’s folder, and keeps the link',
    async () => {
      folder = await mkdtemp(join(tmpdir(), 'atomic-write-'));
      await mkdir(join(folder, 'designs'));
      const link = join(folder, 'orders.mesh.json');
      await symlink('designs/real.mesh.json', link);

      await writeFileAtomically(nodeFileSystem, link, 'new');

      expect(await readFile(join(folder, 'designs', 'real.mesh.json'), 'utf8')).toBe('new');
      expect(await readlink(link)).toBe('designs/real.mesh.json');
    },
  );

  it.skipIf(process.getuid?.() !== 0)('keeps the owner of another user’s file it replaces (run as root)', async () => {
    folder = await mkdtemp(join(tmpdir(), 'atomic-write-'));
    const target = join(folder, 'orders.mesh.json');
    await writeFile(target, 'old');
    await chown(target, 65534, 65534);

    await writeFileAtomically(nodeFileSystem, target, 'new');

    expect(await readFile(target, 'utf8')).toBe('new');
    expect([(await stat(target)).uid, (await stat(target)).gid]).toEqual([65534, 65534]);
  });

  it.each([
    ['ASCII', `${'o'.repeat(245)}.mesh.json`],
    ['non-ASCII', `${'ü'.repeat(120)}.mesh.json`],
  ])('saves a file whose %s name is as long as the disk allows, and leaves no temporary file', async (_case, name) => {
    folder = await mkdtemp(join(tmpdir(), 'atomic-write-'));
    const target = join(folder, name);
    await writeFile(target, 'old');

    await writeFileAtomically(nodeFileSystem, target, 'new');

    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual([name]);
  });

  it('sweeps the orphaned temporary files of a design with a long name', async () => {
    folder = await mkdtemp(join(tmpdir(), 'atomic-write-'));
    const target = join(folder, `${'o'.repeat(245)}.mesh.json`);
    await writeFile(target, 'old');
    const debris = temporarySiblingOf(target);
    await writeFile(debris, 'debris');
    await leftLongAgo(debris);

    await sweepOrphanTemporaryFiles(nodeFileSystem, target);

    expect(await readdir(folder)).toEqual([basename(target)]);
  });

  it('sweeps orphaned temporary files of the design from the folder', async () => {
    folder = await mkdtemp(join(tmpdir(), 'atomic-write-'));
    const target = join(folder, 'orders.mesh.json');
    await writeFile(target, 'old');
    const debris = join(folder, '.orders.mesh.json.0f8fad5b-d9cb-469f-a165-70867728950e.tmp');
    await writeFile(debris, 'debris');
    await leftLongAgo(debris);

    await sweepOrphanTemporaryFiles(nodeFileSystem, target);

    expect(await readdir(folder)).toEqual(['orders.mesh.json']);
  });

  it('leaves a temporary file written just now: another save of the design may be writing it', async () => {
    folder = await mkdtemp(join(tmpdir(), 'atomic-write-'));
    const target = join(folder, 'orders.mesh.json');
    await writeFile(target, 'old');
    const inFlight = temporarySiblingOf(target);
    await writeFile(inFlight, 'half written');

    await writeFileAtomically(nodeFileSystem, target, 'new');

    expect((await readdir(folder)).sort()).toEqual([basename(inFlight), 'orders.mesh.json'].sort());
  });

  it('lets two overlapping saves of one file both finish, leaving no temporary file', async () => {
    folder = await mkdtemp(join(tmpdir(), 'atomic-write-'));
    const target = join(folder, 'orders.mesh.json');
    await writeFile(target, 'old');
    let isFirstWrite = true;
    // A slow disk: the first save is still writing when the second begins.
    const slowDisk = {
      ...nodeFileSystem,
      async writeTextDurably(path: string, text: string | Uint8Array, mode?: number) {
        await nodeFileSystem.writeTextDurably(path, text, mode);
        if (isFirstWrite) {
          isFirstWrite = false;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      },
    };

    const first = writeFileAtomically(slowDisk, target, 'first');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = writeFileAtomically(slowDisk, target, 'second');

    expect((await Promise.allSettled([first, second])).map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
    ]);
    expect(await readdir(folder)).toEqual(['orders.mesh.json']);
  });

  it('sweeps every temporary file of the design when told no save can be running (the app starting)', async () => {
    folder = await mkdtemp(join(tmpdir(), 'atomic-write-'));
    const target = join(folder, 'orders.mesh.json');
    await writeFile(target, 'old');
    const orphan = temporarySiblingOf(target);
    await writeFile(orphan, 'left by a save killed a moment ago');
    // Its time a second ahead of this clock, as a network drive's can be.
    const aheadOfNow = new Date(Date.now() + 1000);
    await utimes(orphan, aheadOfNow, aheadOfNow);

    await sweepOrphanTemporaryFiles(nodeFileSystem, target, { olderThanMs: 0 });

    expect(await readdir(folder)).toEqual(['orders.mesh.json']);
  });
});
