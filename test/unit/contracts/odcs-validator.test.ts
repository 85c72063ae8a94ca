import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { odcsValidatorSource, VALIDATOR_FILE } from '../../../scripts/build-odcs-validator';

describe('the precompiled ODCS validator', () => {
  it('is up to date with the official schema (run `npm run odcs-validator` after changing it)', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(odcsValidatorSource());
  });

  it('generates no code at run time, so it works under the app CSP', () => {
    const source = readFileSync(VALIDATOR_FILE, 'utf8');
    expect(source).not.toMatch(/new Function|\beval\(|require\(/);
  });
});
