import { Memo } from '../../lineage/memo';
import { nodeVersions } from '../../lineage/node-versions';
import { type DataProduct, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { portPlace } from '../places';
import type { Rule } from '../rule';

export const inputsLinkedRule: Rule = {
  id: 'inputs-linked',
  title: 'Every input port is linked',
  rationale: 'An input port nothing feeds is a product waiting for data that will never come.',
  defaultSeverity: 'warning',
  reads: ['product outlines', 'links'],
  check({ mesh, graph }) {
    // A product's findings read it and the links arriving at it.
    const versions = nodeVersions(mesh);
    return findingsPerElement(
      findingsByProduct,
      mesh.products,
      (product) => [versions.own(product.id)],
      (product) =>
        product.inputPorts
          .filter((port) => graph.linksInto({ nodeId: product.id, portId: port.id }).length === 0)
          .map((port) => ({
            ...portPlace(graph, product, port),
            message: `Input port ${quoted(port.name)} of ${quoted(product.name)} is not fed by any link.`,
            fixHint: 'Link an output port or a topic to it, or remove the port.',
          })),
    );
  },
};

const findingsByProduct = new Memo<DataProduct, RuleFinding[]>();
