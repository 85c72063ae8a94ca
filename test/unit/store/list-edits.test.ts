import { describe, expect, it } from 'vitest';
import { moveBy, patched, removeAt, replaceAt, updateById } from '../../../renderer/store/list-edits';
import {
  withColumnAdded,
  withColumnRemoved,
  withColumnRenamed,
  withPrimaryKeyToggled,
} from '../../../renderer/store/table-edits';

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

describe('table edits', () => {
  const table = {
    name: 'orders',
    columns: [{ name: 'id', type: 'integer' as const, nullable: false }],
    primaryKey: ['id'],
  };

  it('renames a column in the primary key too', () => {
    expect(withColumnRenamed(table, 'id', 'order_id').primaryKey).toEqual(['order_id']);
  });

  it('removes a column from the primary key too', () => {
    expect(withColumnRemoved(table, 'id')).toEqual({ name: 'orders', columns: [], primaryKey: [] });
  });

  it('adds a nullable text column with a free name and toggles key membership', () => {
    const withColumn = withColumnAdded(withColumnAdded(table));
    expect(withColumn.columns.map((column) => column.name)).toEqual(['id', 'column', 'column_2']);
    expect(withPrimaryKeyToggled(withPrimaryKeyToggled(table, 'id'), 'id').primaryKey).toEqual(['id']);
    expect(withPrimaryKeyToggled(table, 'id').primaryKey).toEqual([]);
  });
});
