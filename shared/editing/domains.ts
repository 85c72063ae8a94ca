import { type Domain, firstFreeName, type Mesh, uniqueId } from '../model';
import type { Added } from './child-nodes';
import { DOMAIN_SPACING } from './containment';
import { type Point, slideClear, translate } from './geometry';
import { patched, updateById, withSection } from './list-edits';
import { nodeIds } from './mesh-index';
import { DEFAULT_DOMAIN_SIZE, domainRects, nextDomainPosition, setLayout } from './node-placement';

/** Distinct, readable on light and dark backgrounds; new domains take the next one. */
export const DOMAIN_COLORS = ['#2f6fde', '#14a37f', '#c2410c', '#8e44ad', '#b8860b', '#d6336c', '#0e7490', '#5f6b7a'];

export type DomainFields = Pick<Domain, 'name' | 'description' | 'owner' | 'color'>;

/** The document with a domain named `Domain`, `Domain 2`… added at a canvas point, or below the others. */
export function withDomainAdded(mesh: Mesh, position?: Point): Added {
  const name = firstFreeName(
    'Domain',
    mesh.domains.map((domain) => domain.name),
  );
  const id = uniqueId(name, nodeIds(mesh));
  const domain: Domain = {
    id,
    name,
    description: '',
    owner: '',
    color: DOMAIN_COLORS[mesh.domains.length % DOMAIN_COLORS.length] as string,
  };
  // A domain placed at a point overlapping others moves right until it overlaps none.
  const wanted = position ?? nextDomainPosition(mesh);
  const at = translate(
    wanted,
    slideClear([{ ...wanted, ...DEFAULT_DOMAIN_SIZE }], domainRects(mesh), { x: 0, y: 0 }, DOMAIN_SPACING),
  );
  return {
    mesh: setLayout({ ...mesh, domains: [...mesh.domains, domain] }, id, { ...at, ...DEFAULT_DOMAIN_SIZE }),
    id,
  };
}

export function withDomainUpdated(mesh: Mesh, id: string, fields: Partial<DomainFields>): Mesh {
  return withSection(
    mesh,
    'domains',
    updateById(mesh.domains, id, (domain) => patched(domain, fields)),
  );
}
