import { describe, expect, it } from 'vitest';
import { readPattern } from '../../../shared/simulation/pattern-text';
import { seededRandom } from '../../../shared/simulation/seeded-random';

function textsFor(pattern: string, count = 50): string[] {
  const reading = readPattern(pattern);
  if (!reading.ok) throw new Error(reading.reason);
  const random = seededRandom(7, pattern);
  return Array.from({ length: count }, () => reading.text(random));
}

describe('text made to match a contract’s pattern', () => {
  it.each([
    '^[A-Z]{3}$',
    '^[A-Z]{2}\\d{3,5}$',
    '^\\w+@example\\.com$',
    '^(NL|BE|DE)-[0-9]{4}$',
    '^(?:ORD|INV)_\\d{2,}[a-z]?$',
    '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,3}$',
    '^\\+\\d{1,3} \\d{6,10}$',
    'SKU-\\d{4}',
    '^[A-Za-z0-9._-]*$',
    '^.{3,8}$',
    '^[^]{2}[-a][a-]$',
    '^\\x41[\\u0042-\\u0044]\\.\\D\\W\\S$',
  ])('matches %s', (pattern) => {
    for (const text of textsFor(pattern)) expect(text).toMatch(new RegExp(pattern, 'u'));
  });

  it('draws the same texts from the same seed, and differing ones', () => {
    const texts = textsFor('^[A-Z]{2}\\d{4}$');
    expect(texts).toEqual(textsFor('^[A-Z]{2}\\d{4}$'));
    expect(new Set(texts).size).toBeGreaterThan(40);
  });

  it.each([
    ['^(?=.*\\d)[a-z\\d]{8}$', 'it has a lookaround or a named group'],
    ['^(a)\\1$', 'it has \\1'],
    ['^\\bword$', 'it has \\b'],
    ['^\\p{L}+$', 'it has \\p'],
    ['^a$|^b$', 'it has a $ before its end'],
    ['[', 'it is not a valid regular expression'],
    ['^[]$', 'it has a class no printable character matches'],
  ])('refuses %s, saying why', (pattern, reason) => {
    expect(readPattern(pattern)).toEqual({ ok: false, reason });
  });
});
