import type { LinkCompatibility } from '../../shared/contracts';
import { memoizedOn } from '../../shared/editing/memo';
import type { Mesh } from '../../shared/model';
import { findingsByNode, type NodeFinding } from '../../shared/validation/node-findings';
import { linkCompatibilityOf } from '../contracts/link-compatibility';

/** A problem and where it shows on the canvas: on a node, or on a link. */
export type ProblemPlace = { nodeId: string; message: string } | { linkId: string; message: string };

/** Every problem the canvas flags, in document order: node findings, then incompatible links. */
export function problemPlaces(mesh: Mesh): ProblemPlace[] {
  // What the places derive from is left alone by moving nodes: a drag recomputes nothing.
  return placesOf(findingsByNode(mesh), linkCompatibilityOf(mesh));
}

const placesOf = memoizedOn(
  (
    findings: ReadonlyMap<string, readonly NodeFinding[]>,
    compatibility: ReadonlyMap<string, LinkCompatibility>,
  ): ProblemPlace[] => {
    const places: ProblemPlace[] = [];
    for (const [nodeId, nodeFindings] of findings) {
      for (const finding of nodeFindings) places.push({ nodeId, message: finding.message });
    }
    for (const [linkId, result] of compatibility) {
      if (result.status !== 'incompatible') continue;
      for (const problem of result.problems) places.push({ linkId, message: problem.message });
    }
    return places;
  },
);

/** Problems per domain, for the blocks drawn when zoomed far out; a link's count goes to its consumer's domain. */
export function problemCountsByDomain(mesh: Mesh): ReadonlyMap<string, number> {
  return countsOf(problemPlaces(mesh), mesh.links, mesh.products, mesh.systems);
}

const countsOf = memoizedOn(
  (
    places: ProblemPlace[],
    links: Mesh['links'],
    products: Mesh['products'],
    systems: Mesh['systems'],
  ): ReadonlyMap<string, number> => {
    const domainOf = new Map([...products, ...systems].map((node) => [node.id, node.domainId]));
    const consumerOf = new Map(links.map((link) => [link.id, link.to.nodeId]));
    const tally = new Map<string, number>();
    for (const place of places) {
      const nodeId = 'nodeId' in place ? place.nodeId : consumerOf.get(place.linkId);
      const domainId = nodeId && domainOf.get(nodeId);
      if (domainId) tally.set(domainId, (tally.get(domainId) ?? 0) + 1);
    }
    return tally;
  },
);
