/**
 * Nodes and links counted in words (`49 nodes and 36 links`, `2 nodes`, `1 link`): one wording
 * wherever a selection or a deletion is counted, so the two always agree.
 */
export function countedNodesAndLinks(nodeCount: number, linkCount: number): string {
  const parts = [counted(nodeCount, 'node', 'nodes'), counted(linkCount, 'link', 'links')].filter((part) => part);
  return parts.join(' and ');
}

function counted(count: number, singular: string, plural: string): string {
  if (count === 0) return '';
  return `${count} ${count === 1 ? singular : plural}`;
}
