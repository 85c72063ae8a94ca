import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { insertElement } from '../../../renderer/store/insert-actions';
import { rememberNodeSizes } from '../../../renderer/store/node-sizes';
import { selectOnly } from '../../../renderer/store/selection-store';
import { isInsideItsDomain } from '../../../shared/editing/containment';
import { containsRect, inflate, overlaps, type Rect } from '../../../shared/editing/geometry';
import { aMesh } from '../../builders/mesh-builder';
import { documentNow, expectOneUndoableStep, openDocument, selectedNodeIds, twoStackedDomains } from './store-fixture';

/** The box of an element added on the canvas itself (a domain or a note). */
function boxOf(result: ReturnType<typeof insertElement>): Rect {
  const layout = result.ok ? documentNow().layout.nodes[result.id] : undefined;
  if (!layout?.width || !layout.height) throw new Error('nothing added, or added without a size');
  return { x: layout.x, y: layout.y, width: layout.width, height: layout.height };
}

function domainBox(id: string): Rect {
  const layout = documentNow().layout.nodes[id];
  return { x: layout?.x ?? 0, y: layout?.y ?? 0, width: layout?.width ?? 0, height: layout?.height ?? 0 };
}

describe('inserting from the palette', () => {
  beforeEach(() => openDocument(twoStackedDomains('tickets', 'support', { x: 32, y: 56 })));

  it('drops a product into the domain under the pointer, centred on it, inside its box', () => {
    const result = insertElement('product', { at: { x: 300, y: 150 } });
    expect(result.ok).toBe(true);
    const product = documentNow().products.at(-1);
    expect(product?.domainId).toBe('sales');
    const domain = documentNow().layout.nodes.sales!;
    const layout = documentNow().layout.nodes[product?.id as string]!;
    expect({ x: domain.x + layout.x, y: domain.y + layout.y }).toEqual({ x: 160, y: 75 });
    expect(isInsideItsDomain(documentNow(), product?.id as string)).toBe(true);
  });

  it('adds nothing while simulating and says why, selecting nothing that is not there', () => {
    const opened = documentNow();
    selectOnly(['sales']);
    useDocumentStore.getState().setReadOnly(true);
    onTestFinished(() => useDocumentStore.getState().setReadOnly(false));

    expect(insertElement('product')).toEqual({
      ok: false,
      reason: 'Nothing was added: the design is read-only while simulating.',
    });
    expect(documentNow()).toBe(opened);
    expect(selectedNodeIds()).toEqual(['sales']);
  });

  it('drops a product over another one in the nearest free spot, 40 px clear of it, its domain grown to hold it', () => {
    // Memberships & Contracts between two more products stacked in a domain, as drawn (260 × 74).
    const stacked = ['profiles', 'memberships', 'app-usage'];
    const mesh = stacked.reduce((built, id) => built.withProduct(id, 'members'), aMesh().withDomain('members')).build();
    mesh.layout.nodes = {
      members: { x: 0, y: 0, width: 324, height: 430 },
      ...Object.fromEntries(stacked.map((id, row) => [id, { x: 32, y: 56 + 134 * row }])),
    };
    openDocument(mesh);
    const drawn = { width: 260, height: 74 };
    rememberNodeSizes(new Map(stacked.map((id) => [id, drawn])));

    const result = insertElement('product', { at: { x: 162, y: 410 } });

    const layoutOf = (id: string) => documentNow().layout.nodes[id] as { x: number; y: number };
    const added = { ...layoutOf(result.ok ? result.id : ''), ...drawn };
    const siblings = stacked.map((id) => ({ ...layoutOf(id), ...drawn }));
    expect(siblings.filter((sibling) => overlaps(inflate(sibling, 39), added))).toEqual([]);
    expect(isInsideItsDomain(documentNow(), result.ok ? result.id : '')).toBe(true);
  });

  it('refuses a product dropped outside every domain, saying why', () => {
    expect(insertElement('system', { at: { x: 900, y: 900 } })).toEqual({
      ok: false,
      reason: 'Drop the system inside a domain: every system belongs to one.',
    });
  });

  it('adds by key or click into the domain of the selected element', () => {
    selectOnly(['tickets']);
    insertElement('system');
    expect(documentNow().systems.at(-1)?.domainId).toBe('support');
  });

  it('adds into the last domain when nothing is selected', () => {
    insertElement('product');
    expect(documentNow().products.at(-1)?.domainId).toBe('support');
  });

  it('creates a domain first in an empty design, in the same undo step', () => {
    openDocument(aMesh().build());
    const { after } = expectOneUndoableStep(() => insertElement('product'));
    expect(after.domains).toHaveLength(1);
    expect(after.products[0]?.domainId).toBe(after.domains[0]?.id);
  });

  it('adds a domain where it was dropped, its title under the pointer', () => {
    insertElement('domain', { at: { x: 1000, y: 100 } });
    expect(documentNow().layout.nodes.domain).toMatchObject({ x: 680, y: 72 });
  });

  it('adds a domain pointed at near the view’s edge there, its title under the pointer, though it reaches out of view', () => {
    const view = { x: -100, y: -100, width: 1200, height: 1400 };
    insertElement('domain', { at: { x: 1000, y: 100 }, view });
    expect(documentNow().layout.nodes.domain).toMatchObject({ x: 680, y: 72 });
  });

  it('slides a domain pointed at inside another to its right, title still at the pointer, where that stays in view', () => {
    const view = { x: -100, y: -100, width: 2000, height: 1400 };
    insertElement('domain', { at: { x: 300, y: 150 }, view });
    expect(documentNow().layout.nodes.domain).toMatchObject({ x: 640, y: 122 });
  });

  it('adds a domain pointed at inside another in the free place in view nearest the pointer, where sliding it right would leave the view', () => {
    // Slid right, clear of the domain under the pointer, it would land beyond the view's right edge.
    const view = { x: -100, y: -100, width: 1000, height: 1400 };
    const added = boxOf(insertElement('domain', { at: { x: 300, y: 150 }, view }));
    expect(containsRect(view, added)).toBe(true);
    expect(overlaps(added, domainBox('sales'))).toBe(false);
    expect(overlaps(added, domainBox('support'))).toBe(false);
  });

  it('adds a domain by key in free space in view, clear of the others and of the minimap', () => {
    const view = { x: -200, y: -200, width: 1600, height: 1400 };
    const minimap = { x: 1100, y: 1000, width: 300, height: 200 };
    insertElement('domain', { view, covered: [minimap] });
    const added = documentNow().layout.nodes.domain as { x: number; y: number; width: number; height: number };
    const box = { x: added.x, y: added.y, width: added.width, height: added.height };
    for (const other of [documentNow().layout.nodes.sales, documentNow().layout.nodes.support, minimap]) {
      const rect = other as typeof box;
      const apart =
        box.x + box.width <= rect.x ||
        rect.x + rect.width <= box.x ||
        box.y + box.height <= rect.y ||
        rect.y + rect.height <= box.y;
      expect(apart).toBe(true);
    }
    expect(box.x).toBeGreaterThanOrEqual(view.x);
    expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);
  });

  it('adds a domain by key clear of a sticky note in view, which would cover its title', () => {
    const view = { x: -200, y: -200, width: 1600, height: 1400 };
    const note = insertElement('note', { view });
    const domain = insertElement('domain', { view });
    expect(overlaps(boxOf(note), boxOf(domain))).toBe(false);
  });

  it('adds a sticky note by key clear of another note', () => {
    const view = { x: -200, y: -200, width: 1600, height: 1400 };
    const first = insertElement('note', { view });
    const second = insertElement('note', { view });
    expect(overlaps(boxOf(first), boxOf(second))).toBe(false);
  });

  it('adds products by key without growing their domain under a sticky note beside it: the note moves aside', () => {
    const note = insertElement('note', { at: { x: 640, y: 420 } });
    selectOnly(['tickets']);
    for (let added = 0; added < 3; added++) insertElement('product');
    expect(overlaps(boxOf(note), domainBox('support'))).toBe(false);
    expect(overlaps(boxOf(note), domainBox('sales'))).toBe(false);
  });

  it('leaves a note put on a domain where it is when the domain grows: it annotates the domain', () => {
    const note = insertElement('note', { at: { x: 100, y: 500 } });
    selectOnly(['tickets']);
    for (let added = 0; added < 3; added++) insertElement('product');
    expect(boxOf(note)).toMatchObject({ x: 100, y: 500 });
  });

  it('adds a sticky note where the user points', () => {
    const result = insertElement('note', { at: { x: 50, y: 800 } });
    expect(result.ok).toBe(true);
    expect(documentNow().notes).toEqual([{ id: 'note-1', text: expect.stringContaining('Markdown') }]);
    expect(documentNow().layout.nodes['note-1']).toMatchObject({ x: 50, y: 800 });
  });
});
