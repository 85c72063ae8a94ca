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
    expect(pauseTickProblem('5', 0)).toBeNull();
    expect(pauseTickProblem('1', 0)).toBeNull();
  });

  it.each(['-5', '0', '2.5', '1e3'])('refuses %j with the field’s name and what was typed', (typed) => {
    expect(pauseTickProblem(typed, 0)).toBe(`Pause at tick must be a whole number, at least 1 (got '${typed}')`);
  });

  it('refuses a tick too large to count to, naming the largest it takes', () => {
    expect(pauseTickProblem('99999999999999999999', 0)).toBe(
      "Pause at tick must be at most 9007199254740991 (got '99999999999999999999')",
    );
  });

  it('refuses a tick the run has reached or passed, saying where the run is', () => {
    const refusal = "Pause at tick must be later than the run's tick: the run is already at tick 120";
    expect(pauseTickProblem('119', 120)).toBe(`${refusal} (got '119')`);
    expect(pauseTickProblem('120', 120)).toBe(`${refusal} (got '120')`);
    expect(pauseTickProblem('121', 120)).toBeNull();
  });
});
