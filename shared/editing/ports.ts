import { type DataProduct, firstFreeName, type Mesh, newPort, type Port, uniqueId } from '../model';
import type { Added } from './child-nodes';
import { withoutLinksAt } from './links';
import { moveBy, patched, updateById, withoutUndefined } from './list-edits';
import { productById } from './mesh-index';
import { withProductUpdated } from './products';

export type DataPortDirection = 'input' | 'output';
export type PortFields = Partial<Pick<Port, 'name' | 'description' | 'protocol' | 'contractId' | 'expects'>>;

const LIST_OF = { input: 'inputPorts', output: 'outputPorts' } as const;

/** The document with an input or output port named `input`, `input 2`… added to a product. */
export function withPortAdded(mesh: Mesh, productId: string, direction: DataPortDirection): Added | undefined {
  const product = productById(mesh, productId);
  if (!product) return undefined;
  const ports = [...product.inputPorts, ...product.outputPorts, product.discoveryPort];
  const name = firstFreeName(
    direction,
    ports.map((port) => port.name),
  );
  const id = uniqueId(name, new Set(ports.map((port) => port.id)));
  const list = LIST_OF[direction];
  return {
    mesh: withProductUpdated(mesh, productId, (current) => ({
      ...current,
      [list]: [...current[list], newPort(id, name, direction)],
    })),
    id,
  };
}

/** The product with one of its ports (input, output or discovery) replaced by `update(port)`. */
export function withPortUpdated(product: DataProduct, portId: string, update: (port: Port) => Port): DataProduct {
  const inputPorts = updateById(product.inputPorts, portId, update);
  const outputPorts = updateById(product.outputPorts, portId, update);
  const discoveryPort = product.discoveryPort.id === portId ? update(product.discoveryPort) : product.discoveryPort;
  const unchanged =
    inputPorts === product.inputPorts && outputPorts === product.outputPorts && discoveryPort === product.discoveryPort;
  return unchanged ? product : { ...product, inputPorts, outputPorts, discoveryPort };
}

/** The document with a port's fields changed; a field set to undefined (no contract) is removed. */
export function withPortFields(mesh: Mesh, productId: string, portId: string, fields: PortFields): Mesh {
  const apply = (port: Port) => withoutUndefined(patched(port, fields));
  return withProductUpdated(mesh, productId, (product) => withPortUpdated(product, portId, apply));
}

/** The document without an input or output port and the links attached to it; every product keeps its discovery port. */
export function withoutPort(mesh: Mesh, productId: string, portId: string): Mesh {
  const withoutIt = withProductUpdated(mesh, productId, (product) => ({
    ...product,
    inputPorts: product.inputPorts.filter((port) => port.id !== portId),
    outputPorts: product.outputPorts.filter((port) => port.id !== portId),
  }));
  return withoutLinksAt(withoutIt, (end) => end.nodeId === productId && end.portId === portId);
}

/** The document with a port moved among its side's ports (−1 up, +1 down): the order is the order of the handles. */
export function withPortMoved(mesh: Mesh, productId: string, portId: string, offset: number): Mesh {
  return withProductUpdated(mesh, productId, (product) => {
    const list = product.inputPorts.some((port) => port.id === portId) ? 'inputPorts' : 'outputPorts';
    const index = product[list].findIndex((port) => port.id === portId);
    const moved = moveBy(product[list], index, offset);
    return moved.every((port, at) => port === product[list][at]) ? product : { ...product, [list]: moved };
  });
}
