import { describe, expect, it } from 'vitest';
import { readsTheClock, withSimulatedNow } from '../../../shared/simulation/simulated-now';

describe("'now' in a user's SQL reads the simulated clock", () => {
  it.each([
    ["SELECT datetime('now')", 'SELECT datetime(mesh_now())'],
    ["SELECT DATETIME( 'NOW' , 'localtime')", "SELECT DATETIME( mesh_now() , 'localtime')"],
    [
      "SELECT date('now', '-1 day'), time('now'), julianday('now'), unixepoch('now')",
      "SELECT date(mesh_now(), '-1 day'), time(mesh_now()), julianday(mesh_now()), unixepoch(mesh_now())",
    ],
    ["SELECT strftime('%H:%M', 'now')", "SELECT strftime('%H:%M', mesh_now())"],
    ["SELECT timediff('now', '2026-01-01')", "SELECT timediff(mesh_now(), '2026-01-01')"],
    ["SELECT \"datetime\"('now'), [date]('now')", 'SELECT "datetime"(mesh_now()), [date](mesh_now())'],
  ])("as a function's time value: %s", (sql, expected) => {
    expect(withSimulatedNow(sql)).toBe(expected);
  });

  it.each([
    [
      'SELECT date(), datetime( ), unixepoch()',
      'SELECT date(mesh_now()), datetime( mesh_now()), unixepoch(mesh_now())',
    ],
    ["SELECT strftime('%Y')", "SELECT strftime('%Y', mesh_now())"],
  ])('where a function takes the time by default: %s', (sql, expected) => {
    expect(withSimulatedNow(sql)).toBe(expected);
  });

  it.each([
    ["SELECT julianday(COALESCE(NULL, 'now'))", "SELECT julianday(mesh_time_value(COALESCE(NULL, 'now')))"],
    ["SELECT datetime('n' || 'ow', '+1 day')", "SELECT datetime(mesh_time_value('n' || 'ow'), '+1 day')"],
    ["SELECT date(x'6e6f77')", "SELECT date(mesh_time_value(x'6e6f77'))"],
    [
      "SELECT timediff('now', placed_at) FROM orders",
      'SELECT timediff(mesh_now(), mesh_time_value(placed_at)) FROM orders',
    ],
    ["SELECT datetime(date('now'), '+1 day')", "SELECT datetime(mesh_time_value(date(mesh_now())), '+1 day')"],
  ])('where a function is given a time value computed as it runs, which may be now: %s', (sql, expected) => {
    expect(withSimulatedNow(sql)).toBe(expected);
    expect(readsTheClock(sql)).toBe(true);
  });

  it.each([
    ["SELECT strftime('%Y', placed_at) FROM orders", "SELECT strftime('%Y', mesh_time_value(placed_at)) FROM orders"],
    [
      'SELECT date(o.placed_at), julianday("Orders"."placed at") FROM orders o',
      'SELECT date(mesh_time_value(o.placed_at)), julianday(mesh_time_value("Orders"."placed at")) FROM orders o',
    ],
  ])(
    'where a function is given a column, which is read as it runs but does not make the step read the clock: %s',
    (sql, expected) => {
      expect(withSimulatedNow(sql)).toBe(expected);
      expect(readsTheClock(sql)).toBe(false);
    },
  );

  it('in the CURRENT_ keywords, in any case', () => {
    expect(withSimulatedNow('SELECT CURRENT_TIMESTAMP AS at, current_date, Current_Time FROM t')).toBe(
      'SELECT datetime(mesh_now()) AS at, date(mesh_now()), time(mesh_now()) FROM t',
    );
  });

  it.each([
    "SELECT 'now' AS word, status = 'now' FROM orders",
    "SELECT date('2026-01-05'), datetime(1767600000, 'unixepoch'), julianday(-1), date(NULL), strftime(format, 0) FROM t",
    'SELECT "date", "current_date", [current_time] FROM t',
    "SELECT date FROM t WHERE note = 'date(''now'')' -- datetime('now')",
    "SELECT timediff('2026-01-05', 'now ') FROM orders",
  ])('and leaves everything else alone: %s', (sql) => {
    expect(withSimulatedNow(sql)).toBe(sql);
    expect(readsTheClock(sql)).toBe(false);
  });

  it('says whether SQL reads the clock', () => {
    expect(readsTheClock('SELECT CURRENT_TIMESTAMP')).toBe(true);
    expect(readsTheClock("SELECT count(*) FROM t WHERE at > datetime('now', '-1 hour')")).toBe(true);
  });
});
