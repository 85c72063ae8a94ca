import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../electron/files/atomic-write';
import { nodeFileSystem } from '../../../electron/files/node-file-system';
import { InMemoryFileSystem } from './fakes/in-memory-file-system';

const TARGET = '/home/ada/orders.mesh.json';

describe('writeFileAtomically', () => {
  it('writes the full text to the target', async () => {
    const fs = new InMemoryFileSystem().withFile(TARGET, 'old');
    const text = `{"name":"Orders","notes":"${'é'.repeat(10_000)}"}`;

    await writeFileAtomically(fs, TARGET, text);

    expect(fs.files.get(TARGET)).toBe(text);
  });

  it('flushes a temporary file in the same folder, then renames it over the target', async () => {
    const fs = new InMemoryFileSystem().withFolder('/home/ada');

    await writeFileAtomically(fs, TARGET, 'new');

    const [write, rename] = fs.calls;
    expect(write).toMatch(/^writeTextDurably \/home\/ada\/\.orders\.mesh\.json\..+\.tmp$/);
    expect(rename).toBe(`rename ${write?.replace('writeTextDurably ', '')} -> ${TARGET}`);
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

  it('keeps the old file when the disk fills up during the write', async () => {
    const fs = new InMemoryFileSystem().withFile(TARGET, 'old').failing('writeTextDurably', 'ENOSPC');

    await expect(writeFileAtomically(fs, TARGET, 'new')).rejects.toMatchObject({ code: 'ENOSPC' });

    expect(fs.files.get(TARGET)).toBe('old');
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
});
