import { describe, expect, it } from 'vitest';
import { pausePointAt } from '../../../renderer/simulation/pause-point';

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
