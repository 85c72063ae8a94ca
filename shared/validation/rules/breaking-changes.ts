import { type ContractComparison, compareContracts } from '../../contracts';
import type { FindingSeverity } from '../../contracts/finding';
import { repairedLoweredVersion } from '../../contracts/lowered-version-repair';
import { type WithdrawnContract, withdrawnContracts } from '../../contracts/withdrawn-contracts';
import { Memo } from '../../lineage/memo';
import type { MeshGraph } from '../../lineage/mesh-graph';
import { type Contract, classificationLevelsOf, type DataProduct, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { contractPlace, productPlace } from '../places';
import type { Rule } from '../rule';

export const BREAKING_CHANGES_RULE_ID = 'breaking-changes';

const findingsByContract = new Memo<Contract, RuleFinding[]>();
const findingsByBaselineProduct = new Memo<DataProduct, RuleFinding[]>();

export const breakingChangesRule: Rule = {
  id: BREAKING_CHANGES_RULE_ID,
  title: 'Breaking contract changes come with a new major version (a new minor one in 0.x)',
  rationale:
    'Consumers pin a major version; a breaking change under the same major version breaks them without warning, and so does a published contract no longer served.',
  defaultSeverity: 'error',
  reads: ['contracts', 'products', 'baseline', 'baseline products'],
  check({ mesh, graph, baseline }) {
    if (!baseline) return [];
    const before = new Map(baseline.contracts.map((contract) => [contract.id, contract]));
    const contracts = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
    return [
      ...findingsPerElement(
        findingsByContract,
        mesh.contracts,
        (contract) => [
          before.get(contract.id),
          mesh.policies.classificationLevels,
          baseline.policies.classificationLevels,
        ],
        (contract) =>
          versionFindings(graph, contract, before.get(contract.id), classificationLevelsOf(baseline.policies)),
      ),
      ...findingsPerElement(
        findingsByBaselineProduct,
        baseline.products,
        (product) => {
          const now = graph.products.get(product.id);
          return [now?.item, now?.index, baseline.contracts, mesh.contracts];
        },
        (product) => {
          const now = graph.products.get(product.id)?.item;
          return withdrawnContracts(product, before, now, contracts).map((withdrawn) =>
            withdrawalFinding(graph, product, now, withdrawn),
          );
        },
      ),
    ];
  },
};

/** The contract's breaking changes since the baseline that its version does not announce. */
function versionFindings(
  graph: MeshGraph,
  contract: Contract,
  previous: Contract | undefined,
  baselineLevels: readonly string[],
): RuleFinding[] {
  if (!previous || previous === contract) return [];
  // A ranking changed with the classifications must not hide a downgrade: the stricter reading judges.
  const comparison = compareContracts(previous, contract, [
    baselineLevels,
    classificationLevelsOf(graph.mesh.policies),
  ]);
  return versionProblems(previous, contract, comparison).map(({ version, ...problem }) => ({
    ...contractPlace(graph, contract, 'version'),
    ...problem,
    ...(version && { fix: { kind: 'set-contract-version' as const, contractId: contract.id, version } }),
  }));
}

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
  const { neededVersion } = comparison;
  const version =
    neededVersion ?? repairedLoweredVersion(previous.version, contract.version, comparison.changes.length > 0);
  return comparison.findings
    .filter((finding) => finding.severity === 'error' || comparison.isBreaking)
    .map((finding) => ({
      message: `Contract ${quoted(contract.name)}: ${finding.message}${which}.`,
      severity: finding.severity,
      fixHint: neededVersion
        ? `Release it as ${neededVersion}, and tell its consumers; or undo the breaking changes.`
        : finding.severity === 'warning'
          ? 'Tell its consumers about the breaking changes, or give the contract semantic versions so this can be checked.'
          : version
            ? `Give it version ${version}, or a higher one.`
            : `Give it a version above ${previous.version}.`,
      ...(version && { version }),
    }));
}

/** A published contract no longer served, at the product that served it, or at the products when that one is gone. */
function withdrawalFinding(
  graph: MeshGraph,
  before: DataProduct,
  now: DataProduct | undefined,
  { contract, cause }: WithdrawnContract,
): RuleFinding {
  const what = `contract ${quoted(contract.name)} ${contract.version}, ${contract.status?.trim()} in the baseline`;
  const loss = 'its consumers lose that data (a breaking change)';
  const retire =
    "once its consumers have moved on, keep the contract in the design with status 'retired', which says it is no longer served.";
  if (!now) {
    return {
      element: { kind: 'mesh' },
      path: 'products',
      message: `Data product ${quoted(before.name)} removed: it served ${what}, so ${loss}.`,
      fixHint: `Undo the removal; or, ${retire}`,
    };
  }
  const isContractRemoved = cause === 'contract-removed';
  return {
    ...productPlace(graph, now),
    message: `Data product ${quoted(now.name)} no longer serves ${what}: ${isContractRemoved ? 'it was removed from the design' : 'no output port names it'}, so ${loss}.`,
    fixHint: `${isContractRemoved ? 'Undo the removal' : 'Serve it from an output port again'}; or, ${retire}`,
  };
}
