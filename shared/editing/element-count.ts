import { counted, type MeshElementCounts } from '../model';

/**
 * Nodes and links counted in words (`49 nodes and 36 links`, `2 nodes`, `1 link`): one wording
 * wherever a selection or a deletion is counted, so the two always agree.
 */
export function countedNodesAndLinks(nodeCount: number, linkCount: number): string {
  const parts = [
    ...(nodeCount > 0 ? [counted(nodeCount, 'node')] : []),
    ...(linkCount > 0 ? [counted(linkCount, 'link')] : []),
  ];
  return parts.join(' and ');
}

/**
 * A design's elements counted, as the status bar and the start screen's unsaved work show them:
 * `4 domains · 1 product · 0 systems · 8 links`, then `· 1 note` where it has notes, so a design of
 * notes alone does not read as empty.
 */
export function countedElements({ domains, products, systems, links, notes }: MeshElementCounts): string {
  return [
    counted(domains, 'domain'),
    counted(products, 'product'),
    counted(systems, 'system'),
    counted(links, 'link'),
    ...(notes > 0 ? [counted(notes, 'note')] : []),
  ].join(' · ');
}
