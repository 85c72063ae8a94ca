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
        const name = graph.products.get(link.from.nodeId)?.item.name ?? link.from.nodeId;
        return {
          ...linkPlace(graph, link),
          message: `Link ${quoted(link.id)} feeds ${quoted(name)} from its own output port ${quoted(link.from.portId)}.`,
          fixHint: 'Remove the link; keep intermediate results in a transformation instead.',
          fix: { kind: 'remove-link' as const, linkId: link.id },
        };
      });
  },
};
