import { describe, expect, it } from 'vitest';
import { patternLengths } from '../../../shared/contracts/pattern-lengths';

describe('the lengths of the values a pattern accepts', () => {
  it.each([
    ['^L[0-9]{4}-[0-9]{6}$', 12, 12],
    ['^[A-Z]{2}$', 2, 2],
    ['^[a-z]{2,5}$', 2, 5],
    ['^(?:ab|cde)$', 2, 3],
    ['^(?<country>[A-Z]{2})-(\\d{3})?$', 3, 6],
    ['^\\d{3}?$', 3, 3],
    ['^colou?r$', 5, 6],
    ['^\\u{1F600}\\x41\\u0042\\cJ\\p{L}\\.$', 6, 6],
    ['^[\\]x]{3}$', 3, 3],
    ['^\\bword\\b$', 4, 4],
    ['^é😀$', 2, 2],
    ['^(a{0}|bb)$', 0, 2],
    ['^a*?b{2}$', 2, undefined],
    ['^(ab)+$', 2, undefined],
    ['^a{3,}$', 3, undefined],
    ['[0-9]{4}', 4, undefined],
    ['^[0-9]{4}', 4, undefined],
    ['[0-9]{4}$', 4, undefined],
    ['^a|b$', 1, undefined],
    ['(^a)?b$', 1, undefined],
    ['^$', 0, 0],
    ['', 0, undefined],
  ])('reads %s as %s to %s characters', (pattern, shortest, longest) => {
    expect(patternLengths(pattern)).toEqual({ shortest, ...(longest !== undefined && { longest }) });
  });

  it.each([
    ['a backreference', '^(a)\\1$'],
    ['a named backreference', '^(?<x>a)\\k<x>$'],
    ['a lookahead', '^(?=a)a$'],
    ['a negative lookbehind', '^(?<!a)b$'],
    ['a surrogate written as an escape', '^\\uD83D\\uDE00$'],
    ['no regular expression', '^([a-z'],
  ])('gives up on %s', (_what, pattern) => {
    expect(patternLengths(pattern)).toBeUndefined();
  });
});
