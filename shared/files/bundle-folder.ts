/**
 * Writing a bundle of files into a folder all at once, over a disk the caller provides (Node's in
 * the desktop app and the CLI, a fake in tests). No Node here: paths are joined and split by the
 * disk's own rules, so they stay native on every platform.
 */

import type { BundleFile } from './bundle-file';
import type { EntryKind } from './entry-kind';
import { EXPORT_MANIFEST_PATH, staleExportFiles, unlistedExportPaths, withExportManifest } from './export-manifest';

/** One file of a bundle: where it goes, `/`-separated and relative to the folder, and what it holds. */
/** The disk a bundle is written to, and its way of joining paths. */
export interface BundleDisk {
  join(...segments: string[]): string;
  dirname(path: string): string;
  /** What is at `path`, through links, or undefined when nothing is. */
  entryKind(path: string): Promise<EntryKind | undefined>;
  /** The path a path names once every link on the way is followed. */
  realPath(path: string): Promise<string>;
  /** The names of a folder's entries. */
  listFolder(path: string): Promise<string[]>;
  /** A file's text; undefined when it cannot be read (it is not there). */
  readText(path: string): Promise<string | undefined>;
  /**
   * Creates one folder in a folder that is there. The writer makes missing parents itself, one at a
   * time: Node's own recursive `mkdir` never returns where a parent refuses new entries with ENOENT
   * (as `/proc` does).
   */
  makeFolder(path: string): Promise<void>;
  /** Creates or replaces a file, flushed to the disk where the disk does that. */
  writeFile(path: string, content: string | Uint8Array): Promise<void>;
  /** Flushes a folder's entries (a rename into it) to the disk, where the disk does that. */
  syncFolder(path: string): Promise<void>;
  rename(fromPath: string, toPath: string): Promise<void>;
  /** Removes a file; one already gone is not an error. */
  removeFile(path: string): Promise<void>;
  /** Removes a folder and everything in it; one already gone is not an error. */
  removeFolder(path: string): Promise<void>;
}

/**
 * The caller's names for the folders a write keeps beside the target (or inside it, when it is
 * there), on its disk so that renames stay atomic.
 */
export interface BundleSiblings {
  /** A new folder the whole bundle is written into first. */
  staging: string;
  /** A new folder the files the bundle replaces wait in until all of it is in; it must not look like a leftover. */
  keptAside: string;
  /** Whether an entry beside the staging folder is a staging folder that an earlier, killed write left. */
  isLeftover(name: string): boolean;
}

/**
 * Why a bundle could not be written. `cause` is the disk's error, its `path` renamed from the
 * staging folder to the user's (`code`, `path`); `doing` the step, in the user's words; `keptIn`,
 * when some old files could not be put back, the folder that still holds them.
 */
export interface BundleWriteFailure {
  cause: unknown;
  doing: string;
  keptIn?: string;
}

/** How a write treats the folder it writes into. */
export interface BundleWriteOptions {
  /** Replaces a file of a bundle file's name that no earlier export listed: the user's own (`--replace-unlisted`). */
  replacesUnlisted?: boolean;
}

/**
 * What a write did: every file in place, and the previous export's files it removed; or, having
 * written nothing, the user's files it would have replaced (`userFiles`), or why it failed.
 */
export type BundleWriteOutcome =
  | { ok: true; removed: string[] }
  | { ok: false; userFiles: string[] }
  | ({ ok: false } & BundleWriteFailure);

/** The step that failed, and the error it failed with. */
type StepFailure = Omit<BundleWriteFailure, 'keptIn'>;

async function attempt(doing: string, work: () => Promise<unknown>): Promise<StepFailure | null> {
  try {
    await work();
    return null;
  } catch (cause) {
    return { doing, cause };
  }
}

