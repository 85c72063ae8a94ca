import { describe, expect, it } from 'vitest';
import { resultAgeText } from '../../../renderer/simulation/result-age';

const readAt = { tick: 26, time: 'Sun, 1 Mar, 00:26:00' };

describe('the age of a SQL console result', () => {
  it('names the tick and simulated time it was read at while the run is still there', () => {
    expect(resultAgeText(readAt, 26)).toBe('as of tick 26 (Sun, 1 Mar, 00:26:00)');
  });

  it('says where the run is now once it has moved past that tick', () => {
    expect(resultAgeText(readAt, 32, 'run again')).toBe(
      'as of tick 26 (Sun, 1 Mar, 00:26:00) — the run is at tick 32; run again',
    );
  });

  it('says so after a reset too, when the run is back before that tick', () => {
    expect(resultAgeText(readAt, 0, 'run again')).toContain('the run is at tick 0; run again');
  });
});
