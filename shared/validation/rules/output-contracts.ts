import { Memo } from '../../lineage/memo';
import { idOrder } from '../../lineage/mesh-graph';
import { type DataProduct, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { portPlace } from '../places';
import type { Rule } from '../rule';

export const outputContractsRule: Rule = {
  id: 'output-contracts',
  title: 'Every output port has a data contract',
  rationale:
    'Consumers build on the contract, not on the data they happen to see. (Whether the contract itself is sound is contract-semantics and contract-keys.)',
  defaultSeverity: 'error',
  reads: ['product outlines', 'contracts'],
  check({ mesh, graph }) {
    const hasContract = (id: string | undefined) => id !== undefined && graph.contracts.has(id);
    // Only which contracts exist is read of them: an edit inside a contract keeps every product's findings.
    return findingsPerElement(findingsByProduct, mesh.products, [idOrder(mesh.contracts)], (product) =>
      product.outputPorts.flatMap((port) => {
        if (hasContract(port.contractId)) return [];
        const subject = `Output port ${quoted(port.name)} of ${quoted(product.name)}`;
        return [
          {
            ...portPlace(graph, product, port),
            ...(port.contractId === undefined
              ? {
                  message: `${subject} has no data contract.`,
                  fixHint:
                    "Add a contract (or New contract in the port's inspector) drafts one of what the product receives; or choose a contract, or import one (ODCS YAML).",
                  fix: { kind: 'add-port-contract', productId: product.id, portId: port.id },
                }
              : {
                  message: `${subject} refers to contract ${quoted(port.contractId)}, which does not exist.`,
                  fixHint: 'Choose an existing contract for the port in the inspector.',
                }),
          },
        ];
      }),
    );
  },
};

const findingsByProduct = new Memo<DataProduct, RuleFinding[]>();
