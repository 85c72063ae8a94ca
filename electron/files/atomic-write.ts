import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { utf8ByteLength } from '../../shared/model/text-encoding';
import type { FileSystem } from './file-system';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The longest file name most file systems hold (ext4 counts UTF-8 bytes; NTFS and APFS count fewer units). */
const MAX_FILE_NAME_BYTES = 255;
/** What a temporary name adds to the file's own: `.`, `.`, a UUID, `.` and its suffix (`tmp`). */
function temporaryNameExtraBytes(suffix: string): number {
  return 2 + 36 + 1 + suffix.length;
}

/** The file's name, shortened (whole characters) so that its temporary name fits wherever the name itself does. */
function temporaryStemOf(fileName: string, suffix = 'tmp'): string {
  const maxBytes = MAX_FILE_NAME_BYTES - temporaryNameExtraBytes(suffix);
  let stem = '';
  for (const character of fileName) {
    if (utf8ByteLength(stem + character) > maxBytes) break;
    stem += character;
  }
  return stem;
}

/**
 * A new temporary sibling of `path`, hidden and unique: `/home/ada/.orders.mesh.json.<uuid>.tmp`.
 * Another `suffix` names one that is not swept as debris.
 */
export function temporarySiblingOf(path: string, suffix = 'tmp'): string {
  return join(dirname(path), `.${temporaryStemOf(basename(path), suffix)}.${randomUUID()}.${suffix}`);
}

/** Whether `entry` is one of this app's temporary names for `fileName` (`.orders.mesh.json.<uuid>.tmp`). */
export function isTemporaryFileOf(entry: string, fileName: string): boolean {
  const prefix = `.${temporaryStemOf(fileName)}.`;
  return entry.startsWith(prefix) && new RegExp(`^${UUID}\\.tmp$`).test(entry.slice(prefix.length));
}

/** The temporary siblings of `path` that earlier writes left behind (only this app's own names for it). */
export async function orphanTemporarySiblings(fs: FileSystem, path: string): Promise<string[]> {
  const fileName = basename(path);
  const folder = dirname(path);
  const entries = await fs.listFolder(folder).catch(() => []);
  return entries.filter((entry) => isTemporaryFileOf(entry, fileName)).map((entry) => join(folder, entry));
}

/** Older than this, a temporary file is no save's in flight (a save takes seconds): it is debris. */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

/**
 * Removes the temporary files an earlier save of `path` left when it was killed mid-write. Only
 * this app's own names for this file are touched (`.orders.mesh.json.<uuid>.tmp`), and only those
 * last written `olderThanMs` ago: a newer one may be another save's, still being written. With
 * `olderThanMs: 0` (no save can be running) every one goes, whatever its time: a file's time can be a
 * fraction of a millisecond past `Date.now()`, or ahead of it on a network drive.
 */
export async function sweepOrphanTemporaryFiles(
  fs: FileSystem,
  path: string,
  { olderThanMs = ORPHAN_AGE_MS } = {},
): Promise<void> {
  const writtenBefore = Date.now() - olderThanMs;
  for (const orphan of await orphanTemporarySiblings(fs, path)) {
    const isOld =
      olderThanMs === 0 ||
      (await fs.status(orphan).then(
        (status) => status.modifiedAtMs <= writtenBefore,
        () => false,
      ));
    if (isOld) await fs.remove(orphan).catch(() => undefined);
  }
}

/** Failures to make a new file that are its folder's doing: the folder is gone, or refuses new files. */
const FOLDER_FAILURES = new Set(['ENOENT', 'EACCES', 'EPERM']);

/** A failure Node reports about our temporary file, told about `path` instead: the user never chose the temporary name. */
function toldAbout(error: unknown, path: string): unknown {
  return typeof (error as NodeJS.ErrnoException | null)?.code === 'string'
    ? Object.assign(error as object, { path })
    : error;
}

/**
 * A temporary file that could not be written, told as its folder's failure where it is one (Node's
 * `ENOENT` on it would read as a missing file when it is the folder that is gone), else as the target's.
 */
function asWriteFailure(error: unknown, target: string): unknown {
  const { code } = (error ?? {}) as NodeJS.ErrnoException;
  return toldAbout(error, code && FOLDER_FAILURES.has(code) ? dirname(target) : target);
}

/**
 * Replaces `path` with `text` (or bytes) so that a crash, a full disk or a failed rename leaves either the
 * old file or the new one, never a half-written mix, and no debris. A symbolic link is written
 * through to its target (the link stays a link); the file keeps its permission bits and, where the
 * system lets us, its owner; one marked read-only, or that this user may not write, is refused.
 */
export async function writeFileAtomically(fs: FileSystem, path: string, text: string | Uint8Array): Promise<void> {
  const target = await fs.resolveLinks(path);
  const folder = dirname(target);
  const existing = await fs.status(target).catch(() => undefined);
  // A rename replaces a file whatever its permissions (the folder's decide): one marked read-only,
  // or one this user may not write (root's 0644 file in the user's folder), must stay as it is.
  if (existing && ((existing.mode & 0o222) === 0 || !(await fs.isWritableByUs(target)))) {
    throw new Error('the file is read-only: make it writable, or save a copy with Save As…');
  }
  await sweepOrphanTemporaryFiles(fs, target);
  // Same folder as the target: a rename is only atomic within one file system.
  const temporaryPath = temporarySiblingOf(target);
  try {
    await fs.writeTextDurably(temporaryPath, text, existing?.mode).catch((error: unknown) => {
      throw asWriteFailure(error, target);
    });
    // The new file is this user's; the old one's owner and group are kept where the system lets us.
    if (existing) await fs.changeOwner(temporaryPath, existing.owner).catch(() => undefined);
    await fs.rename(temporaryPath, target).catch((error: unknown) => {
      throw toldAbout(error, target);
    });
  } catch (error) {
    // The write's own failure is what the user needs to hear about, not a failed cleanup.
    await fs.remove(temporaryPath).catch(() => undefined);
    throw error;
  }
  // The new name is only on the disk once the folder is flushed too.
  await fs.syncFolder(folder);
}
