import { describe, expect, it } from 'vitest';
import { fieldConstraintWords, fieldTypeWords } from '../../../shared/contracts/field-words';

/** Each part of a field's constraints on a line, what is shown as written in backquotes. */
function said(property: Record<string, unknown>): string[] {
  return fieldConstraintWords(property).map(
    ({ label, constraints }) =>
      `${label ? `${label}: ` : ''}${constraints
        .map(({ words, code }) => [words, code === undefined ? '' : `\`${code}\``].filter(Boolean).join(' '))
        .join(', ')}`,
  );
}

describe('how the Preview words a field', () => {
  it('says each v3.2.0 enum value with its label and description, where the contract gives them', () => {
    const property = {
      logicalType: 'string',
      enum: [
        { value: 'D', label: 'Delivered', description: 'Handed to the recipient.' },
        { value: 'R', label: 'Returned' },
        { value: 'H', description: 'Held at the depot.' },
        { value: 'X' },
      ],
    };
    expect(said(property)).toEqual([
      'one of: D (Delivered — Handed to the recipient.), R (Returned), H (Held at the depot.), X',
    ]);
  });

  it("says an invalidValues rule's valid values where no enum is written", () => {
    expect(said({ quality: [{ metric: 'invalidValues', arguments: { validValues: [1, 2, 3] }, mustBe: 0 }] })).toEqual([
      'one of: 1, 2, 3',
    ]);
  });

  it("types a v3.2.0 map by its key and values, and says each one's options", () => {
    const property = {
      logicalType: 'map',
      map: {
        key: { logicalType: 'string', logicalTypeOptions: { maxLength: 12 } },
        value: { logicalType: 'number', logicalTypeOptions: { minimum: 0 } },
      },
    };
    expect(fieldTypeWords(property)).toBe('map of string → number');
    expect(said(property)).toEqual(['key: at most 12 characters', 'value: at least 0']);
  });

  it("says a field's own type as written, and an untyped map part as such", () => {
    expect(fieldTypeWords({ logicalType: 'integer' })).toBe('integer');
    expect(fieldTypeWords({})).toBe('');
    expect(fieldTypeWords({ logicalType: 'map', map: { key: { logicalType: 'string' } } })).toBe(
      'map of string → untyped',
    );
  });

  it("says an array's items' options", () => {
    expect(
      said({ logicalType: 'array', items: { logicalType: 'string', logicalTypeOptions: { minLength: 2 } } }),
    ).toEqual(['each item: at least 2 characters']);
  });
});
