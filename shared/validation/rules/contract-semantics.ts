import { checkContractSemantics, checkDatasetShape } from '../../contracts';
import { Memo } from '../../lineage/memo';
import { type Contract, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

/** A contract's semantic findings but its keys, which have their own rule (contract-keys) a policy can tune apart. */
function semanticFindings(contract: Contract) {
  const shape = new Set(checkDatasetShape(contract).map((finding) => finding.message));
  return checkContractSemantics(contract).filter((finding) => !shape.has(finding.message));
}

export const contractSemanticsRule: Rule = {
  id: 'contract-semantics',
  title: 'Contracts say what they mean',
  rationale:
    'What the ODCS schema cannot check: unique schema object and property names, no history kept on events, which never change, relationships that name what the contract has, type options whose bounds leave some value, and allowed values of the type of their field.',
  defaultSeverity: 'error',
  reads: ['contracts'],
  check({ mesh, graph }) {
    return findingsPerElement(findingsByContract, mesh.contracts, [], (contract) =>
      semanticFindings(contract).map((finding) => ({
        ...contractPlace(graph, contract),
        path: `${contractPlace(graph, contract).path}.${finding.path}`,
        message: `Contract ${quoted(contract.name)}: ${finding.message}.`,
        fixHint: finding.fixHint ?? 'Open the contract and correct it.',
        severity: finding.severity,
      })),
    );
  },
};

const findingsByContract = new Memo<Contract, RuleFinding[]>();
