import { z } from 'zod';

/** The logical types of ODCS v3 (SchemaBaseProperty.logicalType). */
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
]);
export type LogicalType = z.infer<typeof LogicalTypeSchema>;
