// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDomain } from '../../../renderer/store/domain-actions';
import { addPort } from '../../../renderer/store/port-actions';
import { addProduct } from '../../../renderer/store/product-actions';
import { selectOnly } from '../../../renderer/store/selection-store';
import { addSystem } from '../../../renderer/store/system-actions';
import { useUiStore } from '../../../renderer/store/ui-store';
import { nodeIds } from '../../../shared/editing/mesh-index';
import { aMesh } from '../../builders/mesh-builder';
import { documentNow, openDocument } from '../store/store-fixture';
import { drawnInspector, typeInFocusedField } from './drawn-inspector';

let drawn: Awaited<ReturnType<typeof drawnInspector>> | undefined;

/** The inspector, drawn as the side panel draws it, for the element just added and asking for its name. */
async function inspect(addedId: string | undefined, nameFocus: string | undefined = addedId): Promise<void> {
  useUiStore.getState().requestNameFocus(nameFocus ?? null);
  drawn = await drawnInspector();
}

function field(selector: string): HTMLInputElement {
  const found = drawn?.container.querySelector<HTMLInputElement>(selector);
  if (!found) throw new Error(`no field ${selector}`);
  return found;
}

describe('leaving a new element’s first name for another of its fields', () => {
  beforeEach(() => openDocument(aMesh().withDomain('roasting', { name: 'Roasting' }).build()));
  afterEach(() => {
    drawn?.remove();
  });

  it.each([
    ['domain', () => addDomain(), 'Green coffee', 'green-coffee'],
    ['product', () => addProduct({ domainId: 'roasting' }), 'Beans', 'roasting-beans'],
    ['system', () => addSystem({ domainId: 'roasting' }), 'Roaster', 'roasting-roaster'],
  ])(
    'keeps a new %s’s fields as its id follows its first name, so the field the focus moved to keeps it',
    async (_, add, name, id) => {
      await inspect(add());
      await typeInFocusedField(name);
      const description = field('[data-field$=".description"]');
      await act(async () => description.focus());

      expect(nodeIds(documentNow())).toContain(id);
      expect(description.isConnected).toBe(true);
      expect(document.activeElement).toBe(description);
    },
  );

  it('keeps a new port’s fields as its id follows its first name, so the field the focus moved to keeps it', async () => {
    const productId = addProduct({ domainId: 'roasting' }) as string;
    selectOnly([productId]);
    const portId = addPort(productId, 'input') as string;
    await inspect(productId, `${productId}.ports.${portId}`);
    await typeInFocusedField('Green lots');
    const description = field(`[data-field="${productId}.ports.${portId}.description"]`);
    await act(async () => description.focus());

    expect(documentNow().products[0]?.inputPorts.map((port) => port.id)).toContain('green-lots');
    expect(description.isConnected).toBe(true);
    expect(document.activeElement).toBe(description);
  });
});
