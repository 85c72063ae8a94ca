import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenInputPauses } from '../../../renderer/app/when-input-pauses';

describe('background work that waits for input to pause', () => {
  let page: EventTarget;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    page = new EventTarget();
    vi.stubGlobal('window', Object.assign(page, { setTimeout, clearTimeout }));
    // Node has no idle callbacks: the browser runs one at its next idle moment, here the next turn.
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 0));
    vi.stubGlobal('cancelIdleCallback', (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle));
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  const input = (type: string) => page.dispatchEvent(new Event(type));

  it('runs once nobody has pressed, moved, scrolled or typed for the given time', () => {
    const work = vi.fn();
    whenInputPauses(work, 1000);

    vi.advanceTimersByTime(999);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(work).toHaveBeenCalledOnce();
  });

  it('waits while a pan goes on, and runs after it', () => {
    const work = vi.fn();
    whenInputPauses(work, 1000);

    for (let frame = 0; frame < 150; frame++) {
      vi.advanceTimersByTime(16);
      input(frame === 0 ? 'pointerdown' : 'pointermove');
    }
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(900);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(work).toHaveBeenCalledOnce();
    input('keydown');
    vi.advanceTimersByTime(5000);
    expect(work).toHaveBeenCalledOnce();
  });

  it('counts a wheel or a key as input, and can be cancelled', () => {
    const work = vi.fn();
    const cancel = whenInputPauses(work, 1000);

    vi.advanceTimersByTime(800);
    input('wheel');
    vi.advanceTimersByTime(800);
    input('keydown');
    vi.advanceTimersByTime(800);
    cancel();
    vi.advanceTimersByTime(5000);
    expect(work).not.toHaveBeenCalled();
  });
});
