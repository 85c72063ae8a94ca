import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../renderer/simulation/format-value';

describe('formatValue', () => {
  it('shows a sum of prices as SQLite’s shell does, not with binary noise', () => {
    expect(formatValue(0.1 + 0.2)).toBe('0.3');
    expect(formatValue(675.0999999999999)).toBe('675.1');
    expect(formatValue(1 / 3)).toBe('0.333333333333333');
  });

  it('keeps integers, text and JSON as they are', () => {
    expect(formatValue(1234567890123456)).toBe('1234567890123456');
    expect(formatValue('0.1000000000000000055')).toBe('0.1000000000000000055');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });

  it('shows bytes as SQLite’s quote() writes a BLOB, not as an object of numbered bytes', () => {
    expect(formatValue(Uint8Array.of(0xca, 0xfe, 0x01))).toBe("X'CAFE01'");
    expect(formatValue(new Uint8Array())).toBe("X''");
  });
});
