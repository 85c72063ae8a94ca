/** What tells one version of a file from another without reading it. */
export interface FileStamp {
  sizeInBytes: number;
  modifiedAtMs: number;
}

const isSameStamp = (a: FileStamp | undefined, b: FileStamp | undefined) =>
  a !== undefined && b !== undefined && a.sizeInBytes === b.sizeInBytes && a.modifiedAtMs === b.modifiedAtMs;

/**
 * The version of each file the app last read or wrote, and the versions it told of: whether a
 * version on disk is another program's, and whether the user heard of it yet. Files go by `Key`
 * (a path on desktop, a file handle in the browser).
 */
export interface FileVersions<Key> {
  /** The app read or wrote this version: it is no news. */
  recordKnown(key: Key, stamp: FileStamp): void;
  /**
   * The app read this version, to open it: it becomes known only once adopted, since a read that
   * did not open as the design (a newer app's file, a save cut off) is not what the app holds.
   */
  recordRead(key: Key, stamp: FileStamp): void;
  /** The version last read (recordRead) opened: it is known from now on. */
  adoptRead(key: Key): void;
  /** True when `stamp` is another version than the one the app last read or wrote (told about or not). */
  hasChangedSinceKnown(key: Key, stamp: FileStamp): boolean;
  /** True, once, for a version neither known nor told of yet; it counts as told from then on. */
  isNewsToTell(key: Key, stamp: FileStamp): boolean;
}

export function createFileVersions<Key>(): FileVersions<Key> {
  const known = new Map<Key, FileStamp>();
  const told = new Map<Key, FileStamp>();
  const read = new Map<Key, FileStamp>();
  return {
    recordKnown(key, stamp) {
      known.set(key, stamp);
    },
    recordRead(key, stamp) {
      read.set(key, stamp);
    },
    adoptRead(key) {
      const stamp = read.get(key);
      if (stamp === undefined) return;
      known.set(key, stamp);
      read.delete(key);
    },
    hasChangedSinceKnown(key, stamp) {
      const knownStamp = known.get(key);
      return knownStamp !== undefined && !isSameStamp(stamp, knownStamp);
    },
    isNewsToTell(key, stamp) {
      if (isSameStamp(stamp, known.get(key)) || isSameStamp(stamp, told.get(key))) return false;
      told.set(key, stamp);
      return true;
    },
  };
}
