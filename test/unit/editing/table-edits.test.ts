import { describe, expect, it } from 'vitest';
import {
  withColumnAdded,
  withColumnRemoved,
  withColumnRenamed,
  withPrimaryKeyToggled,
} from '../../../shared/editing/table-edits';

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
