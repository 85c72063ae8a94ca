import type { Mesh } from '../model';
import { canvasBox } from './alignment';
import { containsPoint, type Point } from './geometry';
import { defaultSizeOf, type SizeOf } from './node-placement';

/** Where a contract was pasted: the pointer on the canvas (if it is over it) and the nodes selected. */
export interface PasteSpot {
  pointer?: Point;
  selectedNodeIds: readonly string[];
}

/**
 * The product a contract pasted on the canvas is served from, as a file dropped on a node would
 * be in a drawing tool: the product under the pointer, else the one product selected. Undefined
 * when neither says which.
 */
export function pasteServingProduct(mesh: Mesh, spot: PasteSpot, sizeOf: SizeOf = defaultSizeOf): string | undefined {
  const { pointer } = spot;
  // The last drawn is on top where products overlap.
  const underPointer = pointer
    ? mesh.products.findLast((product) => containsPoint(canvasBox(mesh, product.id, sizeOf), pointer))
    : undefined;
  if (underPointer) return underPointer.id;
  const selected = mesh.products.filter((product) => spot.selectedNodeIds.includes(product.id));
  return selected.length === 1 ? selected[0]?.id : undefined;
}
