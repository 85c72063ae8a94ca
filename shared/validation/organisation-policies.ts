/*
 * Federated governance: an organisation's policies (a file of the same shape as a design's
 * `policies`) set the least severity of its rules. A design may make a rule stricter, never weaker.
 */
import { readYamlSource } from '../contracts/yaml-source';
import {
  COMMON_CLASSIFICATION_LEVELS,
  type ContractTextPlace,
  commonLevelsInverted,
  inversionOfCommonOrder,
  joinedWith,
  levelsRankedBelowPublic,
  levelsRankedTwice,
  type Policies,
  PoliciesSchema,
  quoted,
  type RuleSeverity,
  readRulePolicy,
} from '../model';
import { jsonSyntaxBreak } from '../model/json-syntax-error';
import { nearMiss } from '../model/near-miss';
import { SEVERITIES } from './finding';
import { rulePolicy } from './policy';
import type { Rule } from './rule';

/** Most severe first; `off` last. */
const STRICTNESS: readonly RuleSeverity[] = [...SEVERITIES, 'off'];

/** A rule the design sets weaker than the organisation requires: the organisation's severity applies. */
export interface PolicyWeakening {
  ruleId: string;
  designSeverity: RuleSeverity;
  organisationSeverity: RuleSeverity;
}

/** The design ranks some of the organisation's classification words in another order: the organisation's applies to them. */
export interface ClassificationReranking {
  designLevels: readonly string[];
  organisationLevels: readonly string[];
  /** The organisation ranks no words of its own: the common order of the common four applied. */
  isCommonOrder?: true;
}

/** A design's policies, with `rules` left out or empty (`rules:` in YAML) meaning none: a file may only rank classifications. */
const OrganisationPoliciesSchema = PoliciesSchema.extend({
  rules: PoliciesSchema.shape.rules.nullish().transform((rules) => rules ?? {}),
});
const POLICY_FILE_KEYS = Object.keys(PoliciesSchema.shape);

const SHAPE_PROBLEM = 'it must hold { "rules": { "<rule id>": "<severity>", … } }, as a design\'s policies do';

/** What is wrong where the first problem the schema found is: the list of levels or one word of it, the rules, or the file as a whole. */
function shapeProblem(path: readonly PropertyKey[]): string {
  const [key, index] = path;
  if (key === 'rules')
    return 'rules: must map rule ids to severities ({ "<rule id>": "<severity>", … }), or be left empty';
  if (key !== 'classificationLevels') return SHAPE_PROBLEM;
  return typeof index === 'number'
    ? `classificationLevels[${index}]: must be a non-empty word`
    : 'classificationLevels: must be a list of words';
}

export type PolicyFileFormat = 'json' | 'yaml';

