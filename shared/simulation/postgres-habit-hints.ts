import { callArguments, isKeyword, type SqlToken, sqlTokens } from './sql-tokens';

/**
 * How SQLite writes what a query wrote PostgreSQL's way, when SQLite refused it for that: told
 * beside SQLite's message wherever a step's refusal is (validate, the Problems panel, the
 * simulation's error). Chosen by the message, and by the query's text where the message alone
 * (`near "ON": syntax error`) could be of anything.
 */
export function postgresHabitHint(message: string, sql: string): string | undefined {
  const tokens = sqlTokens(sql);
  const missingFunction = /^no such function: (\w+)$/.exec(message)?.[1]?.toLowerCase();
  if (missingFunction !== undefined) return MISSING_FUNCTION_HINTS.get(missingFunction)?.(sql, tokens);
  const near = /^near "(.*)": syntax error$/s.exec(message)?.[1];
  if (near !== undefined) return syntaxHabitHint(near, sql, tokens);
  if (message === 'unrecognized token: ":"' && tokens.some(isCastStart)) {
    return 'SQLite has no :: cast: write CAST(value AS type)';
  }
  return undefined;
}

type HintOf = (sql: string, tokens: readonly SqlToken[]) => string;

/** PostgreSQL's functions SQLite lacks (`string_agg` it has), by name. */
const MISSING_FUNCTION_HINTS: ReadonlyMap<string, HintOf> = new Map([
  ['date_trunc', dateTruncHint],
  [
    'to_char',
    () =>
      "SQLite has no to_char: format with strftime, as strftime('%Y-%m-%d %H:%M', x) for to_char(x, 'YYYY-MM-DD HH24:MI')",
  ],
  [
    'now',
    () => "SQLite has no now(): write datetime('now') or CURRENT_TIMESTAMP, which a run reads as its simulated clock",
  ],
]);

/** The SQLite way for each unit the query truncates to; the day, month and hour when it names none of them. */
function dateTruncHint(sql: string, tokens: readonly SqlToken[]): string {
  const units = callsOf(sql, tokens, 'DATE_TRUNC').map((call) => call[0]?.toLowerCase().replaceAll("'", ''));
  const written = DATE_TRUNC_UNITS.filter(([unit]) => units.includes(unit));
  const told = written.length > 0 ? written : DATE_TRUNC_UNITS.filter(([unit]) => unit !== 'year');
  const ways = told.map(([unit, way]) => `${way} for date_trunc('${unit}', x)`);
  return `SQLite has no date_trunc: write ${ways.join(', ')}`;
}

const DATE_TRUNC_UNITS: readonly (readonly [string, string])[] = [
  ['day', 'date(x)'],
  ['month', "strftime('%Y-%m-01', x)"],
  ['hour', "strftime('%Y-%m-%d %H:00:00', x)"],
  ['year', "strftime('%Y-01-01', x)"],
];

/** The hint for a syntax error near `near`, when PostgreSQL's syntax there is what SQLite stopped at. */
function syntaxHabitHint(near: string, sql: string, tokens: readonly SqlToken[]): string | undefined {
  const word = near.toUpperCase();
  if (word === 'ILIKE') {
    return 'SQLite has no ILIKE: its LIKE already ignores case for ASCII letters (a LIKE b), or write lower(a) LIKE lower(b)';
  }
  if (word === 'SIMILAR') {
    return "SQLite has no SIMILAR TO: write LIKE (its % and _ are SIMILAR TO's), one per alternative joined by OR";
  }
  const distinctOn = tokens.findIndex((token, at) => isKeyword(token, 'DISTINCT') && isKeyword(tokens[at + 1], 'ON'));
  if (word === 'ON' && distinctOn >= 0) {
    const columns = tokens[distinctOn + 2]?.text === '(' ? argumentTexts(sql, tokens, distinctOn + 2).join(', ') : '…';
    return `SQLite has no DISTINCT ON: number the rows in a subquery, row_number() OVER (PARTITION BY ${columns} ORDER BY …) AS n, and keep those WHERE n = 1`;
  }
  if (near.startsWith('[')) {
    const array = tokens.findIndex(
      (token, at) => isKeyword(token, 'ARRAY') && sql[tokens[at + 1]?.start ?? -1] === '[',
    );
    if (array >= 0) return `SQLite has no arrays: write x IN (${tokens[array + 1]?.text}) for x = ANY(ARRAY[…])`;
  }
  if (word === 'FROM') {
    const extract = callsOf(sql, tokens, 'EXTRACT').find((call) => /^\w+\s+from\s/i.test(call[0] ?? ''));
    if (extract) return extractHint(extract[0] as string);
  }
  return intervalHint(near, tokens);
}

/** strftime's format for each field `extract` takes, the epoch aside. */
const EXTRACT_FORMATS: ReadonlyMap<string, string> = new Map([
  ['year', '%Y'],
  ['month', '%m'],
  ['day', '%d'],
  ['hour', '%H'],
  ['minute', '%M'],
  ['second', '%S'],
  ['dow', '%w'],
  ['doy', '%j'],
  ['week', '%W'],
]);

function extractHint(argument: string): string {
  const [field = '', ...rest] = argument.split(/\s+from\s+/i);
  const value = rest.join(' from ');
  const unit = field.toLowerCase();
  const format = EXTRACT_FORMATS.get(unit);
  if (format === undefined) {
    return `SQLite has no extract: write unixepoch(${value}) (or strftime('%s', ${value})) for extract(epoch from ${value})`;
  }
  return `SQLite has no extract: write CAST(strftime('${format}', ${value}) AS INTEGER) for extract(${field} from ${value})`;
}

/** `x + interval '1 day'`: SQLite stops at the interval's text or just after it. */
function intervalHint(near: string, tokens: readonly SqlToken[]): string | undefined {
  const at = tokens.findIndex(
    (token, index) =>
      isKeyword(token, 'INTERVAL') &&
      tokens[index + 1]?.kind === 'string' &&
      [tokens[index + 1]?.text, tokens[index + 2]?.text].includes(near),
  );
  if (at < 0) return undefined;
  const sign = tokens[at - 1]?.text === '-' ? '-' : '+';
  const amount = (tokens[at + 1] as SqlToken).text.slice(1, -1).replaceAll("''", "'");
  return `SQLite has no intervals: write datetime(x, '${sign}${amount}') for x ${sign} interval '${amount}'`;
}

/** PostgreSQL's `::type` cast: SQLite's tokenizer reads a `:` that no name follows, then `:type`. */
function isCastStart(token: SqlToken, at: number, tokens: readonly SqlToken[]): boolean {
  return token.kind === 'parameter' && token.text === ':' && tokens[at + 1]?.text.startsWith(':') === true;
}

/** The arguments of each call of a function, each as written. */
function callsOf(sql: string, tokens: readonly SqlToken[], name: string): string[][] {
  return tokens.flatMap((token, at) =>
    isKeyword(token, name) && tokens[at + 1]?.text === '(' ? [argumentTexts(sql, tokens, at + 1)] : [],
  );
}

/** The comma-separated items inside the parentheses opening at `open`, each as written. */
function argumentTexts(sql: string, tokens: readonly SqlToken[], open: number): string[] {
  return callArguments(tokens, open).arguments.map((argument) => {
    const [first, last] = [argument[0], argument.at(-1)];
    return first && last ? sql.slice(first.start, last.end) : '';
  });
}

/** A refusal told in one line, its hint after it: the simulation's errors and the SQL console have no place for a hint of their own. */
export function withHint({ message, hint }: { message: string; hint?: string }): string {
  return hint === undefined ? message : `${message} (${hint})`;
}
