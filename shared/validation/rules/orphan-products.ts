import { productPlace } from '../places';
import type { Rule } from '../rule';

export const orphanProductsRule: Rule = {
  id: 'orphan-products',
  title: 'Products are linked to something',
  rationale: 'A product that reads nothing and that nothing reads is often a leftover, or a plan not yet drawn.',
  defaultSeverity: 'info',
  check({ mesh, graph }) {
    return mesh.products
      .filter((product) => graph.linksOf(product.id).length === 0)
      .map((product) => ({
        ...productPlace(graph, product),
        message: `'${product.name}' is linked to nothing: it reads no data and nobody reads it.`,
        fixHint: 'Link it to its sources and consumers, or remove it if it is no longer planned.',
      }));
  },
};
