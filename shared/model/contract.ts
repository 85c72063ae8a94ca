import { z } from 'zod';
import { ContractIdSchema } from './ids';
import { LogicalTypeSchema } from './logical-type';

/*
 * A contract is the user's ODCS YAML text, kept byte for byte. Its structured model (the
 * fields below, which the simulation, the compatibility and breaking-change checks and the
 * exports read) is derived from that text by shared/contracts' one validated entry
 * (`readContractText`), and every edit (YAML, form, inspector, import, paste, upgrade) is
 * an edit of the text that goes back through it. The file stores only the text, so what
 * is saved can never disagree with what the model said: the model is re-derived on open.
 */

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

/** One allowed value of a property: ODCS 3.2 `enum[].value`, or a 3.1 `validValues` entry. */
export const EnumValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type EnumValue = z.infer<typeof EnumValueSchema>;

export const ContractPropertySchema = z.strictObject({
  name: z.string().min(1),
  /** ODCS makes it optional: a property without one may hold any value. */
  logicalType: LogicalTypeSchema.optional(),
  physicalType: z.string().optional(),
  required: z.boolean(),
  unique: z.boolean(),
  primaryKey: z.boolean(),
  primaryKeyPosition: z.number().int().optional(),
  classification: z.string().optional(),
  description: z.string().optional(),
  enum: z.array(EnumValueSchema).optional(),
  /** What ODCS 3.2 enum entries say besides their value (`label`, `description`, `id`…), by the value's text. */
  enumEntryDocumentation: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
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
 * history (valid_from / valid_to / is_current, see history-columns.ts) beside their latest state.
 */
export const DatasetKindSchema = z.enum(['event', 'entity']);
export type DatasetKind = z.infer<typeof DatasetKindSchema>;

/** What a historyColumnPrefix may hold: the start of a column name. */
export const HISTORY_COLUMN_PREFIX_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What a contract's text reads as. */
export const ContractModelSchema = z.strictObject({
  id: ContractIdSchema,
  /** The text's `name`, or a readable stand-in when it has none (never written back). */
  name: z.string().min(1),
  /** The ODCS version the text is written in (`v3.0.2`, `v3.1.0`, `v3.2.0`). */
  apiVersion: z.string().min(1),
  /**
   * Any text, as ODCS allows: `v2` and `1.0` read as 2.0.0 and 1.0.0 where versions are compared
   * (`readVersion`); one that is no version (`2024-01`) gets a warning there instead of a refusal.
   */
  version: z.string().min(1, { error: 'must not be empty' }),
  /** Required up to ODCS 3.1, optional from 3.2. */
  status: ContractStatusSchema.optional(),
  kind: DatasetKindSchema,
  /** Whether the contract says its kind (`datasetKind`), rather than the app inferring it. */
  isKindDeclared: z.boolean(),
  keepHistory: z.boolean(),
  /** What the history columns' names start with (`dbt_` gives `dbt_valid_from`…); none when absent. */
  historyColumnPrefix: z
    .string()
    .regex(HISTORY_COLUMN_PREFIX_PATTERN, {
      error: 'must start with a letter or _ and hold only letters, digits and _',
    })
    .optional(),
  description: z.string().optional(),
  owner: z.string().optional(),
  domain: z.string().optional(),
  dataProduct: z.string().optional(),
  schema: z.array(SchemaObjectSchema),
  quality: z.array(QualityRuleSchema).optional(),
  sla: z.array(SlaPropertySchema),
  extensions: ExtensionsSchema.optional(),
});
export type ContractModel = z.infer<typeof ContractModelSchema>;

/** A contract in the mesh document: its ODCS YAML text and what that text reads as. */
export const ContractSchema = ContractModelSchema.extend({
  odcs: z.string(),
});
export type Contract = z.infer<typeof ContractSchema>;

/** A contract in the `.mesh.json` file: the lines of its ODCS YAML, so diffs of the file stay line by line. */
export const ContractFileEntrySchema = z.strictObject({
  odcs: z.array(z.string()).describe('The lines of the contract, an ODCS YAML document (v3.0.x to v3.2.0).'),
});
export type ContractFileEntry = z.infer<typeof ContractFileEntrySchema>;
