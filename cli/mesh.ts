import { readFile, stat } from 'node:fs/promises';
import initSqlJs from 'sql.js';
import { decodeMeshFileBytes, formatMegabytes, MAX_MESH_FILE_BYTES } from '../shared/model/mesh-file-format';
import { sqlJsWorkspace } from '../shared/simulation';
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  // The app's byte rules (size, UTF-8, BOM), so the CLI accepts exactly the files the app opens.
  readText: async (path) => {
    const { size } = await stat(path);
    if (size > MAX_MESH_FILE_BYTES) {
      throw new Error(
        `it is ${formatMegabytes(size)}, and mesh files are at most ${formatMegabytes(MAX_MESH_FILE_BYTES)}`,
      );
    }
    const text = decodeMeshFileBytes(await readFile(path));
    if (!text.ok) throw new Error(text.errors.map((problem) => problem.message).join('; '));
    return text.value;
  },
  openSqlite: async () => sqlJsWorkspace(await initSqlJs()),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
