import { isolated, quoted } from '../../model';
import { linkPlace } from '../places';
import type { Rule } from '../rule';

export const crossDomainSourcesRule: Rule = {
  id: 'cross-domain-sources',
  title: 'Across domains, data is read only through output ports',
  rationale:
    "A domain's operational systems are its private implementation; other domains read the data products it serves.",
  defaultSeverity: 'error',
  reads: ['links', 'systems', 'product outlines', 'domains'],
  check({ mesh, graph }) {
    return mesh.links.flatMap((link) => {
      const system = graph.systems.get(link.from.nodeId)?.item;
      const product = graph.products.get(link.to.nodeId)?.item;
      if (!system || !product || system.domainId === product.domainId) return [];
      const domainName = (id: string) => isolated(graph.domains.get(id)?.item.name ?? id);
      const topic = system.messaging.topics.find((candidate) => candidate.id === link.from.portId);
      return [
        {
          ...linkPlace(graph, link),
          message: `${quoted(product.name)} (${domainName(product.domainId)}) reads topic ${quoted(topic?.name ?? link.from.portId)} of ${quoted(system.name)} (${domainName(system.domainId)}) directly.`,
          fixHint: `Read an output port of a data product of ${domainName(system.domainId)} instead, or move ${quoted(product.name)} into that domain.`,
          related: [
            { kind: 'product' as const, productId: product.id },
            { kind: 'system' as const, systemId: system.id },
          ],
        },
      ];
    });
  },
};
