import { distinctNodeName, endpointName, quoted } from '../../model';
import { portPlace } from '../places';
import type { Rule } from '../rule';

export const oneSourcePerInputRule: Rule = {
  id: 'one-source-per-input',
  title: 'Every input port has one source',
  rationale:
    'An input port consumes one dataset; a second link into it is a second dataset with nowhere to land (the simulation runs only one).',
  defaultSeverity: 'error',
  reads: ['product outlines', 'systems', 'links', 'domains'],
  check({ mesh, graph }) {
    return mesh.products.flatMap((product) =>
      product.inputPorts.flatMap((port) => {
        const links = graph.linksInto({ nodeId: product.id, portId: port.id });
        if (links.length < 2) return [];
        const sources = links.map((link) => quoted(endpointName(mesh, link.from)));
        return [
          {
            ...portPlace(graph, product, port),
            message: `Input port ${quoted(port.name)} of ${quoted(distinctNodeName(mesh, product))} is fed by ${links.length} links, from ${sources.slice(0, -1).join(', ')} and ${sources.at(-1)}; an input port consumes one dataset.`,
            fixHint: 'Keep one link here and add another input port for each further source.',
          },
        ];
      }),
    );
  },
};
