import { z } from 'zod';

/**
 * The logical types of ODCS v3 (SchemaBaseProperty.logicalType). `map` came with ODCS 3.2:
 * string keys to values of one type, held as a JSON object.
 */
export const LogicalTypeSchema = z.enum([
  'string',
  'date',
  'timestamp',
  'time',
  'number',
  'integer',
  'object',
  'array',
  'boolean',
  'map',
]);
export type LogicalType = z.infer<typeof LogicalTypeSchema>;

/** How messages name a property's logical type: ODCS lets a property go without one, and then it holds any value. */
export function logicalTypeName(type: LogicalType | undefined): string {
  return type ?? 'any type';
}
