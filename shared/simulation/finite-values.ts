import type { SystemTable } from '../model/operational-system';
import type { ValueGenerator } from '../model/scenario';
import type { SqlValue } from './sql-workspace';
import { sqlValueOf } from './value-generator';
import { drawableValues, stageChoice } from './weighted-choice';

/**
 * How many distinct values a generator can give a row, or undefined where they are too many to
 * run out of (uuids, fake values, times) or come from another table (`reference`). A lifecycle
 * gives initial rows any stage's values, new rows its first stage's.
 */
export function distinctValueCount(generator: ValueGenerator, isInitialRow: boolean): number | undefined {
  switch (generator.kind) {
    case 'oneOf':
    case 'lifecycle':
      return writtenValues(generator, isInitialRow).length;
    case 'integer':
      return Math.max(0, generator.max - generator.min + 1);
    default:
      return undefined;
  }
}

/** The distinct values a `oneOf` or `lifecycle` can give a row, leaving out those weighted 0. */
function writtenValues(
  generator: Extract<ValueGenerator, { kind: 'oneOf' | 'lifecycle' }>,
  isInitialRow: boolean,
): SqlValue[] {
  const choices =
    generator.kind === 'oneOf'
      ? [generator]
      : (isInitialRow ? generator.stages : generator.stages.slice(0, 1)).map(stageChoice);
  return [...new Set(choices.flatMap(drawableValues).map(sqlValueOf))];
}

/** The most values `finiteValues` lists: past it, a random draw finds an unused one soon enough. */
const MOST_LISTED_VALUES = 10_000;

/** Every value a generator can give a row, in a stable order, where `distinctValueCount` knows them and they are few. */
export function finiteValues(generator: ValueGenerator, isInitialRow: boolean): SqlValue[] | undefined {
  const count = distinctValueCount(generator, isInitialRow);
  if (count === undefined || count > MOST_LISTED_VALUES) return undefined;
  switch (generator.kind) {
    case 'oneOf':
    case 'lifecycle':
      return writtenValues(generator, isInitialRow);
    case 'integer':
      return Array.from({ length: count }, (_, offset) => generator.min + offset);
    default:
      return undefined;
  }
}

/**
 * Every combination of the columns' values not among `used`, in a stable order; undefined where a
 * column's values are not all known or the combinations are too many to list.
 */
export function unusedCombinations(
  columnValues: readonly (SqlValue[] | undefined)[],
  used: readonly SqlValue[][],
): SqlValue[][] | undefined {
  let combinations: SqlValue[][] = [[]];
  for (const values of columnValues) {
    if (!values || combinations.length * values.length > MOST_LISTED_VALUES) return undefined;
    combinations = combinations.flatMap((prefix) => values.map((value) => [...prefix, value]));
  }
  const taken = new Set(used.map((combination) => JSON.stringify(combination)));
  return combinations.filter((combination) => !taken.has(JSON.stringify(combination)));
}

/** How many distinct keys a table's generators can give its initial rows: the product of its key columns' counts, or undefined where one is unbounded. */
export function distinctKeyCount(
  table: SystemTable,
  generators: readonly (ValueGenerator | undefined)[],
): number | undefined {
  let count = 1;
  for (const name of table.primaryKey) {
    const generator = generators[table.columns.findIndex((column) => column.name === name)];
    const columnCount = generator && distinctValueCount(generator, true);
    if (columnCount === undefined) return undefined;
    count *= columnCount;
  }
  return table.primaryKey.length > 0 ? count : undefined;
}
