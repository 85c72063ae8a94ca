/*
 * The one way the app writes CSV. Excel, where most CSV downloads are opened, reads a file
 * without a byte-order mark in the system's legacy code page (`—` shows as `â€”`), so every
 * file starts with U+FEFF; other readers (pandas, DuckDB, LibreOffice) skip it.
 */

const BYTE_ORDER_MARK = '\uFEFF';

/** Rows as CSV text: cells joined by `,`, a `\n` after each row, quoted where a cell needs it. */
export function toCsvText(rows: readonly (readonly (number | string)[])[]): string {
  return BYTE_ORDER_MARK + rows.map((row) => `${row.map(csvCell).join(',')}\n`).join('');
}

function csvCell(value: number | string): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
