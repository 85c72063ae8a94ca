import type { Mesh } from '../model/mesh';
import type { OperationalSystem } from '../model/operational-system';
import type { Scenario, ValueGenerator } from '../model/scenario';
import type { Column } from '../model/table';
import { logicalTypeOptions } from './allowed-values';
import { columnContractProperties } from './column-contract-properties';
import { makesValuesUp } from './column-generators';
import { readPattern } from './pattern-text';
import type { RandomStream } from './seeded-random';
import type { ColumnValue } from './value-generator';

/**
 * The patterns (`logicalTypeOptions.pattern`) that contracts set for a table's text columns, as
 * `columnContractProperties` finds them; where several contracts give one, the first.
 */
export function textPatterns(
  mesh: Mesh,
  scenario: Scenario,
  system: OperationalSystem,
  table: string,
): Map<string, string> {
  const patterns = new Map<string, string>();
  for (const { column, property } of columnContractProperties(mesh, scenario, system, table)) {
    const pattern = property.logicalType === 'string' ? logicalTypeOptions(property)?.pattern : undefined;
    if (typeof pattern === 'string' && !patterns.has(column)) patterns.set(column, pattern);
  }
  return patterns;
}

/** Whether a column's values must follow its pattern: text its generator makes up, not values written out or copied. */
export function isPatterned(column: Column, generator: ValueGenerator): boolean {
  return column.type === 'text' && makesValuesUp(generator);
}

/** Why text matching the pattern cannot be made for the column, or undefined when it can. */
export function patternProblem(column: string, pattern: string): string | undefined {
  const reading = readPattern(pattern);
  return reading.ok
    ? undefined
    : `'${column}' cannot be generated to match its contract's pattern ${pattern}: ${reading.reason}; give it a oneOf generator with values that match`;
}

/** The value where it matches the pattern already (a fake email), else text made to match it. */
export function matchingPattern(
  value: ColumnValue,
  column: Column,
  pattern: string,
  random: RandomStream,
): ColumnValue {
  const reading = readPattern(pattern);
  if (!reading.ok) {
    const problem = patternProblem(column.name, pattern);
    return () => {
      throw new Error(problem);
    };
  }
  return (context) => {
    const made = value(context);
    return made === null || reading.matches(String(made)) ? made : reading.text(random);
  };
}
