import type { DataProduct } from '../model';
import { Memo } from './memo';

/**
 * What rules read of a product other than the one they judge: its id, name, kind, domain and ports.
 * Its description, owner, transformations, SLOs and the rest concern only itself.
 */
export type ProductOutline = Pick<
  DataProduct,
  'id' | 'name' | 'kind' | 'domainId' | 'inputPorts' | 'outputPorts' | 'discoveryPort'
>;

const outlines = new Memo<readonly DataProduct[], readonly ProductOutline[]>(isSameOutlines);

/**
 * The outlines of the products, in order: the same list (the same object) until an edit
 * changes one, so the rules that read only outlines skip an edit of a product's description,
 * owner, SQL or SLOs.
 */
export function productOutlines(products: readonly DataProduct[]): readonly ProductOutline[] {
  return outlines.get(products, [], () =>
    products.map(({ id, name, kind, domainId, inputPorts, outputPorts, discoveryPort }) => ({
      id,
      name,
      kind,
      domainId,
      inputPorts,
      outputPorts,
      discoveryPort,
    })),
  );
}

function isSameOutlines(last: readonly ProductOutline[], next: readonly ProductOutline[]): boolean {
  if (last.length !== next.length) return false;
  return next.every((outline, index) => {
    const before = last[index] as ProductOutline;
    return (
      outline.id === before.id &&
      outline.name === before.name &&
      outline.kind === before.kind &&
      outline.domainId === before.domainId &&
      outline.inputPorts === before.inputPorts &&
      outline.outputPorts === before.outputPorts &&
      outline.discoveryPort === before.discoveryPort
    );
  });
}
