import { describe, expect, it } from 'vitest';
import { isBlank } from '../../../shared/model/blank-text';

describe('blank text', () => {
  it.each([
    ['nothing', ''],
    ['spaces', '   '],
    ['a zero-width space', '\u200b'],
    ['a byte-order mark', '\ufeff'],
    ['a word joiner', '\u2060'],
    ['a Mongolian vowel separator', '\u180e'],
    ['a no-break and an ideographic space', '\u00a0\u3000'],
    ['line and paragraph separators, a tab', '\u2028\u2029\t'],
    ['a soft hyphen and a bidi mark', '\u00ad\u200e'],
  ])('counts %s as blank', (_, text) => {
    expect(isBlank(text)).toBe(true);
  });

  it('counts no text as blank', () => {
    expect(isBlank(undefined)).toBe(true);
  });

  it.each(['team-a', '\u200bteam', 'é', '数据'])('counts %j as a name', (text) => {
    expect(isBlank(text)).toBe(false);
  });
});
