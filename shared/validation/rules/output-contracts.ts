import type { ContractFinding } from '../../contracts';
import { checkContractSemantics, checkDatasetShape } from '../../contracts';
import { DependentCache } from '../../lineage/dependent-cache';
import type { Contract } from '../../model';
import type { RuleFinding } from '../finding';
import { portPlace } from '../places';
import type { Rule } from '../rule';

export const outputContractsRule: Rule = {
  id: 'output-contracts',
  title: 'Every output port has a valid data contract',
  rationale: 'Consumers build on the contract, not on the data they happen to see.',
  defaultSeverity: 'error',
  check({ mesh, graph }) {
    return mesh.products.flatMap((product) =>
      product.outputPorts.flatMap((port): RuleFinding[] => {
        const place = () => portPlace(graph, product, port);
        const subject = () => `Output port '${port.name}' of '${product.name}'`;
        const contract = port.contractId === undefined ? undefined : graph.contracts.get(port.contractId)?.item;
        if (contract) {
          return semanticErrors(contract).map((error) => ({
            ...place(),
            message: `${subject()}: its contract '${contract.name}' is invalid at ${error.path}: ${error.message}.`,
            fixHint: 'Open the contract (double-click the port) and correct it.',
          }));
        }
        if (!port.contractId) {
          return [
            {
              ...place(),
              message: `${subject()} has no data contract.`,
              fixHint: 'Choose a contract for the port in the inspector, or import one (ODCS YAML).',
            },
          ];
        }
        return [
          {
            ...place(),
            message: `${subject()} refers to contract '${port.contractId}', which does not exist.`,
            fixHint: 'Choose an existing contract for the port in the inspector.',
          },
        ];
      }),
    );
  },
};

const errorsByContract = new DependentCache<Contract, ContractFinding[]>();

/** A contract's semantic errors but its keys, which have their own rule (contract-keys) a policy can tune apart; once per contract. */
function semanticErrors(contract: Contract): ContractFinding[] {
  return errorsByContract.get(contract, [], () => {
    const shape = new Set(checkDatasetShape(contract).map((finding) => finding.message));
    return checkContractSemantics(contract).filter(
      (finding) => finding.severity === 'error' && !shape.has(finding.message),
    );
  });
}
