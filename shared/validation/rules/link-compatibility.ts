import type { LinkCompatibility } from '../../contracts';
import { checkLinkCompatibility } from '../../contracts';
import { DependentCache } from '../../lineage/dependent-cache';
import type { MeshGraph } from '../../lineage/mesh-graph';
import type { Contract, Link } from '../../model';
import { linkPlace } from '../places';
import type { Rule } from '../rule';

/** Each link's verdict, until its ends or their contracts change. */
const cache = new DependentCache<Link, LinkCompatibility>();

export const linkCompatibilityRule: Rule = {
  id: 'link-compatibility',
  title: 'Links give consumers what they need',
  rationale: "A consumer's input port must get, by name and type, every field it expects from the producer's contract.",
  defaultSeverity: 'error',
  check({ mesh, graph }) {
    return mesh.links.flatMap((link) => {
      const ends = linkEnds(graph, link);
      // checkLinkCompatibility looks ends and contracts up by scanning: handed the whole mesh for
      // every link, that would cost the square of its size.
      const compatibility = cache.get(link, [...ends.products, ...ends.systems, ...ends.contracts], () =>
        checkLinkCompatibility({ ...mesh, ...ends }, link),
      );
      if (compatibility.status !== 'incompatible') return [];
      const nameOf = (nodeId: string) =>
        graph.products.get(nodeId)?.item.name ?? graph.systems.get(nodeId)?.item.name ?? nodeId;
      return [
        {
          ...linkPlace(graph, link),
          message: `'${nameOf(link.from.nodeId)}' → '${nameOf(link.to.nodeId)}' is incompatible: ${compatibility.problems.map((problem) => problem.message).join('; ')}.`,
          fixHint:
            "Change the producer's contract, or what the consumer's input port expects, so every needed field is provided.",
        },
      ];
    });
  },
};

/** A link's two ends and the contracts its compatibility reads: the producer's, and the one the consumer refers to. */
function linkEnds(graph: MeshGraph, link: Link) {
  const fromProduct = graph.products.get(link.from.nodeId)?.item;
  const fromSystem = fromProduct ? undefined : graph.systems.get(link.from.nodeId)?.item;
  const toProduct = graph.products.get(link.to.nodeId)?.item;
  let providerId: string | undefined;
  if (fromProduct) providerId = fromProduct.outputPorts.find((port) => port.id === link.from.portId)?.contractId;
  else if (fromSystem) {
    const source = fromSystem.messaging.topics.find((topic) => topic.id === link.from.portId)?.source;
    const event = source?.kind === 'outbox' ? source.event : undefined;
    providerId = fromSystem.publishes.find((published) => published.name === event)?.contractId;
  }
  const referencedId = toProduct?.inputPorts.find((port) => port.id === link.to.portId)?.contractId;
  const contracts: Contract[] = [];
  for (const id of [providerId, referencedId]) {
    const contract = id === undefined ? undefined : graph.contracts.get(id)?.item;
    if (contract) contracts.push(contract);
  }
  return {
    products: fromProduct && toProduct ? [fromProduct, toProduct] : toProduct ? [toProduct] : [],
    systems: fromSystem ? [fromSystem] : [],
    contracts,
  };
}
