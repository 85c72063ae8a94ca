import type { LifecycleStage, WeightedValues } from '../model/scenario';
import type { RandomStream } from './seeded-random';

type Scalar = string | number | boolean;

/** One of the values, each as likely as its weight says (all alike without weights). */
export function drawWeighted(choice: WeightedValues, random: RandomStream): Scalar {
  const { values, weights } = choice;
  // Without weights, the draw random.pick has always made, so unweighted scenarios keep their tables.
  if (!weights) return random.pick(values);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let point = random.next() * total;
  for (const [at, value] of values.entries()) {
    const weight = weights[at] ?? 0;
    if (point < weight) return value;
    point -= weight;
  }
  // Rounding left the point past the last weight: the last value that can be drawn.
  return values[weights.findLastIndex((weight) => weight > 0)] as Scalar;
}

/** The values a draw can give: those whose weight is above 0. */
export function drawableValues(choice: WeightedValues): Scalar[] {
  return choice.values.filter((_, at) => (choice.weights?.[at] ?? 1) > 0);
}

/** A lifecycle stage as a choice: a single value is a choice of one. */
export function stageChoice(stage: LifecycleStage): WeightedValues {
  return typeof stage === 'object' ? stage : { values: [stage] };
}

/** The value a row gets at a stage: the stage's own, or one drawn among its values. */
export function drawStage(stage: LifecycleStage, random: RandomStream): Scalar {
  return typeof stage === 'object' ? drawWeighted(stage, random) : stage;
}
