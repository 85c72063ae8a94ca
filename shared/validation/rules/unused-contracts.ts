import { Memo } from '../../lineage/memo';
import type { Contract } from '../../model';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

export const unusedContractsRule: Rule = {
  id: 'unused-contracts',
  title: 'Contracts govern something',
  rationale: 'A contract no output port or published event uses promises nothing to anyone.',
  defaultSeverity: 'info',
  reads: ['contracts', 'product outlines', 'systems'],
  check({ mesh, graph }) {
    const referencedByInputs = new Set<string>();
    for (const product of mesh.products) {
      for (const port of product.inputPorts) if (port.contractId !== undefined) referencedByInputs.add(port.contractId);
    }
    const isUnused = (contract: Contract) =>
      graph.contractUses(contract.id).length === 0 && !referencedByInputs.has(contract.id);
    return findingsPerElement(
      findingsByContract,
      mesh.contracts,
      (contract) => [isUnused(contract)],
      (contract) =>
        isUnused(contract)
          ? [
              {
                ...contractPlace(graph, contract),
                message: `Contract '${contract.name}' governs no output port or published event.`,
                fixHint: 'Choose it for an output port in the inspector, or delete it.',
              },
            ]
          : [],
    );
  },
};

const findingsByContract = new Memo<Contract, RuleFinding[]>();
