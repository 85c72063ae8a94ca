import { Memo } from '../../lineage/memo';
import type { DataProduct } from '../../model';
import { RESULT_LACKS } from '../../simulation/result-columns-refusal';
import { selectShape } from '../../simulation/select-check';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { transformationPlace } from '../places';
import type { Rule, StepRefusal } from '../rule';

const findingsByProduct = new Memo<DataProduct, RuleFinding[]>();

export const transformationSqlRule: Rule = {
  id: 'transformation-sql',
  title: 'Each transformation is one query',
  rationale:
    "The simulation runs each step as one query (SELECT, WITH … SELECT or VALUES): SQL that does not parse as one (a bracket left open, two statements, a parameter nothing binds) fails on every tick. This is the engine's own check, run before it; each step is also prepared on SQLite, as the simulation prepares it (in the app, in the background, once typing pauses).",
  defaultSeverity: 'error',
  reads: ['products', 'step refusals'],
  check({ graph, stepRefusals = [] }) {
    return findingsPerElement(findingsByProduct, graph.mesh.products, [stepRefusals], (product) => {
      return product.transformations.flatMap((transformation, index): RuleFinding[] => {
        const place = transformationPlace(graph, product, index);
        // SQLite refuses a step whose tokens are not one query's in the same words: said once, from the tokens.
        const shape = selectShape(transformation.sql);
        const refusal = shape.ok ? toldHereOnly(stepRefusals, place.path) : shape;
        if (refusal === undefined) return [];
        return [{ ...place, message: refusal.message, fixHint: refusal.hint ?? ONE_QUERY_HINT }];
      });
    });
  },
};

/**
 * The refusal of the step when preparing it, unless it is of a table or column missing, which
 * other rules say in the design's words: transformation-reads of what no input brings,
 * inputs-linked of an unfed port, published-fields of a result without a declared column; a step
 * refused before leaves its table missing for the next.
 */
function toldHereOnly(stepRefusals: readonly StepRefusal[], path: string): StepRefusal | undefined {
  const refusal = stepRefusals.find((candidate) => candidate.path === path);
  const message = refusal?.message ?? '';
  const isToldElsewhere = message.startsWith(RESULT_LACKS) || /^no such (table|column): /.test(message);
  return isToldElsewhere ? undefined : refusal;
}

const ONE_QUERY_HINT =
  'Write the step as one query (SELECT, WITH … SELECT or VALUES), its parentheses closed and its values written out; as it is, the simulation fails it on every tick.';
