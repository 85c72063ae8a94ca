import { describe, expect, it } from 'vitest';
import { memoizedOn } from '../../../shared/editing/memo';

describe('memoizedOn', () => {
  it('computes once for the same objects, again when any of them is another', () => {
    let calls = 0;
    const sum = memoizedOn((a: number[], b: number[]) => {
      calls += 1;
      return [...a, ...b].reduce((total, value) => total + value, 0);
    });
    const a = [1, 2];
    const b = [3];
    expect(sum(a, b)).toBe(6);
    expect(sum(a, b)).toBe(6);
    expect(calls).toBe(1);
    expect(sum(a, [4])).toBe(7);
    expect(calls).toBe(2);
  });
});
