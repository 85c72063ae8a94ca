import { exactJsonText } from './exact-json';

/**
 * A value as the trace and the inspector's cells show it: bytes as an SQL blob literal (`X'CAFE'`,
 * as SQLite's `quote()` writes them), objects as compact JSON, fractions to 15 significant digits
 * as SQLite's own shell prints them (675.1, not 675.0999999999999).
 */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Uint8Array) return `X'${Array.from(value, hexByte).join('')}'`;
  if (typeof value === 'object') return exactJsonText(value);
  if (typeof value === 'number' && !Number.isInteger(value)) return String(Number(value.toPrecision(15)));
  return String(value);
}

/** What a field held before a change, as the trace writes it ahead of its new value: `2 → ` for `2 → 902`. */
export function changedFromText(oldValue: unknown): string {
  return `${valueText(oldValue)} → `;
}

function hexByte(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
