import { z } from 'zod';
import { ContractFileEntrySchema, ContractSchema } from './contract';
import { DataProductSchema } from './data-product';
import { DomainSchema } from './domain';
import { IdSchema } from './ids';
import { LayoutSchema } from './layout';
import { LinkSchema } from './link';
import { CURRENT_SCHEMA_VERSION } from './mesh-file-format';
import { NoteSchema } from './note';
import { OperationalSystemSchema } from './operational-system';
import { PoliciesSchema } from './policies';
import { ScenarioSchema } from './scenario';

/** Said where `contracts` is an object (a map by id, say): the list it must be, shown by one entry. */
const CONTRACTS_MUST_BE_A_LIST =
  'must be a list, not an object: [{"odcs": ["apiVersion: v3.1.0", "kind: DataContract", …]}, …], each contract the lines of its ODCS YAML';

/** The `.mesh.json` file, as written on disk. */
export const MeshFileSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: IdSchema,
  name: z.string().min(1),
  description: z.string(),
  domains: z.array(DomainSchema),
  products: z.array(DataProductSchema),
  systems: z.array(OperationalSystemSchema),
  contracts: z.array(ContractFileEntrySchema, {
    error: ({ input }) =>
      typeof input === 'object' && input !== null && !Array.isArray(input) ? CONTRACTS_MUST_BE_A_LIST : undefined,
  }),
  links: z.array(LinkSchema),
  layout: LayoutSchema,
  /** Sticky notes; absent in designs without any, so files written before notes existed keep their bytes. */
  notes: z.array(NoteSchema).optional(),
  scenarios: z.array(ScenarioSchema),
  policies: PoliciesSchema,
});
export type MeshFile = z.infer<typeof MeshFileSchema>;

/** The document in memory: as the file, with each contract's text read into its model. */
export const MeshSchema = MeshFileSchema.extend({ contracts: z.array(ContractSchema) });
export type Mesh = z.infer<typeof MeshSchema>;

/** What a new design is called until it is named (an import may name it after its diagram's title). */
export const NEW_DESIGN_NAME = 'Untitled mesh';

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
