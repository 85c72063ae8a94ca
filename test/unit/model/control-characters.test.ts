import { describe, expect, it } from 'vitest';
import { controlsAndReorderingEscaped, controlsEscaped, everyControlEscaped } from '../../../shared/model';

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

  it('escapes the bidirectional embeddings, overrides, marks and LRI/RLI, which reorder the text after them', () => {
    expect(controlsAndReorderingEscaped('T\u202eitle \u202a\u202b\u202c\u202d \u2066\u2067 \u200e\u200f\u061c')).toBe(
      'T\\u202eitle \\u202a\\u202b\\u202c\\u202d \\u2066\\u2067 \\u200e\\u200f\\u061c',
    );
  });

  it('escapes the first-strong isolate and its pop too, where the text holds no isolated name of the app', () => {
    expect(everyControlEscaped('a\u2068b\u2069\u202e\n')).toBe('a\\u2068b\\u2069\\u202e\\n');
  });
});
