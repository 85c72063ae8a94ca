import type { ExactSqlValue } from './sql-workspace';

/**
 * A value of a query's result, read with INTEGERs as bigint: an INTEGER exactly (a bigint beyond
 * 2^53, where a number would round it, as the run's records hold it); a REAL past 2^53, whose
 * digits a number would print as an exact-looking integer (9223372036854776000), in SQLite
 * shell's notation (`9.22337203685478e+18`); an overflowed REAL as the shell prints it (`Inf`,
 * `-Inf`; SQLite gives NULL, never NaN); anything else as it is, so results stay numbers where
 * they are exact.
 */
export function queryCell(value: ExactSqlValue): ExactSqlValue {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (typeof value !== 'number' || Math.abs(value) <= Number.MAX_SAFE_INTEGER) return value;
  if (!Number.isFinite(value)) return value > 0 ? 'Inf' : '-Inf';
  // 15 significant digits, as SQLite's shell prints a REAL; trailing zeros go, one stays.
  return value.toPrecision(15).replace(/\.?0*e/, (zeros) => (zeros.startsWith('.') ? '.0e' : 'e'));
}
