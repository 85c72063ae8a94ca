import { type Domain, domainColorAt, firstFreeName, type Mesh, uniqueId } from '../model';
import type { Added } from './child-nodes';
import { DOMAIN_SPACING } from './containment';
import { containsRect, overlaps, type Point, type Rect, slideClear, translate } from './geometry';
import { patched, updateById, withSection } from './list-edits';
import { nodeIds } from './mesh-index';
import {
  DEFAULT_DOMAIN_SIZE,
  domainDropPosition,
  domainRects,
  freeSpotNearest,
  nextDomainPosition,
  noteRects,
  setLayout,
} from './node-placement';

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
    color: domainColorAt(mesh.domains.length),
  };
  const at = slidClearOfDomains(mesh, position ?? nextDomainPosition(mesh));
  return {
    mesh: setLayout({ ...mesh, domains: [...mesh.domains, domain] }, id, { ...at, ...DEFAULT_DOMAIN_SIZE }),
    id,
  };
}

/** Where a new domain wanted at `position` goes: there, or moved right until it overlaps no other domain. */
function slidClearOfDomains(mesh: Mesh, position: Point): Point {
  const box = { ...position, ...DEFAULT_DOMAIN_SIZE };
  return translate(position, slideClear([box], domainRects(mesh), { x: 0, y: 0 }, DOMAIN_SPACING));
}

/**
 * Where a domain added at a canvas point goes: its title under the point, moved right where
 * another domain is in the way. Where that move would take it out of `view` (or under what covers
 * it), the free place in view nearest the point instead; with none, the moved place, and the view
 * must follow it.
 */
export function domainPlaceAt(mesh: Mesh, at: Point, view?: Rect, covered: readonly Rect[] = []): Point {
  const wanted = domainDropPosition(at);
  const slid = slidClearOfDomains(mesh, wanted);
  if (!view || (slid.x === wanted.x && slid.y === wanted.y)) return slid;
  const slidBox = { ...slid, ...DEFAULT_DOMAIN_SIZE };
  if (containsRect(view, slidBox) && !covered.some((cover) => overlaps(cover, slidBox))) return slid;
  const taken = [...domainRects(mesh), ...noteRects(mesh), ...covered];
  return freeSpotNearest(view, DEFAULT_DOMAIN_SIZE, taken, wanted, DOMAIN_SPACING) ?? slid;
}

export function withDomainUpdated(mesh: Mesh, id: string, fields: Partial<DomainFields>): Mesh {
  return withSection(
    mesh,
    'domains',
    updateById(mesh.domains, id, (domain) => patched(domain, fields)),
  );
}
