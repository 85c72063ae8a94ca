import type { ExactSqlValue, SqlValue } from './sql-workspace';

/**
 * A value of a query's result as the SQL console shows it, read with INTEGERs as bigint: an
 * INTEGER exactly (as text beyond 2^53, where a number would round it); a REAL that a number would
 * show as an integer in SQLite shell's notation (`1.0`, `9.22337203685478e+18`), so it cannot pass
 * for an exact INTEGER; anything else as it is.
 */
export function queryCell(value: ExactSqlValue): SqlValue {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (typeof value !== 'number' || !Number.isInteger(value)) return value;
  if (Math.abs(value) < 1e15) return value.toFixed(1);
  // 15 significant digits, as SQLite's shell prints a REAL; trailing zeros go, one stays.
  return value.toPrecision(15).replace(/\.?0*e/, (zeros) => (zeros.startsWith('.') ? '.0e' : 'e'));
}
