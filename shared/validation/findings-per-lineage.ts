import type { Memo } from '../lineage/memo';
import { idOrder, type MeshGraph } from '../lineage/mesh-graph';
import { nodeVersions } from '../lineage/node-versions';
import { type ProductLineage, productLineage } from '../lineage/product-lineage';
import type { DataProduct } from '../model';
import type { RuleFinding } from './finding';
import { findingsPerElement } from './findings-per-element';

/**
 * A data-flow rule's findings, product by product from its lineage: each product's are made
 * again only when what its lineage reads (the product, what feeds it), where the contracts
 * are (findings name their paths) or anything else the rule names in `dependencies` changes.
 */
export function findingsPerLineage(
  memo: Memo<DataProduct, RuleFinding[]>,
  graph: MeshGraph,
  check: (product: DataProduct, lineage: ProductLineage) => RuleFinding[],
  dependencies: readonly unknown[] = [],
): RuleFinding[] {
  const { mesh } = graph;
  const versions = nodeVersions(mesh);
  const contractOrder = idOrder(mesh.contracts);
  return findingsPerElement(
    memo,
    mesh.products,
    (product) => [versions.inflow(product.id), contractOrder, ...dependencies],
    (product) => check(product, productLineage(graph, product)),
  );
}
