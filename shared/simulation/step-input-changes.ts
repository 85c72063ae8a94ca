import type { IncrementalPlan } from './incremental-plan';
import { columnList, quoteIdentifier } from './sql-text';
import type { SqlConnection } from './sql-workspace';

/** A condition on a table's rows, as written in a query that names the table `alias`. */
export interface RowFilter {
  alias: string;
  condition: string;
}

/**
 * SQL selecting the changes of a joined table that may touch a step's units: its rows passing
 * the ON terms on it alone, with the columns the step reads elsewhere (see `IncrementalPlan`).
 */
export function joinedChangesSql(
  changes: { netChangesOf(table: string, columns: readonly string[], filter?: RowFilter): string },
  joined: IncrementalPlan['joined'][number],
): string {
  const filter = joined.filter === undefined ? undefined : { alias: joined.alias, condition: joined.filter };
  return changes.netChangesOf(joined.table, joined.changeColumns, filter);
}

/**
 * A FROM clause from the anchor to a joined table's changes (`joinedChangesSql`) through the tables
 * its ON condition reaches the anchor by: the anchor rows a change of the joined table may touch.
 */
export function anchorToChangesSql(
  changes: { netChangesOf(table: string, columns: readonly string[], filter?: RowFilter): string },
  plan: IncrementalPlan,
  joined: IncrementalPlan['joined'][number],
): string {
  const table = (name: string, alias: string) => `node.${quoteIdentifier(name)} AS ${quoteIdentifier(alias)}`;
  return [
    table(plan.anchor.table, plan.anchor.alias),
    ...joined.via.map((step) => `JOIN ${table(step.table, step.alias)} ON ${step.on}`),
    `JOIN (${joinedChangesSql(changes, joined)}) AS ${quoteIdentifier(joined.alias)} ON ${joined.on}`,
  ].join('\n');
}

/**
 * The changes of a product's tables within a tick, for the transformations that recompute by
 * unit: triggers copy each changed row's old and new images to `_changed_<table>` (`_image`
 * 'old' / 'new', with the row's `_rowid`), cleared once all steps have run. Only tables a step
 * reads that way are watched.
 */
export function createStepInputChanges(connection: SqlConnection) {
  const watched = new Map<string, readonly string[]>();
  const changes = (table: string) => `node.${quoteIdentifier(`_changed_${table}`)}`;
  let clears: { run(): number }[] = [];
  const watch = (table: string, columns: readonly string[]) => {
    if (watched.has(table)) return;
    connection.exec(`CREATE TABLE ${changes(table)} (_image TEXT NOT NULL, _rowid INTEGER, ${columnList(columns)})`);
    watched.set(table, columns);
  };
  return {
    /** SQL selecting a table's changed rows, old and new images, with the table's own columns. */
    changesOf(table: string, columns: readonly string[]): string {
      watch(table, columns);
      return `SELECT ${columnList(columns)} FROM ${changes(table)}`;
    },
    /**
     * SQL selecting the values of `read` (some of the table's columns) that the tick's changes
     * added or removed: an update that leaves them as they were is no change to whoever reads only them.
     * With a `filter` (a condition on the table's rows, naming it `alias`), only the rows passing it
     * count: an update that keeps a row passing it changes only what `read` holds.
     */
    netChangesOf(table: string, columns: readonly string[], read: readonly string[], filter?: RowFilter): string {
      watch(table, columns);
      const list = columnList(read.length > 0 ? read : columns);
      const rows = filter
        ? `${changes(table)} AS ${quoteIdentifier(filter.alias)} WHERE ${filter.condition}`
        : changes(table);
      return `SELECT ${list} FROM ${rows} GROUP BY ${list} HAVING sum(CASE _image WHEN 'new' THEN 1 ELSE -1 END) <> 0`;
    },
    /** SQL selecting the rowids of a table's changed rows, before and after the change. */
    changedRowidsOf(table: string, columns: readonly string[]): string {
      watch(table, columns);
      return `SELECT _rowid FROM ${changes(table)}`;
    },
    /** Starts watching the tables asked for; call once every step is prepared. */
    startWatching(): void {
      connection.exec(
        [...watched]
          .flatMap(([table, columns]) => {
            const trigger = (event: string, body: string) =>
              `CREATE TRIGGER node.${quoteIdentifier(`_changed_${table}_${event.toLowerCase()}`)} AFTER ${event} ON ${quoteIdentifier(table)} BEGIN ${body} END`;
            const image = (name: string, row: 'NEW' | 'OLD') =>
              `INSERT INTO ${quoteIdentifier(`_changed_${table}`)} VALUES ('${name}', ${row}.rowid, ${columnList(columns, row)});`;
            return [
              trigger('INSERT', image('new', 'NEW')),
              trigger('UPDATE', `${image('old', 'OLD')} ${image('new', 'NEW')}`),
              trigger('DELETE', image('old', 'OLD')),
            ];
          })
          .join(';\n'),
      );
      clears = [...watched.keys()].map((table) => connection.prepare(`DELETE FROM ${changes(table)}`));
    },
    clear(): void {
      for (const clear of clears) clear.run();
    },
  };
}
