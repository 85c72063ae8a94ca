import { type DataProduct, type Mesh, newDataProduct, type Port } from '../../shared/model';
import { addChild, type ChildPlacement, type ChildUpdate, withChildUpdated } from './child-node-actions';
import { type ChangeOptions, changeMesh } from './document-store';

export function newPort(id: string, name: string, direction: Port['direction']): Port {
  return { id, name, direction, protocol: direction === 'discovery' ? 'catalog' : 'table', description: '' };
}

/** A new product reads from one input port and serves one output port, as most do. */
export function newProduct(id: string, domainId: string, name: string, owner: string): DataProduct {
  return newDataProduct({
    id,
    domainId,
    name,
    owner,
    inputPorts: [newPort('in', 'input', 'input')],
    outputPorts: [newPort('out', 'dataset', 'output')],
    discoveryPort: newPort('discovery', 'discovery', 'discovery'),
  });
}

/** Adds a product to a domain, selects it and returns its id. */
export function addProduct(placement: ChildPlacement): string | undefined {
  return addChild('products', placement, 'Data product', (id, domain, name) =>
    newProduct(id, domain.id, name, domain.owner),
  );
}

export type ProductUpdate = ChildUpdate<DataProduct>;

export function withProductUpdated(mesh: Mesh, id: string, update: ProductUpdate): Mesh {
  return withChildUpdated(mesh, 'products', id, update);
}

/** Changes a product's own fields; ports that links use have their own actions (port-actions). */
export function updateProduct(id: string, update: ProductUpdate, options?: ChangeOptions): void {
  changeMesh((mesh) => withProductUpdated(mesh, id, update), options);
}
