import { basename, dirname } from 'node:path';
import { createFileVersions, type FileStamp } from '../../shared/files/file-versions';

export interface ExternalChangeWatcherOptions {
  /** Watches a folder; `onEvent` gets the name of the entry that changed. Returns the stop function. */
  watchFolder(folder: string, onEvent: (fileName: string | null) => void): () => void;
  stamp(path: string): Promise<FileStamp>;
  /** The file a path names once symbolic links are followed (the file-system port saves use). */
  resolveLinks(path: string): Promise<string>;
  onExternalChange(path: string): void;
}

export interface ExternalChangeWatcher {
  /** The document's file now (undefined: none): watches it, and stops watching the one before. */
  follow(path: string | undefined): void;
  /** A contract file the page edits (opened or saved in place): watched too, until `forgetContractFiles`. */
  followContractFile(path: string): void;
  /** The page holds another design now: the contract files followed for the one before are no longer watched. */
  forgetContractFiles(): void;
  /** The app read or wrote `path`: that version is known, so it is no news. */
  recordKnownVersion(path: string): Promise<void>;
  /** The app read the design at `path`: that version is known once the page adopts it (a read that did not open is not). */
  recordReadVersion(path: string): Promise<void>;
  /** The design last read from `path` opened in the page: its version is known from now on. */
  adoptReadVersion(path: string): void;
  /** True when `path` on disk is another version than the one the app last read or wrote (told about or not). */
  hasChangedSinceKnown(path: string): Promise<boolean>;
  /** Around the app's own save: events while it writes are its own. */
  beginOwnWrite(path: string): void;
  endOwnWrite(path: string): Promise<void>;
  stop(): void;
}

/**
 * Tells when the open file is changed by another program. The folder is watched, not the file:
 * editors (and this app) save by writing a new file and renaming it over the old one, which a
 * watch on the old file would never see.
 */
export function createExternalChangeWatcher(options: ExternalChangeWatcherOptions): ExternalChangeWatcher {
  const versions = createFileVersions<string>();
  const writing = new Set<string>();
  let followed: { path: string; stopWatching: () => void } | null = null;
  const contractWatches = new Map<string, () => void>();

  const stampOrNull = (path: string) => options.stamp(path).catch(() => null);

  async function check(path: string): Promise<void> {
    if (writing.has(path) || (followed?.path !== path && !contractWatches.has(path))) return;
    const now = await stampOrNull(path);
    // Gone for a moment (another program's rename in progress) is not a version to offer.
    if (now === null || writing.has(path)) return;
    if (versions.isNewsToTell(path, now)) options.onExternalChange(path);
  }

  async function record(path: string): Promise<void> {
    const now = await stampOrNull(path);
    if (now) versions.recordKnown(path, now);
  }

  // The versions stay known: the same files opened again are no news unless changed since.
  function forgetContractFiles(): void {
    for (const stopWatching of contractWatches.values()) stopWatching();
    contractWatches.clear();
  }

  /**
   * Watches the folder of `path` for changes to it; returns the stop function. Through a symbolic
   * link, the target's folder too: a change to the target is reported there, not beside the link.
   */
  function watchFile(path: string): () => void {
    const linkFolder = dirname(path);
    let target = path;
    let stopWatchingTarget: (() => void) | null = null;
    let isStopped = false;
    const isAbout = (fileName: string | null, file: string) => fileName === null || fileName === basename(file);

    // Run again whenever the entry at `path` changes: the link may point elsewhere now.
    async function watchTargetFolder(): Promise<void> {
      const resolved = await options.resolveLinks(path).catch(() => path);
      if (isStopped || resolved === target) return;
      stopWatchingTarget?.();
      target = resolved;
      stopWatchingTarget =
        dirname(target) === linkFolder
          ? null
          : options.watchFolder(dirname(target), (fileName) => {
              if (isAbout(fileName, target)) void check(path);
            });
    }

    const stopWatchingLinkFolder = options.watchFolder(linkFolder, (fileName) => {
      if (isAbout(fileName, path)) void watchTargetFolder();
      if (isAbout(fileName, path) || isAbout(fileName, target)) void check(path);
    });
    void watchTargetFolder();
    return () => {
      isStopped = true;
      stopWatchingLinkFolder();
      stopWatchingTarget?.();
    };
  }

  return {
    follow(path) {
      if (followed?.path === path) return;
      followed?.stopWatching();
      followed = path === undefined ? null : { path, stopWatching: watchFile(path) };
    },
    followContractFile(path) {
      if (!contractWatches.has(path)) contractWatches.set(path, watchFile(path));
    },
    forgetContractFiles,
    recordKnownVersion: record,
    async recordReadVersion(path) {
      const now = await stampOrNull(path);
      if (now) versions.recordRead(path, now);
    },
    adoptReadVersion(path) {
      versions.adoptRead(path);
    },
    async hasChangedSinceKnown(path) {
      const now = await stampOrNull(path);
      return now !== null && versions.hasChangedSinceKnown(path, now);
    },
    beginOwnWrite(path) {
      writing.add(path);
    },
    async endOwnWrite(path) {
      await record(path);
      writing.delete(path);
    },
    stop() {
      followed?.stopWatching();
      followed = null;
      forgetContractFiles();
    },
  };
}
