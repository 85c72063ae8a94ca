import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutomaticFit, RESIZE_SETTLE_MILLIS, whenResizeSettles } from '../../../renderer/canvas/automatic-fit';

describe('the canvas’s own fit', () => {
  const fitted = { x: 40, y: 12.5, zoom: 0.62 };

  it('counts nothing as its own fit before it has fitted', () => {
    expect(createAutomaticFit().isShowing(fitted)).toBe(false);
  });

  it('counts the view as its own fit until it is panned or zoomed away, within the rounding of an animation', () => {
    const fit = createAutomaticFit();
    fit.remember(fitted);
    expect(fit.isShowing(fitted)).toBe(true);
    expect(fit.isShowing({ x: 40.2, y: 12.4, zoom: 0.6200001 })).toBe(true);
    expect(fit.isShowing({ ...fitted, x: 140 })).toBe(false);
    expect(fit.isShowing({ ...fitted, zoom: 0.7 })).toBe(false);
  });

  it('follows the newest fit', () => {
    const fit = createAutomaticFit();
    fit.remember(fitted);
    fit.remember({ x: 0, y: 0, zoom: 1 });
    expect(fit.isShowing(fitted)).toBe(false);
    expect(fit.isShowing({ x: 0, y: 0, zoom: 1 })).toBe(true);
  });
});

describe('waiting for a resize to settle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A stand-in for React Flow's store: its size and a listener per subscriber. */
  function aCanvasStore() {
    let state = { width: 800, height: 600, transform: [0, 0, 1] };
    const listeners = new Set<(next: typeof state) => void>();
    return {
      getState: () => state,
      subscribe: (listener: (next: typeof state) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      set(change: Partial<typeof state>) {
        state = { ...state, ...change };
        for (const listener of listeners) listener(state);
      },
    };
  }

  it('answers once, when the size has stopped changing, however many sizes a window drag went through', () => {
    const store = aCanvasStore();
    const settled = vi.fn();
    whenResizeSettles(store, settled);
    for (const width of [790, 760, 720]) {
      store.set({ width });
      vi.advanceTimersByTime(RESIZE_SETTLE_MILLIS / 2);
    }
    expect(settled).not.toHaveBeenCalled();
    vi.advanceTimersByTime(RESIZE_SETTLE_MILLIS);
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it('does not answer a pan or zoom, which changes the store but not the size', () => {
    const store = aCanvasStore();
    const settled = vi.fn();
    whenResizeSettles(store, settled);
    store.set({ transform: [10, 20, 0.5] });
    vi.advanceTimersByTime(RESIZE_SETTLE_MILLIS * 2);
    expect(settled).not.toHaveBeenCalled();
  });

  it('stops answering once stopped, a resize under way included', () => {
    const store = aCanvasStore();
    const settled = vi.fn();
    const stop = whenResizeSettles(store, settled);
    store.set({ height: 500 });
    stop();
    store.set({ height: 400 });
    vi.advanceTimersByTime(RESIZE_SETTLE_MILLIS * 2);
    expect(settled).not.toHaveBeenCalled();
  });
});
