import { z } from 'zod';
import { IdSchema } from './ids';
import { LogicalTypeSchema } from './logical-type';

/** ODCS fields we do not model, kept verbatim so an imported contract round-trips. */
export const ExtensionsSchema = z.record(z.string(), z.unknown());

/** The lifecycle ODCS 3.1 suggests; ODCS allows any status (3.0 files say e.g. `development`). */
export const KNOWN_CONTRACT_STATUSES = ['proposed', 'draft', 'active', 'deprecated', 'retired'] as const;
export const ContractStatusSchema = z.string().min(1);

export const QualityRuleSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  type: z.enum(['library', 'text', 'sql', 'custom']),
  dimension: z
    .enum(['accuracy', 'completeness', 'conformity', 'consistency', 'coverage', 'timeliness', 'uniqueness'])
    .optional(),
  metric: z.enum(['nullValues', 'missingValues', 'invalidValues', 'duplicateValues', 'rowCount']).optional(),
  query: z.string().optional(),
  mustBe: z.number().optional(),
  mustBeLessThan: z.number().optional(),
  mustBeGreaterThan: z.number().optional(),
  severity: z.string().optional(),
  extensions: ExtensionsSchema.optional(),
});
export type QualityRule = z.infer<typeof QualityRuleSchema>;

export const ContractPropertySchema = z.strictObject({
  name: z.string().min(1),
  logicalType: LogicalTypeSchema,
  physicalType: z.string().optional(),
  required: z.boolean(),
  unique: z.boolean(),
  primaryKey: z.boolean(),
  primaryKeyPosition: z.number().int().optional(),
  classification: z.string().optional(),
  description: z.string().optional(),
  enum: z.array(z.string()).optional(),
  examples: z.array(z.unknown()).optional(),
  quality: z.array(QualityRuleSchema).optional(),
  extensions: ExtensionsSchema.optional(),
});
export type ContractProperty = z.infer<typeof ContractPropertySchema>;

export const SchemaObjectSchema = z.strictObject({
  name: z.string().min(1),
  physicalName: z.string().optional(),
  description: z.string().optional(),
  properties: z.array(ContractPropertySchema),
  quality: z.array(QualityRuleSchema).optional(),
  extensions: ExtensionsSchema.optional(),
});
export type SchemaObject = z.infer<typeof SchemaObjectSchema>;

export const SlaPropertySchema = z.strictObject({
  property: z.string().min(1),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  unit: z.string().optional(),
  element: z.string().optional(),
  description: z.string().optional(),
  extensions: ExtensionsSchema.optional(),
});
export type SlaProperty = z.infer<typeof SlaPropertySchema>;

/**
 * Events are immutable and append-only; entities are mutable and keyed, and may keep
 * history (valid_from / valid_to / is_current) beside their latest state.
 */
export const DatasetKindSchema = z.enum(['event', 'entity']);
export type DatasetKind = z.infer<typeof DatasetKindSchema>;

export const ContractSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'must be a semantic version like 1.2.0'),
  status: ContractStatusSchema,
  kind: DatasetKindSchema,
  keepHistory: z.boolean(),
  description: z.string().optional(),
  owner: z.string().optional(),
  domain: z.string().optional(),
  dataProduct: z.string().optional(),
  schema: z.array(SchemaObjectSchema),
  quality: z.array(QualityRuleSchema).optional(),
  sla: z.array(SlaPropertySchema),
  extensions: ExtensionsSchema.optional(),
});
export type Contract = z.infer<typeof ContractSchema>;
