import { describe, expect, it } from 'vitest';
import { writtenFieldsAtEveryDepth } from '../../../shared/contracts/written-fields';

describe('the fields a contract writes, at every depth', () => {
  it("names an object's fields and an array's items by their path, parents first", () => {
    const fields = writtenFieldsAtEveryDepth([
      { name: 'id', logicalType: 'string' },
      {
        name: 'witnesses',
        logicalType: 'array',
        items: { logicalType: 'object', properties: [{ name: 'staff_name', classification: 'confidential' }] },
      },
      { name: 'pharmacist', logicalType: 'object', properties: [{ name: 'license_no' }] },
    ]);
    expect(fields.map(({ path, isUnnamedPart }) => [path, isUnnamedPart])).toEqual([
      ['id', false],
      ['witnesses', false],
      ['witnesses[]', true],
      ['witnesses[].staff_name', false],
      ['pharmacist', false],
      ['pharmacist.license_no', false],
    ]);
    expect(fields[3]?.property.classification).toBe('confidential');
  });

  it("names a v3.2.0 map's key and values as the contract checks do, and the fields of its values", () => {
    const fields = writtenFieldsAtEveryDepth([
      {
        name: 'labels',
        logicalType: 'map',
        map: {
          key: { logicalType: 'string' },
          value: { logicalType: 'object', properties: [{ name: 'printed_at', logicalType: 'timestamp' }] },
        },
      },
    ]);
    expect(fields.map(({ path, isUnnamedPart }) => [path, isUnnamedPart])).toEqual([
      ['labels', false],
      ['labels{key}', true],
      ['labels{value}', true],
      ['labels{value}.printed_at', false],
    ]);
  });

  it('reads an entry that is no mapping as an empty one, and no list as none', () => {
    expect(writtenFieldsAtEveryDepth(['oops']).map(({ path }) => path)).toEqual(['']);
    expect(writtenFieldsAtEveryDepth({ name: 'id' })).toEqual([]);
  });
});
