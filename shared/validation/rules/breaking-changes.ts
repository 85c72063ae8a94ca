import { type ContractComparison, compareContracts } from '../../contracts';
import type { FindingSeverity } from '../../contracts/finding';
import { type Contract, quoted } from '../../model';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

export const BREAKING_CHANGES_RULE_ID = 'breaking-changes';

export const breakingChangesRule: Rule = {
  id: BREAKING_CHANGES_RULE_ID,
  title: 'Breaking contract changes come with a new major version (a new minor one in 0.x)',
  rationale:
    'Consumers pin a major version; a breaking change under the same major version breaks them without warning.',
  defaultSeverity: 'error',
  reads: ['contracts', 'baseline'],
  check({ mesh, graph, baseline }) {
    if (!baseline) return [];
    const before = new Map(baseline.contracts.map((contract) => [contract.id, contract]));
    return mesh.contracts.flatMap((contract) => {
      const previous = before.get(contract.id);
      if (!previous || previous === contract) return [];
      return versionProblems(previous, contract).map(({ version, ...problem }) => ({
        ...contractPlace(graph, contract, 'version'),
        ...problem,
        ...(version && { fix: { kind: 'set-contract-version' as const, contractId: contract.id, version } }),
      }));
    });
  },
};

/** What the rule says of one contract's version: its words, how to fix it, and the version breaking changes need. */
export interface VersionProblem {
  message: string;
  severity: FindingSeverity;
  fixHint: string;
  version?: string;
}

/**
 * Whether `contract`'s version fits its changes since `previous`: its errors (a lower version,
 * breaking changes without the step they need) and, for breaking changes, the warning that
 * versions which are no semver cannot tell. Also for a contract on its own (`validate --baseline`).
 */
export function versionProblems(
  previous: Contract,
  contract: Contract,
  comparison: ContractComparison = compareContracts(previous, contract),
): VersionProblem[] {
  const breaking = comparison.changes.filter((change) => change.isBreaking);
  const which =
    breaking.length > 0 ? ` (${breaking.map((change) => `${change.subject}: ${change.message}`).join('; ')})` : '';
  const version = comparison.neededVersion;
  return comparison.findings
    .filter((finding) => finding.severity === 'error' || comparison.isBreaking)
    .map((finding) => ({
      message: `Contract ${quoted(contract.name)}: ${finding.message}${which}.`,
      severity: finding.severity,
      fixHint: version
        ? `Release it as ${version}, and tell its consumers; or undo the breaking changes.`
        : finding.severity === 'warning'
          ? 'Tell its consumers about the breaking changes, or give the contract semantic versions so this can be checked.'
          : `Give it a version above ${previous.version}.`,
      ...(version && { version }),
    }));
}
