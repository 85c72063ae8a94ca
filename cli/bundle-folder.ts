import * as nodeFs from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { BundleFile } from './cli-io';

/** The file system calls a bundle is written with; tests pass one that fails on cue. */
export type BundleFs = Pick<typeof nodeFs, 'mkdir' | 'writeFile' | 'rename' | 'rm' | 'lstat' | 'stat'>;

/**
 * Writes a bundle into `folder` all at once: first into a temporary folder beside it, then,
 * when every file is written, moved into place. A missing folder is renamed into place whole;
 * into an existing one (export --force) each file replaces the one of its name, whose old
 * version is kept aside until every file is in. Any failure puts the old files back and
 * removes what was written, then throws the file system's error (with the path at fault).
 */
export async function writeBundleFolder(
  folder: string,
  files: readonly BundleFile[],
  fs: BundleFs = nodeFs,
): Promise<void> {
  const absolute = resolve(folder);
  const beside = (purpose: string) => join(dirname(absolute), `.${basename(absolute)}.${process.pid}.${purpose}`);
  const staging = beside('partial');
  // Paths inside `folder` stay as the user gave them, so an error names them that way.
  await fs.mkdir(dirname(folder), { recursive: true }).catch((error) => rethrowWithFileInTheWay(error, fs));
  try {
    await fs.rm(staging, { recursive: true, force: true });
    for (const file of files) {
      const staged = join(staging, ...file.path.split('/'));
      await fs.mkdir(dirname(staged), { recursive: true });
      await fs.writeFile(staged, file.content);
    }
    if (!(await exists(fs, folder))) await fs.rename(staging, folder);
    else await moveInto(fs, staging, folder, beside('replaced'), files);
  } catch (error) {
    throw namedOutsideStaging(error, staging, folder);
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/** Moves staged files into an existing folder, one by one, undoing every move when one fails. */
async function moveInto(
  fs: BundleFs,
  staging: string,
  target: string,
  replaced: string,
  files: readonly BundleFile[],
): Promise<void> {
  const undo: (() => Promise<unknown>)[] = [];
  try {
    for (const file of files) {
      const segments = file.path.split('/');
      const destination = join(target, ...segments);
      const created = await fs
        .mkdir(dirname(destination), { recursive: true })
        .catch((error) => rethrowWithFileInTheWay(error, fs));
      if (created) undo.push(() => fs.rm(created, { recursive: true, force: true }));
      const old = await fs.lstat(destination).catch(() => undefined);
      if (old?.isDirectory())
        throw Object.assign(new Error('a folder is in the way'), { code: 'EISDIR', path: destination });
      if (old) {
        const kept = join(replaced, ...segments);
        await fs.mkdir(dirname(kept), { recursive: true });
        await fs.rename(destination, kept);
        undo.push(() => fs.rename(kept, destination));
      }
      await fs.rename(join(staging, ...segments), destination);
      undo.push(() => fs.rm(destination, { force: true }));
    }
  } catch (error) {
    let isUndone = true;
    for (const step of undo.reverse()) await step().catch(() => (isUndone = false));
    if (isUndone) await fs.rm(replaced, { recursive: true, force: true });
    // An old file that could not be put back stays in `replaced`, and the error says so.
    throw isUndone ? error : Object.assign(error as object, { keptIn: replaced });
  }
  await fs.rm(replaced, { recursive: true, force: true });
}

/**
 * The temporary folder is ours, not the user's: an error about it names the folder that holds
 * it (where permission or space is missing), one about a file in it the file it stands for.
 */
function namedOutsideStaging(error: unknown, staging: string, folder: string): unknown {
  const { path } = error as { path?: string };
  if (path === staging) return Object.assign(error as object, { path: dirname(folder) });
  if (path?.startsWith(`${staging}${sep}`))
    return Object.assign(error as object, { path: join(folder, relative(staging, path)) });
  return error;
}

async function exists(fs: BundleFs, path: string): Promise<boolean> {
  return (await fs.lstat(path).catch(() => undefined)) !== undefined;
}

/**
 * Node says ENOTDIR or EEXIST about the folder it could not make, not about the file in its
 * way (`out/odcs/x.yaml` when `out` is a file): the error is thrown again naming that file.
 */
export async function rethrowWithFileInTheWay(error: unknown, fs: Pick<BundleFs, 'stat'> = nodeFs): Promise<never> {
  const { code, path } = error as { code?: string; path?: string };
  if ((code === 'ENOTDIR' || code === 'EEXIST') && path) {
    const file = await fileInTheWay(fs, path);
    if (file) throw Object.assign(new Error(`${file} is a file, not a folder`), { code: 'ENOTDIR', path: file });
  }
  throw error;
}

/** The first entry on `path`, from its root down, that exists and is not a folder, named as `path` names it. */
async function fileInTheWay(fs: Pick<BundleFs, 'stat'>, path: string): Promise<string | undefined> {
  const ancestors: string[] = [];
  for (let folder = resolve(path); !ancestors.includes(folder); folder = dirname(folder)) ancestors.unshift(folder);
  for (const candidate of ancestors) {
    const found = await fs.stat(candidate).catch(() => undefined);
    if (!found) return undefined;
    if (!found.isDirectory()) return isAbsolute(path) ? candidate : relative('.', candidate);
  }
  return undefined;
}
