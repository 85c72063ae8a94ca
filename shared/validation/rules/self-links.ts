import { quoted } from '../../model';
import { linkPlace } from '../places';
import type { Rule } from '../rule';

export const selfLinksRule: Rule = {
  id: 'self-links',
  title: 'No product links to itself',
  rationale: 'A product reading its own output republishes its own data forever.',
  defaultSeverity: 'error',
  reads: ['links', 'product outlines'],
  check({ mesh, graph }) {
    return mesh.links
      .filter((link) => link.from.nodeId === link.to.nodeId)
      .map((link) => {
        const product = graph.products.get(link.from.nodeId)?.item;
        const port = product?.outputPorts.find((candidate) => candidate.id === link.from.portId);
        return {
          ...linkPlace(graph, link),
          message: `Link ${quoted(link.id)} feeds ${quoted(product?.name ?? link.from.nodeId)} from its own output port ${quoted(port?.name ?? link.from.portId)}.`,
          fixHint: 'Remove the link; keep intermediate results in a transformation instead.',
          fix: { kind: 'remove-link' as const, linkId: link.id },
        };
      });
  },
};
