import { beforeEach, describe, expect, it } from 'vitest';
import { insertElement } from '../../../renderer/store/insert-actions';
import { selectOnly } from '../../../renderer/store/selection-store';
import { isInsideItsDomain } from '../../../shared/editing/containment';
import { aMesh } from '../../builders/mesh-builder';
import { documentNow, expectOneUndoableStep, openDocument, twoStackedDomains } from './store-fixture';

describe('inserting from the palette', () => {
  beforeEach(() => openDocument(twoStackedDomains('tickets', 'support', { x: 32, y: 56 })));

  it('drops a product into the domain under the pointer, centred on it, inside its box', () => {
    const result = insertElement('product', { at: { x: 300, y: 500 } });
    expect(result.ok).toBe(true);
    const product = documentNow().products.at(-1);
    expect(product?.domainId).toBe('support');
    const domain = documentNow().layout.nodes.support!;
    const layout = documentNow().layout.nodes[product?.id as string]!;
    expect({ x: domain.x + layout.x, y: domain.y + layout.y }).toEqual({ x: 160, y: 425 });
    expect(isInsideItsDomain(documentNow(), product?.id as string)).toBe(true);
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

  it('adds a sticky note where the user points', () => {
    const result = insertElement('note', { at: { x: 50, y: 800 } });
    expect(result.ok).toBe(true);
    expect(documentNow().notes).toEqual([{ id: 'note-1', text: expect.stringContaining('Markdown') }]);
    expect(documentNow().layout.nodes['note-1']).toMatchObject({ x: 50, y: 800 });
  });
});
