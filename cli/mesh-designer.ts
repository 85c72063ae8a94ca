import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import initSqlJs from 'sql.js';
import { decodeMeshFileBytes, formatMegabytes, MAX_MESH_FILE_BYTES } from '../shared/model/mesh-file-format';
import { sqlJsWorkspace } from '../shared/simulation';
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  // The app's byte rules (size, UTF-8, BOM), so the CLI accepts exactly the files the app opens.
  async readText(path) {
    const { size } = await stat(path);
    if (size > MAX_MESH_FILE_BYTES) {
      throw new Error(`it is ${formatMegabytes(size)}, and files are at most ${formatMegabytes(MAX_MESH_FILE_BYTES)}`);
    }
    const text = decodeMeshFileBytes(await readFile(path));
    if (!text.ok) throw new Error(text.errors.map((problem) => problem.message).join('; '));
    return text.value;
  },
  async listFolder(path) {
    try {
      return await readdir(path);
    } catch (error) {
      const { code } = error as { code?: string };
      if (code === 'ENOENT') return null;
      if (code === 'ENOTDIR') throw new Error(`${path} is a file, not a folder`);
      throw error;
    }
  },
  async writeFile(folder, path, content) {
    // Bundle paths are checked safe slugs (shared/export/file-names.ts): they stay inside `folder`.
    const target = join(folder, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  },
  async replaceText(path, text) {
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, text);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  },
  openSqlite: async () => sqlJsWorkspace(await initSqlJs()),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
