import { Memo } from '../lineage/memo';
import { meshGraph } from '../lineage/mesh-graph';
import type { Mesh, Policies } from '../model';
import type { Finding, RuleFinding, Severity } from './finding';
import { policyReasonOf, rulePolicy, severityUnder } from './policy';
import type { Rule, RuleContext, RuleInput, StepRefusal } from './rule';
import { RULES } from './rule-catalog';

export interface ValidationOptions {
  /** The mesh to judge contract changes against: the app's baseline (see baselineAfterSave), or `--baseline`. */
  baseline?: Mesh;
  /** Run only these rules (ids); all when absent. */
  ruleIds?: readonly string[];
  /** What SQLite refused of the transformations (see `RuleContext`). */
  stepRefusals?: readonly StepRefusal[];
  /** The design's policies as written, where the mesh's are them under an organisation's (see `RuleContext`). */
  designPolicies?: Policies;
}

/** Each rule's findings, until what it reads or its policy changes: an edit re-runs only the rules that read what it changed. */
const findingsByRule = new Memo<Rule, Finding[]>();

/**
 * Runs the governance rules over a mesh, each finding at the severity the mesh's policies give
 * its rule. Rules a policy turned off still run, so each of their findings can show the reason
 * where it would have been; they count for nothing.
 */
export function validateMesh(mesh: Mesh, options: ValidationOptions = {}): Finding[] {
  const context: RuleContext = {
    mesh,
    graph: meshGraph(mesh),
    ...(options.baseline && { baseline: options.baseline }),
    ...(options.stepRefusals && { stepRefusals: options.stepRefusals }),
    ...(options.designPolicies && { designPolicies: options.designPolicies }),
  };
  return RULES.flatMap((rule) => {
    if (options.ruleIds && !options.ruleIds.includes(rule.id)) return [];
    const inputs = [...rule.reads.map((input) => inputOf(context, input)), mesh.policies.rules[rule.id]];
    return findingsByRule.get(rule, inputs, () => checkWithPolicy(rule, context));
  });
}

function inputOf({ mesh, baseline, stepRefusals, designPolicies }: RuleContext, input: RuleInput): unknown {
  if (input === 'baseline') return baseline?.contracts;
  if (input === 'design policies') return designPolicies ?? mesh.policies;
  if (input === 'baseline products') return baseline?.products;
  if (input === 'step refusals') return stepRefusals;
  if (input === 'product outlines') return meshGraph(mesh).productOutlines;
  return mesh[input];
}

function checkWithPolicy(rule: Rule, context: RuleContext): Finding[] {
  const entry = context.mesh.policies.rules[rule.id];
  const policy = rulePolicy(context.mesh.policies, rule.id, rule.defaultSeverity);
  const isOffFor = (finding: RuleFinding) => policy.severity === 'off' && !finding.cannotBeTurnedOff;
  const severityOf = (finding: RuleFinding): Severity => {
    const severity = finding.severity ?? rule.defaultSeverity;
    return finding.cannotBeTurnedOff ? severity : severityUnder(policy, severity);
  };
  const policyReason = policyReasonOf(policy);
  // Rules remember their findings per element; so is each finding's policy-applied form, so an
  // edit of one element does not make every finding of the rule anew.
  return rule.check(context).map((finding) =>
    withPolicy.get(finding, [rule, entry], () => ({
      ...finding,
      ruleId: rule.id,
      severity: severityOf(finding),
      ...(isOffFor(finding) && {
        suppressed: { reason: policy.reason ?? "turned off in the mesh's policies (no reason given)" },
      }),
      ...(policyReason !== undefined && { policyReason }),
    })),
  );
}

const withPolicy = new Memo<RuleFinding, Finding>();

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
  /** Findings of rules the policies turned off. */
  off: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0, off: 0 };
  for (const finding of findings) counts[finding.suppressed ? 'off' : finding.severity]++;
  return counts;
}
