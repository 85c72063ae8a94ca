import { policyPlace } from '../places';
import type { Rule } from '../rule';

/** Checks the mesh's own policies: every entry names a rule that exists, and a rule turned off says why. */
export function policyEntriesRule(knownRuleIds: readonly string[]): Rule {
  return {
    id: 'policy-entries',
    title: 'Policies name known rules and give reasons',
    rationale:
      'Policies are code: a misspelt rule id silently changes nothing, and an unexplained exception is never revisited.',
    defaultSeverity: 'warning',
    reads: ['policies'],
    check({ mesh }) {
      return Object.entries(mesh.policies.rules).flatMap(([ruleId, entry]) => {
        if (!knownRuleIds.includes(ruleId)) {
          return [
            {
              ...policyPlace(ruleId),
              message: `The policies set '${ruleId}', which is no rule.`,
              fixHint: `Use one of: ${knownRuleIds.join(', ')}.`,
            },
          ];
        }
        const isOff = (typeof entry === 'string' ? entry : entry.severity) === 'off';
        if (isOff && typeof entry === 'string') {
          return [
            {
              ...policyPlace(ruleId),
              message: `Rule '${ruleId}' is turned off without a reason.`,
              fixHint: `Write it as { "severity": "off", "reason": "…" } so the next reader knows why.`,
            },
          ];
        }
        return [];
      });
    },
  };
}
