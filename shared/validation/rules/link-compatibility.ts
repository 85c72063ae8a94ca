import type { LinkCompatibility } from '../../contracts';
import { checkLinkCompatibility } from '../../contracts';
import { Memo } from '../../lineage/memo';
import { contractOf, type MeshGraph } from '../../lineage/mesh-graph';
import { sourceContract } from '../../lineage/source-contract';
import { type Contract, type DataProduct, type Link, type Mesh, type OperationalSystem, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { findingsPerLink } from '../findings-per-element';
import { linkPlace } from '../places';
import type { Rule } from '../rule';

/** Each link's verdict, until its ends or their contracts change. */
const verdicts = new Memo<Link, LinkCompatibility>();
/** Each link's finding, until its verdict or its place changes. */
const findingsByLink = new Memo<Link, RuleFinding[]>();

export const linkCompatibilityRule: Rule = {
  id: 'link-compatibility',
  title: 'Links give consumers what they need',
  rationale: "A consumer's input port must get, by name and type, every field it expects from the producer's contract.",
  defaultSeverity: 'error',
  reads: ['links', 'product outlines', 'systems', 'contracts'],
  check({ mesh, graph }) {
    const verdictOf = (link: Link) => {
      const ends = linkEnds(graph, link);
      // checkLinkCompatibility looks ends and contracts up by scanning: handed the whole mesh for
      // every link, that would cost the square of its size; it gets the link's neighbourhood.
      return verdicts.get(link, ends, () => checkLinkCompatibility(neighbourhood(mesh, ends), link));
    };
    // A link's finding reads its two ends and the contracts they name (for its verdict, and names in the message).
    return findingsPerLink(findingsByLink, mesh, (link) => {
      const compatibility = verdictOf(link);
      if (compatibility.status !== 'incompatible') return [];
      const nameOf = (nodeId: string) =>
        graph.products.get(nodeId)?.item.name ?? graph.systems.get(nodeId)?.item.name ?? nodeId;
      return [
        {
          ...linkPlace(graph, link),
          message: `${quoted(nameOf(link.from.nodeId))} → ${quoted(nameOf(link.to.nodeId))} is incompatible: ${compatibility.problems.map((problem) => problem.message).join('; ')}.`,
          fixHint:
            "Change the producer's contract, or what the consumer's input port expects, so every needed field is provided.",
        },
      ];
    });
  },
};

/** What a link's compatibility reads: the producing product or system, the consuming product, and their two contracts. */
type LinkEnds = [
  from: DataProduct | OperationalSystem | undefined,
  to: DataProduct | undefined,
  provider: Contract | undefined,
  referenced: Contract | undefined,
];

function linkEnds(graph: MeshGraph, link: Link): LinkEnds {
  const fromProduct = graph.products.get(link.from.nodeId)?.item;
  const fromSystem = fromProduct ? undefined : graph.systems.get(link.from.nodeId)?.item;
  const toProduct = graph.products.get(link.to.nodeId)?.item;
  const referencedId = toProduct?.inputPorts.find((port) => port.id === link.to.portId)?.contractId;
  return [fromProduct ?? fromSystem, toProduct, sourceContract(graph, link.from), contractOf(graph, referencedId)];
}

function neighbourhood(mesh: Mesh, [from, to, provider, referenced]: LinkEnds): Mesh {
  const products = [from, to].filter((node): node is DataProduct => node !== undefined && 'outputPorts' in node);
  const systems = from && !('outputPorts' in from) ? [from] : [];
  const contracts = [provider, referenced].filter((contract): contract is Contract => contract !== undefined);
  return { ...mesh, products, systems, contracts };
}
