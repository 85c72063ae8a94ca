import { owningDomainId } from '../../shared/editing/mesh-index';
import type { Mesh } from '../../shared/model';
import { findingsByNode } from '../../shared/validation/node-findings';
import { linkCompatibilityOf } from '../contracts/link-compatibility';

/** A problem and where it shows on the canvas: on a node, or on a link. */
export type ProblemPlace = { nodeId: string; message: string } | { linkId: string; message: string };

// Keyed by what the places derive from, which moving nodes leaves alone: a drag recomputes nothing.
const placesCache = new WeakMap<object, WeakMap<object, ProblemPlace[]>>();

/** Every problem the canvas flags, in document order: node findings, then incompatible links. */
export function problemPlaces(mesh: Mesh): ProblemPlace[] {
  const findings = findingsByNode(mesh);
  const compatibility = linkCompatibilityOf(mesh);
  let byCompatibility = placesCache.get(findings);
  if (!byCompatibility) {
    byCompatibility = new WeakMap();
    placesCache.set(findings, byCompatibility);
  }
  const cached = byCompatibility.get(compatibility);
  if (cached) return cached;
  const places: ProblemPlace[] = [];
  for (const [nodeId, nodeFindings] of findings) {
    for (const finding of nodeFindings) places.push({ nodeId, message: finding.message });
  }
  for (const [linkId, result] of compatibility) {
    if (result.status !== 'incompatible') continue;
    for (const problem of result.problems) places.push({ linkId, message: problem.message });
  }
  byCompatibility.set(compatibility, places);
  return places;
}

const countsCache = new WeakMap<ProblemPlace[], ReadonlyMap<string, number>>();

/** Problems per domain, for the blocks drawn when zoomed far out; a link's count goes to its consumer's domain. */
export function problemCountsByDomain(mesh: Mesh): ReadonlyMap<string, number> {
  const places = problemPlaces(mesh);
  let counts = countsCache.get(places);
  if (!counts) {
    const tally = new Map<string, number>();
    for (const place of places) {
      const nodeId = 'nodeId' in place ? place.nodeId : mesh.links.find((link) => link.id === place.linkId)?.to.nodeId;
      const domainId = nodeId && owningDomainId(mesh, nodeId);
      if (domainId) tally.set(domainId, (tally.get(domainId) ?? 0) + 1);
    }
    counts = tally;
    countsCache.set(places, counts);
  }
  return counts;
}
