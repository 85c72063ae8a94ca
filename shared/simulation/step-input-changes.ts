import { columnList, quoteIdentifier } from './sql-text';
import type { SqlConnection } from './sql-workspace';

/**
 * The changes of a product's tables within a tick, for the transformations that recompute by
 * unit: triggers copy each changed row's old and new images to `_changed_<table>` (`_image`
 * 'old' / 'new'), cleared once all steps have run. Only tables a step reads that way are watched.
 */
export function createStepInputChanges(connection: SqlConnection) {
  const watched = new Map<string, readonly string[]>();
  const changes = (table: string) => `node.${quoteIdentifier(`_changed_${table}`)}`;
  let clears: { run(): number }[] = [];
  return {
    /** SQL selecting a table's changed rows, old and new images, with the table's own columns. */
    changesOf(table: string, columns: readonly string[]): string {
      if (!watched.has(table)) {
        connection.exec(`CREATE TABLE ${changes(table)} (_image TEXT NOT NULL, ${columnList(columns)})`);
        watched.set(table, columns);
      }
      return `SELECT ${columnList(columns)} FROM ${changes(table)}`;
    },
    /** Starts watching the tables asked for; call once every step is prepared. */
    startWatching(): void {
      connection.exec(
        [...watched]
          .flatMap(([table, columns]) => {
            const trigger = (event: string, body: string) =>
              `CREATE TRIGGER node.${quoteIdentifier(`_changed_${table}_${event.toLowerCase()}`)} AFTER ${event} ON ${quoteIdentifier(table)} BEGIN ${body} END`;
            const image = (name: string, row: 'NEW' | 'OLD') =>
              `INSERT INTO ${quoteIdentifier(`_changed_${table}`)} VALUES ('${name}', ${columnList(columns, row)});`;
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
