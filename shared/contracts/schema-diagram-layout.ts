import type { DiagramEdge, SchemaDiagram } from './schema-diagram';

/** Which side of its table an edge's end leaves from or arrives at. */
export type DiagramSide = 'left' | 'right';

export interface EdgeSides {
  from: DiagramSide;
  to: DiagramSide;
}

/**
 * Each table's column, left to right: a table one column right of the furthest table that
 * refers to it, so that relationships run left to right whichever object the schema writes
 * first (guest_stays after the guests it refers to). In a cycle of relationships, the one
 * back to the table the schema writes first does not count.
 */
export function tableColumns({ tables, edges }: SchemaDiagram): Map<string, number> {
  const referred = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (from.table !== to.table) referred.set(from.table, [...(referred.get(from.table) ?? []), to.table]);
  }
  // Walked from each table in schema order, a relationship back to a table still being walked closes a cycle: it is left out.
  const referrers = new Map<string, string[]>();
  const walked = new Map<string, 'open' | 'done'>();
  const walk = (table: string) => {
    walked.set(table, 'open');
    for (const target of referred.get(table) ?? []) {
      if (walked.get(target) === 'open') continue;
      referrers.set(target, [...(referrers.get(target) ?? []), table]);
      if (!walked.has(target)) walk(target);
    }
    walked.set(table, 'done');
  };
  for (const { name } of tables) if (!walked.has(name)) walk(name);
  const columns = new Map<string, number>();
  const columnOf = (table: string): number => {
    const placed = columns.get(table);
    if (placed !== undefined) return placed;
    const column = Math.max(-1, ...(referrers.get(table) ?? []).map(columnOf)) + 1;
    columns.set(table, column);
    return column;
  };
  for (const { name } of tables) columnOf(name);
  return columns;
}

/** The sides an edge joins: those that face each other, or the right of both for tables in one column. */
export function edgeSides(edge: DiagramEdge, columns: ReadonlyMap<string, number>): EdgeSides {
  const from = columns.get(edge.from.table) ?? 0;
  const to = columns.get(edge.to.table) ?? 0;
  if (from < to) return { from: 'right', to: 'left' };
  if (from > to) return { from: 'left', to: 'right' };
  return { from: 'right', to: 'right' };
}
