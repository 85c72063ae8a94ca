import { describe, expect, it } from 'vitest';
import { secondDecimals } from '../../../shared/simulation/simulated-clock';

describe('the decimals of a second the run’s clock shows', () => {
  it('shows none where every tick falls on a whole second', () => {
    expect(secondDecimals({ startTime: '2026-02-14T07:30:00.000Z', tickMillis: 60_000 })).toBe(0);
    expect(secondDecimals({ startTime: '2026-02-14T07:30:00.000Z', tickMillis: 1000 })).toBe(0);
  });

  it('shows the fewest that tell each tick’s time apart where ticks are shorter than a second', () => {
    expect(secondDecimals({ startTime: '2026-02-14T07:30:00.000Z', tickMillis: 500 })).toBe(1);
    expect(secondDecimals({ startTime: '2026-02-14T07:30:00.000Z', tickMillis: 1250 })).toBe(2);
    expect(secondDecimals({ startTime: '2026-02-14T07:30:00.000Z', tickMillis: 1 })).toBe(3);
  });

  it('counts a start between whole seconds too', () => {
    expect(secondDecimals({ startTime: '2026-02-14T07:30:00.250Z', tickMillis: 60_000 })).toBe(2);
    expect(secondDecimals({ startTime: '1969-12-31T23:59:59.900Z', tickMillis: 1000 })).toBe(1);
  });
});
