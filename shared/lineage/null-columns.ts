import type { ColumnRef, QueryLineage, SelectLineage } from './sql-lineage';

/** A query whose result a SELECT reads: a CTE, with the names it gives its columns (none: its first SELECT's), or a subquery in FROM. */
interface ReadResult {
  query: QueryLineage;
  columns: readonly string[];
  /** The CTEs its own SQL may read: those before it. */
  around: NamedResults;
}

/** The CTEs in scope, by name. */
type NamedResults = ReadonlyMap<string, ReadResult>;

/**
 * Whether a query's column at `at` (by position) is NULL in every row: in each SELECT of a UNION it
 * is a literal NULL (`NULL AS x`, `CAST(NULL AS TEXT)`), or a copy of such a column of a CTE or a
 * subquery in FROM (`WITH base AS (SELECT id, NULL AS email …) SELECT id, email FROM base`), through
 * as many as the SQL nests. False wherever the SQL leaves it unsure (a `*`, a column of one of several
 * tables named without its qualifier, an opaque source).
 */
export function isNullInEveryRow(query: QueryLineage, at: number, around: NamedResults = new Map()): boolean {
  const named = withNamedResults(query, around);
  return query.selects.length > 0 && query.selects.every((select) => isNullOutput(select, at, named));
}

function withNamedResults(query: QueryLineage, around: NamedResults): NamedResults {
  let named: NamedResults = around;
  for (const cte of query.ctes) {
    const before = named;
    const next = new Map(before);
    // An opaque CTE (a VALUES list, a recursive one) hides a name around it, with columns unknown.
    if ('query' in cte) next.set(cte.name, { query: cte.query, columns: cte.columns, around: before });
    else next.delete(cte.name);
    named = next;
  }
  return named;
}

function isNullOutput(select: SelectLineage, at: number, named: NamedResults): boolean {
  // A `*` before the column moves it to a position its SQL does not show.
  if (select.outputs.slice(0, at + 1).some((output) => output.kind === 'star')) return false;
  const output = select.outputs[at];
  if (output?.kind !== 'value') return false;
  if (output.isNull) return true;
  if (!output.column) return false;
  const source = copiedFrom(select, output.column, named);
  if (!source) return false;
  const position = columnPosition(source.query, source.columns, output.column.column);
  return position >= 0 && isNullInEveryRow(source.query, position, source.around);
}

/** The CTE or subquery in FROM a column is copied from, with the names it gives its columns. */
function copiedFrom(select: SelectLineage, column: ColumnRef, named: NamedResults): ReadResult | undefined {
  const aliases = [...select.tables.keys(), ...select.subqueries.keys(), ...(select.opaque?.keys() ?? [])];
  const from = [...new Set(select.tables.values())];
  // Unqualified, a column is surely the one FROM item's only where there is only one.
  const isOneItem = from.length + select.subqueries.size + (select.opaque?.size ?? 0) === 1;
  const alias = column.qualifier ?? (isOneItem ? aliases[0] : undefined);
  if (alias === undefined) return undefined;
  const subquery = select.subqueries.get(alias);
  if (subquery) return { query: subquery, columns: [], around: named };
  const table = select.tables.get(alias);
  return table === undefined ? undefined : named.get(table);
}

/** Where a query's result has the column `name`: by the names WITH gives it, else by its first SELECT's. */
function columnPosition(query: QueryLineage, columns: readonly string[], name: string): number {
  if (columns.length > 0) return columns.indexOf(name);
  const outputs = query.selects[0]?.outputs ?? [];
  if (outputs.some((output) => output.kind === 'star')) return -1;
  return outputs.findIndex((output) => output.kind === 'value' && output.name === name);
}
