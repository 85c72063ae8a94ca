import { type Domain, firstFreeName, type Mesh, uniqueId } from '../model';
import type { Added } from './child-nodes';
import { DOMAIN_SPACING } from './containment';
import { inflate, overlaps, type Point, type Rect, slideClear, translate } from './geometry';
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

/**
 * Where a domain added at a canvas point goes: its title under the point; where that would overlap
 * another domain, the free place in view nearest to it (clear of domains, notes and what covers
 * the view). With no room in view, the point itself: `withDomainAdded` slides it clear, out of
 * view maybe, and the view must follow it.
 */
export function domainPlaceAt(mesh: Mesh, at: Point, view?: Rect, covered: readonly Rect[] = []): Point {
  const wanted = domainDropPosition(at);
  const domains = domainRects(mesh);
  const box = { ...wanted, ...DEFAULT_DOMAIN_SIZE };
  if (!view || !domains.some((domain) => overlaps(inflate(box, DOMAIN_SPACING), domain))) return wanted;
  const taken = [...domains, ...noteRects(mesh), ...covered];
  return freeSpotNearest(view, DEFAULT_DOMAIN_SIZE, taken, wanted, DOMAIN_SPACING) ?? wanted;
}

export function withDomainUpdated(mesh: Mesh, id: string, fields: Partial<DomainFields>): Mesh {
  return withSection(
    mesh,
    'domains',
    updateById(mesh.domains, id, (domain) => patched(domain, fields)),
  );
}
