import { type DataProduct, type Mesh, newDataProduct, newPort, type Port } from '../model';
import { type Added, type ChildPlacement, type ChildUpdate, withChildAdded, withChildUpdated } from './child-nodes';

/** The ports a new product is born with, by id, with the placeholder names they keep until renamed. */
const BORN_PORTS = {
  in: newPort('in', 'input', 'input'),
  out: newPort('out', 'dataset', 'output'),
} as const;

/** Whether a port is one a new product was born with, still under its placeholder name. */
export function hasBornPlaceholderName(port: Port): boolean {
  return Object.values(BORN_PORTS).some((born) => born.id === port.id && born.name === port.name);
}

/** A new product reads from one input port and serves one output port, as most do. */
export function newProduct(id: string, domainId: string, name: string, owner: string): DataProduct {
  return newDataProduct({
    id,
    domainId,
    name,
    owner,
    inputPorts: [BORN_PORTS.in],
    outputPorts: [BORN_PORTS.out],
    discoveryPort: newPort('discovery', 'discovery', 'discovery'),
  });
}

/** The document with a new product in a domain, owned by the domain's team. */
export function withProductAdded(mesh: Mesh, placement: ChildPlacement): Added | undefined {
  return withChildAdded(mesh, 'products', placement, 'Data product', (id, domain, name) =>
    newProduct(id, domain.id, name, domain.owner),
  );
}

export type ProductUpdate = ChildUpdate<DataProduct>;

export function withProductUpdated(mesh: Mesh, id: string, update: ProductUpdate): Mesh {
  return withChildUpdated(mesh, 'products', id, update);
}
