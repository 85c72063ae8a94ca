import {
  commonLevelsInverted,
  inversionOfCommonOrder,
  joinedWith,
  levelsRankedBelowPublic,
  levelsRankedTwice,
  type Policies,
  quoted,
  readRulePolicy,
} from '../../model';
import { nearMiss } from '../../model/near-miss';
import type { RuleFinding } from '../finding';
import { CLASSIFICATION_LEVELS_PLACE, policyPlace } from '../places';
import type { Rule } from '../rule';

const ADD_REASON = 'Write it as { "severity": "off", "reason": "…" } so the next reader knows why';

/** An entry in the object form that turns its rule off, whatever else is wrong with it. */
function isTurnedOff(entry: unknown): boolean {
  return typeof entry === 'object' && entry !== null && (entry as { severity?: unknown }).severity === 'off';
}

/** A policy entry that cannot be applied: the design meant to set a rule's severity and does not. */
const UNAPPLIED_POLICY = { cannotBeTurnedOff: true, severity: 'error' } as const;

/**
 * Checks the design's own policies (not an organisation's merged into them, which the organisation's
 * file answers for): every entry names a rule that exists and can be read, and a rule
 * turned off says why. An entry that cannot be applied is an error whatever the policies say of
 * this rule, or a misspelt id would hide itself. A missing reason is at this rule's severity.
 */
/** Also the rule of what an organisation's policy says of the design's (`--policy`): a rule set weaker, classifications ranked otherwise. */
export const POLICY_ENTRIES_RULE_ID = 'policy-entries';

export function policyEntriesRule(knownRuleIds: readonly string[]): Rule {
  return {
    id: POLICY_ENTRIES_RULE_ID,
    title: 'Policies name known rules and give reasons',
    rationale:
      'Policies are code: a misspelt rule id or severity silently changes nothing, and an unexplained exception is never revisited.',
    defaultSeverity: 'warning',
    reads: ['design policies'],
    check({ mesh, designPolicies = mesh.policies }) {
      const levels = designPolicies.classificationLevels;
      return [
        ...ruleEntryFindings(designPolicies.rules),
        ...publicRankingFindings(levels),
        ...rankedTwiceFindings(levels),
        ...invertedCommonFindings(levels),
      ];
    },
  };

  function ruleEntryFindings(rules: Policies['rules']): RuleFinding[] {
    return Object.entries(rules).flatMap(([ruleId, entry]) => {
      if (!knownRuleIds.includes(ruleId)) {
        const meant = nearMiss(ruleId, knownRuleIds);
        // The suggestion is in the message, which every output shows (the CLI's plain output has no hints).
        const noRule = `The policies set ${quoted(ruleId)}, which is no rule`;
        return [
          {
            ...policyPlace(ruleId),
            message: meant ? `${noRule}: did you mean ${quoted(meant)}?` : `${noRule}.`,
            ...UNAPPLIED_POLICY,
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
            ...UNAPPLIED_POLICY,
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
  }
}

/** `public` ranked above other words: the ranking would let a public copy keep data classified below it. */
function publicRankingFindings(levels: readonly string[] | undefined): RuleFinding[] {
  const below = levelsRankedBelowPublic(levels);
  if (below.length === 0) return [];
  return [
    {
      ...CLASSIFICATION_LEVELS_PLACE,
      message: `The policies rank 'public' above ${joinedWith(below.map(quoted), 'and')}, but public data is never sensitive: 'public' must come first.`,
      ...UNAPPLIED_POLICY,
      fixHint: "Move 'public' to the start of policies.classificationLevels.",
    },
  ];
}

/**
 * A word ranked twice: an error, as the organisation's file refuses it, since only its first place
 * counts and a later, stricter one would let a copy classified below it pass unseen.
 */
function rankedTwiceFindings(levels: readonly string[] | undefined): RuleFinding[] {
  return levelsRankedTwice(levels).map(({ first, again, between }) => {
    const spelt = first === again ? '' : ` (first as ${quoted(first)})`;
    const risk =
      between.length > 0
        ? `: a copy of ${again} data could be classified ${joinedWith(between.map(quoted), 'or')}`
        : '';
    return {
      ...CLASSIFICATION_LEVELS_PLACE,
      message: `The policies rank ${quoted(again)} twice${spelt}, so only its first place counts${risk}.`,
      ...UNAPPLIED_POLICY,
      fixHint: `Rank ${quoted(again)} once in policies.classificationLevels, where it belongs.`,
    };
  });
}

/** The common words ranked against their order: a warning, as a company may mean its own words by them. */
function invertedCommonFindings(levels: readonly string[] | undefined): RuleFinding[] {
  return commonLevelsInverted(levels).map(([stricter, ranked]) => ({
    ...CLASSIFICATION_LEVELS_PLACE,
    message: `The policies rank ${inversionOfCommonOrder(stricter, ranked)}.`,
    fixHint: `Rank ${quoted(stricter)} after ${quoted(ranked)} in policies.classificationLevels, or use words of the company's own.`,
  }));
}
