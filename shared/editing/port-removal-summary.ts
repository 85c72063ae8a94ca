import { distinctNodeName, endpointName, isolated, type Link, type Mesh } from '../model';
import { productById } from './mesh-index';

/** Past this many, the links a removal took are counted, not named, so the status line stays one line. */
const NAMED_LINKS = 3;

function linksOnlyIn(before: Mesh, after: Mesh): Link[] {
  const kept = new Set(after.links.map((link) => link.id));
  return before.links.filter((link) => !kept.has(link.id));
}

/**
 * What removing a port took, for the status line, so no link goes unsaid: `Removed input port
 * Ward Demand of Wash Cycles and its link from Ward Requests · dataset`.
 */
export function describePortRemoval(before: Mesh, after: Mesh, productId: string, portId: string): string {
  const product = productById(before, productId);
  const port = [...(product?.inputPorts ?? []), ...(product?.outputPorts ?? [])].find(
    (candidate) => candidate.id === portId,
  );
  if (!product || !port) return `Removed port ${portId}`;
  const removed = `Removed ${port.direction} port ${isolated(port.name)} of ${isolated(distinctNodeName(before, product))}`;
  const links = linksOnlyIn(before, after);
  if (links.length === 0) return removed;
  const isInput = port.direction === 'input';
  const otherEnds = links.map((link) => isolated(endpointName(before, isInput ? link.from : link.to)));
  const way = isInput ? 'from' : 'to';
  if (links.length === 1) return `${removed} and its link ${way} ${otherEnds[0]}`;
  if (links.length > NAMED_LINKS) return `${removed} and its ${links.length} links`;
  return `${removed} and its ${links.length} links ${way} ${otherEnds.join(', ')}`;
}
