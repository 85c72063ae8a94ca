import { brokerTable } from './broker-log';
import { LOG_COLUMNS } from './log-format';
import { quoteIdentifier } from './sql-text';
import { QUARANTINE_TABLE } from './table-claims';

/** The quarantine's columns as shown: what broke first, then where and when. */
const QUARANTINE_COLUMN_ORDER = ['record', 'rule', 'property', 'message', 'port', 'tick', 'id'];
/** The quarantine's message wraps onto lines this wide, so that it reads whole beside the row's Trace and the record's key in the side panel. */
const QUARANTINE_MESSAGE_CHARACTERS = 12;

export interface TableSort {
  column: string;
  descending: boolean;
}

/**
 * What a grid pages through: a table in a node's storage (`isRawZone` when it holds an input port's
 * records as read), or a log in the broker (an output port's published records).
 */
export type GridSource = { kind: 'table'; table: string; isRawZone?: boolean } | { kind: 'log'; log: string };

/** The source as SQL: a log lives in the broker, which every node's connection sees. */
function relationSql(source: GridSource): string {
  return source.kind === 'log' ? brokerTable({ table: source.log }) : quoteIdentifier(source.table);
}

/** One page of a source as a read-only query: sorted by a column when asked, else in insertion order. */
export function tablePageSql(source: GridSource, page: { offset: number; limit: number; sort?: TableSort }): string {
  const order = page.sort
    ? `${quoteIdentifier(page.sort.column)} ${page.sort.descending ? 'DESC' : 'ASC'}, rowid`
    : 'rowid';
  return `SELECT * FROM ${relationSql(source)} ORDER BY ${order} LIMIT ${Math.max(0, Math.floor(page.limit))} OFFSET ${Math.max(0, Math.floor(page.offset))}`;
}

/** How many rows a source holds now (a log's retention drops its oldest). */
export function rowCountSql(source: GridSource): string {
  return `SELECT count(*) FROM ${relationSql(source)}`;
}

/**
 * The order a grid shows a page's columns in, as indexes into them, what a row is about first (in
 * a side panel, the columns further right are out of view): a log's payload, then what the log
 * keeps about each record (`_partition`, `_offset`, …); a raw zone's record, its key and values
 * (`incident_id`, or a change's `before_…` and `after_…`), then what the broker and the engine keep
 * beside it (named `_…`, as the trace folds them); the quarantine's broken record and the rule it broke, then where and
 * when; any other table's as they are.
 */
export function shownColumns(source: GridSource, columns: readonly string[]): number[] {
  const indexes = columns.map((_, index) => index);
  const last = (isKeptBeside: (column: string) => boolean) => [
    ...indexes.filter((index) => !isKeptBeside(columns[index] as string)),
    ...indexes.filter((index) => isKeptBeside(columns[index] as string)),
  ];
  if (source.kind === 'log') return last((column) => LOG_COLUMNS.includes(column));
  if (source.isRawZone) return last((column) => column.startsWith('_'));
  if (source.table !== QUARANTINE_TABLE) return indexes;
  // A column the order does not name (added to the table later) goes last.
  const place = (index: number) => {
    const at = QUARANTINE_COLUMN_ORDER.indexOf(columns[index] as string);
    return at === -1 ? QUARANTINE_COLUMN_ORDER.length : at;
  };
  return indexes.sort((a, b) => place(a) - place(b));
}

/** Whether a column of the source wraps its text onto several lines rather than cutting it. */
export function wrapsColumn(source: GridSource, column: string): boolean {
  return source.kind === 'table' && source.table === QUARANTINE_TABLE && column === 'message';
}

/** The most characters wide a grid draws a column of the source, where it is narrower than the grid's own bound. */
export function columnCharacterCap(source: GridSource, column: string): number | undefined {
  return wrapsColumn(source, column) ? QUARANTINE_MESSAGE_CHARACTERS : undefined;
}
