import { isolated, type Mesh } from '../model';
import { countedNodesAndLinks } from './element-count';

const LISTED_NAMES = 3;

function listed(names: readonly string[], singular: string, plural: string): string {
  if (names.length === 0) return '';
  const noun = names.length === 1 ? singular : plural;
  if (names.length > LISTED_NAMES) return `${names.length} ${plural}`;
  return `${noun} ${names.join(', ')}`;
}

function namesGone<T extends { id: string; name: string }>(before: readonly T[], after: readonly T[]): string[] {
  const kept = new Set(after.map((item) => item.id));
  // Isolated, so a right-to-left name (or one holding an override) reorders nothing after it.
  return before.filter((item) => !kept.has(item.id)).map((item) => isolated(item.name));
}

/**
 * What a deletion took, in words for the status line: the elements, and what went with them that
 * the user did not select, contracts above all (`Deleted orders and its contract Order`).
 */
export function describeDeletion(before: Mesh, after: Mesh): string {
  const nodes = [
    ...namesGone(before.domains, after.domains),
    ...namesGone(before.products, after.products),
    ...namesGone(before.systems, after.systems),
  ];
  const contracts = namesGone(before.contracts, after.contracts);
  const linkCount = before.links.length - after.links.length;
  // Counted as the inspector counts a selection: Ctrl+A's "49 nodes and 36 links selected" deletes as many.
  const what =
    nodes.length === 0 || nodes.length > LISTED_NAMES
      ? countedNodesAndLinks(nodes.length, linkCount)
      : nodes.join(', ');
  if (contracts.length === 0) return `Deleted ${what}`;
  const owner = nodes.length === 1 ? 'its' : 'their';
  return `Deleted ${what} and ${owner} ${listed(contracts, 'contract', 'contracts')}`;
}
