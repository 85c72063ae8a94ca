import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { BundleFile } from '../shared/files/bundle-file';
import {
  type BundleDisk,
  type BundleSiblings,
  type BundleWriteOptions,
  rethrowWithFileInTheWay,
  writeBundleFolder as writeBundle,
} from '../shared/files/bundle-folder';
import { entryKindOf } from '../shared/files/entry-kind';
import type { BundleWritten } from './cli-io';

/** The file system calls a bundle is written with; tests pass one that fails on cue. */
export type BundleFs = Pick<
  typeof nodeFs,
  'mkdir' | 'writeFile' | 'readFile' | 'rename' | 'rm' | 'stat' | 'readdir' | 'realpath'
>;

/** Node's disk as the bundle writer sees it, with paths as the user gave them so errors name them that way. */
function diskOver(fs: BundleFs): BundleDisk {
  return {
    join,
    dirname,
    entryKind: (path) =>
      fs.stat(path).then(
        (status) => entryKindOf(status),
        () => undefined,
      ),
    realPath: (path) => fs.realpath(path),
    listFolder: (path) => fs.readdir(path),
    readText: (path) => fs.readFile(path, 'utf8').catch(() => undefined),
    makeFolder: async (path) => {
      await fs.mkdir(path);
    },
    writeFile: (path, content) => fs.writeFile(path, content),
    // A CI run's output is rebuilt by running again: the CLI does not pay for flushing folders.
    syncFolder: async () => undefined,
    rename: (fromPath, toPath) => fs.rename(fromPath, toPath),
    removeFile: (path) => fs.rm(path, { force: true }),
    removeFolder: (path) => fs.rm(path, { recursive: true, force: true }),
  };
}

const PARTIAL = '.partial';
/** The name the staging folders inside the output folder start with: hidden, and beside the export's listing. */
const INSIDE_PREFIX = '.mesh-export.';

/** The staging and kept-aside folders of this process in `where`, their names starting with `prefix`. */
function stagingIn(where: string, prefix: string): BundleSiblings {
  const named = (suffix: string) => join(where, `${prefix}${process.pid}${suffix}`);
  return {
    staging: named(PARTIAL),
    keptAside: named('.replaced'),
    // `.out.<pid>.partial` of a process that is gone: what a killed run left. A running export's
    // is its own; `.replaced` folders hold old files and stay.
    isLeftover: (name) => {
      const pid = name.startsWith(prefix) && name.endsWith(PARTIAL) ? name.slice(prefix.length, -PARTIAL.length) : '';
      return /^\d+$/.test(pid) && !isRunning(Number(pid));
    },
  };
}

/** Whether the folder holding `folder` refused the staging folder: no permission, or read-only. */
function isRefusedBeside(cause: unknown, folder: string): boolean {
  const { code, path } = (cause ?? {}) as { code?: unknown; path?: unknown };
  return ['EACCES', 'EPERM', 'EROFS'].includes(String(code)) && path === dirname(folder);
}

/** Whether a process of this id exists (signal 0 only asks); one we may not signal exists too. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes a bundle into `folder` all at once (shared/files/bundle-folder.ts). Throws the file
 * system's error, naming the path at fault as the user would; with `keptIn` when some old files
 * could not be put back after a failure and are kept in that folder. Returns the files of the
 * previous export that this one removed, or the user's files it would have replaced (writing nothing).
 */
export async function writeBundleFolder(
  folder: string,
  files: readonly BundleFile[],
  fs: BundleFs = nodeFs,
  options: BundleWriteOptions = {},
): Promise<BundleWritten> {
  const disk = diskOver(fs);
  const staged = (siblings: BundleSiblings) => writeBundle(disk, folder, files, siblings, options);
  let outcome = await staged(stagingIn(dirname(folder), `.${basename(resolve(folder))}.`));
  // A writable folder under one that is not (a CI volume mounted under a read-only folder): each
  // file moves into an existing folder by its own rename, so staging inside it is as atomic.
  if ('cause' in outcome && isRefusedBeside(outcome.cause, folder) && (await disk.entryKind(folder)) === 'folder') {
    outcome = await staged(stagingIn(folder, INSIDE_PREFIX));
  }
  if (outcome.ok) return { removed: outcome.removed };
  if ('userFiles' in outcome) return { userFiles: outcome.userFiles };
  throw outcome.keptIn ? Object.assign(outcome.cause as object, { keptIn: outcome.keptIn }) : outcome.cause;
}

/** Rethrows a read's or write's error naming the file in the way of a folder, when that is why it failed. */
export function rethrowNamingFileInTheWay(error: unknown): Promise<never> {
  return rethrowWithFileInTheWay(error, diskOver(nodeFs));
}
