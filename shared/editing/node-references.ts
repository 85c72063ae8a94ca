import type { Mesh } from '../model';
import { isDomainIdNamedInContracts } from './contract-domains';
import { domainById } from './mesh-index';
import { isNamedInScenarios } from './scenario-references';

/**
 * Whether the design refers to a domain, product or system by its id anywhere but in the element
 * itself, its place on the canvas and its own products' and systems' `domainId`: a link's end, a
 * scenario, a contract's `dataProduct:`, or a contract's `domain:` naming it by id that would not
 * follow it. Only fields that hold ids count, never text that happens to spell one.
 */
export function isNodeReferredTo(mesh: Mesh, id: string): boolean {
  const domain = domainById(mesh, id);
  return (
    mesh.links.some((link) => link.from.nodeId === id || link.to.nodeId === id) ||
    isNamedInScenarios(mesh, id) ||
    mesh.contracts.some((contract) => contract.dataProduct === id) ||
    (domain !== undefined && isDomainIdNamedInContracts(mesh, domain))
  );
}
