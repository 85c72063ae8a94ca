import { Memo } from '../../lineage/memo';
import { contractOf } from '../../lineage/mesh-graph';
import { type DataProduct, quoted } from '../../model';
import { rawTableName } from '../../simulation/sql-text';
import type { RuleFinding } from '../finding';
import { findingsPerLineage } from '../findings-per-lineage';
import { portPlace } from '../places';
import type { Rule } from '../rule';

const findingsByProduct = new Memo<DataProduct, RuleFinding[]>();

export const immutableEventsRule: Rule = {
  id: 'immutable-events',
  title: 'Events are published from events',
  rationale:
    'An event never changes once published. An output port under an event contract that passes on an entity it reads (a CDC table, or an entity another product publishes) would publish each of its updates as a changed event; the simulation refuses such a port.',
  defaultSeverity: 'error',
  reads: ['products', 'links', 'contracts', 'systems'],
  check({ graph }) {
    return findingsPerLineage(findingsByProduct, graph, (product, lineage) =>
      product.outputPorts.flatMap((port): RuleFinding[] => {
        const contract = port.contractId === undefined ? undefined : contractOf(graph, port.contractId);
        // Only the first schema object goes onto the log consumers read, so only it can pass on changes as events.
        const published = contract?.kind === 'event' ? contract.schema[0]?.name : undefined;
        // A transformation of that name clashes with the entity's table: product-tables says so, once.
        if (!contract || !published || product.transformations.some((step) => step.name === published)) return [];
        const entityInput = [...lineage.inputs.values()].find((input) =>
          input.feeds.some(({ dataset }) => dataset.kind === 'entity' && dataset.schema.name === published),
        );
        if (!entityInput) return [];
        return [
          {
            ...portPlace(graph, product, port),
            message: `Output port ${quoted(port.name)} of ${quoted(product.name)} publishes ${quoted(published)}, an entity updated in place that it reads through ${quoted(entityInput.port.name)}, under the event contract ${quoted(contract.name)}: events never change.`,
            fixHint: `Use an entity contract for the port, or give the event its own schema object name and derive it in a transformation from the raw zone ${quoted(rawTableName(entityInput.port.id))}, where each change has its own _sequence.`,
            related: [{ kind: 'port', productId: product.id, portId: entityInput.port.id }],
            causingContractId: contract.id,
          },
        ];
      }),
    );
  },
};
