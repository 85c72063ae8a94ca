import { tablesBefore } from './key-fan-out';
import { aliasOf, cteTable, type ProductLineage, type TableLineage, tableAliases } from './product-lineage';
import type { ColumnRef, NamedQuery, QueryLineage, SelectLineage } from './sql-lineage';
import { sqlLineageOf } from './sql-lineage';

/** The columns of a step's result holding, in each row, a value of the row of an input port the row meets. */
export interface CarriedColumns {
  /** Result column → that input's field, both lower-cased. */
  columns: ReadonlyMap<string, string>;
  /** The input's rows only take result rows out (the SELECTs after EXCEPT): `columns` name the row each takes out. */
  isRemoving?: true;
}

/** A query's result column at one position, and the input's field it carries there. */
interface CarriedPosition {
  name?: string;
  field?: string;
}

/**
 * `CarriedColumns` of each step of the product, in order, for input port `portId`. A column is one
 * when it is the input table's column as it is (`h.container_no`), or a column the joins, WHERE or
 * a subquery run per row hold equal to one (`g.container_no` where `h.container_no = g.container_no`),
 * or such a column of a WITH query or an earlier step's result the step reads. A compound query's
 * column is one where every SELECT carrying any of the input's values carries the same field there.
 */
export function carriedInputColumnsOfSteps(lineage: ProductLineage, portId: string): CarriedColumns[] {
  const carriers = new Map<string, ReadonlyMap<string, string>>();
  for (const { dataset } of lineage.inputs.get(portId)?.feeds ?? []) {
    const fields = dataset.schema.properties.map((property) => property.name.toLowerCase());
    carriers.set(dataset.schema.name.toLowerCase(), new Map(fields.map((field) => [field, field])));
  }
  return lineage.transformations.map((step, index) => {
    const query = sqlLineageOf(step.transformation.sql).query;
    const carried = query
      ? carriedByQuery(query, tablesBefore(lineage, index), carriers)
      : { positions: [], isRemoving: false };
    const columns = new Map<string, string>();
    for (const { name, field } of carried.positions) {
      if (name !== undefined && field !== undefined && !columns.has(name)) columns.set(name, field);
    }
    // A later step meets this result's rows, which the rows an EXCEPT takes out never are.
    carriers.set(step.table.name, carried.isRemoving ? new Map() : columns);
    return carried.isRemoving ? { columns, isRemoving: true } : { columns };
  });
}

/** `carriers`: the tables in scope holding the input's values, column → field. */
function carriedByQuery(
  query: QueryLineage,
  tables: ReadonlyMap<string, TableLineage>,
  carriers: ReadonlyMap<string, ReadonlyMap<string, string>>,
): { positions: CarriedPosition[]; isRemoving: boolean } {
  const scope = new Map(tables);
  const carriersInScope = new Map(carriers);
  for (const cte of query.ctes) {
    const { table, carried } = namedResult(cte, scope, carriersInScope);
    carriersInScope.set(cte.name, carried);
    scope.set(cte.name, table);
  }
  const carriedBy = (selects: readonly SelectLineage[]) =>
    selects.map((select) => carriedBySelect(select, scope, carriersInScope));
  const [first = [], ...others] = carriedBy(query.selects);
  const names = first.map(({ name }) => ({ ...(name !== undefined && { name }) }));
  const kept = agreedFields(names, [first, ...others]);
  if (kept.some(({ field }) => field !== undefined)) return { positions: kept, isRemoving: false };
  const removed = agreedFields(names, carriedBy(query.filters));
  const isRemoving = removed.some(({ field }) => field !== undefined);
  return { positions: isRemoving ? removed : kept, isRemoving };
}

/**
 * A query read as a table by name (a WITH query, or a subquery in FROM by its alias): that table,
 * and its columns carrying the input's values, column → field.
 */
function namedResult(
  named: NamedQuery,
  scope: ReadonlyMap<string, TableLineage>,
  carriers: ReadonlyMap<string, ReadonlyMap<string, string>>,
): { table: TableLineage; carried: ReadonlyMap<string, string> } {
  const result = 'query' in named ? carriedByQuery(named.query, scope, carriers) : undefined;
  const carried = new Map<string, string>();
  if (result && !result.isRemoving) {
    result.positions.forEach(({ name, field }, position) => {
      const column = named.columns[position] ?? name;
      if (column !== undefined && field !== undefined && !carried.has(column)) carried.set(column, field);
    });
  }
  return { table: cteTable(named, scope), carried };
}

/**
 * The result's columns (`names`, by position) with the field each SELECT carrying any of the
 * input's values carries there, where all of them carry the same: a row may come from any of them.
 */
function agreedFields(names: readonly CarriedPosition[], selects: readonly CarriedPosition[][]): CarriedPosition[] {
  const carrying = selects.filter((positions) => positions.some(({ field }) => field !== undefined));
  return names.map(({ name }, position) => {
    const fields = new Set(carrying.map((positions) => positions[position]?.field));
    const [field] = fields;
    return { ...(name !== undefined && { name }), ...(fields.size === 1 && field !== undefined && { field }) };
  });
}

/** A SELECT's result columns by position, with the input's field each carries. */
function carriedBySelect(
  select: SelectLineage,
  tables: ReadonlyMap<string, TableLineage>,
  carriers: ReadonlyMap<string, ReadonlyMap<string, string>>,
): CarriedPosition[] {
  const equal = new EqualColumns();
  const top = new Scope(select, tables, carriers);
  equal.addAll(top);
  const fieldOf = (node: ColumnNode) => node.scope.carriedBy(node.alias)?.get(node.column);
  return top.outputColumns().map(({ name, column }) => {
    const field =
      column &&
      equal
        .classOf(column)
        .map(fieldOf)
        .find((carried) => carried !== undefined);
    return { ...(name !== undefined && { name }), ...(field !== undefined && { field }) };
  });
}

