import { constants } from 'node:fs';
import { access, chown, mkdir, open, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import type { FileSystem } from './file-system';

const isWindows = process.platform === 'win32';

export const nodeFileSystem: FileSystem = {
  readText: (path) => readFile(path, 'utf8'),
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  async status(path) {
    const status = await stat(path);
    return {
      sizeInBytes: status.size,
      modifiedAtMs: status.mtimeMs,
      mode: status.mode & 0o7777,
      owner: { uid: status.uid, gid: status.gid },
      isRegularFile: status.isFile(),
    };
  },
  exists: (path) =>
    access(path).then(
      () => true,
      () => false,
    ),
  isWritableByUs: (path) =>
    access(path, constants.W_OK).then(
      () => true,
      () => false,
    ),
  changeOwner: (path, { uid, gid }) => (isWindows ? Promise.resolve() : chown(path, uid, gid)),
  resolveLinks: (path) =>
    realpath(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return path;
      throw error;
    }),
  listFolder: (path) => readdir(path),
  async writeTextDurably(path, text, mode) {
    const handle = await open(path, 'w', mode);
    try {
      await handle.writeFile(text, typeof text === 'string' ? 'utf8' : undefined);
      // open() applies the umask; the file must keep exactly the mode it had.
      if (mode !== undefined && !isWindows) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (fromPath, toPath) => rename(fromPath, toPath),
  async syncFolder(path) {
    // Windows cannot open a folder to flush it; NTFS journals the rename itself.
    if (isWindows) return;
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  remove: (path) => rm(path, { force: true }),
  removeFolder: (path) => rm(path, { recursive: true, force: true }),
  makeDirectory: (path) => mkdir(path),
};
