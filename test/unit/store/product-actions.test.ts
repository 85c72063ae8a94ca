import { beforeEach, describe, expect, it } from 'vitest';
import { addProduct, updateProduct } from '../../../renderer/store/product-actions';
import { aMesh } from '../../builders/mesh-builder';
import { documentNow, expectOneUndoableStep, openDocument, selectedNodeIds } from './store-fixture';

describe('product actions', () => {
  beforeEach(() => openDocument(aMesh().withDomain('sales', { owner: 'team-sales' }).build()));

  it('adds a product with an input, an output and a discovery port, owned by the domain’s team, and selects it', () => {
    let id: string | undefined;
    expectOneUndoableStep(() => {
      id = addProduct({ domainId: 'sales' });
    });
    expect(id).toBe('sales-data-product');
    const product = documentNow().products[0];
    expect(product).toMatchObject({ name: 'Data product', domainId: 'sales', owner: 'team-sales' });
    expect(product?.inputPorts.map((port) => port.direction)).toEqual(['input']);
    expect(product?.outputPorts.map((port) => port.direction)).toEqual(['output']);
    expect(product?.discoveryPort.direction).toBe('discovery');
    expect(selectedNodeIds()).toEqual([id]);
  });

  it('places each new product in the next free cell of its domain, growing the domain to hold it', () => {
    const first = addProduct({ domainId: 'sales' }) as string;
    const second = addProduct({ domainId: 'sales' }) as string;
    const third = addProduct({ domainId: 'sales' }) as string;
    const fourth = addProduct({ domainId: 'sales' }) as string;
    const { nodes } = documentNow().layout;
    expect([nodes[first], nodes[second], nodes[third], nodes[fourth]]).toEqual([
      { x: 32, y: 56 },
      { x: 352, y: 56 },
      { x: 672, y: 56 },
      { x: 32, y: 246 },
    ]);
    expect(nodes.sales?.width).toBeGreaterThanOrEqual(672 + 280);
    expect(nodes.sales?.height).toBeGreaterThanOrEqual(246 + 150);
    expect(documentNow().products.map((product) => product.name)).toEqual([
      'Data product',
      'Data product 2',
      'Data product 3',
      'Data product 4',
    ]);
  });

  it('refuses to add to a domain that does not exist', () => {
    expect(addProduct({ domainId: 'nowhere' })).toBeUndefined();
    expect(documentNow().products).toEqual([]);
  });

  it('updates fields, or applies a recipe, as one undoable step', () => {
    const id = addProduct({ domainId: 'sales' }) as string;
    expectOneUndoableStep(() => updateProduct(id, { kind: 'aggregate', owner: 'analysts' }));
    expectOneUndoableStep(() =>
      updateProduct(id, (product) => ({ ...product, transformations: [{ name: 'clean', sql: 'select 1' }] })),
    );
    expect(documentNow().products[0]).toMatchObject({
      kind: 'aggregate',
      owner: 'analysts',
      transformations: [{ name: 'clean', sql: 'select 1' }],
    });
  });
});
