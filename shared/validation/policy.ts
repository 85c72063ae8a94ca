import type { Policies, RuleSeverity } from '../model';
import type { Severity } from './finding';

/** How the mesh's policies treat one rule. */
export interface RulePolicy {
  severity: RuleSeverity;
  /** Why the policy differs from the rule's default, as the mesh says. */
  reason?: string;
  /** Whether the mesh sets the rule's severity (rather than leaving the default). */
  isSet: boolean;
}

export function rulePolicy(policies: Policies, ruleId: string, defaultSeverity: Severity): RulePolicy {
  const entry = policies.rules[ruleId];
  if (entry === undefined) return { severity: defaultSeverity, isSet: false };
  if (typeof entry === 'string') return { severity: entry, isSet: true };
  return { severity: entry.severity, reason: entry.reason, isSet: true };
}
