import { type Policies, type RuleSeverity, readRulePolicy } from '../model';
import type { Severity } from './finding';

/** How the mesh's policies treat one rule. */
export interface RulePolicy {
  severity: RuleSeverity;
  /** Why the policy differs from the rule's default, as the mesh says. */
  reason?: string;
  /** Whether the mesh sets the rule's severity (rather than leaving the default). */
  isSet: boolean;
}

/** A rule's policy; an entry that cannot be read leaves the rule at its default (`policy-entries` reports it). */
export function rulePolicy(policies: Policies, ruleId: string, defaultSeverity: Severity): RulePolicy {
  const entry = policies.rules[ruleId];
  const read = entry === undefined ? undefined : readRulePolicy(entry);
  if (!read?.ok) return { severity: defaultSeverity, isSet: false };
  if (typeof read.value === 'string') return { severity: read.value, isSet: true };
  return { severity: read.value.severity, reason: read.value.reason, isSet: true };
}

/** A finding's severity under its rule's policy: a severity the policies set applies, but `off` shows the finding turned off instead. */
export function severityUnder(policy: RulePolicy, findingSeverity: Severity): Severity {
  return policy.isSet && policy.severity !== 'off' ? policy.severity : findingSeverity;
}

/** Why the policies changed a finding's severity, shown with it; none for a rule turned off, whose reason is the suppression's. */
export function policyReasonOf(policy: RulePolicy): string | undefined {
  return policy.severity === 'off' ? undefined : policy.reason;
}
