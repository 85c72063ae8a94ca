import { describe, expect, it } from 'vitest';
import { asOneLine } from '../../../cli/one-line-writes';

describe('a printed line', () => {
  it('escapes C0 and C1 controls and line separators as JSON writes them', () => {
    expect(asOneLine('a\nb\r\tc\u0000\u001b[31m\u007f\u0085\u2028')).toBe(
      'a\\nb\\r\\tc\\u0000\\u001b[31m\\u007f\\u0085\\u2028',
    );
  });

  it('keeps the bidi isolates a right-to-left name is shown in', () => {
    expect(asOneLine("Product '\u2068מוזיאון\u2069' has no owner.")).toBe(
      "Product '\u2068מוזיאון\u2069' has no owner.",
    );
  });
});
