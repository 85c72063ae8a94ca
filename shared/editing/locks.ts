import type { Mesh } from '../model';

export function isLocked(mesh: Mesh, nodeId: string): boolean {
  return mesh.layout.nodes[nodeId]?.locked === true;
}

/**
 * The document with the nodes locked against moves, or unlocked when every one of them already
 * is (one command toggles, as in drawing tools).
 */
export function withLockToggled(mesh: Mesh, nodeIds: readonly string[]): Mesh {
  const known = nodeIds.filter((id) => mesh.layout.nodes[id] !== undefined);
  if (known.length === 0) return mesh;
  const lock = !known.every((id) => isLocked(mesh, id));
  const nodes = { ...mesh.layout.nodes };
  for (const id of known) {
    const { locked: _locked, ...layout } = nodes[id] as NonNullable<(typeof nodes)[string]>;
    nodes[id] = lock ? { ...layout, locked: true } : layout;
  }
  return { ...mesh, layout: { ...mesh.layout, nodes } };
}
