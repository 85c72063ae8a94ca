import { z } from 'zod';
import { ContractSchema } from './contract';
import { DataProductSchema } from './data-product';
import { DomainSchema } from './domain';
import { IdSchema } from './ids';
import { LayoutSchema } from './layout';
import { LinkSchema } from './link';
import { NoteSchema } from './note';
import { OperationalSystemSchema } from './operational-system';
import { PoliciesSchema } from './policies';
import { ScenarioSchema } from './scenario';

export const CURRENT_SCHEMA_VERSION = 1;

export const MeshSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: IdSchema,
  name: z.string().min(1),
  description: z.string(),
  domains: z.array(DomainSchema),
  products: z.array(DataProductSchema),
  systems: z.array(OperationalSystemSchema),
  contracts: z.array(ContractSchema),
  links: z.array(LinkSchema),
  layout: LayoutSchema,
  /** Sticky notes; absent in designs without any, so files written before notes existed keep their bytes. */
  notes: z.array(NoteSchema).optional(),
  scenarios: z.array(ScenarioSchema),
  policies: PoliciesSchema,
});
export type Mesh = z.infer<typeof MeshSchema>;

export function emptyMesh(id: string, name: string): Mesh {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name,
    description: '',
    domains: [],
    products: [],
    systems: [],
    contracts: [],
    links: [],
    layout: { nodes: {} },
    scenarios: [],
    policies: { rules: {} },
  };
}
