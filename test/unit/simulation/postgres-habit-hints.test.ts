import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSelect, type SelectCheck } from '../../../shared/simulation/select-check';
import type { SqlConnection, SqlWorkspace } from '../../../shared/simulation/sql-workspace';
import { testWorkspace } from './builders';

let workspace: SqlWorkspace;
let connection: SqlConnection;

beforeAll(async () => {
  workspace = (await testWorkspace())();
  connection = workspace.connect();
  connection.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, email TEXT, placed_at TEXT)');
});

afterAll(() => workspace.close());

/** SQLite's refusal of a query on `orders`, with the hint told beside it. */
function refusalOf(sql: string): SelectCheck {
  return checkSelect(connection, sql);
}

describe('the SQLite way to write what a step wrote PostgreSQL’s way', () => {
  it.each([
    [
      "SELECT date_trunc('month', placed_at) AS month FROM orders",
      'no such function: date_trunc',
      "SQLite has no date_trunc: write strftime('%Y-%m-01', x) for date_trunc('month', x)",
    ],
    [
      "SELECT date_trunc('day', placed_at) AS day, DATE_TRUNC('hour', placed_at) AS hour FROM orders",
      'no such function: date_trunc',
      "SQLite has no date_trunc: write date(x) for date_trunc('day', x), strftime('%Y-%m-%d %H:00:00', x) for date_trunc('hour', x)",
    ],
    [
      "SELECT date_trunc(unit, placed_at) FROM orders, (SELECT 'week' AS unit)",
      'no such function: date_trunc',
      "SQLite has no date_trunc: write date(x) for date_trunc('day', x), strftime('%Y-%m-01', x) for date_trunc('month', x), strftime('%Y-%m-%d %H:00:00', x) for date_trunc('hour', x)",
    ],
    [
      "SELECT to_char(placed_at, 'YYYY-MM') AS month FROM orders",
      'no such function: to_char',
      "SQLite has no to_char: format with strftime, as strftime('%Y-%m-%d %H:%M', x) for to_char(x, 'YYYY-MM-DD HH24:MI')",
    ],
    [
      "SELECT id FROM orders WHERE email ILIKE '%@x.com'",
      'near "ILIKE": syntax error',
      'SQLite has no ILIKE: its LIKE already ignores case for ASCII letters (a LIKE b), or write lower(a) LIKE lower(b)',
    ],
    [
      "SELECT id FROM orders WHERE email not ilike '%@x.com'",
      'near "ilike": syntax error',
      'SQLite has no ILIKE: its LIKE already ignores case for ASCII letters (a LIKE b), or write lower(a) LIKE lower(b)',
    ],
    [
      "SELECT id FROM orders WHERE email SIMILAR TO '%@(x|y).com'",
      'near "SIMILAR": syntax error',
      "SQLite has no SIMILAR TO: write LIKE (its % and _ are SIMILAR TO's), one per alternative joined by OR",
    ],
    [
      'SELECT DISTINCT ON (customer_id, email) id, email FROM orders ORDER BY customer_id, placed_at DESC',
      'near "ON": syntax error',
      'SQLite has no DISTINCT ON: number the rows in a subquery, row_number() OVER (PARTITION BY customer_id, email ORDER BY …) AS n, and keep those WHERE n = 1',
    ],
    [
      'SELECT id, customer_id::text AS customer FROM orders',
      'unrecognized token: ":"',
      'SQLite has no :: cast: write CAST(value AS type)',
    ],
    [
      'SELECT id FROM orders WHERE customer_id = ANY(ARRAY[1, 2])',
      'near "[1, 2]": syntax error',
      'SQLite has no arrays: write x IN (1, 2) for x = ANY(ARRAY[…])',
    ],
    [
      'SELECT id, extract(epoch from placed_at) AS placed FROM orders',
      'near "from": syntax error',
      "SQLite has no extract: write unixepoch(placed_at) (or strftime('%s', placed_at)) for extract(epoch from placed_at)",
    ],
    [
      'SELECT id, EXTRACT(YEAR FROM o.placed_at) AS year FROM orders o',
      'near "FROM": syntax error',
      "SQLite has no extract: write CAST(strftime('%Y', o.placed_at) AS INTEGER) for extract(YEAR from o.placed_at)",
    ],
    [
      "SELECT id, placed_at + interval '1 day' AS due FROM orders",
      'near "AS": syntax error',
      "SQLite has no intervals: write datetime(x, '+1 day') for x + interval '1 day'",
    ],
    [
      "SELECT id FROM orders WHERE placed_at > now() - INTERVAL '2 hours'",
      `near "'2 hours'": syntax error`,
      "SQLite has no intervals: write datetime(x, '-2 hours') for x - interval '2 hours'",
    ],
    [
      'SELECT id, now() AS seen FROM orders',
      'no such function: now',
      "SQLite has no now(): write datetime('now') or CURRENT_TIMESTAMP, which a run reads as its simulated clock",
    ],
  ])('%s', (sql, message, hint) => {
    expect(refusalOf(sql)).toEqual({ ok: false, message, hint });
  });

  it("takes PostgreSQL's string_agg, which SQLite has too", () => {
    expect(refusalOf("SELECT string_agg(email, ', ') AS emails FROM orders").ok).toBe(true);
  });

  it('hints nothing where SQLite refused something else: a misspelt keyword, an unknown function, a named parameter', () => {
    const refusals = [
      'SELECT id FORM orders',
      'SELECT id FROM orders WHERE email LIKE',
      'SELECT datetrunc(placed_at) FROM orders',
      'SELECT id FROM orders WHERE customer_id = ANY(1)',
      'SELECT id FROM orders o JOIN orders p ON',
      "SELECT id FROM orders WHERE email = 'DISTINCT ON' AND )",
      'SELECT id FROM orders WHERE id = :',
    ].map(refusalOf);
    expect(refusals.map((refusal) => [refusal.ok, 'hint' in refusal])).toEqual(refusals.map(() => [false, false]));
  });
});
