import type { EntryKind } from '../../shared/files/entry-kind';

/** The user and group a file belongs to (both 0 on Windows, where they mean nothing). */
export interface FileOwner {
  uid: number;
  gid: number;
}

/** A file's size, last change, permission bits, owner and what it is. */
export interface FileStatus {
  sizeInBytes: number;
  modifiedAtMs: number;
  /** Permission bits (`0o644`). */
  mode: number;
  owner: FileOwner;
  /** A folder, a regular file, or a named pipe, a device or a socket (reading one of those may block or never end). */
  kind: EntryKind;
}

/** The few file operations the main process needs, kept narrow so tests can fake them in memory. */
export interface FileSystem {
  readText(path: string): Promise<string>;
  readBytes(path: string): Promise<Uint8Array>;
  status(path: string): Promise<FileStatus>;
  exists(path: string): Promise<boolean>;
  /** Whether the user the app runs as may write the file (its owner, group and mode, as the system checks them). */
  isWritableByUs(path: string): Promise<boolean>;
  /** Gives a file to a user and group; only root may give one away, so callers treat a refusal as expected. */
  changeOwner(path: string, owner: FileOwner): Promise<void>;
  /** The file a path names, through any symbolic links; when nothing is there yet, the name its links lead to (or the path itself). */
  resolveLinks(path: string): Promise<string>;
  /** The names of a folder's entries. */
  listFolder(path: string): Promise<string[]>;
  /**
   * Creates or replaces `path` with `text` (UTF-8) or bytes (and `mode`, when given) and resolves
   * only once it is flushed to the disk (fsync), not merely handed to the OS.
   */
  writeTextDurably(path: string, text: string | Uint8Array, mode?: number): Promise<void>;
  /** Renames a file or a folder. */
  rename(fromPath: string, toPath: string): Promise<void>;
  /** Flushes a folder's entries (a rename into it) to the disk, where the platform can. */
  syncFolder(path: string): Promise<void>;
  /** Removes a file; a file that is already gone is not an error. */
  remove(path: string): Promise<void>;
  /** Removes a folder and everything in it; a folder that is already gone is not an error. */
  removeFolder(path: string): Promise<void>;
  /** Creates one folder in a folder that is there (see BundleDisk.makeFolder). */
  makeDirectory(path: string): Promise<void>;
}