/**
 * Writes `files` into the folder `target` all or nothing, with a listing of them
 * (export-manifest.ts): the whole bundle is written and flushed into the staging folder first. A
 * missing target is then renamed into place whole; into one that is there, each file replaces the
 * one of its name and the files the previous listing names that this bundle does not are removed,
 * each old file kept aside until every file is in; a failed step puts back what the steps before
 * it changed. Other files in the target stay, and a file of a bundle file's name that the previous
 * listing does not name is the user's: nothing is written unless `replacesUnlisted` says so. A
 * target that is there but is no folder (a file, a device, a named pipe) fails, naming what it is,
 * before anything is written.
 */
export async function writeBundleFolder(
  disk: BundleDisk,
  target: string,
  files: readonly BundleFile[],
  siblings: BundleSiblings,
  options: BundleWriteOptions = {},
): Promise<BundleWriteOutcome> {
  const { staging } = siblings;
  const parent = disk.dirname(target);
  let failure: BundleWriteFailure | null = await attempt('making the folder that holds it', () =>
    makeFolder(disk, parent),
  );
  if (failure) return { ok: false, ...failure };
  for (const leftover of await leftoversBeside(disk, disk.dirname(staging), siblings)) {
    await disk.removeFolder(leftover).catch(() => undefined);
  }
  const targetKind = await disk.entryKind(target);
  // Before anything is staged: no step of the write can turn a file or a device into a folder.
  if (targetKind !== undefined && targetKind !== 'folder') {
    return { ok: false, doing: 'checking what is there', cause: fileInTheWayError(target, targetKind) };
  }
  const isThere = targetKind === 'folder';
  const paths = files.map((file) => file.path);
  const listed = withExportManifest(files);
  const previousManifest = isThere ? await disk.readText(disk.join(target, EXPORT_MANIFEST_PATH)) : undefined;
  if (isThere && !options.replacesUnlisted) {
    const userFiles = await filesThere(disk, target, unlistedExportPaths(previousManifest, paths));
    if (userFiles.length > 0) return { ok: false, userFiles };
  }
  const stale = isThere ? staleExportFiles(previousManifest, paths) : [];
  const removed: string[] = [];
  failure =
    (await writeStaged(disk, staging, listed)) ??
    (isThere
      ? await moveInto(disk, staging, target, siblings.keptAside, listed, stale, removed)
      : await attempt('moving the new folder into place', async () => {
          await disk.rename(staging, target);
          await disk.syncFolder(parent);
        }));
  await disk.removeFolder(staging).catch(() => undefined);
  if (!failure) {
    await removeEmptiedFolders(disk, target, removed);
    return { ok: true, removed };
  }
  renamePathOutsideStaging(disk, failure.cause, staging, target);
  return { ok: false, ...failure };
}

/**
 * Removes the folders in `target` that removing the previous export's `removed` files left empty
 * (`sql/` once no format writes SQL), deepest first. A folder that still holds anything stays.
 */
async function removeEmptiedFolders(disk: BundleDisk, target: string, removed: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const path of removed) {
    const segments = path.split('/').slice(0, -1);
    for (let depth = segments.length; depth > 0; depth--) folders.add(disk.join(target, ...segments.slice(0, depth)));
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    const entries = await disk.listFolder(folder).catch(() => undefined);
    if (entries?.length === 0) await disk.removeFolder(folder).catch(() => undefined);
  }
}

/** The `paths` at which `target` holds a file. */
async function filesThere(disk: BundleDisk, target: string, paths: readonly string[]): Promise<string[]> {
  const kinds = await Promise.all(paths.map((path) => disk.entryKind(pathIn(disk, target, { path, content: '' }))));
  return paths.filter((_, index) => kinds[index] === 'file');
}

async function leftoversBeside(disk: BundleDisk, folder: string, siblings: BundleSiblings): Promise<string[]> {
  const entries = await disk.listFolder(folder).catch(() => []);
  return entries.filter((entry) => siblings.isLeftover(entry)).map((entry) => disk.join(folder, entry));
}

function pathIn(disk: BundleDisk, folder: string, file: BundleFile): string {
  return disk.join(folder, ...file.path.split('/'));
}

