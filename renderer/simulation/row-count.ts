import { inNumber } from '../../shared/model/word-list';

/** A number of rows as the grids and the SQL console write it: `1 row`, `12,480 rows`. */
export function rowCount(count: number): string {
  return `${count.toLocaleString('en')} ${inNumber(count, 'row')}`;
}
