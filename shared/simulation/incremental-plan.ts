import { type FromTable, isSqlKeyword, readQueryShape, sameTokens } from './query-shape';
import { quoteIdentifier } from './sql-text';
import type { SqlToken } from './sql-tokens';

/**
 * How a transformation's result can be recomputed for the rows a tick touched. The result is cut
 * into units by output columns computed from the first table's rows alone (the anchor), and that
 * every GROUP BY and window PARTITION BY includes: a unit's rows then depend only on its anchor
 * rows and the rows joined to them. Each other table joins the anchor directly, so a change of
 * one of its rows maps to units through its ON condition.
 */
export interface IncrementalPlan {
  anchor: { table: string; alias: string };
  /** The unit's output columns and their expressions over the anchor (as written, with its alias). */
  /** The unit's output column, its expression over the anchor (as written) and, when it is one, the anchor column. */
  units: { column: string; expression: string; anchorColumn?: string }[];
  joined: { table: string; alias: string; on: string }[];
  /** Whether every anchor row yields a result row (only LEFT JOINs, no WHERE or HAVING). */
  keepsEveryAnchorRow: boolean;
}

export type RecomputeMode = { incremental: true; plan: IncrementalPlan } | { incremental: false; reason: string };

export interface StepContext {
  /** The step's output columns, in select order (as SQLite names them). */
  outputColumns: readonly string[];
  /** The columns of the step's table (the contract's properties). */
  tableColumns: readonly string[];
  /** The columns of a table the step may read incrementally; undefined for any other name. */
  columnsOf(table: string): readonly string[] | undefined;
}

export function planRecompute(select: string, context: StepContext): RecomputeMode {
  const reading = readQueryShape(select);
  if (!reading.ok) return full(reading.reason);
  const { shape } = reading;
  if (shape.items.length !== context.outputColumns.length) return full('its columns are not listed one by one');
  const [anchor, ...joined] = shape.from;
  if (!anchor) return full('it reads no table');
  for (const table of shape.from) {
    if (!context.columnsOf(table.table)) return full(`it reads '${table.table}', which changes after it runs`);
  }
  if (shape.from.filter((table) => sameName(table.table, anchor.table)).length > 1) {
    return full(`it reads '${anchor.table}' more than once`);
  }
  const resolve = columnResolver(shape.from, context);
  for (const table of joined) {
    const tables = resolve(table.on);
    if (tables === undefined || [...tables].some((name) => name !== table.alias && name !== anchor.alias)) {
      return full(
        `it joins '${table.table}' on a condition that involves more than '${table.table}' and '${anchor.table}'`,
      );
    }
  }
  if (shape.aggregates && !shape.groupBy) return full('it aggregates its whole input into one row');

  const units = shape.items.flatMap((item, index) => {
    const column = context.outputColumns[index] as string;
    const tables = resolve(item);
    const isAnchored = tables !== undefined && tables.size === 1 && tables.has(anchor.alias);
    const isGrouped = !shape.groupBy || shape.groupBy.some((group) => names(group, index, column, item));
    const isPartitioned = shape.partitions.every((list) => list.some((entry) => sameTokens(entry, item)));
    if (!isAnchored || !isGrouped || !isPartitioned || !context.tableColumns.includes(column)) return [];
    if (item.some((token) => isSqlKeyword(token) && token.text.toUpperCase() === 'OVER')) return [];
    const [only, ...more] = withoutQualifier(item, anchor.alias);
    const anchorColumn = only && more.length === 0 && only.kind !== 'symbol' ? only.text : undefined;
    return [{ column, expression: textOf(item), ...(anchorColumn !== undefined && { anchorColumn }) }];
  });
  const [unit] = units;
  if (!unit) {
    return full(
      `no output column comes from '${anchor.table}' alone${shape.groupBy ? ' and is grouped by' : ''}${shape.partitions.length > 0 ? ' and partitions every window' : ''}`,
    );
  }
  return {
    incremental: true,
    plan: {
      anchor: { table: anchor.table, alias: anchor.alias },
      // One column is enough (any of them cuts the result into whole units) and keeps lookups simple.
      units: [unit],
      joined: joined.map((table) => ({ table: table.table, alias: table.alias, on: textOf(table.on) })),
      keepsEveryAnchorRow: !shape.filters && joined.every((table) => table.join === 'left'),
    },
  };
}

function full(reason: string): RecomputeMode {
  return { incremental: false, reason };
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Whether a GROUP BY entry names the select item: by position, by alias, or as the same expression. */
function names(group: SqlToken[], index: number, column: string, item: SqlToken[]): boolean {
  const [only] = group;
  if (group.length === 1 && only?.kind === 'number') return Number(only.text) === index + 1;
  if (group.length === 1 && only && (only.kind === 'word' || only.kind === 'quoted') && sameName(only.text, column)) {
    return true;
  }
  return sameTokens(group, item);
}

/**
 * The FROM tables (by alias) whose columns an expression reads, or undefined when it reads a name
 * no table has, or one several have: the plan then cannot tell where a value comes from.
 */
function columnResolver(from: readonly FromTable[], context: StepContext) {
  const byAlias = new Map(from.map((table) => [table.alias.toLowerCase(), table]));
  return (tokens: readonly SqlToken[]): Set<string> | undefined => {
    const tables = new Set<string>();
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index] as SqlToken;
      if (token.kind !== 'word' && token.kind !== 'quoted') continue;
      if (token.kind === 'word' && isSqlKeyword(token)) continue;
      const previous = tokens[index - 1];
      const next = tokens[index + 1];
      if (previous && (previous.text === '.' || isKeywordToken(previous, 'AS', 'COLLATE'))) continue;
      if (next?.kind === 'symbol' && next.text === '(') continue;
      if (next?.kind === 'symbol' && next.text === '.') {
        const table = byAlias.get(token.text.toLowerCase());
        const column = tokens[index + 2];
        if (!table || !column || !hasColumn(context.columnsOf(table.table), column.text)) return undefined;
        tables.add(table.alias);
        continue;
      }
      const owners = from.filter((table) => hasColumn(context.columnsOf(table.table), token.text));
      if (owners.length !== 1) return undefined;
      tables.add((owners[0] as FromTable).alias);
    }
    return tables;
  };
}

function isKeywordToken(token: SqlToken, ...words: string[]): boolean {
  return token.kind === 'word' && words.includes(token.text.toUpperCase());
}

function hasColumn(columns: readonly string[] | undefined, name: string): boolean {
  return columns?.some((column) => sameName(column, name)) ?? false;
}

function withoutQualifier(tokens: readonly SqlToken[], alias: string): SqlToken[] {
  return tokens.filter(
    (token, index) =>
      !(
        (sameName(token.text, alias) && tokens[index + 1]?.text === '.') ||
        (token.text === '.' && sameName(tokens[index - 1]?.text ?? '', alias))
      ),
  );
}

/** Tokens back to SQL; names are quoted, so a keyword-like name stays a name. */
function textOf(tokens: readonly SqlToken[]): string {
  return tokens
    .map((token) => (token.kind === 'quoted' ? quoteIdentifier(token.text) : token.text))
    .join(' ')
    .replaceAll(' . ', '.');
}
