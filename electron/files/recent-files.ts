import { isAbsolute } from 'node:path';
import type { FileRef } from '../../shared/ipc';
import { writeFileAtomically } from './atomic-write';
import type { FileSystem } from './file-system';
import { fileRefFor } from './mesh-file-path';

export const RECENT_FILES_LIMIT = 10;

/** The files the user opened or saved lately, most recent first, kept across launches. */
export interface RecentFilesStore {
  list(): Promise<FileRef[]>;
  remember(path: string): Promise<void>;
  forget(path: string): Promise<void>;
}

interface RecentFilesStoreOptions {
  fs: FileSystem;
  storePath: string;
  limit?: number;
  /** Runs after the list changed (main rebuilds Open Recent). */
  onChanged?: () => void;
}

export function createRecentFilesStore({
  fs,
  storePath,
  limit = RECENT_FILES_LIMIT,
  onChanged = () => {},
}: RecentFilesStoreOptions): RecentFilesStore {
  let queue: Promise<unknown> = Promise.resolve();

  // One operation at a time, so two quick saves cannot each overwrite the other's entry.
  function oneAtATime<T>(operation: () => Promise<T>): Promise<T> {
    const result = queue.then(operation);
    queue = result.catch(() => undefined);
    return result;
  }

  // A missing or unreadable list must never stop the app from starting: it starts empty.
  // A list edited by hand or by an older version is read as the app keeps it: each file once, at most `limit`.
  const readPaths = () =>
    fs.readText(storePath).then(
      (text) => recentPathsWithin(parseRecentPaths(text), limit),
      () => [],
    );

  const update = async (change: (paths: string[]) => string[]) => {
    await oneAtATime(async () => {
      const paths = change(await readPaths());
      await writeFileAtomically(fs, storePath, `${JSON.stringify(paths, null, 2)}\n`);
    });
    onChanged();
  };

  return {
    list: () => oneAtATime(async () => (await readPaths()).map(fileRefFor)),
    remember: (path) => update((paths) => withRecentPath(paths, path, limit)),
    forget: (path) => update((paths) => paths.filter((recentPath) => recentPath !== path)),
  };
}

/** Puts `path` first, drops its older entry and anything past `limit`. */
export function withRecentPath(recentPaths: readonly string[], path: string, limit: number): string[] {
  return recentPathsWithin([path, ...recentPaths], limit);
}

/** Each path once, where it first appears, and none past `limit`. */
function recentPathsWithin(paths: readonly string[], limit: number): string[] {
  return [...new Set(paths)].slice(0, limit);
}

/** Reads the stored list, keeping only well-formed entries (absolute paths); anything unreadable is an empty list. */
export function parseRecentPaths(text: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  return Array.isArray(json)
    ? json.filter((entry): entry is string => typeof entry === 'string' && isAbsolute(entry))
    : [];
}

/** The recent designs still on the disk (files, not folders), for Open Recent; the list keeps the others (a drive may come back). */
export async function existingRecentFiles(recentFiles: RecentFilesStore, fs: FileSystem): Promise<FileRef[]> {
  const files = await recentFiles.list();
  const isFile = (path: string) =>
    fs.status(path).then(
      (status) => status.kind === 'file',
      () => false,
    );
  const exists = await Promise.all(files.map((file) => (file.path ? isFile(file.path) : false)));
  return files.filter((_file, index) => exists[index]);
}
