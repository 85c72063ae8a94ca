import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import initSqlJs from 'sql.js';
import { sqlJsWorkspace } from '../shared/simulation';
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  readText: (path) => readFile(path, 'utf8'),
  async listFolder(path) {
    try {
      return await readdir(path);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return null;
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
