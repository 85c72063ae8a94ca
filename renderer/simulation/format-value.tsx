/**
 * A value as a cell shows it: null stands out, bytes as an SQL blob literal (`X'CAFE'`, as SQLite's
 * `quote()` writes them), objects as compact JSON, fractions to 15 significant digits as SQLite's
 * own shell prints them (675.1, not 675.0999999999999).
 */
export function formatValue(value: unknown) {
  if (value === null || value === undefined) return <span className="null">null</span>;
  if (value instanceof Uint8Array) return `X'${Array.from(value, hexByte).join('')}'`;
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'number' && !Number.isInteger(value)) return String(Number(value.toPrecision(15)));
  return String(value);
}

function hexByte(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
