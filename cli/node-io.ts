import { createReadStream } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { formatMebibytes, MAX_MESH_FILE_BYTES } from '../shared/model/mesh-file-format';
import { sqlJsWorkspace } from '../shared/simulation';
import { rethrowNamingFileInTheWay, writeBundleFolder } from './bundle-folder';
import type { CliIo } from './cli-io';
import { readAtMost } from './read-at-most';
import { terminalLines } from './terminal-lines';

/** The CLI's reads and writes on the disk, and its terminal. */
export const nodeIo: CliIo = {
  // Sized before it is read: a file far over the limit is never loaded (read-input.ts decodes it).
  async readBytes(path) {
    const { size } = await stat(path).catch(rethrowNamingFileInTheWay);
    if (size > MAX_MESH_FILE_BYTES) {
      throw new Error(`it is ${formatMebibytes(size)}, and files are at most ${formatMebibytes(MAX_MESH_FILE_BYTES)}`);
    }
    // A device or pipe has no size (`/dev/zero`, `/dev/stdin`): its reading stops past the limit.
    const bytes = await readAtMost(createReadStream(path), MAX_MESH_FILE_BYTES).catch(rethrowNamingFileInTheWay);
    if (bytes === null) {
      throw new Error(
        `it is more than ${formatMebibytes(MAX_MESH_FILE_BYTES)}, and files are at most ${formatMebibytes(MAX_MESH_FILE_BYTES)}`,
      );
    }
    return bytes;
  },
  async listFolder(path) {
    try {
      return await readdir(path);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return null;
      return rethrowNamingFileInTheWay(error);
    }
  },
  writeBundle: (folder, files, options) => writeBundleFolder(folder, files, undefined, options),
  async readFileIn(folder, path) {
    const file = join(folder, ...path.split('/'));
    try {
      return (await stat(file)).isFile() ? await readFile(file) : undefined;
    } catch (error) {
      if (['ENOENT', 'ENOTDIR'].includes(String((error as { code?: unknown }).code))) return undefined;
      return rethrowNamingFileInTheWay(error);
    }
  },
  async replaceText(path, text) {
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, text);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      return rethrowNamingFileInTheWay(error);
    }
  },
  openSqlite: async () => sqlJsWorkspace(await initSqlJs()),
  out: terminalLines(process.stdout),
  err: terminalLines(process.stderr),
};
