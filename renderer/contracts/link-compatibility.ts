import { checkMeshCompatibility, type LinkCompatibility } from '../../shared/contracts';
import type { Mesh } from '../../shared/model';

let lastInputs: readonly unknown[] = [];
let lastResult: ReadonlyMap<string, LinkCompatibility> = new Map();

/**
 * Each link's compatibility, recomputed only when what it depends on changes (contracts,
 * links, ports): moving nodes changes the document but none of these, so a drag is free.
 */
export function linkCompatibilityOf(mesh: Mesh): ReadonlyMap<string, LinkCompatibility> {
  const inputs = [mesh.contracts, mesh.links, mesh.products, mesh.systems];
  if (inputs.every((input, index) => input === lastInputs[index])) return lastResult;
  lastInputs = inputs;
  lastResult = new Map(checkMeshCompatibility(mesh).map((result) => [result.linkId, result]));
  return lastResult;
}
