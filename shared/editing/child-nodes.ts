import { childIdStem, type Domain, firstFreeName, type Mesh, uniqueId } from '../model';
import { placeChild } from './containment';
import { withRoomToFeed } from './feeder-placement';
import type { Point } from './geometry';
import { patched, updateById, withSection } from './list-edits';
import { domainById, nodeIds } from './mesh-index';
import { defaultSizeOf, type SizeOf } from './node-placement';

/** Products and systems: the nodes that live inside a domain. */
export type ChildSection = 'products' | 'systems';
export type ChildNode<S extends ChildSection> = Mesh[S][number];

export interface ChildPlacement {
  domainId: string;
  /** Relative to the domain; the next free cell when absent. */
  position?: Point;
  /** A child of the domain the new one will feed: it goes left of it (see `withRoomToFeed`), where no position is given. */
  feeds?: string;
  /** The drawn sizes of the domain's children, which the next free cell keeps clear of. */
  sizeOf?: SizeOf;
}

/** A document with a new element in it, and the new element's id. */
export interface Added {
  mesh: Mesh;
  id: string;
}

/**
 * The document with a product or system named `Base`, `Base 2`… (free among its siblings) added
 * to a domain and placed; undefined when the domain does not exist.
 */
export function withChildAdded<S extends ChildSection>(
  mesh: Mesh,
  section: S,
  placement: ChildPlacement,
  baseName: string,
  create: (id: string, domain: Domain, name: string) => ChildNode<S>,
): Added | undefined {
  const domain = domainById(mesh, placement.domainId);
  if (!domain) return undefined;
  const siblings: ReadonlyArray<{ domainId: string; name: string }> = mesh[section];
  const name = firstFreeName(
    baseName,
    siblings.filter((sibling) => sibling.domainId === domain.id).map((sibling) => sibling.name),
  );
  const id = uniqueId(childIdStem(domain.id, name), nodeIds(mesh));
  const child = create(id, domain, name);
  const fed =
    placement.feeds && !placement.position
      ? withRoomToFeed(mesh, domain.id, placement.feeds, placement.sizeOf ?? defaultSizeOf)
      : undefined;
  const roomy = fed?.mesh ?? mesh;
  return {
    mesh: placeChild(
      { ...roomy, [section]: [...roomy[section], child] },
      domain.id,
      id,
      placement.position ?? fed?.position,
      placement.sizeOf,
    ),
    id,
  };
}

/** New fields, or a recipe, for a product's or system's own fields (not its id or domain). */
export type ChildUpdate<T> = Partial<Omit<T, 'id' | 'domainId'>> | ((node: T) => T);

export function withChildUpdated<S extends ChildSection>(
  mesh: Mesh,
  section: S,
  id: string,
  update: ChildUpdate<ChildNode<S>>,
): Mesh {
  const apply =
    typeof update === 'function' ? update : (node: ChildNode<S>) => patched(node, update as Partial<ChildNode<S>>);
  const nodes = mesh[section] as ChildNode<S>[];
  return withSection(mesh, section, updateById(nodes, id, apply) as Mesh[S]);
}
