import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type KeptArguments, VALUE_KEEPING_FUNCTIONS } from '../../../shared/lineage/value-keeping-functions';
import { RULES } from '../../../shared/validation/rule-catalog';

const docs = readFileSync(new URL('../../../docs/governance.md', import.meta.url), 'utf8');

/** The rules table of docs/governance.md: each rule id with the default severity it documents. */
function documentedDefaults(): Array<[string, string]> {
  return [...docs.matchAll(/^\| `([a-z-]+)` +\| (error|warning|info) +\|/gm)].map(([, id, severity]) => [
    id as string,
    severity as string,
  ]);
}

const ARGUMENTS_KEPT: Record<KeptArguments, string> = {
  first: 'its first argument',
  'first-two': 'its first two arguments',
  'first-and-third': 'its first and third arguments',
  every: 'every argument',
  'after-first': 'every argument but the first',
  'document-and-values': 'its first argument and each value after a path',
};

/** The functions table of docs/governance.md: each function with the arguments it says the result keeps. */
function documentedFunctions(): Array<[string, string]> {
  return [...docs.matchAll(/^\| `([a-z_]+)` +\| ((?:its|every) [a-z ]+?) +\|$/gm)].map(([, name, kept]) => [
    name as string,
    kept as string,
  ]);
}

describe('docs/governance.md', () => {
  it('lists every function that keeps a value, with the arguments the lineage takes it to keep', () => {
    expect(documentedFunctions()).toEqual(
      Object.entries(VALUE_KEEPING_FUNCTIONS).map(([name, kept]) => [name, ARGUMENTS_KEPT[kept]]),
    );
  });

  it('lists every rule with the default severity the rule has', () => {
    expect(documentedDefaults()).toEqual(RULES.map((rule) => [rule.id, rule.defaultSeverity]));
  });
});
