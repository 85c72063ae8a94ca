import type { RecentFilesStore } from './recent-files';

/**
 * Which files the renderer may read and write: only those the user chose, now (a dialog, a
 * double-click, a drop, the command line) or in an earlier session (the recent list). A page
 * that went rogue cannot name any other file on the disk.
 */
export interface FileAccess {
  isChosenByUser(path: string): Promise<boolean>;
  /** Records a file the user chose, for this session: whether it holds a design is not known yet. */
  allowForThisSession(path: string): void;
  /** Records a file the user chose and puts it first in the recent list: it holds a design. */
  grant(path: string): Promise<void>;
}

export function createFileAccess(recentFiles: RecentFilesStore): FileAccess {
  const chosenThisSession = new Set<string>();
  return {
    async isChosenByUser(path) {
      return chosenThisSession.has(path) || (await recentFiles.list()).some((file) => file.path === path);
    },
    allowForThisSession(path) {
      chosenThisSession.add(path);
    },
    async grant(path) {
      chosenThisSession.add(path);
      // The file itself was read or written; a stale recent list is no reason to report a failure.
      await recentFiles.remember(path).catch(() => undefined);
    },
  };
}
