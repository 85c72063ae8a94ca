import { callArguments, isKeyword, type SqlToken, sqlTokens } from './sql-tokens';
import type { SqlConnection, SqlValue } from './sql-workspace';
import { applyChanges, type EditedText, type TextChange } from './text-changes';

/** The SQL function that answers the simulated clock's time, as ISO 8601 text. */
const NOW_FUNCTION = 'mesh_now';
const NOW_SQL = `${NOW_FUNCTION}()`;
/** The SQL function that passes a time value through, or the simulated time where the value is 'now'. */
const TIME_VALUE_FUNCTION = 'mesh_time_value';

/** Which arguments of SQLite's date and time functions are time values, which default to 'now'. */
const TIME_VALUE_ARGUMENTS: ReadonlyMap<string, { positions: number[]; defaultsToNow: boolean }> = new Map([
  ['DATE', { positions: [0], defaultsToNow: true }],
  ['TIME', { positions: [0], defaultsToNow: true }],
  ['DATETIME', { positions: [0], defaultsToNow: true }],
  ['JULIANDAY', { positions: [0], defaultsToNow: true }],
  ['UNIXEPOCH', { positions: [0], defaultsToNow: true }],
  ['STRFTIME', { positions: [1], defaultsToNow: true }],
  ['TIMEDIFF', { positions: [0, 1], defaultsToNow: false }],
]);

const CURRENT_KEYWORDS: ReadonlyMap<string, string> = new Map([
  ['CURRENT_TIMESTAMP', `datetime(${NOW_SQL})`],
  ['CURRENT_DATE', `date(${NOW_SQL})`],
  ['CURRENT_TIME', `time(${NOW_SQL})`],
]);

/**
 * Gives a connection `mesh_now()`, the time of the tick the run is at, and `mesh_time_value(v)`,
 * which is `v` unless `v` is 'now' as SQLite reads it (any case, nothing around it).
 */
export function registerSimulatedNow(connection: SqlConnection, isoNow: () => string): void {
  connection.defineFunction(NOW_FUNCTION, isoNow);
  connection.defineFunction(TIME_VALUE_FUNCTION, (value) => (isNowText(value) ? isoNow() : value));
}

function isNowText(value: SqlValue | undefined): boolean {
  const text = value instanceof Uint8Array ? String.fromCharCode(...value.subarray(0, 4)) : value;
  return typeof text === 'string' && text.length === 3 && text.toLowerCase() === 'now';
}

/**
 * A user's SQL with every reading of the machine's clock turned into a reading of the simulated
 * one: `'now'` as the time value of a date and time function, such a function called without
 * one, and `CURRENT_TIMESTAMP`, `CURRENT_DATE`, `CURRENT_TIME`. A time value SQL computes
 * (`COALESCE(x, 'now')`, a column) is only known when the statement runs, so it is passed through
 * `mesh_time_value`. So a transformation stamping its rows gives the same tables on every run, at
 * the time the simulation shows. Literals other than 'now' are left alone.
 */
export function withSimulatedNow(sql: string): string {
  return simulatedNowRewrite(sql).text;
}

/** `withSimulatedNow`, with the way back to what the user wrote: result columns are headed as they typed them. */
export function simulatedNowRewrite(sql: string): EditedText {
  return applyChanges(sql, simulatedNowEdits(sql));
}

/**
 * Whether SQL reads the clock, or may, with a time value it computes, so its result can change
 * with nothing else changing. A column given to a date and time function is passed through
 * `mesh_time_value` like any computed value, but a stored `now` is the data's, not the step's
 * reading of the clock: `date(placed_at)` leaves a step incremental.
 */
export function readsTheClock(sql: string): boolean {
  return simulatedNowEdits(sql).some((edit) => !edit.isAColumn);
}

interface SimulatedNowEdit extends TextChange {
  /** Part of wrapping a column reference (`o.placed_at`) in `mesh_time_value`. */
  isAColumn?: boolean;
}

function simulatedNowEdits(sql: string): SimulatedNowEdit[] {
  const tokens = sqlTokens(sql);
  const edits: SimulatedNowEdit[] = [];
  tokens.forEach((token, index) => {
    const current = token.kind === 'word' ? CURRENT_KEYWORDS.get(token.text.toUpperCase()) : undefined;
    if (current && tokens[index + 1]?.text !== '(') {
      edits.push({ start: token.start, end: token.end, text: current });
      return;
    }
    // SQLite calls a function named by a quoted identifier too: `"date"('now')`.
    const isName = token.kind === 'word' || token.kind === 'quoted';
    const timeValues = isName ? TIME_VALUE_ARGUMENTS.get(token.text.toUpperCase()) : undefined;
    if (!timeValues || !isOpeningParenthesis(tokens[index + 1])) return;
    const call = callArguments(tokens, index + 1);
    for (const position of timeValues.positions) {
      const argument = call.arguments[position];
      const first = argument?.[0];
      const last = argument?.at(-1);
      if (!first || !last) continue;
      if (argument.length === 1 && isNowLiteral(first)) {
        edits.push({ start: first.start, end: first.end, text: NOW_SQL });
      } else if (!isLiteral(argument)) {
        const isAColumn = isColumnReference(argument);
        edits.push({ start: first.start, end: first.start, text: `${TIME_VALUE_FUNCTION}(`, isAColumn });
        edits.push({ start: last.end, end: last.end, text: ')', isAColumn });
      }
    }
    const omitted = timeValues.positions[0] as number;
    if (timeValues.defaultsToNow && call.arguments.length === omitted) {
      const at = call.closing.start;
      edits.push({ start: at, end: at, text: omitted === 0 ? NOW_SQL : `, ${NOW_SQL}` });
    }
  });
  return edits;
}

/** A column named alone or qualified (`placed_at`, `o.placed_at`, `"Orders"."placed at"`). */
function isColumnReference(argument: readonly SqlToken[]): boolean {
  return (
    argument.length % 2 === 1 &&
    argument.every((token, at) =>
      at % 2 === 0 ? token.kind === 'word' || token.kind === 'quoted' : token.kind === 'symbol' && token.text === '.',
    )
  );
}

function isOpeningParenthesis(token: SqlToken | undefined): boolean {
  return token?.kind === 'symbol' && token.text === '(';
}

/** A time value written as a literal: text, a number (signed or not) or NULL; not bytes, which may spell now. */
function isLiteral(argument: readonly SqlToken[]): boolean {
  const [first, second] = argument;
  const isText = first?.kind === 'string' && first.text.startsWith("'");
  if (argument.length === 1) return isText || first?.kind === 'number' || isKeyword(first, 'NULL');
  return (
    argument.length === 2 && first?.kind === 'symbol' && ['-', '+'].includes(first.text) && second?.kind === 'number'
  );
}

function isNowLiteral(token: SqlToken): boolean {
  return token.kind === 'string' && token.text.toLowerCase() === "'now'";
}
