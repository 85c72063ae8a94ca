import type { MeshGraph } from '../lineage/mesh-graph';
import type { Mesh, Policies } from '../model';
import type { RuleFinding, Severity } from './finding';

/** What every rule may read: the mesh, its lookups, and the version to compare contracts with. */
export interface RuleContext {
  mesh: Mesh;
  graph: MeshGraph;
  /** The mesh breaking changes are judged against: in the app, as opened and advanced by saves (see baselineAfterSave); in the CLI, `--baseline`. */
  baseline?: Mesh;
  /** What SQLite refused of each transformation, preparing it as the simulation does (see stepRefusals): told by a host that can start SQLite: the CLI, and the app from a worker. */
  stepRefusals?: readonly StepRefusal[];
  /** The design's policies as written, where `mesh.policies` are them under an organisation's (`--policy`): what policy-entries judges. */
  designPolicies?: Policies;
}

/** SQLite's message on a transformation it refused to prepare, at the step's path (`products[2].transformations[0]`). */
export interface StepRefusal {
  path: string;
  message: string;
  /** How SQLite writes what the step wrote PostgreSQL's way, when that is what SQLite refused. */
  hint?: string;
}

/**
 * The parts of the document a rule reads: sections of the mesh; `product outlines` for a rule
 * that reads only products' ids, names, kinds, domains and ports (see shared/lineage/product-outlines.ts);
 * `baseline` for the baseline's contracts, `baseline products` for its products; `step refusals`
 * for what SQLite refused of the transformations; `design policies` for the design's policies as written.
 */
export type RuleInput =
  | 'domains'
  | 'products'
  | 'product outlines'
  | 'systems'
  | 'contracts'
  | 'links'
  | 'policies'
  | 'scenarios'
  | 'layout'
  | 'baseline'
  | 'baseline products'
  | 'step refusals'
  | 'design policies';

/** One governance rule: a pure function of the mesh to its findings. */
export interface Rule {
  /** Stable, kebab-case: the key in the mesh's `policies.rules`, the CLI's `--rule`. */
  id: string;
  title: string;
  /** Why the rule exists, for the rule list in the docs and the problems panel. */
  rationale: string;
  defaultSeverity: Severity;
  /**
   * Everything `check` reads, directly or through the graph (names in messages, indexes in
   * paths): its findings are reused while these stay the same objects.
   */
  reads: readonly RuleInput[];
  check(context: RuleContext): RuleFinding[];
}
