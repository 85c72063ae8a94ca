import { tablesBefore } from './key-fan-out';
import { aliasOf, type ProductLineage, type TableLineage, tableAliases } from './product-lineage';
import type { ColumnRef, QueryLineage, SelectLineage } from './sql-lineage';
import { sqlLineageOf } from './sql-lineage';

/**
 * The columns of step `index`'s result that hold, in each row, a value of the row of input port
 * `portId` the row meets: result column → that input's field, both lower-cased. A column is one
 * when it is the input table's column as it is (`h.container_no`), or a column the joins, WHERE or
 * a subquery run per row hold equal to one (`g.container_no` where `h.container_no = g.container_no`).
 * Empty wherever the SQL leaves that unsure (a UNION, an EXCEPT, a WITH).
 */
export function carriedInputColumns(lineage: ProductLineage, index: number, portId: string): Map<string, string> {
  const carried = new Map<string, string>();
  const step = lineage.transformations[index];
  const query = step && sqlLineageOf(step.transformation.sql).query;
  const select = query && onlySelect(query);
  if (!select) return carried;
  const inputTables = new Set(
    (lineage.inputs.get(portId)?.feeds ?? []).map(({ dataset }) => dataset.schema.name.toLowerCase()),
  );
  const equal = new EqualColumns();
  const top = new Scope(select, tablesBefore(lineage, index));
  equal.addAll(top);
  const inputField = (column: ColumnNode) =>
    equal.classOf(column).find((node) => inputTables.has(node.scope.tableName(node.alias) ?? ''))?.column;
  for (const { name, column } of top.outputColumns()) {
    const field = inputField(column);
    if (field !== undefined && !carried.has(name)) carried.set(name, field);
  }
  return carried;
}

/** A column of the table a SELECT reads as `alias`. */
interface ColumnNode {
  scope: Scope;
  alias: string;
  column: string;
}

/** A SELECT, the tables it reads by alias, and the query around it, whose columns a subquery run per row may name. */
class Scope {
  private readonly read = new Map<string, TableLineage>();
  private readonly nodes = new Map<string, ColumnNode>();

  constructor(
    readonly select: SelectLineage,
    readonly tables: ReadonlyMap<string, TableLineage>,
    private readonly outer?: Scope,
  ) {
    for (const alias of tableAliases(select)) {
      const table = tables.get(select.tables.get(alias) ?? '');
      if (table) this.read.set(alias, table);
    }
  }

  tableName(alias: string): string | undefined {
    return this.select.tables.get(alias);
  }

  /** The column a reference names here, else in the query around it; one object per column, so that it can be compared. */
  node(ref: ColumnRef): ColumnNode | undefined {
    const alias = aliasOf(this.select, this.read, ref);
    if (alias === undefined) {
      const isReadHere = ref.qualifier !== undefined && this.select.tables.has(ref.qualifier);
      return isReadHere ? undefined : this.outer?.node(ref);
    }
    const key = JSON.stringify([alias, ref.column]);
    const known = this.nodes.get(key);
    if (known) return known;
    const node = { scope: this, alias, column: ref.column };
    this.nodes.set(key, node);
    return node;
  }

  /** The result's columns that are a column as it is (`c.id`, `c.id AS key`, `c.*`), by name. */
  outputColumns(): Array<{ name: string; column: ColumnNode }> {
    return this.select.outputs.flatMap((output) => {
      if (output.kind === 'value') {
        const column = output.name !== undefined && output.column ? this.node(output.column) : undefined;
        return column ? [{ name: output.name as string, column }] : [];
      }
      return [...this.read].flatMap(([alias, table]) => {
        if (output.qualifier !== undefined && output.qualifier !== alias) return [];
        return [...table.columns.keys()].flatMap((name) => {
          const column = this.node({ qualifier: alias, column: name });
          return column ? [{ name, column }] : [];
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
      return select ? [new Scope(select, this.tables, this)] : [];
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
