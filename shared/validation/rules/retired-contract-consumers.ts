import { lifecycleStatus } from '../../contracts/lifecycle-status';
import { Memo } from '../../lineage/memo';
import { sourceContract } from '../../lineage/source-contract';
import { type Link, quoted } from '../../model';
import type { RuleFinding, Severity } from '../finding';
import { findingsPerLink } from '../findings-per-element';
import { linkPlace } from '../places';
import type { Rule } from '../rule';

/** How much a consumer still reading under each status matters: a retired contract is no longer served. */
const SEVERITY_OF_STATUS: ReadonlyMap<string, Severity> = new Map([
  ['retired', 'warning'],
  ['deprecated', 'info'],
]);

/** Each link's finding, until either of its ends or the contracts they name change. */
const findingsByLink = new Memo<Link, RuleFinding[]>();

export const retiredContractConsumersRule: Rule = {
  id: 'retired-contract-consumers',
  title: 'Consumers move off deprecated and retired contracts',
  rationale:
    'A deprecated contract is served only while its consumers move on, a retired one no longer: a link still reading data under it is a consumer about to lose that data.',
  defaultSeverity: 'warning',
  reads: ['links', 'product outlines', 'systems', 'contracts'],
  check({ mesh, graph }) {
    return findingsPerLink(findingsByLink, mesh, (link) => {
      const contract = sourceContract(graph, link.from);
      const status = contract && lifecycleStatus(contract);
      const severity = status === undefined ? undefined : SEVERITY_OF_STATUS.get(status);
      const consumer = graph.products.get(link.to.nodeId)?.item;
      if (!contract || !severity || !consumer) return [];
      const portName = consumer.inputPorts.find((port) => port.id === link.to.portId)?.name ?? link.to.portId;
      const producerName =
        graph.products.get(link.from.nodeId)?.item.name ?? graph.systems.get(link.from.nodeId)?.item.name;
      return [
        {
          ...linkPlace(graph, link),
          severity,
          message: `${quoted(consumer.name)} still reads ${quoted(producerName ?? link.from.nodeId)} through input port ${quoted(portName)}, under contract ${quoted(contract.name)}, which is ${status}.`,
          fixHint: `Feed ${quoted(consumer.name)} from the data that replaces what ${quoted(contract.name)} governs, and remove this link${status === 'retired' ? "; or set the contract back to 'deprecated' while it is still served" : ' before the contract is retired'}.`,
        },
      ];
    });
  },
};
