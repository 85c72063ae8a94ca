import type { Transformation } from '../model';
import { sqlLineageOf } from './sql-lineage';

/**
 * The columns of a step's table, lower-cased, where its SQL names every one: the simulation makes
 * an unpublished step's table from its result and a published one's from its contract, so a column
 * either names (`contractFields`) may be there. Undefined where a `*`, an expression without a
 * name or SQL read approximately leaves some unknown.
 */
export function stepResultColumns(
  transformation: Transformation,
  contractFields: readonly string[],
): string[] | undefined {
  const { query, approximateBecause } = sqlLineageOf(transformation.sql);
  const first = query?.selects[0];
  if (!first || approximateBecause) return undefined;
  const named: string[] = [];
  for (const output of first.outputs) {
    if (output.kind !== 'value' || output.name === undefined) return undefined;
    named.push(output.name);
  }
  return [...new Set([...named, ...contractFields.map((field) => field.toLowerCase())])];
}
