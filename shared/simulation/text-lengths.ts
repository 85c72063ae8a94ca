import type { Mesh } from '../model/mesh';
import type { OperationalSystem } from '../model/operational-system';
import type { Scenario } from '../model/scenario';
import { logicalTypeOptions } from './allowed-values';
import { columnContractProperties } from './column-contract-properties';
import type { RandomStream } from './seeded-random';
import type { ColumnValue } from './value-generator';

/** How long a column's text may be; either side may be open. */
export interface TextLength {
  min: number;
  max: number;
}

/**
 * The text lengths (`minLength`, `maxLength`) that contracts set for a table's columns: those fed
 * straight from the table, and those fed from the tables whose `reference` generators copy its
 * values (a booking's `flight_no` of at most 7 characters limits the flights' keys), so that
 * generated text keeps them all. Where several contracts limit a column, the narrowest span wins.
 */
export function textLengths(
  mesh: Mesh,
  scenario: Scenario,
  system: OperationalSystem,
  table: string,
): Map<string, TextLength> {
  const lengths = new Map<string, TextLength>();
  for (const { column, property } of columnContractProperties(mesh, scenario, system, table)) {
    const options = property.logicalType === 'string' ? logicalTypeOptions(property) : undefined;
    const min = wholeNumber(options?.minLength) ?? 0;
    const max = wholeNumber(options?.maxLength) ?? Number.POSITIVE_INFINITY;
    if (min > 0 || max < Number.POSITIVE_INFINITY) lengths.set(column, narrowest(lengths.get(column), { min, max }));
  }
  return lengths;
}

function narrowest(known: TextLength | undefined, length: TextLength): TextLength {
  return known ? { min: Math.max(known.min, length.min), max: Math.min(known.max, length.max) } : length;
}

function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

const FILLER = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/**
 * Free text (a uuid, a fake word or name) cut to the longest length allowed, or lengthened with
 * random letters and digits to the shortest: `hammer` as an airport code of 3 is `ham`.
 */
export function withinLength(value: ColumnValue, length: TextLength, random: RandomStream): ColumnValue {
  return (context) => {
    const text = value(context);
    if (typeof text !== 'string') return text;
    let fitted = text.length > length.max ? text.slice(0, length.max).trimEnd() : text;
    while (fitted.length < Math.min(length.min, length.max))
      fitted += FILLER.charAt(random.integer(0, FILLER.length - 1));
    return fitted;
  };
}
