/** Data flowing from one item (a node, a domain) to another. */
export interface Flow {
  from: string;
  to: string;
}

/**
 * The ids in the order data flows between them: each after those among them that feed it, ties
 * (and cycles) in the order given.
 */
export function inFlowOrder(ids: readonly string[], flows: readonly Flow[]): string[] {
  const feeders = new Map(ids.map((id) => [id, new Set<string>()]));
  for (const flow of flows) if (feeders.has(flow.from)) feeders.get(flow.to)?.add(flow.from);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < ids.length) {
    const ready = ids.find((id) => !placed.has(id) && [...(feeders.get(id) ?? [])].every((from) => placed.has(from)));
    // In a cycle nothing is ready: take the first remaining one, as given.
    const next = ready ?? ids.find((id) => !placed.has(id));
    if (next === undefined) break;
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}
