import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../shared/validation/rule-catalog';

const docs = readFileSync(new URL('../../../docs/governance.md', import.meta.url), 'utf8');

/** The rules table of docs/governance.md: each rule id with the default severity it documents. */
function documentedDefaults(): Array<[string, string]> {
  return [...docs.matchAll(/^\| `([a-z-]+)` +\| (error|warning|info) +\|/gm)].map(([, id, severity]) => [
    id as string,
    severity as string,
  ]);
}

describe('docs/governance.md', () => {
  it('lists every rule with the default severity the rule has', () => {
    expect(documentedDefaults()).toEqual(RULES.map((rule) => [rule.id, rule.defaultSeverity]));
  });
});
