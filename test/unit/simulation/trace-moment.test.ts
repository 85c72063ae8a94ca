import { describe, expect, it } from 'vitest';
import { traceMomentText } from '../../../renderer/simulation/trace-moment';

const readAt = { tick: 8, time: '2026-03-01T09:08:00.000Z' };

describe('the moment a trace stage shows', () => {
  it('says a table read at the run’s tick is as it is now', () => {
    expect(traceMomentText({ kind: 'now' }, readAt, 8)).toBe('Now, at tick 8 (2026-03-01T09:08:00.000Z)');
  });

  it('says as of which tick a table was read once the run has moved on, and where the run is', () => {
    expect(traceMomentText({ kind: 'now' }, readAt, 10)).toBe(
      'As of tick 8 (2026-03-01T09:08:00.000Z) — the run is at tick 10',
    );
  });

  it('keeps the moment a record names, whatever the run’s tick', () => {
    expect(traceMomentText({ kind: 'recorded', text: 'Published at 2026-03-01T09:05:00.000Z' }, readAt, 10)).toBe(
      'Published at 2026-03-01T09:05:00.000Z',
    );
  });
});
