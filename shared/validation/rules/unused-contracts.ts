import { Memo } from '../../lineage/memo';
import type { Contract, Mesh, OperationalSystem } from '../../model';
import type { RuleFinding } from '../finding';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

export const unusedContractsRule: Rule = {
  id: 'unused-contracts',
  title: 'Contracts govern something',
  rationale: 'A contract no output port or published event uses promises nothing to anyone.',
  defaultSeverity: 'info',
  reads: ['contracts', 'product outlines', 'systems'],
  check({ mesh, graph }) {
    const named = namedContracts(mesh);
    const unused = unusedLists.get(mesh.contracts, [named], () =>
      mesh.contracts.filter((contract) => !named.has(contract.id)),
    );
    return unused.flatMap((contract) =>
      findingsByContract.get(contract, [graph.contracts.get(contract.id)?.index], () => [
        {
          ...contractPlace(graph, contract),
          message: `Contract '${contract.name}' governs no output port or published event.`,
          fixHint: 'Choose it for an output port in the inspector, or delete it.',
        },
      ]),
    );
  },
};

const findingsByContract = new Memo<Contract, RuleFinding[]>();
const unusedLists = new Memo<readonly Contract[], readonly Contract[]>();

/** The same set (object) while it has the same members: an edit of a product's name or description keeps it. */
const namedSets = new Memo<readonly OperationalSystem[], ReadonlySet<string>>(
  (last, next) => last.size === next.size && [...next].every((id) => last.has(id)),
);

/** The ids of the contracts a product's input or output port, or a system's published event, names. */
function namedContracts(mesh: Mesh): ReadonlySet<string> {
  const reads: unknown[] = [];
  for (const product of mesh.products) reads.push(product.inputPorts, product.outputPorts);
  return namedSets.get(mesh.systems, reads, () => {
    const ids = new Set<string>();
    for (const product of mesh.products) {
      for (const port of [...product.inputPorts, ...product.outputPorts]) if (port.contractId) ids.add(port.contractId);
    }
    for (const system of mesh.systems)
      for (const event of system.publishes) if (event.contractId) ids.add(event.contractId);
    return ids;
  });
}
