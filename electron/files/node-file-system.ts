import { access, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import type { FileSystem } from './file-system';

export const nodeFileSystem: FileSystem = {
  readText: (path) => readFile(path, 'utf8'),
  sizeInBytes: async (path) => (await stat(path)).size,
  exists: (path) =>
    access(path).then(
      () => true,
      () => false,
    ),
  async writeTextDurably(path, text) {
    const handle = await open(path, 'w');
    try {
      await handle.writeFile(text, typeof text === 'string' ? 'utf8' : undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (fromPath, toPath) => rename(fromPath, toPath),
  remove: (path) => rm(path, { force: true }),
  makeDirectory: async (path) => {
    await mkdir(path, { recursive: true });
  },
};
