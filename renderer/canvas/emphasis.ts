import { lineageOf } from '../../shared/editing/lineage';
import type { Link } from '../../shared/model';
import type { LineageFocus } from '../store/ui-store';
import type { Emphasis, NodeOutline } from './flow-elements';

/** What stands out on the canvas: links on the selection's path, or a lineage focus with the rest dimmed. */
export interface CanvasEmphasis {
  dimmedIds: ReadonlySet<string>;
  links: ReadonlyMap<string, Emphasis>;
}

const NONE: CanvasEmphasis = { dimmedIds: new Set(), links: new Map() };

/**
 * With a lineage focus, everything outside it (nodes, links, domains holding none of it) is
 * dimmed. Otherwise, selecting products or systems highlights every link upstream and downstream
 * of them, so the path data takes through the mesh reads at a glance.
 */
export function canvasEmphasis(
  links: readonly Link[],
  outline: readonly NodeOutline[],
  selectedIds: ReadonlySet<string>,
  focus: LineageFocus | null,
): CanvasEmphasis {
  const isFlowNode = (node: NodeOutline) => node.type === 'product' || node.type === 'system';
  const starts = focus
    ? [focus.nodeId]
    : outline.filter((node) => isFlowNode(node) && selectedIds.has(node.id)).map((node) => node.id);
  if (starts.length === 0) return NONE;
  const lineage = lineageOf(links, starts, focus?.hops);
  const emphasis = new Map<string, Emphasis>();
  for (const id of lineage.upstreamLinks) emphasis.set(id, 'upstream');
  for (const id of lineage.downstreamLinks) emphasis.set(id, 'downstream');
  if (!focus) return { dimmedIds: new Set(), links: emphasis };
  for (const link of links) if (!emphasis.has(link.id)) emphasis.set(link.id, 'dimmed');
  const litDomains = new Set(outline.filter((node) => lineage.hops.has(node.id)).map((node) => node.parentId));
  const dimmedIds = new Set(
    outline
      .filter((node) => (node.type === 'domain' ? !litDomains.has(node.id) : !lineage.hops.has(node.id)))
      .map((node) => node.id),
  );
  return { dimmedIds, links: emphasis };
}
