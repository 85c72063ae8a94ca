import { beforeEach, describe, expect, it } from 'vitest';
import { insertElement } from '../../../renderer/store/insert-actions';
import { selectOnly } from '../../../renderer/store/selection-store';
import { aMesh } from '../../builders/mesh-builder';
import { documentNow, expectOneUndoableStep, openDocument, twoStackedDomains } from './store-fixture';

describe('inserting from the palette', () => {
  beforeEach(() => openDocument(twoStackedDomains('tickets', 'support', { x: 32, y: 56 })));

  it('drops a product into the domain under the pointer, centred on it', () => {
    const result = insertElement('product', { x: 300, y: 500 });
    expect(result.ok).toBe(true);
    const product = documentNow().products.at(-1);
    expect(product?.domainId).toBe('support');
    expect(documentNow().layout.nodes[product?.id as string]).toEqual({ x: 160, y: 25 });
  });

  it('refuses a product dropped outside every domain, saying why', () => {
    expect(insertElement('system', { x: 900, y: 900 })).toEqual({
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
    insertElement('domain', { x: 1000, y: 100 });
    expect(documentNow().layout.nodes.domain).toMatchObject({ x: 680, y: 72 });
  });
});
