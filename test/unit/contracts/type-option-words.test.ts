import { describe, expect, it } from 'vitest';
import { describeTypeOptions } from '../../../shared/contracts/type-option-words';

/** The words as the preview writes them, code between backticks, a value it cannot read marked after it. */
const said = (logicalType: string, options: unknown) =>
  describeTypeOptions(logicalType, options).map(({ words, code, unreadable }) =>
    [words, code === undefined ? '' : ` \`${code}\``, unreadable === undefined ? '' : ` ⚠ ${unreadable}`].join(''),
  );

describe('a property’s logicalTypeOptions in words, for the preview', () => {
  it.each([
    ['a pattern', 'string', { pattern: '^FR[0-9]{10}$' }, ['matches `^FR[0-9]{10}$`']],
    ['a range of numbers', 'number', { minimum: 0, maximum: 40000 }, ['at least 0', 'at most 40000']],
    ['a range below zero', 'number', { minimum: -2, maximum: 12 }, ['at least -2', 'at most 12']],
    ['exclusive bounds', 'integer', { exclusiveMinimum: 0, exclusiveMaximum: 10 }, ['more than 0', 'less than 10']],
    ['a step and a width', 'integer', { multipleOf: 5, format: 'u16' }, ['a multiple of 5', 'format `u16`']],
    ['lengths', 'string', { minLength: 3, maxLength: 10 }, ['3 to 10 characters']],
    ['one length', 'string', { minLength: 14, maxLength: 14 }, ['exactly 14 characters']],
    ['a shortest length', 'string', { minLength: 1 }, ['at least 1 character']],
    ['a text format', 'string', { format: 'email' }, ['format `email`']],
    [
      'bounds of dates',
      'date',
      { minimum: '2020-01-01', exclusiveMaximum: '2030-01-01' },
      ['not before 2020-01-01', 'before 2030-01-01'],
    ],
    [
      'bounds of timestamps',
      'timestamp',
      { exclusiveMinimum: '2020-01-01T00:00:00Z', maximum: '2030-01-01T00:00:00Z' },
      ['after 2020-01-01T00:00:00Z', 'not after 2030-01-01T00:00:00Z'],
    ],
    [
      'time zones',
      'timestamp',
      { timezone: true, defaultTimezone: 'Europe/Amsterdam' },
      ['with a time zone', 'time zone when none is given `Europe/Amsterdam`'],
    ],
    ['items', 'array', { minItems: 1, maxItems: 5, uniqueItems: true }, ['1 to 5 items', 'no item twice']],
    ['most items', 'array', { maxItems: 3 }, ['at most 3 items']],
    [
      'properties of an object',
      'object',
      { minProperties: 1, maxProperties: 4, required: ['id', 'kind'] },
      ['1 to 4 properties', 'must have `id, kind`'],
    ],
    ['an option the app does not know, as written', 'string', { colour: 'blue' }, ['colour `"blue"`']],
    [
      'a length it cannot read as written, marked, beside the one it can',
      'string',
      { minLength: 2, maxLength: '120x' },
      ['at least 2 characters', 'maxLength `120x` ⚠ not a whole number ≥ 0, not read'],
    ],
    [
      'a count that is not whole, as written',
      'array',
      { maxItems: 2.5 },
      ['maxItems `2.5` ⚠ not a whole number ≥ 0, not read'],
    ],
    [
      'a bound of numbers written as text, as written',
      'integer',
      { maximum: '10k' },
      ['maximum `10k` ⚠ not a number, not read'],
    ],
    [
      'a step that is not a number, as written',
      'number',
      { multipleOf: 'five' },
      ['multipleOf `five` ⚠ not a number, not read'],
    ],
  ])('says %s', (_case, logicalType, options, words) => {
    expect(said(logicalType, options)).toEqual(words);
  });

  it('says nothing of options that are not a mapping, or that say nothing', () => {
    expect(said('string', undefined)).toEqual([]);
    expect(said('string', ['pattern'])).toEqual([]);
    expect(said('array', { uniqueItems: false })).toEqual([]);
  });
});
