/** The saves and exports main is writing now, so that quitting can wait for them to reach the disk. */
export interface PendingWrites {
  /** Runs `write` to `path`, counted as in flight until it settles (either way); its outcome is returned as is. */
  track<T>(path: string, write: () => Promise<T>): Promise<T>;
  /**
   * Resolves once no write is in flight (one started meanwhile is waited for too), or after `timeoutMs`:
   * with the paths still being written then, none when every write finished.
   */
  settled(timeoutMs: number): Promise<string[]>;
}

export function createPendingWrites(): PendingWrites {
  const inFlight = new Map<Promise<unknown>, string>();

  async function allSettled(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled(inFlight.keys());
  }

  return {
    track(path, write) {
      const writing = write();
      inFlight.set(writing, path);
      const forget = () => void inFlight.delete(writing);
      writing.then(forget, forget);
      return writing;
    },
    async settled(timeoutMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([allSettled(), timedOut]);
      clearTimeout(timer);
      return [...new Set(inFlight.values())];
    },
  };
}
