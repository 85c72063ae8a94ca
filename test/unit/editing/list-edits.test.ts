import { describe, expect, it } from 'vitest';
import { moveBy, patched, removeAt, replaceAt, updateById } from '../../../shared/editing/list-edits';

describe('list edits', () => {
  it('replaces, removes and moves items without touching the original', () => {
    const items = ['a', 'b', 'c'] as const;
    expect(replaceAt(items, 1, 'x')).toEqual(['a', 'x', 'c']);
    expect(removeAt(items, 0)).toEqual(['b', 'c']);
    expect(moveBy(items, 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveBy(items, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(items).toEqual(['a', 'b', 'c']);
  });

  it('keeps the same list and item when an update changes nothing', () => {
    const items = [{ id: 'a', name: 'A' }];
    expect(updateById(items, 'a', (item) => patched(item, { name: 'A' }))).toBe(items);
    expect(updateById(items, 'a', (item) => patched(item, { name: 'B' }))).toEqual([{ id: 'a', name: 'B' }]);
  });
});
