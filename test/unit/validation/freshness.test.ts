import { describe, expect, it } from 'vitest';
import { compareDurations, minutesOf } from '../../../shared/contracts/sla-durations';
import { formatMinutes } from '../../../shared/validation/freshness';

describe('a freshness duration in words', () => {
  it.each([
    [15, '15 min'],
    [90, '1 h 30 min'],
    [24 * 60, '1 d'],
    [25 * 60, '1 d 1 h'],
    [24 * 60 + 1, '1 d 1 min'],
    [1 / 60, '1 s'],
    [0.5 / 60, '500 ms'],
    [365 * 24 * 60, '365 d'],
    [0, '0 ms'],
  ])('reads %s minutes as %s, exactly: two durations that differ never read the same', (minutes, words) => {
    expect(formatMinutes(minutes)).toBe(words);
  });
});

describe('a duration as contracts and SLOs write it', () => {
  it.each([
    ['y', 365 * 24 * 60],
    ['yr', 365 * 24 * 60],
    ['years', 365 * 24 * 60],
    ['mo', 30 * 24 * 60],
    ['month', 30 * 24 * 60],
    ['months', 30 * 24 * 60],
    ['d', 24 * 60],
    ['m', 1],
  ])('reads 1 %s, a unit ODCS lists for SLAs, as %s minutes', (unit, minutes) => {
    expect(minutesOf(1, unit)).toBe(minutes);
  });

  it('reads a capital M as a month, as Grafana and ISO 8601 write it, not as the minute a small m is', () => {
    expect(minutesOf(3, 'M')).toBe(3 * 30 * 24 * 60);
    expect(minutesOf(3, ' M ')).toBe(3 * 30 * 24 * 60);
    expect(minutesOf(3, 'MIN')).toBe(3);
  });

  it('compares a capital M with days as a month of 28 to 31', () => {
    expect(compareDurations({ value: 1, unit: 'M' }, { value: 27, unit: 'd' })).toBeGreaterThan(0);
    expect(compareDurations({ value: 1, unit: 'M' }, { value: 30, unit: 'd' })).toBeUndefined();
    expect(compareDurations({ value: 12, unit: 'M' }, { value: 1, unit: 'y' })).toBe(0);
  });
});
