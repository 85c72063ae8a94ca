import { z } from 'zod';
import { IdSchema } from './ids';
import { newPort, PortSchema } from './port';
import { TableSchema } from './table';

export const ProductKindSchema = z.enum(['source-aligned', 'aggregate', 'consumer-aligned']);
export type ProductKind = z.infer<typeof ProductKindSchema>;

export const StorageSchema = z.strictObject({
  engine: z.string(),
  tables: z.array(TableSchema),
});

/** A named SQL step of the product's core, run in order. */
export const TransformationSchema = z.strictObject({
  name: z.string().min(1),
  sql: z.string(),
  description: z.string().optional(),
});
export type Transformation = z.infer<typeof TransformationSchema>;

export const QualityTestSchema = z.strictObject({
  name: z.string().min(1),
  /** A SQL query returning the rows that violate the rule; none means the test passes. */
  sql: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  description: z.string().optional(),
});
export type QualityTest = z.infer<typeof QualityTestSchema>;

export const SloSchema = z.strictObject({
  kind: z.enum(['freshness', 'completeness', 'availability']),
  target: z.number(),
  unit: z.string(),
  description: z.string().optional(),
});
export type Slo = z.infer<typeof SloSchema>;

export const PipelineStageSchema = z.strictObject({
  name: z.string().min(1),
  command: z.string(),
});

export const DataProductSchema = z.strictObject({
  id: IdSchema,
  domainId: IdSchema,
  name: z.string().min(1),
  description: z.string(),
  owner: z.string(),
  kind: ProductKindSchema,
  inputPorts: z.array(PortSchema),
  outputPorts: z.array(PortSchema),
  discoveryPort: PortSchema,
  storage: StorageSchema,
  transformations: z.array(TransformationSchema),
  documentation: z.string(),
  tests: z.array(QualityTestSchema),
  observability: z.strictObject({ slos: z.array(SloSchema) }),
  pipeline: z.strictObject({ stages: z.array(PipelineStageSchema) }),
});
export type DataProduct = z.infer<typeof DataProductSchema>;

export const DISCOVERY_PORT_ID = 'discovery';

/** A product with an empty core and only its discovery port: what every new product starts from. */
export function newDataProduct(
  fields: Pick<DataProduct, 'id' | 'domainId' | 'name'> & Partial<DataProduct>,
): DataProduct {
  return {
    description: '',
    owner: '',
    kind: 'source-aligned',
    inputPorts: [],
    outputPorts: [],
    discoveryPort: newPort(DISCOVERY_PORT_ID, 'Discovery', 'discovery'),
    storage: { engine: 'sqlite', tables: [] },
    transformations: [],
    documentation: '',
    tests: [],
    observability: { slos: [] },
    pipeline: { stages: [] },
    ...fields,
  };
}
