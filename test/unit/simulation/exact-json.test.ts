import { describe, expect, it } from 'vitest';
import { exactJsonText, parseExactJson } from '../../../shared/simulation/exact-json';

/*
 * Hand-checked: 2^53 is 9,007,199,254,740,992. A double near 1.77e18 is a multiple of 256, so
 * 1772488919123456700 (2026-03-02T22:01:59.1234567Z in ns: 20514 days × 86,400 s + 79,319 s)
 * rounds to 1772488919123456768, which JavaScript prints 1772488919123456800.
 */
const NANOS = '1772488919123456700';

describe('JSON with integers past 2^53', () => {
  it('reads an integer a number would print otherwise as a bigint of its exact digits', () => {
    expect(parseExactJson(`{"after":{"tested_at":${NANOS},"id":7},"ts_ns":1772488920000000000}`)).toEqual({
      after: { tested_at: 1772488919123456700n, id: 7 },
      // A number prints these digits back: it stays one.
      ts_ns: 1772488920000000000,
    });
    expect(parseExactJson(`[-${NANOS}, 9007199254740993, 9007199254740992]`)).toEqual([
      -1772488919123456700n,
      9007199254740993n,
      9007199254740992,
    ]);
  });

  it('reads everything else as JSON.parse does', () => {
    const text =
      ' { "s" : "a \\" \\\\ \\u00e9 1234567890123456789" , "f" : 1.5e3, "z": -0, "b": [true, false, null, {}, []],' +
      ' "__proto__": 1, "n": 1, "n": 2, "e": 12345678901234567890e0, "d": 12345678901234567.5 }';
    expect(parseExactJson(text)).toStrictEqual(JSON.parse(text));
    expect(Object.keys(parseExactJson(text) as object)).toEqual(Object.keys(JSON.parse(text)));
  });

  it('refuses what is no JSON, as JSON.parse does', () => {
    for (const text of ['{"a":1234567890123456789,}', '[1234567890123456789', '1234567890123456789 x', '{"a" 1}'])
      expect(() => parseExactJson(text), text).toThrow(SyntaxError);
  });

  it('writes a bigint as its digits, everything else as JSON.stringify does', () => {
    expect(exactJsonText({ tested_at: 1772488919123456700n })).toBe(`{"tested_at":${NANOS}}`);
    const value = { a: [1, undefined, 'x', { b: null, c: undefined }], d: {}, e: [], f: new Date(0), g: -0 };
    expect(exactJsonText(value)).toBe(JSON.stringify(value));
    expect(exactJsonText(value, 2)).toBe(JSON.stringify(value, null, 2));
    expect(exactJsonText([[1n], { x: 2n }], 2)).toBe('[\n  [\n    1\n  ],\n  {\n    "x": 2\n  }\n]');
  });
});
