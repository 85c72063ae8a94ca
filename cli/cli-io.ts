import type { BundleFile } from '../shared/files/bundle-file';
import type { BundleWriteOptions } from '../shared/files/bundle-folder';
import type { OpenSqlWorkspace } from '../shared/simulation';

/** The previous export's files a bundle's write removed, or the user's files it would have replaced, writing nothing. */
export type BundleWritten = { removed: string[] } | { userFiles: string[] };

/** What a command may touch, injected so commands run in tests without a terminal or disk. Failed reads and writes throw Node's errors (`code`, `path`). */
export interface CliIo {
  /** A file's bytes; read-input.ts decodes them by the app's rules. */
  readBytes(path: string): Promise<Uint8Array>;
  /** The names in a folder; null when there is no such folder. */
  listFolder(path: string): Promise<string[] | null>;
  /**
   * Writes every file into `folder` (created when missing), or, when one fails, none: the folder is
   * left as it was. Removes the files the previous export into it wrote that this one does not, and
   * returns them; writes nothing, and names them, where it would replace files no earlier export wrote.
   */
  writeBundle(folder: string, files: readonly BundleFile[], options?: BundleWriteOptions): Promise<BundleWritten>;
  /** The file at the `/`-separated `path` in `folder`; undefined when no file is there (nothing, or a folder). */
  readFileIn(folder: string, path: string): Promise<Uint8Array | undefined>;
  /** Replaces a file's text all at once (a temporary file renamed over it): never half written. */
  replaceText(path: string, text: string): Promise<void>;
  /** SQLite for the simulator (sql.js). */
  openSqlite(): Promise<OpenSqlWorkspace>;
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes: 0 all good, 1 the input has problems, 2 the command was used wrongly. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const PROGRAM = 'mesh-designer';

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Lines `<command> --help` prints after the usage: options, exit codes. */
  details?: readonly string[];
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

/** Prints a usage error: what was wrong, then how the command is used. */
export function usageError(io: CliIo, command: Command, problem?: string): ExitCode {
  if (problem) io.err(`${PROGRAM} ${command.name}: ${problem}`);
  io.err(`usage: ${command.usage}`);
  io.err(`run '${PROGRAM} ${command.name} --help' for more`);
  return EXIT.usage;
}
