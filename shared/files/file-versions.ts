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
  /** True when `stamp` is another version than the one the app last read or wrote (told about or not). */
  hasChangedSinceKnown(key: Key, stamp: FileStamp): boolean;
  /** True, once, for a version neither known nor told of yet; it counts as told from then on. */
  isNewsToTell(key: Key, stamp: FileStamp): boolean;
}

export function createFileVersions<Key>(): FileVersions<Key> {
  const known = new Map<Key, FileStamp>();
  const told = new Map<Key, FileStamp>();
  return {
    recordKnown(key, stamp) {
      known.set(key, stamp);
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
