import type { DataProduct, OperationalSystem } from '../../../shared/model';

/**
 * Where a node's own content puts its handles, as a string that changes whenever they move
 * within the node: each side's handle ids, in order. Names are left out: a row cuts its name
 * with an ellipsis, so a name moves a handle only by resizing the node, which React Flow sees.
 */
export type HandleLayout = string;

export function handleLayout(...sides: ReadonlyArray<readonly string[]>): HandleLayout {
  return JSON.stringify(sides);
}

/** A node drawn without handles (its element gone, before the node itself goes). */
export const NO_HANDLES: HandleLayout = handleLayout();

const idsOf = (items: readonly { id: string }[]) => items.map((item) => item.id);

/** A product's handles: its discovery port on top, its inputs on the left, its outputs on the right. */
export function productHandleLayout(product: DataProduct): HandleLayout {
  return handleLayout([product.discoveryPort.id], idsOf(product.inputPorts), idsOf(product.outputPorts));
}

/** A system's handles: its topics, on the right. */
export function systemHandleLayout(system: OperationalSystem): HandleLayout {
  return handleLayout(idsOf(system.messaging.topics));
}
