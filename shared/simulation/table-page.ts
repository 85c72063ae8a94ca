import { quoteIdentifier } from './sql-text';

export interface TableSort {
  column: string;
  descending: boolean;
}

/** One page of a table as a read-only query: sorted by a column when asked, else in insertion order. */
export function tablePageSql(table: string, page: { offset: number; limit: number; sort?: TableSort }): string {
  const order = page.sort
    ? `${quoteIdentifier(page.sort.column)} ${page.sort.descending ? 'DESC' : 'ASC'}, rowid`
    : 'rowid';
  return `SELECT * FROM ${quoteIdentifier(table)} ORDER BY ${order} LIMIT ${Math.max(0, Math.floor(page.limit))} OFFSET ${Math.max(0, Math.floor(page.offset))}`;
}
