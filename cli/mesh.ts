import { readFile } from 'node:fs/promises';
import initSqlJs from 'sql.js';
import { sqlJsWorkspace } from '../shared/simulation';
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  readText: (path) => readFile(path, 'utf8'),
  openSqlite: async () => sqlJsWorkspace(await initSqlJs()),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
