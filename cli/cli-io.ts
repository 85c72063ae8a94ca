import type { OpenSqlWorkspace } from '../shared/simulation';

/** What a command may touch, injected so commands run in tests without a terminal or disk. */
export interface CliIo {
  readText(path: string): Promise<string>;
  /** SQLite for the simulator (sql.js). */
  openSqlite(): Promise<OpenSqlWorkspace>;
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes: 0 all good, 1 the input has problems, 2 the command was used wrongly. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}
