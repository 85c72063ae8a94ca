import { describe, expect, it } from 'vitest';
import {
  CATCH_UP_MILLIS,
  maxModeBatch,
  millisToNextTick,
  type RunPace,
  ticksToRun,
} from '../../../shared/simulation/run-pace';

const at60: RunPace = { speed: 60, startedAt: 1000, startTick: 5 };
const TICK = 1000 / 60;

describe('the pace of a run at a fixed speed', () => {
  it('runs one tick at a time, each when it is due, while the worker keeps up', () => {
    expect(ticksToRun(at60, 5, 1000)).toEqual({ ticks: 1, pace: at60 });
    expect(millisToNextTick(at60, 6, 1005)).toBeCloseTo(TICK - 5);
    expect(ticksToRun(at60, 6, 1000 + TICK)).toEqual({ ticks: 1, pace: at60 });
  });

  it('runs every tick that came due while a request took longer than a tick, so 60 per second runs 60', () => {
    expect(ticksToRun(at60, 6, 1075).ticks).toBe(4);
    expect(millisToNextTick(at60, 10, 1075)).toBeCloseTo(1000 + 5 * TICK - 1075);
  });

  it('runs the 61 ticks due in the first second (one at once, then one every 1/60 s) when each request takes 40 ms', () => {
    let pace = at60;
    let tick = 5;
    let now = 1000;
    while (now <= 2000) {
      const planned = ticksToRun(pace, tick, now);
      pace = planned.pace;
      tick += planned.ticks;
      now += 40 + millisToNextTick(pace, tick, now + 40);
    }

    expect(tick - 5).toBe(61);
  });

  it('owes no backlog when the engine cannot keep up: it runs what it can and keeps time from then', () => {
    const mostAtOnce = (CATCH_UP_MILLIS * 60) / 1000;
    const farBehind = ticksToRun(at60, 5, 61_000);

    expect(farBehind).toEqual({ ticks: mostAtOnce, pace: { speed: 60, startedAt: 61_000, startTick: 5 } });
    // A tick takes 50 ms (20 per second at most): the run goes that fast, and what it owes stays bounded.
    let pace = farBehind.pace;
    let tick = 5 + farBehind.ticks;
    let now = 61_000 + farBehind.ticks * 50;
    const sizes: number[] = [];
    while (now < 71_000) {
      const planned = ticksToRun(pace, tick, now);
      pace = planned.pace;
      sizes.push(planned.ticks);
      tick += planned.ticks;
      now += planned.ticks * 50;
    }

    expect(Math.max(...sizes)).toBeLessThanOrEqual(mostAtOnce);
    expect((tick - 5) / 10).toBeGreaterThan(19);
  });

  it('runs one tick at a time at a speed too slow to catch up in a request', () => {
    const atOne: RunPace = { speed: 1, startedAt: 0, startTick: 0 };

    expect(ticksToRun(atOne, 0, 10_000)).toEqual({ ticks: 1, pace: { speed: 1, startedAt: 10_000, startTick: 0 } });
    expect(millisToNextTick(atOne, 1, 400)).toBe(600);
  });
});

describe('the batches of a run as fast as possible', () => {
  /** Ticks per second a run reaches when a tick costs `tickMillis` and each request `overheadMillis` more. */
  function ticksPerSecond(plan: (ticks: number, elapsed: number, tick: number, now: number) => number): number {
    const tickMillis = 60;
    const overheadMillis = 40;
    let tick = 0;
    let now = 0;
    let ticks = 1;
    while (now < 20_000) {
      const elapsed = ticks * tickMillis + overheadMillis;
      tick += ticks;
      now += elapsed;
      ticks = plan(ticks, elapsed, tick, now);
    }
    return tick / (now / 1000);
  }

  it('runs about a frame’s worth of ticks per request on a fast engine, so the view keeps moving', () => {
    expect(maxModeBatch(1, 2, 60)).toBe(20);
    expect(maxModeBatch(20, 40, 60)).toBe(20);
  });

  it('is never slower than the fastest fixed speed on a slow engine, where every request costs as much again', () => {
    let pace: RunPace = { speed: 60, startedAt: 0, startTick: 0 };
    const atSixty = ticksPerSecond((_, _elapsed, tick, now) => {
      const planned = ticksToRun(pace, tick, now);
      pace = planned.pace;
      return planned.ticks;
    });
    const asFastAsPossible = ticksPerSecond((ticks, elapsed) => maxModeBatch(ticks, elapsed, 60));

    expect(asFastAsPossible).toBeGreaterThanOrEqual(atSixty);
  });
});
