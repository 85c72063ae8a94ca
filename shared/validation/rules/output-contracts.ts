import type { RuleFinding } from '../finding';
import { portPlace } from '../places';
import type { Rule } from '../rule';

export const outputContractsRule: Rule = {
  id: 'output-contracts',
  title: 'Every output port has a data contract',
  rationale:
    'Consumers build on the contract, not on the data they happen to see. (Whether the contract itself is sound is contract-semantics and contract-keys.)',
  defaultSeverity: 'error',
  check({ mesh, graph }) {
    const findings: RuleFinding[] = [];
    for (const product of mesh.products) {
      for (const port of product.outputPorts) {
        if (port.contractId !== undefined && graph.contracts.has(port.contractId)) continue;
        const subject = `Output port '${port.name}' of '${product.name}'`;
        findings.push({
          ...portPlace(graph, product, port),
          ...(port.contractId === undefined
            ? {
                message: `${subject} has no data contract.`,
                fixHint: 'Choose a contract for the port in the inspector, or import one (ODCS YAML).',
              }
            : {
                message: `${subject} refers to contract '${port.contractId}', which does not exist.`,
                fixHint: 'Choose an existing contract for the port in the inspector.',
              }),
        });
      }
    }
    return findings;
  },
};
