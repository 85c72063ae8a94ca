import { describe, expect, it } from 'vitest';
import type { ContractChange } from '../../../shared/contracts/breaking-changes';
import { changeWithoutValues } from '../../../shared/contracts/change-without-values';

const aChange = (message: string): ContractChange => ({
  kind: 'field-changed',
  isBreaking: false,
  subject: 'batches.oven_code',
  message,
});

describe('a change without its values, as the Diff view names it in its header', () => {
  it.each([
    ["pattern changed from '^OV-[0-9]{2}$' to '^TO-[0-9]{2}$'", 'pattern changed'],
    ['physicalType narrowed from varchar(16) to varchar(12)', 'physicalType narrowed'],
    ['minItems set to 4', 'minItems set'],
    ['maxLength removed (was 40)', 'maxLength removed'],
    ['relationship to ovens.code added', 'relationship to ovens.code added'],
    ['field removed', 'field removed'],
  ])('says %s as %s', (message, words) => {
    expect(changeWithoutValues(aChange(message))).toBe(words);
  });
});
