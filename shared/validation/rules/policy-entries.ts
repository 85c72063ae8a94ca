import { quoted, readRulePolicy } from '../../model';
import { nearMiss } from '../../model/near-miss';
import { policyPlace } from '../places';
import type { Rule } from '../rule';

const ADD_REASON = 'Write it as { "severity": "off", "reason": "…" } so the next reader knows why';

/** An entry in the object form that turns its rule off, whatever else is wrong with it. */
function isTurnedOff(entry: unknown): boolean {
  return typeof entry === 'object' && entry !== null && (entry as { severity?: unknown }).severity === 'off';
}

/**
 * Checks the mesh's own policies: every entry names a rule that exists and can be read, and a rule
 * turned off says why. Turning this rule off silences only the missing reasons: policies that
 * change nothing, as a misspelt id does, would otherwise hide themselves.
 */
export function policyEntriesRule(knownRuleIds: readonly string[]): Rule {
  return {
    id: 'policy-entries',
    title: 'Policies name known rules and give reasons',
    rationale:
      'Policies are code: a misspelt rule id or severity silently changes nothing, and an unexplained exception is never revisited.',
    defaultSeverity: 'warning',
    reads: ['policies'],
    check({ mesh }) {
      return Object.entries(mesh.policies.rules).flatMap(([ruleId, entry]) => {
        if (!knownRuleIds.includes(ruleId)) {
          const meant = nearMiss(ruleId, knownRuleIds);
          // The suggestion is in the message, which every output shows (the CLI's plain output has no hints).
          const noRule = `The policies set ${quoted(ruleId)}, which is no rule`;
          return [
            {
              ...policyPlace(ruleId),
              message: meant ? `${noRule}: did you mean ${quoted(meant)}?` : `${noRule}.`,
              cannotBeTurnedOff: true,
              fixHint: meant
                ? `Rename the policy to ${quoted(meant)}, or remove it.`
                : `Use one of: ${knownRuleIds.join(', ')}.`,
            },
          ];
        }
        const read = readRulePolicy(entry);
        if (!read.ok) {
          return [
            {
              ...policyPlace(ruleId),
              message: `The policy for ${quoted(ruleId)} is ignored: ${read.error}.`,
              cannotBeTurnedOff: true,
              // Writing "off" alone would trade this finding for the one about a missing reason.
              fixHint: `${isTurnedOff(entry) ? ADD_REASON : 'Write a severity ("error", "warning", "info", "off"), or { "severity": …, "reason": "why" }'}; until then the rule keeps its default severity.`,
            },
          ];
        }
        if (read.value === 'off') {
          return [
            {
              ...policyPlace(ruleId),
              message: `Rule ${quoted(ruleId)} is turned off without a reason.`,
              fixHint: `${ADD_REASON}.`,
            },
          ];
        }
        return [];
      });
    },
  };
}
