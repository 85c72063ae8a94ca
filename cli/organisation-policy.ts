import { DOCUMENT_PATH, type Mesh, type Policies, quoted } from '../shared/model';
import {
  type ClassificationReranking,
  type PolicyWeakening,
  policyFileFormat,
  readOrganisationPolicies,
  underOrganisationPolicies,
} from '../shared/validation/organisation-policies';
import { CLASSIFICATION_LEVELS_PLACE, policyPlace } from '../shared/validation/places';
import { policyReasonOf, rulePolicy, severityUnder } from '../shared/validation/policy';
import { RULES } from '../shared/validation/rule-catalog';
import { POLICY_ENTRIES_RULE_ID } from '../shared/validation/rules/policy-entries';
import { type CliIo, EXIT, type ExitCode, PROGRAM } from './cli-io';
import { type FileProblem, formatProblemInFile } from './problem-line';
import { readInput } from './read-input';

/**
 * `--policy <file>` of a command: the organisation's policies, noted when they set nothing; or the
 * exit code once it is said, without the usage text, why the file cannot be applied.
 */
export async function readPolicyOption(
  io: CliIo,
  command: string,
  file: string,
): Promise<{ ok: true; policies: Policies } | { ok: false; exit: ExitCode }> {
  const input = await readInput(io, file);
  const read = input.ok
    ? readOrganisationPolicies(input.text, RULES, policyFileFormat(file))
    : { ok: false as const, error: input.message };
  if (!read.ok) {
    io.err(
      'at' in read && read.at
        ? formatProblemInFile(file, { path: DOCUMENT_PATH, message: read.error, at: read.at })
        : `${PROGRAM} ${command}: --policy ${file}: ${read.error}`,
    );
    return { ok: false, exit: EXIT.usage };
  }
  for (const note of [...read.notes, ...(setsNothing(read.value) ? [SETS_NOTHING] : [])])
    io.err(`${file}: note: ${note}`);
  return { ok: true, policies: read.value };
}

/** The design under the organisation's policies, which it may tighten but not weaken, and the warnings where it tried. */
export function governedByOrganisation(
  mesh: Mesh,
  organisation: Policies | undefined,
): { mesh: Mesh; problems: FileProblem[] } {
  if (!organisation) return { mesh, problems: [] };
  const governed = underOrganisationPolicies(mesh.policies, organisation, RULES);
  return {
    mesh: { ...mesh, policies: governed.policies },
    problems: [
      ...governed.weakenings.map(weakeningProblem),
      ...(governed.reranking ? [rerankingProblem(governed.reranking)] : []),
    ],
  };
}

/**
 * The policies a contract file is judged by under the organisation's: a contract file has no
 * policies of its own, so it is judged as a design's contract that sets none.
 */
export function contractFilePolicies(organisation: Policies): Policies {
  return underOrganisationPolicies({ rules: {} }, organisation, RULES).policies;
}

/** A contract file's problem at the severity the policies give its rule, with their reason; a problem of no rule (its YAML, the ODCS schema) as it is. */
export function underPolicies(problem: FileProblem, policies: Policies): FileProblem {
  const rule = RULES.find((candidate) => candidate.id === problem.rule);
  if (!rule || problem.severity === 'off') return problem;
  const policy = rulePolicy(policies, rule.id, rule.defaultSeverity);
  const policyReason = policyReasonOf(policy);
  return {
    ...problem,
    severity: severityUnder(policy, problem.severity),
    ...(policyReason !== undefined && { policyReason }),
  };
}

function setsNothing(policies: Policies): boolean {
  return Object.keys(policies.rules).length === 0 && policies.classificationLevels === undefined;
}

const SETS_NOTHING = 'the policy sets nothing (no rules, no classificationLevels), so it changes no finding';

function weakeningProblem({ ruleId, designSeverity, organisationSeverity }: PolicyWeakening): FileProblem {
  return {
    severity: 'warning',
    path: policyPlace(ruleId).path,
    message: `The design sets ${quoted(ruleId)} to ${designSeverity}, weaker than the organisation's policy (${organisationSeverity}), which applies.`,
    rule: POLICY_ENTRIES_RULE_ID,
    fixHint: `Set ${quoted(ruleId)} to ${organisationSeverity} or stricter, or ask the organisation to change its policy.`,
  };
}

function rerankingProblem({ designLevels, organisationLevels, isCommonOrder }: ClassificationReranking): FileProblem {
  const order = isCommonOrder
    ? `the common order (${organisationLevels.join(', ')}), which applies under an organisation's policy that ranks none`
    : `the organisation's policy (${organisationLevels.join(', ')}), which applies`;
  return {
    severity: 'warning',
    path: CLASSIFICATION_LEVELS_PLACE.path,
    message: `The design ranks classifications ${designLevels.join(', ')} (least strict first), in another order than ${order}.`,
    rule: POLICY_ENTRIES_RULE_ID,
    fixHint: isCommonOrder
      ? 'Rank the common words in their common order; words of your own may go between them.'
      : "Rank them as the organisation's policy does, or ask the organisation to change its policy.",
  };
}
