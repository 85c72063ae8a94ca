import type { AutosaveSlot } from '../host/host';

export interface Timers {
  setTimeout(run: () => void, delayMs: number): unknown;
  clearTimeout(timer: unknown): void;
  now(): number;
}

export interface AutosaverOptions {
  write(slot: AutosaveSlot): Promise<void>;
  remove(key: string): Promise<void>;
  /** Told once when copies stop being kept, with the reason; again only after one succeeded. */
  onFailure(reason: string): void;
  /** Told when a copy is kept again after a failure. */
  onRecovery(): void;
  /** Quiet time after the last change before a copy is written. */
  delayMs?: number;
  /** The longest a change waits for its copy, however long the typing goes on. */
  maxWaitMs?: number;
  timers?: Timers;
}

export interface Autosaver {
  /** Asks for a copy of document `key`; `snapshot` is read when the copy is written (null: nothing to keep). */
  schedule(key: string, snapshot: () => AutosaveSlot | null): void;
  /** Writes what is pending now and resolves once every copy asked for so far is written (or failed). */
  flush(): Promise<void>;
  /** Drops document `key`'s pending copy and its slot: it was saved, or its changes discarded. */
  discard(key: string): Promise<void>;
  /**
   * Document `key` goes on with the work in slot `formerKey` (a restored copy): that slot is
   * dropped once `key`'s own copy is written, or `key`'s work is saved or discarded; not before,
   * so a crash in between still leaves the work in one of them.
   */
  carryOn(key: string, formerKey: string): void;
}

const browserTimers: Timers = {
  setTimeout: (run, delayMs) => globalThis.setTimeout(run, delayMs),
  clearTimeout: (timer) => globalThis.clearTimeout(timer as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/** Debounced copies of unsaved work, written one at a time in the order asked, failures reported. */
export function createAutosaver({
  write,
  remove,
  onFailure,
  onRecovery,
  delayMs = 1000,
  maxWaitMs = 5000,
  timers = browserTimers,
}: AutosaverOptions): Autosaver {
  let pending: { key: string; snapshot: () => AutosaveSlot | null; since: number } | null = null;
  let timer: unknown;
  let queue: Promise<void> = Promise.resolve();
  let isFailing = false;
  const formerKeys = new Map<string, string>();

  async function dropFormerSlot(key: string): Promise<void> {
    const formerKey = formerKeys.get(key);
    if (formerKey === undefined) return;
    formerKeys.delete(key);
    await remove(formerKey);
  }

  async function attempt(work: () => Promise<void>): Promise<void> {
    try {
      await work();
      if (isFailing) {
        isFailing = false;
        onRecovery();
      }
    } catch (error) {
      if (!isFailing) {
        isFailing = true;
        onFailure(error instanceof Error ? error.message : String(error));
      }
    }
  }

  function enqueue(work: () => Promise<void>): Promise<void> {
    queue = queue.then(() => attempt(work));
    return queue;
  }

  function writePending(): void {
    timers.clearTimeout(timer);
    const due = pending;
    pending = null;
    if (!due) return;
    void enqueue(async () => {
      const slot = due.snapshot();
      if (!slot) return;
      await write(slot);
      await dropFormerSlot(slot.key);
    });
  }

  return {
    schedule(key, snapshot) {
      // Another document's pending copy is written first: its unsaved work must not be lost.
      if (pending && pending.key !== key) writePending();
      const now = timers.now();
      const since = pending?.since ?? now;
      pending = { key, snapshot, since };
      timers.clearTimeout(timer);
      timer = timers.setTimeout(writePending, Math.max(0, Math.min(delayMs, since + maxWaitMs - now)));
    },
    flush() {
      writePending();
      return queue;
    },
    discard(key) {
      if (pending?.key === key) {
        timers.clearTimeout(timer);
        pending = null;
      }
      return enqueue(async () => {
        await remove(key);
        await dropFormerSlot(key);
      });
    },
    carryOn(key, formerKey) {
      formerKeys.set(key, formerKey);
    },
  };
}
