/**
 * The saves main is carrying out for the user, each from its dialog to the disk, so that closing
 * the window (and so quitting) waits for a dialog still open: the save chosen there would be lost.
 * Unlike PendingWrites, it counts the time the user takes to choose, so it is waited for unbounded.
 */
export interface SavesInProgress {
  /** Runs `save`, counted as in progress until it settles (either way); its outcome is returned as is. */
  track<T>(save: () => Promise<T>): Promise<T>;
  isAnyInProgress(): boolean;
}

/** `onAllSettled` is called each time the last save in progress settles. */
export function createSavesInProgress(onAllSettled: () => void): SavesInProgress {
  let inProgress = 0;
  return {
    async track(save) {
      inProgress++;
      try {
        return await save();
      } finally {
        inProgress--;
        if (inProgress === 0) onAllSettled();
      }
    },
    isAnyInProgress: () => inProgress > 0,
  };
}
