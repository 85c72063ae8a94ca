import { z } from 'zod';

/** SQL column types the simulator maps to SQLite affinities. */
export const ColumnTypeSchema = z.enum(['text', 'integer', 'real', 'numeric', 'boolean', 'timestamp', 'date', 'json']);
export type ColumnType = z.infer<typeof ColumnTypeSchema>;

/** The most digits PostgreSQL declares a numeric with. */
export const MAX_NUMERIC_PRECISION = 1000;

export const ColumnSchema = z
  .strictObject({
    name: z.string().min(1),
    type: ColumnTypeSchema,
    nullable: z.boolean(),
    /** A numeric column's digits in all, as `numeric(precision, scale)` declares them. */
    precision: z.number().int().min(1).max(MAX_NUMERIC_PRECISION).optional(),
    /** A numeric column's digits after the point; 0 when only the precision is given. */
    scale: z.number().int().min(0).max(MAX_NUMERIC_PRECISION).optional(),
    description: z.string().optional(),
  })
  .superRefine(numericDigitsFit);
export type Column = z.infer<typeof ColumnSchema>;

function numericDigitsFit(column: Omit<Column, 'name'>, context: z.RefinementCtx): void {
  const { type, precision, scale } = column;
  for (const field of ['precision', 'scale'] as const) {
    if (type !== 'numeric' && column[field] !== undefined) {
      context.addIssue({
        code: 'custom',
        path: [field],
        message: `only a numeric column has a ${field}; this one is ${type}`,
      });
    }
  }
  if (type !== 'numeric') return;
  if (scale !== undefined && precision === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['scale'],
      message: `a scale needs a precision, the digits in all: ${numericDigitsInFile(Math.max(10, scale), scale)}`,
    });
  } else if (scale !== undefined && precision !== undefined && scale > precision) {
    context.addIssue({
      code: 'custom',
      path: ['scale'],
      message: `scale (${scale}) is above precision (${precision}): a numeric keeps at most as many decimals as digits`,
    });
  }
}

/** How the .mesh.json file declares numeric(p,s), which it refuses as a type: its digits are fields of their own. */
export function numericDigitsInFile(precision: number, scale: number): string {
  return `in the .mesh.json file "precision": ${precision}, "scale": ${scale} beside "type": "numeric" declares numeric(${precision},${scale})`;
}

export const TableSchema = z.strictObject({
  name: z.string().min(1),
  columns: z.array(ColumnSchema),
  primaryKey: z.array(z.string().min(1)),
  description: z.string().optional(),
});
export type Table = z.infer<typeof TableSchema>;

/** The `numeric(p,s)` digits a column declares (scale 0 when only a precision is given), or undefined when it declares none. */
export function numericDigits(column: Column): { precision: number; scale: number } | undefined {
  if (column.type !== 'numeric' || column.precision === undefined) return undefined;
  return { precision: column.precision, scale: column.scale ?? 0 };
}
