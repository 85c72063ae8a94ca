import { describe, expect, it } from 'vitest';
import { seedProblem } from '../../../shared/simulation/run-seed';

describe('a seed as typed, in the run bar or after simulate --seed', () => {
  it.each(['-1', '0', '42', '9007199254740991', '-9007199254740991'])('takes %j', (text) => {
    expect(seedProblem(text)).toBeNull();
  });

  it.each([
    ['', "must be a whole number between -9007199254740991 and 9007199254740991 (got '')"],
    ['-', "must be a whole number between -9007199254740991 and 9007199254740991 (got '-')"],
    [
      '9007199254740993',
      "must be a whole number between -9007199254740991 and 9007199254740991 (got '9007199254740993')",
    ],
    ['1.5', "must be a whole number between -9007199254740991 and 9007199254740991 (got '1.5')"],
    ['0x10', "takes plain decimal digits, such as 16 (got '0x10')"],
    [' 5', "takes plain decimal digits, such as 5 (got ' 5')"],
  ])('refuses %j: it %s', (text, problem) => {
    expect(seedProblem(text)).toBe(problem);
  });
});
