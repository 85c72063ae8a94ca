import type { MeshGraph } from '../lineage/mesh-graph';
import type { Mesh } from '../model';
import type { RuleFinding, Severity } from './finding';

/** What every rule may read: the mesh, its lookups, and the version to compare contracts with. */
export interface RuleContext {
  mesh: Mesh;
  graph: MeshGraph;
  /** The mesh as last saved (in the app) or as given by `--baseline` (CLI); breaking changes are judged against it. */
  baseline?: Mesh;
}

/** One governance rule: a pure function of the mesh to its findings. */
export interface Rule {
  /** Stable, kebab-case: the key in the mesh's `policies.rules`, the CLI's `--rule`. */
  id: string;
  title: string;
  /** Why the rule exists, for the rule list in the docs and the problems panel. */
  rationale: string;
  defaultSeverity: Severity;
  check(context: RuleContext): RuleFinding[];
}
