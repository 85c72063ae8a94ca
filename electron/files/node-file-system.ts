import { constants } from 'node:fs';
import { access, chown, mkdir, open, readdir, readFile, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { entryKindOf } from '../../shared/files/entry-kind';
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
      kind: entryKindOf(status),
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
      if (error.code === 'ENOENT') return danglingLinkTarget(path);
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

/** Links followed before giving up, as the system does (Linux allows 40). */
const MAX_LINK_HOPS = 40;

/**
 * Where a path leads when nothing is there yet: through each link (a relative target is taken from
 * the link's folder) to the name that is missing; the path itself when it is no link.
 */
async function danglingLinkTarget(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < MAX_LINK_HOPS; hops++) {
    const target = await readlink(current).catch(() => null);
    if (target === null) return current;
    current = resolve(dirname(current), target);
  }
  throw Object.assign(new Error(`ELOOP: too many symbolic links, ${path}`), { code: 'ELOOP', path });
}
