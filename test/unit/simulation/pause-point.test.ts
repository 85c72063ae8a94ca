import { describe, expect, it } from 'vitest';
import { pausePointAt, pauseTickProblem } from '../../../renderer/simulation/pause-point';

describe('the pause point once the run is at a tick', () => {
  it('is spent when the run reached it', () => {
    expect(pausePointAt(5, 5)).toBeNull();
  });

  it('is spent when a step went past it', () => {
    expect(pausePointAt(5, 6)).toBeNull();
  });

  it('stays while it is still ahead', () => {
    expect(pausePointAt(5, 4)).toBe(5);
  });

  it('stays unset when none was set', () => {
    expect(pausePointAt(null, 3)).toBeNull();
  });
});

describe('the pause point typed in the run bar', () => {
  it('takes a whole number of 1 or more', () => {
    expect(pauseTickProblem('5')).toBeNull();
    expect(pauseTickProblem('1')).toBeNull();
  });

  it.each(['-5', '0', '2.5', '1e3'])('refuses %j with the field’s name and what was typed', (typed) => {
    expect(pauseTickProblem(typed)).toBe(`Pause at tick must be a whole number, at least 1 (got '${typed}')`);
  });
});
