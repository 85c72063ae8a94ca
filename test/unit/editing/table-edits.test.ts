import { describe, expect, it } from 'vitest';
import {
  withColumnAdded,
  withColumnRemoved,
  withColumnRenamed,
  withColumnUpdated,
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

describe('a numeric column’s digits, edited', () => {
  const prices = {
    name: 'prices',
    columns: [{ name: 'amount', type: 'numeric' as const, nullable: false, precision: 10, scale: 2 }],
    primaryKey: [],
  };
  const amountOf = (table: typeof prices) => table.columns[0];

  it('drops the precision and scale of a column made another type', () => {
    expect(amountOf(withColumnUpdated(prices, 'amount', { type: 'real' }))).toEqual({
      name: 'amount',
      type: 'real',
      nullable: false,
    });
  });

  it('drops the scale with the precision, and lowers a scale above a new precision to it', () => {
    expect(amountOf(withColumnUpdated(prices, 'amount', { precision: undefined }))).toEqual({
      name: 'amount',
      type: 'numeric',
      nullable: false,
    });
    expect(amountOf(withColumnUpdated(prices, 'amount', { precision: 1 }))).toMatchObject({ precision: 1, scale: 1 });
  });
});
