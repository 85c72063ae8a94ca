import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ODCS_SCHEMAS,
  odcsValidatorSource,
  type PrecompiledVersion,
  validatorFile,
} from '../../../scripts/build-odcs-validator';

const VERSIONS = Object.keys(ODCS_SCHEMAS) as PrecompiledVersion[];

describe('the precompiled ODCS validators', () => {
  it.each(VERSIONS)(
    '%s is up to date with the official schema (run `npm run odcs-validator` after changing it)',
    (version) => {
      expect(readFileSync(validatorFile(version), 'utf8')).toBe(odcsValidatorSource(version));
    },
  );

  it.each(VERSIONS)('%s generates no code at run time, so it works under the app CSP', (version) => {
    const source = readFileSync(validatorFile(version), 'utf8');
    expect(source).not.toMatch(/new Function|\beval\(|require\(/);
  });
});
