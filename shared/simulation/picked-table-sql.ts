import { isSqlKeyword } from './sql-keywords';
import { quoteIdentifier } from './sql-text';
import type { TableGuideEntry } from './table-guide';
import { shownColumns } from './table-page';

const CONSOLE_ROW_LIMIT = 100;

/** A name as a user would type it: bare where SQL reads it as that name, quoted otherwise (`order`, `unit price`). */
function typedName(name: string): string {
  const isBare = /^[a-z_][a-z0-9_]*$/.test(name) && !isSqlKeyword({ kind: 'word', text: name, start: 0, end: 0 });
  return isBare ? name : quoteIdentifier(name);
}

/**
 * The query the SQL console starts from for a table picked in its list: a raw zone's record fields
 * first, then what the broker and engine keep beside them (as its grid shows them); any other table's `*`.
 */
export function pickedTableSql({ table, rawZoneColumns }: Pick<TableGuideEntry, 'table' | 'rawZoneColumns'>): string {
  const columns = rawZoneColumns
    ? shownColumns({ kind: 'table', table, isRawZone: true }, rawZoneColumns)
        .map((index) => typedName(rawZoneColumns[index] as string))
        .join(', ')
    : '*';
  return `SELECT ${columns} FROM ${typedName(table)} LIMIT ${CONSOLE_ROW_LIMIT}`;
}
