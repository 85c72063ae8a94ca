import { type ContractFinding, checkContractSemantics, checkDatasetShape } from '../../contracts';
import { DependentCache } from '../../lineage/dependent-cache';
import type { Contract } from '../../model';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

const findingsByContract = new DependentCache<Contract, ContractFinding[]>();

/** A contract's semantic findings but its keys, which have their own rule (contract-keys) a policy can tune apart. */
function semanticFindings(contract: Contract): ContractFinding[] {
  return findingsByContract.get(contract, [], () => {
    const shape = new Set(checkDatasetShape(contract).map((finding) => finding.message));
    return checkContractSemantics(contract).filter((finding) => !shape.has(finding.message));
  });
}

export const contractSemanticsRule: Rule = {
  id: 'contract-semantics',
  title: 'Contracts say what they mean',
  rationale:
    'What the ODCS schema cannot check: unique schema object and property names, and no history kept on events, which never change.',
  defaultSeverity: 'error',
  check({ mesh, graph }) {
    return mesh.contracts.flatMap((contract) =>
      semanticFindings(contract).map((finding) => ({
        ...contractPlace(graph, contract),
        path: `${contractPlace(graph, contract).path}.${finding.path}`,
        message: `Contract '${contract.name}': ${finding.message}.`,
        fixHint: 'Open the contract and correct it.',
        severity: finding.severity,
      })),
    );
  },
};
