import { compareContracts } from '../../contracts';
import { quoted } from '../../model';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

export const breakingChangesRule: Rule = {
  id: 'breaking-changes',
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
      const comparison = compareContracts(previous, contract);
      // Its errors, and, for breaking changes, the warning that versions which are no semver cannot tell.
      return comparison.findings
        .filter((finding) => finding.severity === 'error' || comparison.isBreaking)
        .map((finding) => {
          const breaking = comparison.changes.filter((change) => change.isBreaking);
          const version = comparison.neededVersion;
          return {
            ...contractPlace(graph, contract, 'version'),
            message: `Contract ${quoted(contract.name)}: ${finding.message}${breaking.length > 0 ? ` (${breaking.map((change) => `${change.subject}: ${change.message}`).join('; ')})` : ''}.`,
            severity: finding.severity,
            fixHint: version
              ? `Release it as ${version}, and tell its consumers; or undo the breaking changes.`
              : finding.severity === 'warning'
                ? 'Tell its consumers about the breaking changes, or give the contract semantic versions so this can be checked.'
                : `Give it a version above ${previous.version}.`,
            ...(version && { fix: { kind: 'set-contract-version' as const, contractId: contract.id, version } }),
          };
        });
    });
  },
};
