import { Memo } from '../../lineage/memo';
import type { DataProduct } from '../../model';
import { selectShape } from '../../simulation/select-check';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { transformationPlace } from '../places';
import type { Rule } from '../rule';

const findingsByProduct = new Memo<DataProduct, RuleFinding[]>();

export const transformationSqlRule: Rule = {
  id: 'transformation-sql',
  title: 'Each transformation is one query',
  rationale:
    "The simulation runs each step as one query (SELECT, WITH … SELECT or VALUES): SQL that does not parse as one (a bracket left open, two statements, a parameter nothing binds) fails on every tick. This is the engine's own check, run before it.",
  defaultSeverity: 'error',
  reads: ['products'],
  check({ graph }) {
    return findingsPerElement(findingsByProduct, graph.mesh.products, [], (product) => {
      return product.transformations.flatMap((transformation, index): RuleFinding[] => {
        const shape = selectShape(transformation.sql);
        if (shape.ok) return [];
        return [
          {
            ...transformationPlace(graph, product, index),
            message: shape.message,
            fixHint:
              'Write the step as one query (SELECT, WITH … SELECT or VALUES), its parentheses closed and its values written out; as it is, the simulation fails it on every tick.',
          },
        ];
      });
    });
  },
};
