import { describe, expect, it } from 'vitest';
import { keyFilterExample } from '../../../shared/simulation/key-filter-example';

describe('the example in the message browser’s key filter', () => {
  it('shows a key the topic holds: one of its values, or the whole key', () => {
    expect(keyFilterExample({ ticket_id: 100005 })).toBe('100005, or {"ticket_id":100005}');
  });

  it('shows a key that is one value as that value', () => {
    expect(keyFilterExample('abc')).toBe('abc');
  });

  it('names no field of another design when the topic holds no key yet', () => {
    expect(keyFilterExample(undefined)).toBe('a key value, or the whole key as JSON');
    expect(keyFilterExample(null)).toBe('a key value, or the whole key as JSON');
  });
});
