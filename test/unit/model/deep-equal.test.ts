import { describe, expect, it } from 'vitest';
import { isDeepEqual } from '../../../shared/model/deep-equal';

describe('deep equality', () => {
  it('ignores the order of object keys and undefined members', () => {
    expect(isDeepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(true);
  });

  it('tells different values, lengths and shapes apart', () => {
    expect(isDeepEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(isDeepEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(isDeepEqual([], {})).toBe(false);
    expect(isDeepEqual({ a: null }, { a: {} })).toBe(false);
    expect(isDeepEqual({ a: 1 }, { b: 1 })).toBe(false);
  });
});
