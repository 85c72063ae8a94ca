import { describe, expect, it } from 'vitest';
import { millisToNextTick, type RunPace, ticksDue } from '../../../shared/simulation/run-pace';

const at60: RunPace = { startedAt: 1000, startTick: 5, speed: 60 };

describe('the pace of a run at a fixed speed', () => {
  it('runs one tick at a time, each when it is due, while the worker keeps up', () => {
    expect(ticksDue(at60, 5, 1000)).toBe(1);
    expect(millisToNextTick(at60, 6, 1005)).toBeCloseTo(1000 / 60 - 5);
    expect(ticksDue(at60, 6, 1000 + 1000 / 60)).toBe(1);
  });

  it('catches up when a tick takes longer than the pace allows, so 60 per second runs 60 ticks a second', () => {
    expect(ticksDue(at60, 6, 1075)).toBe(4);
    expect(millisToNextTick(at60, 10, 1075)).toBeCloseTo(1000 + (5 * 1000) / 60 - 1075);
    expect(ticksDue(at60, 10, 2000)).toBe(56);
  });

  it('runs at most a second’s worth at once', () => {
    expect(ticksDue(at60, 5, 60_000)).toBe(60);
  });
});