/** A column of the table a SELECT reads as `alias`. */
interface ColumnNode {
  scope: Scope;
  alias: string;
  column: string;
}

/**
 * A SELECT, the tables it reads by alias (its subqueries in FROM read as WITH queries are), and
 * the query around it, whose columns a subquery run per row may name.
 */
class Scope {
  private readonly read = new Map<string, TableLineage>();
  private readonly carried = new Map<string, ReadonlyMap<string, string>>();
  private readonly nodes = new Map<string, ColumnNode>();

  constructor(
    readonly select: SelectLineage,
    readonly tables: ReadonlyMap<string, TableLineage>,
    private readonly carriers: ReadonlyMap<string, ReadonlyMap<string, string>>,
    private readonly outer?: Scope,
  ) {
    for (const alias of tableAliases(select)) {
      const name = select.tables.get(alias) ?? '';
      const table = tables.get(name);
      if (table) this.read.set(alias, table);
      const carried = carriers.get(name);
      if (carried) this.carried.set(alias, carried);
    }
    for (const [alias, query] of select.subqueries) {
      const { table, carried } = namedResult({ name: alias, columns: [], query }, tables, carriers);
      this.read.set(alias, table);
      this.carried.set(alias, carried);
    }
  }

  /** The columns of the table read as `alias` carrying the input's values, column → field. */
  carriedBy(alias: string): ReadonlyMap<string, string> | undefined {
    return this.carried.get(alias);
  }

  /** The column a reference names here, else in the query around it; one object per column, so that it can be compared. */
  node(ref: ColumnRef): ColumnNode | undefined {
    const alias = aliasOf(this.select, this.read, ref);
    if (alias === undefined) {
      const isReadHere =
        ref.qualifier !== undefined &&
        (this.select.tables.has(ref.qualifier) || this.select.subqueries.has(ref.qualifier));
      return isReadHere ? undefined : this.outer?.node(ref);
    }
    const key = JSON.stringify([alias, ref.column]);
    const known = this.nodes.get(key);
    if (known) return known;
    const node = { scope: this, alias, column: ref.column };
    this.nodes.set(key, node);
    return node;
  }

  /** The result's columns in order (`c.*` as its table's columns), each with the column it is as it is (`c.id`, `c.id AS key`). */
  outputColumns(): Array<{ name?: string; column?: ColumnNode }> {
    return this.select.outputs.flatMap((output) => {
      if (output.kind === 'value') {
        const column = output.column ? this.node(output.column) : undefined;
        return [{ ...(output.name !== undefined && { name: output.name }), ...(column && { column }) }];
      }
      return [...this.read].flatMap(([alias, table]) => {
        if (output.qualifier !== undefined && output.qualifier !== alias) return [];
        return [...table.columns.keys()].map((name) => {
          const column = this.node({ qualifier: alias, column: name });
          return { name, ...(column && { column }) };
        });
      });
    });
  }

  /** The SELECTs of the subqueries in its values and conditions, each its own scope inside this one. */
  subqueryScopes(): Scope[] {
    const subqueries = [
      ...this.select.conditionSubqueries,
      ...this.select.outputs.flatMap((output) => (output.kind === 'value' ? (output.subqueries ?? []) : [])),
    ];
    return subqueries.flatMap((subquery) => {
      const select = onlySelect(subquery);
      return select ? [new Scope(select, this.tables, this.carriers, this)] : [];
    });
  }
}

/** Columns held equal, as classes, over a SELECT and the subqueries in it. */
class EqualColumns {
  private readonly parent = new Map<ColumnNode, ColumnNode>();

  /** The plain equalities (`a = b`, both ways a column) of `scope` and of every subquery in it. */
  addAll(scope: Scope): void {
    const { equalities = [] } = scope.select;
    for (const { column, from } of equalities) {
      const [value, ...more] = from;
      // `a = b` is listed both ways; `a = lower(b)` only one way, a value computed from `b`.
      const isPlain =
        value !== undefined &&
        more.length === 0 &&
        equalities.some(
          (other) => isSameRef(other.column, value) && other.from.length === 1 && isSameRef(other.from[0], column),
        );
      const left = isPlain ? scope.node(column) : undefined;
      const right = isPlain && value ? scope.node(value) : undefined;
      if (left && right) this.union(left, right);
    }
    for (const inner of scope.subqueryScopes()) this.addAll(inner);
  }

  /** `node` and every column held equal to it. */
  classOf(node: ColumnNode): ColumnNode[] {
    const root = this.find(node);
    return [node, ...[...this.parent.keys()].filter((other) => other !== node && this.find(other) === root)];
  }

  private find(node: ColumnNode): ColumnNode {
    const parent = this.parent.get(node);
    if (parent === undefined || parent === node) return node;
    const root = this.find(parent);
    this.parent.set(node, root);
    return root;
  }

  private union(a: ColumnNode, b: ColumnNode): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    this.parent.set(rootA, rootA);
    this.parent.set(rootB, rootA);
  }
}

function isSameRef(a: ColumnRef | undefined, b: ColumnRef | undefined): boolean {
  return a !== undefined && b !== undefined && a.column === b.column && a.qualifier === b.qualifier;
}

/** The query's one SELECT, where nothing (a WITH, a UNION, an EXCEPT) reads or adds rows beside it. */
function onlySelect(query: QueryLineage): SelectLineage | undefined {
  const [select, ...others] = query.selects;
  return others.length > 0 || query.filters.length > 0 || query.ctes.length > 0 ? undefined : select;
}
