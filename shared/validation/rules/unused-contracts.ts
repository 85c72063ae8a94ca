import { contractPlace } from '../places';
import type { Rule } from '../rule';

export const unusedContractsRule: Rule = {
  id: 'unused-contracts',
  title: 'Contracts govern something',
  rationale: 'A contract no output port or published event uses promises nothing to anyone.',
  defaultSeverity: 'info',
  check({ mesh, graph }) {
    const referencedByInputs = new Set(
      mesh.products.flatMap((product) => product.inputPorts.flatMap((port) => port.contractId ?? [])),
    );
    return mesh.contracts
      .filter((contract) => graph.contractUses(contract.id).length === 0 && !referencedByInputs.has(contract.id))
      .map((contract) => ({
        ...contractPlace(graph, contract),
        message: `Contract '${contract.name}' governs no output port or published event.`,
        fixHint: 'Choose it for an output port in the inspector, or delete it.',
      }));
  },
};
