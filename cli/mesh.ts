import { readFile } from 'node:fs/promises';
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  readText: (path) => readFile(path, 'utf8'),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
