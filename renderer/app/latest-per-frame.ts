/**
 * Runs `work` at most once an animation frame, for the latest value pushed since it last ran: for
 * work on pointer moves, which come faster than frames are drawn.
 */
export function latestPerFrame<T>(work: (value: T) => void): { push(value: T): void; cancel(): void } {
  let pending: { value: T; frame: number } | undefined;
  return {
    push(value) {
      const frame =
        pending?.frame ??
        requestAnimationFrame(() => {
          const latest = pending?.value as T;
          pending = undefined;
          work(latest);
        });
      pending = { value, frame };
    },
    cancel() {
      if (pending) cancelAnimationFrame(pending.frame);
      pending = undefined;
    },
  };
}