/** Writes every file under `staging`, each flushed to the disk, then flushes the folders that list them. */
async function writeStaged(
  disk: BundleDisk,
  staging: string,
  files: readonly BundleFile[],
): Promise<StepFailure | null> {
  const folders = new Set([staging]);
  for (const file of files) {
    const path = pathIn(disk, staging, file);
    const failure = await attempt(`writing ${file.path}`, async () => {
      await makeFolder(disk, disk.dirname(path));
      await disk.writeFile(path, file.content);
    });
    if (failure) return failure;
    for (let folder = disk.dirname(path); folder !== staging; folder = disk.dirname(folder)) folders.add(folder);
  }
  return attempt('flushing the new files to the disk', () => syncDeepestFirst(disk, folders));
}

/**
 * Moves the staged files into the existing `target`, then moves the `stale` files there out
 * (into `removed`), keeping each file it replaces or removes in `keptAside` until all are done;
 * when a step fails, undoes the steps before it. An old file that cannot be put back stays in
 * `keptAside`, and the failure says so.
 */
async function moveInto(
  disk: BundleDisk,
  staging: string,
  target: string,
  keptAside: string,
  files: readonly BundleFile[],
  stale: readonly string[],
  removed: string[],
): Promise<BundleWriteFailure | null> {
  const undo: (() => Promise<unknown>)[] = [];
  const touchedFolders = new Set<string>();
  let failure: StepFailure | null = null;
  for (const file of files) {
    const destination = pathIn(disk, target, file);
    failure = await attempt(`moving ${file.path} into place`, async () => {
      const folder = disk.dirname(destination);
      const [created] = await missingFolders(disk, folder);
      await makeFolder(disk, folder);
      if (created) undo.push(() => disk.removeFolder(created));
      const old = await disk.entryKind(destination);
      // Replacing a folder would throw away everything in it.
      if (old === 'folder')
        throw Object.assign(new Error(`${destination} is a folder`), { code: 'EISDIR', path: destination });
      if (old) {
        const kept = pathIn(disk, keptAside, file);
        await makeFolder(disk, disk.dirname(kept));
        await disk.rename(destination, kept);
        undo.push(() => disk.rename(kept, destination));
      }
      await disk.rename(pathIn(disk, staging, file), destination);
      undo.push(() => disk.removeFile(destination));
      touchedFolders.add(folder);
    });
    if (failure) break;
  }
  for (const path of failure ? [] : stale) {
    const file = { path, content: '' };
    const destination = pathIn(disk, target, file);
    failure = await attempt(`removing ${path}, which the previous export wrote`, async () => {
      // A folder of that name now is the user's.
      if ((await disk.entryKind(destination)) !== 'file') return;
      if (!(await isTargetsOwnFolder(disk, target, path.split('/').slice(0, -1)))) return;
      const kept = pathIn(disk, keptAside, file);
      await makeFolder(disk, disk.dirname(kept));
      await disk.rename(destination, kept);
      undo.push(() => disk.rename(kept, destination));
      touchedFolders.add(disk.dirname(destination));
      removed.push(path);
    });
    if (failure) break;
  }
  let isUndone = true;
  // A step that cannot be undone must not hide the failure the user needs to hear about.
  if (failure) for (const step of undo.reverse()) await step().catch(() => (isUndone = false));
  else failure = await attempt('flushing the folder to the disk', () => syncDeepestFirst(disk, touchedFolders));
  if (!isUndone) return { ...(failure as StepFailure), keptIn: keptAside };
  await disk.removeFolder(keptAside).catch(() => undefined);
  return failure;
}

/**
 * Whether the folder at `segments` inside `target` is one of the target's own, reached through no
 * link: a linked folder leads elsewhere, so what the listing names in it is not the export's to remove.
 */
async function isTargetsOwnFolder(disk: BundleDisk, target: string, segments: readonly string[]): Promise<boolean> {
  const folder = disk.join(target, ...segments);
  const [realFolder, realTarget] = await Promise.all([disk.realPath(folder), disk.realPath(target)]);
  return realFolder === disk.join(realTarget, ...segments);
}

