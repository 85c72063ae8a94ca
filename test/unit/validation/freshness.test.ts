import { describe, expect, it } from 'vitest';
import { minutesOf } from '../../../shared/contracts/sla-durations';
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
});
