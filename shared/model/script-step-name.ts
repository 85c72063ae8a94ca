import { quoted } from './isolated-names';
import type { ScriptStep } from './scenario';

/** A scenario's step, which has no name, called by what it does as the docs call steps: `insert step at tick 9 on table 'gate_transactions'`. */
export function scriptStepName(step: Pick<ScriptStep, 'op' | 'tick' | 'table'>): string {
  return `${step.op} step at tick ${step.tick} on table ${quoted(step.table)}`;
}