/** A file named `.json` is JSON, any other YAML (which reads JSON too). */
export function policyFileFormat(fileName: string): PolicyFileFormat {
  return /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

/**
 * The organisation's policies from JSON or YAML text, with notes on what in them has no effect; or
 * why they cannot be applied as a whole, placed in the text (`at`) where the problem is its syntax.
 */
export function readOrganisationPolicies(
  text: string,
  rules: readonly Rule[],
  format: PolicyFileFormat = 'yaml',
): { ok: true; value: Policies; notes: string[] } | { ok: false; error: string; at?: ContractTextPlace } {
  const source = readYamlSource(text);
  const syntaxError = source.syntaxErrors[0];
  if (syntaxError) {
    return { ok: false, error: syntaxError.message, at: { line: syntaxError.line, column: syntaxError.column } };
  }
  // YAML reads JSON-ish text JSON refuses (`{"x": 1,}`), which every other tool reading the file would refuse.
  const jsonBreak = format === 'json' ? jsonSyntaxBreak(text) : undefined;
  if (jsonBreak)
    return { ok: false, error: `not valid JSON: ${jsonBreak.message}`, ...(jsonBreak.at && { at: jsonBreak.at }) };
  const { value } = source;
  const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  const unknownKey = keys.find((key) => !POLICY_FILE_KEYS.includes(key));
  if (unknownKey !== undefined) {
    const meant = nearMiss(unknownKey, POLICY_FILE_KEYS);
    const noKey = `no key ${quoted(unknownKey)} in a policy file`;
    return {
      ok: false,
      error: meant
        ? `${noKey}; did you mean ${quoted(meant)}?`
        : `${noKey}, which holds only ${POLICY_FILE_KEYS.map(quoted).join(' and ')}`,
    };
  }
  const read = OrganisationPoliciesSchema.safeParse(value);
  if (!read.success) {
    return { ok: false, error: shapeProblem(read.error.issues[0]?.path ?? []) };
  }
  const ruleIds = rules.map((rule) => rule.id);
  for (const [ruleId, entry] of Object.entries(read.data.rules)) {
    if (!ruleIds.includes(ruleId)) {
      const meant = nearMiss(ruleId, ruleIds);
      return {
        ok: false,
        error: `rules.${ruleId}: no rule ${quoted(ruleId)}${meant ? `; did you mean ${quoted(meant)}?` : ''}`,
      };
    }
    const policy = readRulePolicy(entry);
    if (!policy.ok) return { ok: false, error: `rules.${ruleId}: ${policy.error}` };
  }
  const [twice] = levelsRankedTwice(read.data.classificationLevels);
  if (twice !== undefined) {
    return { ok: false, error: `classificationLevels: ${quoted(twice.again)} is ranked twice; rank each word once` };
  }
  const belowPublic = levelsRankedBelowPublic(read.data.classificationLevels);
  if (belowPublic.length > 0) {
    return {
      ok: false,
      error: `classificationLevels: 'public' is ranked above ${joinedWith(belowPublic.map(quoted), 'and')}, but public data is never sensitive: 'public' must come first`,
    };
  }
  const offNotes = Object.keys(read.data.rules).flatMap((ruleId) =>
    rulePolicy(read.data, ruleId, 'error').severity === 'off'
      ? [
          `rules.${ruleId}: 'off' has no effect: a design keeps its own severity where it is stricter, so a policy can only raise one`,
        ]
      : [],
  );
  // Not refused: an organisation may mean its own words by the common ones, as a design may (policy-entries warns it).
  const inversionNotes = commonLevelsInverted(read.data.classificationLevels).map(
    ([stricter, ranked]) =>
      `classificationLevels: the file ranks ${inversionOfCommonOrder(stricter, ranked)} in every design it governs`,
  );
  const notes = [...offNotes, ...inversionNotes];
  // A list of no words ranks nothing: the common four keep their order, as in a file without one.
  const { classificationLevels, ...rest } = read.data;
  return { ok: true, value: classificationLevels?.length ? read.data : rest, notes };
}

const sameLevel = (one: string, other: string) => one.trim().toLowerCase() === other.trim().toLowerCase();

const REQUIRED = "required by the organisation's policy";

/**
 * The design's policies with each rule the organisation names at the stricter of the two
 * severities (the organisation's file's reason with it, said to be the organisation's), and the rules the design had set weaker.
 * The organisation's `classificationLevels` apply where the design ranks none of its own; where it
 * does, the words both rank keep the organisation's order (`reranking` when that changed the design's),
 * and the organisation's words the design does not rank are ranked among the design's.
 * An organisation that ranks none keeps the common four in their common order: a design may add words
 * between them, not invert them.
 */
export function underOrganisationPolicies(
  design: Policies,
  organisation: Policies,
  rules: readonly Rule[],
): { policies: Policies; weakenings: PolicyWeakening[]; reranking?: ClassificationReranking } {
  const raised = rules.flatMap((rule) => {
    if (organisation.rules[rule.id] === undefined) return [];
    const { severity: organisationSeverity, reason } = rulePolicy(organisation, rule.id, rule.defaultSeverity);
    const designPolicy = rulePolicy(design, rule.id, rule.defaultSeverity);
    const isWeaker = STRICTNESS.indexOf(designPolicy.severity) > STRICTNESS.indexOf(organisationSeverity);
    // A rule's default leaves its milder findings (a derived copy's warning) as they are, a set severity does not:
    // the organisation's, even at the default, applies as the design's would.
    const setsDefault = !designPolicy.isSet && organisationSeverity === designPolicy.severity;
    return isWeaker || setsDefault
      ? [
          {
            ruleId: rule.id,
            designSeverity: designPolicy.severity,
            organisationSeverity,
            isSet: designPolicy.isSet,
            reason: reason === undefined ? REQUIRED : `${reason}, ${REQUIRED}`,
          },
        ]
      : [];
  });
  const required = Object.fromEntries(
    raised.map(({ ruleId, organisationSeverity, reason }) => [ruleId, { severity: organisationSeverity, reason }]),
  );
  // A rule the design leaves at a weaker default is raised without a word: the design weakened nothing.
  const weakenings = raised.flatMap(({ isSet, reason: _reason, ...weakening }) => (isSet ? [weakening] : []));
  const designLevels = design.classificationLevels;
  const isCommonOrder = organisation.classificationLevels === undefined;
  const organisationLevels = organisation.classificationLevels ?? COMMON_CLASSIFICATION_LEVELS;
  const reordered = designLevels && inOrganisationOrder(designLevels, organisationLevels);
  const isReranked = designLevels && reordered?.some((level, at) => level !== designLevels[at]);
  // The organisation's words the design leaves out keep their rank: a copy classified by the
  // organisation's strictest word is never a finding because the design ranks words of its own.
  const classificationLevels =
    reordered && organisation.classificationLevels
      ? withWordsOf(organisation.classificationLevels, reordered)
      : (reordered ?? organisation.classificationLevels);
  return {
    policies: { rules: { ...design.rules, ...required }, ...(classificationLevels && { classificationLevels }) },
    weakenings,
    ...(isReranked && {
      reranking: { designLevels, organisationLevels, ...(isCommonOrder && { isCommonOrder: true as const }) },
    }),
  };
}

/**
 * The design's levels with the words the organisation ranks too put in the organisation's order,
 * in the places they held. `public` keeps the design's place: it is never sensitive whatever its
 * rank, and a design ranking it above other words is an error of its own (policy-entries).
 */
function inOrganisationOrder(designLevels: readonly string[], organisationLevels: readonly string[]): string[] {
  const organisationRank = (level: string) =>
    level.trim().toLowerCase() === 'public' ? -1 : organisationLevels.findIndex((ranked) => sameLevel(ranked, level));
  const shared = designLevels.filter((level) => organisationRank(level) >= 0);
  const reordered = [...shared].sort((a, b) => organisationRank(a) - organisationRank(b));
  return designLevels.map((level) => (organisationRank(level) >= 0 ? (reordered.shift() as string) : level));
}

/**
 * The levels with each of the organisation's words they lack put just above the nearest word the
 * organisation ranks below it, `public` aside as its place says nothing (else just above `public`, or
 * first), in the organisation's order.
 */
function withWordsOf(organisationLevels: readonly string[], levels: readonly string[]): string[] {
  const ranked = [...levels];
  organisationLevels.forEach((level, at) => {
    if (ranked.some((known) => sameLevel(known, level))) return;
    const below = organisationLevels
      .slice(0, at)
      .filter((lower) => !sameLevel(lower, 'public'))
      .map((lower) => ranked.findIndex((known) => sameLevel(known, lower)))
      .filter((index) => index >= 0);
    const publicAt = ranked.findIndex((known) => sameLevel(known, 'public'));
    ranked.splice(below.length > 0 ? Math.max(...below) + 1 : publicAt + 1, 0, level);
  });
  return ranked;
}
