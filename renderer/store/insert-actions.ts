import { domainPlaceAt } from '../../shared/editing/domains';
import type { Point, Rect } from '../../shared/editing/geometry';
import { offsetClearOfChildren } from '../../shared/editing/layout-edits';
import { owningDomainId, productById } from '../../shared/editing/mesh-index';
import {
  childDropPosition,
  DEFAULT_DOMAIN_SIZE,
  DEFAULT_NODE_SIZE,
  DEFAULT_NOTE_SIZE,
  domainAt,
  domainRects,
  freeSpotIn,
  noteRects,
  SLOT_GAP,
} from '../../shared/editing/node-placement';
import { useDocumentStore } from './document-store';
import { addDomain } from './domain-actions';
import { measuredSizeOf } from './node-sizes';
import { addNote } from './note-actions';
import { useNoticeStore } from './notice-store';
import { addProduct } from './product-actions';
import { currentSelection } from './selection-store';
import { addSystem } from './system-actions';
import { useUiStore } from './ui-store';

export type InsertableKind = 'domain' | 'product' | 'system' | 'note';

export type InsertResult = { ok: true; id: string } | { ok: false; reason: string };

/** Where the user wants something added: a point they dropped or right-clicked at, and what is on screen. */
export interface InsertPlace {
  /** A canvas point: the element goes there (a product or system into the domain under it). */
  at?: Point;
  /** The canvas area in view, minus what covers it (the minimap): new elements without a point land here. */
  view?: Rect;
  /** Parts of the view covered by overlays. */
  covered?: readonly Rect[];
}

/**
 * Adds an element from the palette. Dropped at a canvas point, a product or system goes into the
 * domain under it; added by click or key, into the selected element's domain (or the last one,
 * or a new domain when there is none: one undo step either way), a system left of a selected
 * product, which it will feed. A domain or note without a point
 * goes into free space in view; a domain pointed at inside another, into the free space in view
 * nearest the point. The new element's name field takes the focus so the user can type
 * its name; a refusal is shown in the status bar.
 */
export function insertElement(kind: InsertableKind, place: InsertPlace = {}): InsertResult {
  const result = insert(kind, place);
  if (result.ok) useUiStore.getState().requestNameFocus(result.id);
  else useNoticeStore.getState().show({ tone: 'error', text: result.reason });
  return result;
}

function insert(kind: InsertableKind, { at, view, covered = [] }: InsertPlace): InsertResult {
  const store = useDocumentStore.getState();
  const mesh = store.mesh;
  if (!mesh) return { ok: false, reason: 'Open or create a design first.' };
  // Notes take room as domains do: a domain under a note would have its title covered.
  const inView = (size: { width: number; height: number }) =>
    view && freeSpotIn(view, size, [...domainRects(mesh), ...noteRects(mesh), ...covered]);
  if (kind === 'domain')
    return created(addDomain(at ? domainPlaceAt(mesh, at, view, covered) : inView(DEFAULT_DOMAIN_SIZE)));
  if (kind === 'note') {
    const spot = at ?? inView(DEFAULT_NOTE_SIZE) ?? (view ? { x: view.x + 24, y: view.y + 24 } : { x: 0, y: 0 });
    return created(addNote(spot));
  }

  const add = kind === 'product' ? addProduct : addSystem;
  if (at) {
    const domainId = domainAt(mesh, at);
    if (!domainId) return { ok: false, reason: `Drop the ${kind} inside a domain: every ${kind} belongs to one.` };
    // Dropped on another node, it goes to the nearest free spot beside it, as a dragged node does.
    const dropped = { ...childDropPosition(mesh, domainId, at), ...DEFAULT_NODE_SIZE };
    const shift = offsetClearOfChildren(mesh, domainId, [dropped], measuredSizeOf, { spacing: SLOT_GAP });
    const position = { x: dropped.x + shift.x, y: dropped.y + shift.y };
    return created(add({ domainId, position, sizeOf: measuredSizeOf }));
  }

  const [firstSelected] = currentSelection().nodeIds;
  const domainId = (firstSelected && owningDomainId(mesh, firstSelected)) ?? mesh.domains.at(-1)?.id;
  const feeds = kind === 'system' && firstSelected && productById(mesh, firstSelected) ? firstSelected : undefined;
  if (domainId) return created(add({ domainId, sizeOf: measuredSizeOf, ...(feeds && { feeds }) }));
  store.beginGesture();
  const newDomainId = addDomain(inView(DEFAULT_DOMAIN_SIZE));
  const result = created(newDomainId && add({ domainId: newDomainId }));
  store.endGesture();
  return result;
}

function created(id: string | undefined): InsertResult {
  if (id) return { ok: true, id };
  const isReadOnly = useDocumentStore.getState().isReadOnly;
  return { ok: false, reason: `Nothing was added${isReadOnly ? ': the design is read-only while simulating' : ''}.` };
}
