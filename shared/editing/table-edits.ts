import { type Column, firstFreeName, type Table } from '../model';

/** A new table starts with a key column, as every CDC-captured table needs one. */
export function newTable(existing: readonly Table[]): Table {
  const name = firstFreeName(
    'table',
    existing.map((table) => table.name),
    '_',
  );
  return { name, columns: [{ name: 'id', type: 'integer', nullable: false }], primaryKey: ['id'] };
}

export function withColumnAdded<T extends Table>(table: T): T {
  const name = firstFreeName(
    'column',
    table.columns.map((column) => column.name),
    '_',
  );
  return { ...table, columns: [...table.columns, { name, type: 'text', nullable: true }] };
}

/** Renames a column and its place in the primary key. */
export function withColumnRenamed<T extends Table>(table: T, from: string, to: string): T {
  return {
    ...table,
    columns: table.columns.map((column) => (column.name === from ? { ...column, name: to } : column)),
    primaryKey: table.primaryKey.map((key) => (key === from ? to : key)),
  };
}

export function withColumnRemoved<T extends Table>(table: T, name: string): T {
  return {
    ...table,
    columns: table.columns.filter((column) => column.name !== name),
    primaryKey: table.primaryKey.filter((key) => key !== name),
  };
}

/** Updates a column's fields, keeping its precision and scale valid: dropped off a column no longer numeric, the scale with the precision, a scale above the precision lowered to it. */
export function withColumnUpdated<T extends Table>(table: T, name: string, fields: Partial<Omit<Column, 'name'>>): T {
  return {
    ...table,
    columns: table.columns.map((column) =>
      column.name === name ? withDigitsKeptValid({ ...column, ...fields }) : column,
    ),
  };
}

function withDigitsKeptValid(column: Column): Column {
  const { precision, scale, ...rest } = column;
  if (column.type !== 'numeric' || precision === undefined) return rest;
  return scale === undefined ? { ...rest, precision } : { ...rest, precision, scale: Math.min(scale, precision) };
}

export function withPrimaryKeyToggled<T extends Table>(table: T, column: string): T {
  const primaryKey = table.primaryKey.includes(column)
    ? table.primaryKey.filter((key) => key !== column)
    : [...table.primaryKey, column];
  return { ...table, primaryKey };
}
