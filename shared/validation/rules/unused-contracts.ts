import { Memo } from '../../lineage/memo';
import type { ContractUse, MeshGraph } from '../../lineage/mesh-graph';
import { type Contract, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

export const unusedContractsRule: Rule = {
  id: 'unused-contracts',
  title: 'Contracts govern data someone reads',
  rationale:
    'A contract promises something only to those who read the data it governs: a contract on no output port or published event, or only on ones no link reads, promises nothing to anyone.',
  defaultSeverity: 'info',
  reads: ['contracts', 'product outlines', 'systems', 'links'],
  check({ mesh, graph }) {
    // An input port naming a contract reads nothing by it: only what links read counts.
    const unused = unusedLists.get(mesh.contracts, [graph.productOutlines, mesh.systems, mesh.links], () =>
      mesh.contracts.filter((contract) => !graph.contractUses(contract.id).some((use) => isRead(graph, use))),
    );
    return unused.flatMap((contract) => {
      const uses = graph.contractUses(contract.id);
      return findingsByContract.get(contract, [graph.contracts.get(contract.id)?.index, uses], () => [
        {
          ...contractPlace(graph, contract),
          message:
            uses.length === 0
              ? `Contract ${quoted(contract.name)} governs no output port or published event.`
              : `Contract ${quoted(contract.name)} governs only data no link reads: ${uses.map(describeUse).join(', ')}.`,
          fixHint:
            uses.length === 0
              ? 'Choose it for an output port in the inspector, or delete it.'
              : 'Link a consumer to what it governs, make the product consumer-aligned if it serves users outside the mesh, or delete the contract.',
        },
      ]);
    });
  },
};

const findingsByContract = new Memo<Contract, RuleFinding[]>();
const unusedLists = new Memo<readonly Contract[], readonly Contract[]>();

/**
 * Whether a link reads the data a contract governs there: an output port some input port is
 * linked to, or a topic carrying the published event. A consumer-aligned product's output ports
 * count as read: they serve users outside the mesh (reports, apps), whom no link draws.
 */
function isRead(graph: MeshGraph, use: ContractUse): boolean {
  if (use.kind === 'event') {
    return use.topics.some((topic) => graph.linksFrom({ nodeId: use.system.id, portId: topic.id }).length > 0);
  }
  return (
    use.product.kind === 'consumer-aligned' ||
    graph.linksFrom({ nodeId: use.product.id, portId: use.port.id }).length > 0
  );
}

function describeUse(use: ContractUse): string {
  return use.kind === 'port'
    ? `output port ${quoted(use.port.name)} of ${quoted(use.product.name)}`
    : `event ${quoted(use.event.name)} of ${quoted(use.system.name)}`;
}
