import { meshGraph } from '../lineage/mesh-graph';
import { type ElementRef, type Mesh, nodeIdOf } from '../model';
import type { RuleFinding } from './finding';

/** The canvas's nodes (domains, products, systems) and links that show a finding as their own. */
export interface ShownOn {
  nodeIds: string[];
  linkIds: string[];
}

/**
 * Where a finding belongs on the canvas: its element's node or link, and every element a
 * finding shown on its related elements names (each product and link of a cycle). What a badge
 * counts and what "Selection only" lists, so the two always agree.
 */
export function whereShown(mesh: Mesh, finding: RuleFinding): ShownOn {
  const elements = finding.isShownOnRelated ? [finding.element, ...(finding.related ?? [])] : [finding.element];
  const nodeIds = new Set<string>();
  const linkIds = new Set<string>();
  for (const element of elements) {
    if (element.kind === 'link') linkIds.add(element.linkId);
    for (const nodeId of nodesShowing(mesh, element)) nodeIds.add(nodeId);
  }
  return { nodeIds: [...nodeIds], linkIds: [...linkIds] };
}

/** The nodes on the canvas that show an element: its own node, or for a contract the products and systems it governs. */
export function nodesShowing(mesh: Mesh, element: ElementRef): string[] {
  const own = nodeIdOf(element);
  if (own) return [own];
  if (element.kind !== 'contract' && element.kind !== 'field') return [];
  return meshGraph(mesh)
    .contractUses(element.contractId)
    .map((use) => (use.kind === 'port' ? use.product.id : use.system.id));
}
