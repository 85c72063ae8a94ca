import { z } from 'zod';

/** SQL column types the simulator maps to SQLite affinities. */
export const ColumnTypeSchema = z.enum(['text', 'integer', 'real', 'numeric', 'boolean', 'timestamp', 'date', 'json']);
export type ColumnType = z.infer<typeof ColumnTypeSchema>;

export const ColumnSchema = z.strictObject({
  name: z.string().min(1),
  type: ColumnTypeSchema,
  nullable: z.boolean(),
  description: z.string().optional(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const TableSchema = z.strictObject({
  name: z.string().min(1),
  columns: z.array(ColumnSchema),
  primaryKey: z.array(z.string().min(1)),
  description: z.string().optional(),
});
export type Table = z.infer<typeof TableSchema>;
