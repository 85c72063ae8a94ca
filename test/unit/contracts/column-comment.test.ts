import { describe, expect, it } from 'vitest';
import { columnCommentText, readColumnComment } from '../../../shared/contracts/column-comment';
import { importContractSource } from '../../../shared/contracts/import';
import { aProperty } from './builders';

describe("a SQL column's comment", () => {
  it('reads back the description and the classification the export wrote into it', () => {
    for (const property of [
      aProperty('dob', 'date', { description: 'Date of birth (as given)', classification: 'restricted' }),
      aProperty('email', 'string', { classification: 'confidential' }),
      aProperty('note', 'string', { description: 'Free text' }),
    ]) {
      const text = columnCommentText(property);
      expect(readColumnComment(text), text).toEqual({
        ...(property.description && { description: property.description }),
        ...(property.classification && { classification: property.classification }),
      });
    }
  });

  it('writes the classifications of nested fields apart, and reads them back apart from the column’s own', () => {
    const wind = aProperty('wind', 'object', {
      description: 'Wind at 10 m',
      classification: 'internal',
      extensions: {
        properties: [
          { name: 'speed_ms', logicalType: 'number', classification: 'restricted' },
          {
            name: 'gusts',
            logicalType: 'array',
            items: { properties: [{ name: 'code', classification: 'confidential' }] },
          },
        ],
      },
    });
    const text = columnCommentText(wind);
    expect(text).toBe(
      'Wind at 10 m (classification: internal) (nested classifications: wind.speed_ms: restricted; wind.gusts[].code: confidential)',
    );
    expect(readColumnComment(text)).toEqual({
      description: 'Wind at 10 m',
      classification: 'internal',
      nestedClassifications: [
        { path: 'wind.speed_ms', classification: 'restricted' },
        { path: 'wind.gusts[].code', classification: 'confidential' },
      ],
    });
    const unclassified = { ...wind, description: undefined, classification: undefined };
    expect(readColumnComment(columnCommentText(unclassified))).toEqual({
      nestedClassifications: [
        { path: 'wind.speed_ms', classification: 'restricted' },
        { path: 'wind.gusts[].code', classification: 'confidential' },
      ],
    });
  });

  it('leaves a comment of its own words as the description, parentheses and all', () => {
    expect(readColumnComment('Amount (classification pending)')).toEqual({
      description: 'Amount (classification pending)',
    });
    expect(readColumnComment('see classification: restricted (v2)')).toEqual({
      description: 'see classification: restricted (v2)',
    });
    expect(readColumnComment('Wind (nested classifications pending)')).toEqual({
      description: 'Wind (nested classifications pending)',
    });
    expect(readColumnComment(undefined)).toEqual({});
  });

  it('gives an imported column the classification its exported comment names', () => {
    const imported = importContractSource(
      'patients.sql',
      [
        'CREATE TABLE patients (nhs_number text NOT NULL, born date);',
        "COMMENT ON COLUMN patients.nhs_number IS 'NHS number (classification: restricted)';",
        "COMMENT ON COLUMN patients.born IS 'classification: confidential';",
      ].join('\n'),
    );
    if (!imported.ok) throw new Error(JSON.stringify(imported));
    const properties = imported.contract.schema[0]?.properties ?? [];
    expect(properties.map(({ name, description, classification }) => ({ name, description, classification }))).toEqual([
      { name: 'nhs_number', description: 'NHS number', classification: 'restricted' },
      { name: 'born', description: undefined, classification: 'confidential' },
    ]);
  });
});
