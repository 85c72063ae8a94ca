import { describe, expect, it } from 'vitest';
import type { ValueGenerator } from '../../../shared/model/scenario';
import type { Column } from '../../../shared/model/table';
import { distinctValueCount, finiteValues } from '../../../shared/simulation/finite-values';
import { generatorTypeProblem } from '../../../shared/simulation/generator-fit';

const RESULT: ValueGenerator = {
  kind: 'lifecycle',
  stages: ['*', { values: ['1-0', '0-1', '½-½'], weights: [45, 35, 20] }],
};

describe('the values a weighted generator can give', () => {
  it('counts every value of a lifecycle’s stages for initial rows, and the first stage’s for new ones', () => {
    expect(distinctValueCount(RESULT, true)).toBe(4);
    expect(finiteValues(RESULT, true)).toEqual(['*', '1-0', '0-1', '½-½']);
    expect(distinctValueCount(RESULT, false)).toBe(1);
  });

  it('leaves out values weighted 0, which are never drawn', () => {
    const noDraws: ValueGenerator = { kind: 'oneOf', values: ['1-0', '0-1', '½-½'], weights: [1, 1, 0] };

    expect(finiteValues(noDraws, true)).toEqual(['1-0', '0-1']);
  });

  it('names the value of a stage of several values that does not fit the column', () => {
    const column: Column = { name: 'result', type: 'integer', nullable: false };
    const scores: ValueGenerator = { kind: 'lifecycle', stages: [0, { values: [1, 'draw'] }] };

    expect(generatorTypeProblem(scores, column, 'postgres')).toEqual({
      field: '.stages[1].values[1]',
      message: "'draw' does not fit 'result', an integer column",
    });
  });
});
