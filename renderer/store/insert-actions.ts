import type { Point } from '../../shared/editing/geometry';
import { owningDomainId } from '../../shared/editing/mesh-index';
import { childDropPosition, domainAt, domainDropPosition } from '../../shared/editing/node-placement';
import { useDocumentStore } from './document-store';
import { addDomain } from './domain-actions';
import { useNoticeStore } from './notice-store';
import { addProduct } from './product-actions';
import { currentSelection } from './selection-store';
import { addSystem } from './system-actions';
import { useUiStore } from './ui-store';

export type InsertableKind = 'domain' | 'product' | 'system';

export type InsertResult = { ok: true; id: string } | { ok: false; reason: string };

/**
 * Adds an element from the palette. Dropped at a canvas point, a product or system goes into the
 * domain under it; added by click or key, into the selected element's domain (or the last one,
 * or a new domain when there is none: one undo step either way). The new element's name field
 * takes the focus so the user can type its name; a refusal is shown in the status bar.
 */
export function insertElement(kind: InsertableKind, dropPoint?: Point): InsertResult {
  const result = insert(kind, dropPoint);
  if (result.ok) useUiStore.getState().requestNameFocus(result.id);
  else useNoticeStore.getState().show({ tone: 'error', text: result.reason });
  return result;
}

function insert(kind: InsertableKind, dropPoint?: Point): InsertResult {
  const store = useDocumentStore.getState();
  const mesh = store.mesh;
  if (!mesh) return { ok: false, reason: 'Open or create a design first.' };
  if (kind === 'domain') return created(addDomain(dropPoint && domainDropPosition(dropPoint)));

  const add = kind === 'product' ? addProduct : addSystem;
  if (dropPoint) {
    const domainId = domainAt(mesh, dropPoint);
    if (!domainId) return { ok: false, reason: `Drop the ${kind} inside a domain: every ${kind} belongs to one.` };
    return created(add({ domainId, position: childDropPosition(mesh, domainId, dropPoint) }));
  }

  const [firstSelected] = currentSelection().nodeIds;
  const domainId = (firstSelected && owningDomainId(mesh, firstSelected)) ?? mesh.domains.at(-1)?.id;
  if (domainId) return created(add({ domainId }));
  store.beginGesture();
  const newDomainId = addDomain();
  const result = created(newDomainId && add({ domainId: newDomainId }));
  store.endGesture();
  return result;
}

function created(id: string | undefined): InsertResult {
  return id ? { ok: true, id } : { ok: false, reason: 'Nothing was added.' };
}
