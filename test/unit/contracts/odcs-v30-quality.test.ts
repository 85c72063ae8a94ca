import { describe, expect, it } from 'vitest';
import { upgradeToLatest } from '../../../shared/contracts/contract-edits';
import { parseOdcsYaml } from '../../../shared/contracts/odcs-yaml';
import { checkContractYaml } from '../../../shared/contracts/semantic-checks';
import { formatLocatedProblem } from '../../../shared/contracts/yaml-source';

/** A v3.0.2 contract whose one property carries these quality rules (YAML lines at the rules' indent). */
function aV302ContractWithRules(rules: string): string {
  return `apiVersion: v3.0.2
kind: DataContract
id: language-pairs
name: Language pairs
version: 1.0.0
status: active
schema:
  - name: language_pairs
    properties:
      - name: pair_id
        logicalType: string
        primaryKey: true
        required: true
        quality:
${rules
  .split('\n')
  .map((line) => `          ${line}`)
  .join('\n')}
`;
}

const readContract = (text: string) => {
  const parsed = parseOdcsYaml(text);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatLocatedProblem).join('\n'));
  return parsed.value;
};

describe('ODCS v3.0.x library quality rules', () => {
  it('accepts a v3.0.2 library rule named by `rule`, and reads it as the v3.1.0 metric it became', () => {
    const contract = readContract(aV302ContractWithRules('- type: library\n  rule: duplicateCount\n  mustBe: 0'));
    expect(contract.schema[0]?.properties[0]?.quality).toEqual([
      { type: 'library', metric: 'duplicateValues', mustBe: 0 },
    ]);
  });

  it("moves a v3.0.2 rule's own fields (validValues) into the v3.1.0 arguments", () => {
    const contract = readContract(
      aV302ContractWithRules("- rule: validValues\n  validValues: ['EUR', 'USD']\n  mustBe: 0"),
    );
    expect(contract.schema[0]?.properties[0]?.enum).toEqual(['EUR', 'USD']);
  });

  it('accepts a library rule without a threshold, with a warning that it checks nothing', () => {
    const text = aV302ContractWithRules("- type: library\n  rule: invalidValues\n  validValues: ['EUR']");
    const findings = checkContractYaml(text);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(findings).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        path: 'schema[0].properties[0].quality[0]',
        message: expect.stringContaining('no threshold'),
      }),
    );
  });

  it('keeps a rule name v3.1.0 has no metric for as written, with a warning', () => {
    const text = aV302ContractWithRules('- rule: countCheck\n  mustBeGreaterThan: 0');
    const findings = checkContractYaml(text);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(findings).toContainEqual(
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining("'countCheck'") }),
    );
    expect(readContract(text).schema[0]?.properties[0]?.quality?.[0]?.extensions).toEqual({ rule: 'countCheck' });
  });

  it('still refuses what v3.0.2 refuses: a library rule with no rule at all', () => {
    const parsed = parseOdcsYaml(aV302ContractWithRules('- type: library\n  mustBe: 0'));
    expect(parsed.ok).toBe(false);
  });

  it('points at the v3.0.2 field when its value is wrong', () => {
    const parsed = parseOdcsYaml(aV302ContractWithRules('- rule: duplicateCount\n  mustBe: 0\n  dimension: speed'));
    expect(parsed.ok ? [] : parsed.errors.map((error) => error.path)).toEqual([
      'schema[0].properties[0].quality[0].dimension',
    ]);
  });

  it('upgrades `rule:` to `metric:` with its arguments', () => {
    const upgraded = upgradeToLatest(aV302ContractWithRules('- rule: duplicateCount\n  mustBe: 0'));
    expect(upgraded.ok && upgraded.text).toContain('metric: duplicateValues');
    expect(upgraded.ok && upgraded.text).not.toContain('rule:');
  });
});
