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
    expect(fields.map(({ path, isItems }) => [path, isItems])).toEqual([
      ['id', false],
      ['witnesses', false],
      ['witnesses[]', true],
      ['witnesses[].staff_name', false],
      ['pharmacist', false],
      ['pharmacist.license_no', false],
    ]);
    expect(fields[3]?.property.classification).toBe('confidential');
  });

  it('reads an entry that is no mapping as an empty one, and no list as none', () => {
    expect(writtenFieldsAtEveryDepth(['oops']).map(({ path }) => path)).toEqual(['']);
    expect(writtenFieldsAtEveryDepth({ name: 'id' })).toEqual([]);
  });
});