async function syncDeepestFirst(disk: BundleDisk, folders: ReadonlySet<string>): Promise<void> {
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) await disk.syncFolder(folder);
}

/** Makes `folder` and its missing parents; when a file (or a device…) stands where a folder must be, the error names it. */
async function makeFolder(disk: BundleDisk, folder: string): Promise<void> {
  for (const missing of await missingFolders(disk, folder)) {
    await disk.makeFolder(missing).catch((error: unknown) => {
      // Its parent is there (or was just made): a file system like /proc refuses new entries so.
      const parent = disk.dirname(missing);
      if ((error as { code?: unknown }).code === 'ENOENT')
        throw Object.assign(error as object, { code: 'EPERM', path: parent });
      return rethrowWithFileInTheWay(error, disk);
    });
  }
}

/**
 * The folders on `folder`'s way that are missing, outermost first: those making it creates. A file
 * on the way is an error naming that file.
 */
async function missingFolders(disk: BundleDisk, folder: string): Promise<string[]> {
  const missing: string[] = [];
  for (let path = folder; ; path = disk.dirname(path)) {
    const kind = await disk.entryKind(path);
    if (kind === 'folder') return missing;
    if (kind !== undefined) throw fileInTheWayError(path, kind);
    missing.unshift(path);
    if (disk.dirname(path) === path) return missing;
  }
}

/** Node's ENOTDIR, naming the entry in the way and, as `entryKind`, what it is (fileErrorReason says it). */
function fileInTheWayError(path: string, kind: Exclude<EntryKind, 'folder'>): Error {
  return Object.assign(new Error(`${path} is a ${kind}, not a folder`), { code: 'ENOTDIR', path, entryKind: kind });
}

/**
 * Node says ENOTDIR or EEXIST about the folder it could not make, not about the file in its way
 * (`out/odcs/x.yaml` when `out` is a file): the error is thrown again naming that file.
 */
export async function rethrowWithFileInTheWay(
  error: unknown,
  disk: Pick<BundleDisk, 'dirname' | 'entryKind'>,
): Promise<never> {
  const { code, path } = error as { code?: string; path?: string };
  if ((code === 'ENOTDIR' || code === 'EEXIST') && path) {
    const inTheWay = await fileInTheWay(disk, path);
    if (inTheWay) throw fileInTheWayError(inTheWay.path, inTheWay.kind);
  }
  throw error;
}

/** The first entry on `path`, from its root (or the current folder) down, that is there and is not a folder, named as `path` names it. */
async function fileInTheWay(
  disk: Pick<BundleDisk, 'dirname' | 'entryKind'>,
  path: string,
): Promise<{ path: string; kind: Exclude<EntryKind, 'folder'> } | undefined> {
  const ancestors = [path];
  for (let folder = disk.dirname(path); folder !== ancestors[0]; folder = disk.dirname(folder))
    ancestors.unshift(folder);
  for (const candidate of ancestors) {
    const kind = await disk.entryKind(candidate);
    if (kind === undefined) return undefined;
    if (kind !== 'folder') return { path: candidate, kind };
  }
  return undefined;
}

/**
 * The staging folder is ours, not the user's: an error about it names the folder that holds it
 * (where permission or space is missing), one about a file in it the file it stands for.
 */
function renamePathOutsideStaging(disk: BundleDisk, error: unknown, staging: string, target: string): void {
  const { path } = (error ?? {}) as { path?: unknown };
  if (typeof path !== 'string' || typeof error !== 'object') return;
  if (path === staging) Object.assign(error as object, { path: disk.dirname(staging) });
  else if (isInside(disk, path, staging)) Object.assign(error as object, { path: target + path.slice(staging.length) });
}

function isInside(disk: BundleDisk, path: string, folder: string): boolean {
  for (let inner = path; disk.dirname(inner) !== inner; inner = disk.dirname(inner)) {
    if (disk.dirname(inner) === folder) return true;
  }
  return false;
}
