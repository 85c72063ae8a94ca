import type { PendingWrites } from '../files/pending-writes';

/** How long quitting waits for a save still being written before it goes on without it. */
export const QUIT_WAIT_FOR_WRITES_MS = 10_000;

export interface QuitGuardActions {
  /** Resolves once the window's place, saved as it closed, is on the disk. */
  windowStateSaved(): Promise<void>;
  pendingWrites: Pick<PendingWrites, 'settled'>;
  /** Tells the user that these files may not have been written in full. */
  tellUnfinished(paths: string[]): Promise<void>;
  quitApp(): void;
}

export interface QuitGuard {
  /** Electron's `will-quit`: true means prevent it; the quit is asked again once the writes are done. */
  shouldPreventQuit(): boolean;
}

/**
 * Holds the quit until what main is writing reaches the disk: the window's place, and any save or
 * export still in flight (a Ctrl+S pressed just before Quit). Past the bound the quit goes on, and
 * the user hears which files may not have been saved.
 */
export function createQuitGuard(actions: QuitGuardActions): QuitGuard {
  let mayQuit = false;
  let isWaiting = false;

  async function finishWritesThenQuit(): Promise<void> {
    const [unfinished] = await Promise.all([
      actions.pendingWrites.settled(QUIT_WAIT_FOR_WRITES_MS),
      actions.windowStateSaved(),
    ]);
    if (unfinished.length > 0) await actions.tellUnfinished(unfinished).catch(() => undefined);
    mayQuit = true;
    actions.quitApp();
  }

  return {
    shouldPreventQuit() {
      if (mayQuit) return false;
      if (!isWaiting) {
        isWaiting = true;
        void finishWritesThenQuit();
      }
      return true;
    },
  };
}
