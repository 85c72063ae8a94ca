import type { Timers } from '../../../renderer/app/autosaver';

/** A clock the test moves by hand: timers fire when it passes them, and nothing else moves it. */
export function aManualClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: Timers = {
    setTimeout: (run, delayMs) => {
      const id = nextId++;
      timers.set(id, { at: now + delayMs, run });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id as number),
    now: () => now,
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...timers].sort(([, a], [, b]) => a.at - b.at)) {
      if (timer.at <= now) {
        timers.delete(id);
        timer.run();
      }
    }
  };
  return { clock, advance };
}
