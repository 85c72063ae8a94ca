import { Memo } from '../../lineage/memo';
import { type DataProduct, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { productPlace } from '../places';
import type { Rule } from '../rule';

export const orphanProductsRule: Rule = {
  id: 'orphan-products',
  title: 'Products are linked to something',
  rationale: 'A product that reads nothing and that nothing reads is often a leftover, or a plan not yet drawn.',
  defaultSeverity: 'info',
  reads: ['product outlines', 'links'],
  check({ mesh, graph }) {
    return findingsPerElement(findingsByProduct, mesh.products, [mesh.links], (product) =>
      graph.linksOf(product.id).length > 0
        ? []
        : [
            {
              ...productPlace(graph, product),
              message: `${quoted(product.name)} is linked to nothing: it reads no data and nobody reads it.`,
              fixHint: 'Link it to its sources and consumers, or remove it if it is no longer planned.',
            },
          ],
    );
  },
};

const findingsByProduct = new Memo<DataProduct, RuleFinding[]>();
