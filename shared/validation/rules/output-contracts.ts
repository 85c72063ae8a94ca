import { portPlace } from '../places';
import type { Rule } from '../rule';

export const outputContractsRule: Rule = {
  id: 'output-contracts',
  title: 'Every output port has a data contract',
  rationale:
    'Consumers build on the contract, not on the data they happen to see. (Whether the contract itself is sound is contract-semantics and contract-keys.)',
  defaultSeverity: 'error',
  check({ mesh, graph }) {
    return mesh.products.flatMap((product) =>
      product.outputPorts.flatMap((port) => {
        const place = () => portPlace(graph, product, port);
        const subject = () => `Output port '${port.name}' of '${product.name}'`;
        if (!port.contractId) {
          return [
            {
              ...place(),
              message: `${subject()} has no data contract.`,
              fixHint: 'Choose a contract for the port in the inspector, or import one (ODCS YAML).',
            },
          ];
        }
        if (graph.contracts.has(port.contractId)) return [];
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
