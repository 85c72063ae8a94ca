import initSqlJs from 'sql.js';
import { sqlJsWorkspace } from '../../../shared/simulation';

/** A CliIo over in-memory files that records what the command prints. */
export function fakeIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      readText: async (path: string) => {
        const text = files[path];
        if (text === undefined) throw new Error(`ENOENT: no such file '${path}'`);
        return text;
      },
      openSqlite: async () => sqlJsWorkspace(await initSqlJs()),
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
    },
  };
}
