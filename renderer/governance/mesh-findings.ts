import { layoutClashes } from '../../shared/editing/layout-clashes';
import type { Mesh } from '../../shared/model';
import type { StepFailure } from '../../shared/simulation/data-product-runtime';
import { type PreparedSteps, refusalsFor } from '../../shared/simulation/step-refusals';
import type { Finding } from '../../shared/validation/finding';
import { countFindings, type FindingCounts, validateMesh } from '../../shared/validation/validate-mesh';
import { whereShown } from '../../shared/validation/where-shown';

/** What the problems panel, the status bar and the canvas badges show for one document. */
export interface MeshFindings {
  all: readonly Finding[];
  counts: FindingCounts;
  /** By the nodes (domains, products, systems) and links that show each finding (see whereShown). */
  byNode: ReadonlyMap<string, readonly Finding[]>;
  byLink: ReadonlyMap<string, readonly Finding[]>;
}

const NO_FINDINGS: MeshFindings = {
  all: [],
  counts: { error: 0, warning: 0, info: 0, off: 0 },
  byNode: new Map(),
  byLink: new Map(),
};

let last:
  | {
      mesh: Mesh;
      baseline: Mesh | null;
      prepared: PreparedSteps | null;
      inputs: readonly unknown[];
      findings: MeshFindings;
    }
  | undefined;

/**
 * What the rules read. Of the layout, only which elements clash (the layout-clashes rule): so
 * dragging, a change of positions on every frame, costs a clash check here, while Auto-layout or a
 * drag that ends a clash is judged at once.
 */
function ruleInputs(mesh: Mesh, baseline: Mesh | null, prepared: PreparedSteps | null): unknown[] {
  return [
    mesh.domains,
    mesh.products,
    mesh.systems,
    mesh.contracts,
    mesh.links,
    mesh.scenarios,
    mesh.policies,
    baseline?.contracts,
    baseline?.products,
    refusalsFor(mesh, prepared),
    JSON.stringify(layoutClashes(mesh)),
  ];
}

/**
 * The governance findings of the open document, breaking changes judged against `baseline` (see
 * DocumentState.baseline), with what SQLite refused of its steps when told for this very document
 * (see DocumentState.preparedSteps); computed once per change of what the rules read, so every
 * subscriber shares one run.
 */
export function findingsOf(
  mesh: Mesh | null,
  baseline: Mesh | null,
  prepared: PreparedSteps | null = null,
): MeshFindings {
  if (!mesh) return NO_FINDINGS;
  // Every node's badge asks on every change of the document, a drag frame included: one clash check per document.
  if (last?.mesh === mesh && last.baseline === baseline && last.prepared === prepared) return last.findings;
  const inputs = ruleInputs(mesh, baseline, prepared);
  const findings =
    last && inputs.every((input, index) => input === last?.inputs[index])
      ? last.findings
      : judged(mesh, baseline, refusalsFor(mesh, prepared));
  last = { mesh, baseline, prepared, inputs, findings };
  return findings;
}

function judged(mesh: Mesh, baseline: Mesh | null, stepRefusals: readonly StepFailure[]): MeshFindings {
  const all = validateMesh(mesh, { ...(baseline && { baseline }), stepRefusals });
  return { all, counts: countFindings(all), ...indexByElement(mesh, all) };
}

/** Findings by the nodes and links that show each (see whereShown). */
export function indexByElement(mesh: Mesh, findings: readonly Finding[]): Pick<MeshFindings, 'byNode' | 'byLink'> {
  const byNode = new Map<string, Finding[]>();
  const byLink = new Map<string, Finding[]>();
  const add = (map: Map<string, Finding[]>, id: string, finding: Finding) => {
    const list = map.get(id);
    if (list) list.push(finding);
    else map.set(id, [finding]);
  };
  for (const finding of findings) {
    const { nodeIds, linkIds } = whereShown(mesh, finding);
    for (const linkId of linkIds) add(byLink, linkId, finding);
    for (const nodeId of nodeIds) add(byNode, nodeId, finding);
  }
  return { byNode, byLink };
}
