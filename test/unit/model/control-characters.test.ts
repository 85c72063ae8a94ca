import { describe, expect, it } from 'vitest';
import { controlsEscaped } from '../../../shared/model';

describe('text with its control characters escaped', () => {
  it('escapes C0 and C1 controls and line separators as JSON writes them', () => {
    expect(controlsEscaped('a\nb\r\tc\u0000\u001b[31m\u007f\u0085\u2028')).toBe(
      'a\\nb\\r\\tc\\u0000\\u001b[31m\\u007f\\u0085\\u2028',
    );
  });

  it('keeps the bidi isolates a right-to-left name is shown in', () => {
    expect(controlsEscaped("Product '\u2068מוזיאון\u2069' has no owner.")).toBe(
      "Product '\u2068מוזיאון\u2069' has no owner.",
    );
  });
});
