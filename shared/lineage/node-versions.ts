import type { Mesh } from '../model';
import { type MeshGraph, meshGraph } from './mesh-graph';

/**
 * Versions of a mesh's nodes (products and systems), for memos of what a node's surroundings
 * make of it: each is an object that stays the same while what it covers stays the same, and
 * is a new object otherwise (never one seen before, so a memo can take it as a dependency).
 */
export interface NodeVersions {
  /** While the node, every link leaving or arriving at it and every contract it names stay the same. */
  own(nodeId: string): object;
  /** While `own` of the node and of every node linked into it stay the same: all a product's lineage reads. */
  inflow(nodeId: string): object;
}

/** The versions found for the last mesh asked about, to carry over to the next one. */
let last: { graph: MeshGraph; own: Map<string, object>; inflow: Map<string, object> } | undefined;
const byGraph = new WeakMap<MeshGraph, NodeVersions>();
let lastAsked: { mesh: Mesh; versions: NodeVersions } | undefined;

/**
 * The versions of the mesh's nodes. The mesh is updated immutably, so what changed since the
 * last mesh asked about is found by comparing objects, and only the nodes it touches get new
 * versions: this costs what an edit changed, where reading every node's surroundings would
 * cost the size of the mesh.
 */
export function nodeVersions(mesh: Mesh): NodeVersions {
  // Asked for once per product by each of several rules: the same mesh again is answered at once.
  if (lastAsked?.mesh === mesh) return lastAsked.versions;
  const graph = meshGraph(mesh);
  const known = byGraph.get(graph);
  if (known) {
    lastAsked = { mesh, versions: known };
    return known;
  }
  const own = new Map(last?.own);
  const inflow = new Map(last?.inflow);
  if (last) {
    const changed = changedNodes(last.graph, graph);
    for (const nodeId of changed) own.set(nodeId, {});
    for (const nodeId of changed) {
      inflow.set(nodeId, {});
      for (const link of graph.linksOf(nodeId)) if (link.from.nodeId === nodeId) inflow.set(link.to.nodeId, {});
    }
  }
  const versionOf = (versions: Map<string, object>, nodeId: string) => {
    let version = versions.get(nodeId);
    if (!version) {
      version = {};
      versions.set(nodeId, version);
    }
    return version;
  };
  const versions: NodeVersions = {
    own: (nodeId) => versionOf(own, nodeId),
    inflow: (nodeId) => versionOf(inflow, nodeId),
  };
  last = { graph, own, inflow };
  lastAsked = { mesh, versions };
  byGraph.set(graph, versions);
  return versions;
}

/** The ids of the nodes whose object, links or named contracts differ between the two meshes. */
function changedNodes(before: MeshGraph, after: MeshGraph): Set<string> {
  const changed = new Set<string>();
  const { removed: oldProducts, added: newProducts } = difference(before.mesh.products, after.mesh.products);
  const { removed: oldSystems, added: newSystems } = difference(before.mesh.systems, after.mesh.systems);
  for (const node of [...oldProducts, ...newProducts, ...oldSystems, ...newSystems]) changed.add(node.id);
  const links = difference(before.mesh.links, after.mesh.links);
  for (const link of [...links.removed, ...links.added]) {
    changed.add(link.from.nodeId);
    changed.add(link.to.nodeId);
  }
  const contracts = difference(before.mesh.contracts, after.mesh.contracts);
  for (const contract of [...contracts.removed, ...contracts.added]) {
    for (const graph of [before, after]) for (const nodeId of graph.contractNamers(contract.id)) changed.add(nodeId);
  }
  return changed;
}

/**
 * The items only one of two versions of a list holds (by identity). An edit changes a few items
 * somewhere in the list: the common start and end are skipped, only the middle is compared.
 */
function difference<T>(before: readonly T[], after: readonly T[]): { removed: T[]; added: T[] } {
  if (before === after) return { removed: [], added: [] };
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let beforeEnd = before.length;
  let afterEnd = after.length;
  while (beforeEnd > start && afterEnd > start && before[beforeEnd - 1] === after[afterEnd - 1]) {
    beforeEnd--;
    afterEnd--;
  }
  const middleBefore = before.slice(start, beforeEnd);
  const middleAfter = after.slice(start, afterEnd);
  const kept = new Set(middleAfter);
  const had = new Set(middleBefore);
  return {
    removed: middleBefore.filter((item) => !kept.has(item)),
    added: middleAfter.filter((item) => !had.has(item)),
  };
}
