import { describe, expect, it } from 'vitest';
import { planRecompute, type StepContext } from '../../../shared/simulation/incremental-plan';

const TABLES: Record<string, string[]> = {
  order_placed: ['event_id', 'occurred_at', 'customer_id', 'total'],
  customer_profile: ['customer_id', 'city', 'country', 'order_count', 'lifetime_value'],
  customers: ['customer_id', 'city'],
  orders: ['order_id', 'customer_id', 'status', 'total'],
  shipments: ['shipment_id', 'order_id', 'carrier'],
  items: ['item_id', 'title'],
  loans: ['loan_id', 'item_id', 'member_id', 'due'],
};

/** The columns of each CTE the tests define, as SQLite would name them. */
const CTES: Record<string, string[]> = {
  big_orders: ['order_id', 'customer_id', 'total'],
  dutch: ['customer_id', 'country'],
};

function context(outputColumns: string[]): StepContext {
  return {
    outputColumns,
    tableColumns: outputColumns,
    columnsOf: (table) => TABLES[table],
    resultColumns: (select) => CTES[select.match(/FROM "(\w+)"$/)?.[1] ?? ''] ?? [],
  };
}

const DAILY_SALES = `SELECT substr(e.occurred_at, 1, 10) AS day, COALESCE(p.country, 'unknown') AS country,
  COUNT(*) AS orders, SUM(e.total) AS revenue
FROM order_placed e LEFT JOIN customer_profile p ON p.customer_id = e.customer_id
WHERE e.total > 0
GROUP BY 1, 2`;

describe('planning incremental recomputation', () => {
  it('keeps a GROUP BY of counts and sums by group totals, over its FROM and WHERE as written', () => {
    const mode = planRecompute(DAILY_SALES, context(['day', 'country', 'orders', 'revenue']));

    expect(mode.incremental && mode.plan.aggregation).toEqual({
      source: `FROM order_placed e LEFT JOIN customer_profile p ON p.customer_id = e.customer_id
WHERE e.total > 0`,
      groups: [
        { column: 'day', expression: 'substr ( e.occurred_at , 1 , 10 )' },
        { column: 'country', expression: "COALESCE ( p.country , 'unknown' )" },
      ],
      aggregates: [
        { column: 'orders', function: 'count' },
        { column: 'revenue', function: 'sum', argument: 'e.total' },
      ],
    });
  });

  it.each([
    ['a MAX and an AVG', 'MAX(e.total) AS top, AVG(e.total) AS mean', ''],
    ['an expression over a sum', 'ROUND(COALESCE(SUM(e.total), 0), 2) AS top, COUNT(*) AS mean', ''],
    ['a HAVING', 'SUM(e.total) AS top, COUNT(*) AS mean', ' HAVING COUNT(*) > 1'],
  ])(
    "regroups the groups a tick touches when it groups by a joined table's column, with %s",
    (_, aggregates, having) => {
      const sql = `SELECT p.country, ${aggregates} FROM order_placed e JOIN customer_profile p ON p.customer_id = e.customer_id GROUP BY p.country${having}`;

      const mode = planRecompute(sql, context(['country', 'top', 'mean']));

      expect(mode.incremental && mode.plan.units).toEqual([]);
      expect(mode.incremental && mode.plan.aggregation).toEqual({
        source: 'FROM order_placed e JOIN customer_profile p ON p.customer_id = e.customer_id',
        groups: [{ column: 'country', expression: 'p.country' }],
      });
    },
  );

  it('watches only the columns of a joined table the query reads', () => {
    const mode = planRecompute(DAILY_SALES, context(['day', 'country', 'orders', 'revenue']));

    expect(mode.incremental && mode.plan.joined).toEqual([
      {
        table: 'customer_profile',
        alias: 'p',
        on: 'p.customer_id = e.customer_id',
        via: [],
        columns: ['country', 'customer_id'],
        changeColumns: ['country', 'customer_id'],
        lookup: ['customer_id'],
      },
    ]);
  });

  it("filters a joined table's changes by the ON terms on it alone, and watches the columns only they read no more", () => {
    const mode = planRecompute(
      `SELECT c.customer_id, COUNT(o.order_id) AS order_count FROM customers c
LEFT JOIN orders o ON o.customer_id = c.customer_id AND o.status <> 'cancelled' GROUP BY c.customer_id`,
      context(['customer_id', 'order_count']),
    );

    expect(mode.incremental && mode.plan.joined).toEqual([
      {
        table: 'orders',
        alias: 'o',
        on: 'o.customer_id = c.customer_id',
        filter: "o.status <> 'cancelled'",
        via: [],
        columns: ['order_id', 'customer_id', 'status'],
        changeColumns: ['order_id', 'customer_id'],
        lookup: ['customer_id'],
      },
    ]);
  });

  it('reaches the anchor from a table joined to another joined table through that table', () => {
    const mode = planRecompute(
      `SELECT e.event_id, c.city FROM order_placed e JOIN orders o ON o.order_id = e.event_id
JOIN customers c ON c.customer_id = o.customer_id AND c.city <> 'Utrecht'`,
      context(['event_id', 'city']),
    );

    expect(
      mode.incremental && mode.plan.joined.map(({ alias, on, via, lookup }) => ({ alias, on, via, lookup })),
    ).toEqual([
      { alias: 'o', on: 'o.order_id = e.event_id', via: [], lookup: ['order_id'] },
      {
        alias: 'c',
        on: 'c.customer_id = o.customer_id',
        via: [{ table: 'orders', alias: 'o', on: 'o.order_id = e.event_id' }],
        lookup: ['customer_id'],
      },
    ]);
  });

  it('reads a USING join as ON, its column left unqualified as the anchor column', () => {
    const mode = planRecompute(
      'SELECT customer_id, c.city, COUNT(o.order_id) AS orders FROM customers c LEFT JOIN orders o USING (customer_id) GROUP BY customer_id, c.city',
      context(['customer_id', 'city', 'orders']),
    );

    expect(mode.incremental && mode.plan.units).toEqual([
      { column: 'customer_id', expression: '"c"."customer_id"', anchorColumn: 'customer_id' },
    ]);
    expect(mode.incremental && mode.plan.joined[0]).toMatchObject({
      on: '"c"."customer_id" = "o"."customer_id"',
      lookup: ['customer_id'],
    });
  });

  it.each(['CROSS JOIN', 'JOIN', 'INNER JOIN', ','])(
    'reads a comma and %s without ON as inner joins on the WHERE terms that read them and tables before them',
    (join) => {
      const mode = planRecompute(
        `SELECT e.event_id, c.city FROM order_placed e, orders o ${join} customers c
WHERE o.order_id = e.event_id AND c.customer_id = o.customer_id AND o.status <> 'cancelled' AND c.city > e.occurred_at
  AND e.total > 0`,
        context(['event_id', 'city']),
      );

      expect(
        mode.incremental &&
          mode.plan.joined.map(({ alias, on, via, filter, lookup }) => ({ alias, on, via, filter, lookup })),
      ).toEqual([
        { alias: 'o', on: 'o.order_id = e.event_id', via: [], filter: "o.status <> 'cancelled'", lookup: ['order_id'] },
        {
          alias: 'c',
          on: 'c.customer_id = o.customer_id AND c.city > e.occurred_at',
          via: [{ table: 'orders', alias: 'o', on: "o.order_id = e.event_id AND o.status <> 'cancelled'" }],
          filter: undefined,
          lookup: ['customer_id'],
        },
      ]);
      expect(mode.incremental && mode.plan.keepsEveryAnchorRow).toBe(false);
    },
  );

  it("reads a bare GROUP BY name as a FROM table's column before an output alias, as SQLite does", () => {
    const byAlias = planRecompute(
      `SELECT substr(e.occurred_at, 1, 10) AS day, e.total AS country, COUNT(*) AS orders
FROM order_placed e LEFT JOIN customer_profile p ON p.customer_id = e.customer_id GROUP BY day, country`,
      context(['day', 'country', 'orders']),
    );
    const byColumn = planRecompute(
      `SELECT c.customer_id, c.city AS town, COUNT(o.order_id) AS order_count
FROM customers c LEFT JOIN orders o ON o.customer_id = c.customer_id GROUP BY c.customer_id, city`,
      context(['customer_id', 'town', 'order_count']),
    );

    // `country` is the profile's: no group is an output column, so none is kept, and the day is the unit.
    expect(byAlias.incremental && byAlias.plan.aggregation).toBeUndefined();
    expect(byAlias.incremental && byAlias.plan.units.map((unit) => unit.column)).toEqual(['day']);
    expect(byColumn.incremental && byColumn.plan.aggregation?.groups).toEqual([
      { column: 'customer_id', expression: 'c.customer_id' },
      { column: 'town', expression: 'c.city' },
    ]);
  });

  it('reads IS [NOT] DISTINCT FROM as a comparison, not a FROM clause, and an aggregate with FILTER and OVER as a window', () => {
    const mode = planRecompute(
      `SELECT o.order_id, o.customer_id IS DISTINCT FROM c.customer_id AS moved,
  SUM(o.total) FILTER (WHERE o.total > 0) OVER (PARTITION BY o.order_id) AS spent
FROM orders o LEFT JOIN customers c ON c.customer_id IS NOT DISTINCT FROM o.customer_id`,
      context(['order_id', 'moved', 'spent']),
    );

    expect(mode.incremental && mode.plan.anchor.table).toBe('orders');
    expect(mode.incremental && mode.plan.joined[0]?.on).toBe('c.customer_id IS NOT DISTINCT FROM o.customer_id');
  });

  it('reads the partitions of windows named in a WINDOW clause, one defined on another', () => {
    const mode = planRecompute(
      `SELECT o.order_id, SUM(o.total) OVER running AS total, COUNT(*) OVER (per_customer) AS orders
FROM orders o WINDOW per_customer AS (PARTITION BY o.customer_id), running AS (per_customer ORDER BY o.order_id)`,
      context(['order_id', 'total', 'orders']),
    );
    const byCustomer = planRecompute(
      `SELECT o.customer_id, SUM(o.total) OVER running AS total FROM orders o
WINDOW per_customer AS (PARTITION BY o.customer_id), running AS (per_customer ORDER BY o.order_id)`,
      context(['customer_id', 'total']),
    );

    expect(mode).toEqual({
      incremental: false,
      reason: "no output column comes from 'orders' alone and partitions every window",
    });
    expect(byCustomer.incremental && byCustomer.plan.units).toEqual([
      { column: 'customer_id', expression: '"o"."customer_id"', anchorColumn: 'customer_id' },
    ]);
    expect(
      planRecompute('SELECT o.order_id, SUM(o.total) OVER w AS total FROM orders o', context(['order_id', 'total'])),
    ).toEqual({
      incremental: false,
      reason: "it uses the window 'w', which no WINDOW clause defines",
    });
  });

  it('joins a table without any condition on every row, and a table joined through it too', () => {
    const mode = planRecompute(
      'SELECT e.event_id, c.city FROM order_placed e CROSS JOIN orders o JOIN customers c ON c.customer_id = o.customer_id',
      context(['event_id', 'city']),
    );

    expect(mode.incremental && mode.plan.joined.map(({ alias, on, via }) => ({ alias, on, via }))).toEqual([
      { alias: 'o', on: 'true', via: [] },
      {
        alias: 'c',
        on: 'c.customer_id = o.customer_id',
        via: [{ table: 'orders', alias: 'o', on: 'true' }],
      },
    ]);
  });

  it('reads an ON condition written after a comma join as it is', () => {
    const mode = planRecompute(
      'SELECT e.event_id, o.status FROM order_placed e, orders o ON o.order_id = e.event_id WHERE o.customer_id = e.customer_id',
      context(['event_id', 'status']),
    );

    expect(mode.incremental && mode.plan.joined[0]).toMatchObject({
      on: 'o.order_id = e.event_id',
      lookup: ['order_id'],
    });
  });

  it("joins the anchor's table to itself, each later read of it qualified so the anchor alone is cut to a tick's rows", () => {
    const sql = `SELECT o.order_id, COUNT(*) AS earlier, SUM(p.total) AS spent FROM orders o
JOIN orders p ON p.customer_id = o.customer_id AND p.order_id < o.order_id JOIN "orders" AS q ON q.order_id = p.order_id
GROUP BY o.order_id`;

    const mode = planRecompute(sql, context(['order_id', 'earlier', 'spent']));

    expect(
      mode.incremental && mode.plan.select,
    ).toBe(`SELECT o.order_id, COUNT(*) AS earlier, SUM(p.total) AS spent FROM orders o
JOIN node.orders p ON p.customer_id = o.customer_id AND p.order_id < o.order_id JOIN node."orders" AS q ON q.order_id = p.order_id
GROUP BY o.order_id`);
    expect(mode.incremental && mode.plan.aggregation?.source).toBe(`FROM orders o
JOIN node.orders p ON p.customer_id = o.customer_id AND p.order_id < o.order_id JOIN node."orders" AS q ON q.order_id = p.order_id`);
    expect(
      mode.incremental &&
        mode.plan.joined.map(({ table, alias, on, via, lookup }) => ({ table, alias, on, via, lookup })),
    ).toEqual([
      {
        table: 'orders',
        alias: 'p',
        on: 'p.customer_id = o.customer_id AND p.order_id < o.order_id',
        via: [],
        lookup: ['customer_id'],
      },
      {
        table: 'orders',
        alias: 'q',
        on: 'q.order_id = p.order_id',
        via: [{ table: 'orders', alias: 'p', on: 'p.customer_id = o.customer_id AND p.order_id < o.order_id' }],
        lookup: ['order_id'],
      },
    ]);
  });

  it('joins a later table by USING to the first table before it that has the column, as SQLite does', () => {
    const mode = planRecompute(
      `SELECT order_id, customer_id, c.city, s.carrier FROM orders o JOIN customers c USING (customer_id)
JOIN shipments s USING (order_id) JOIN customer_profile p USING (customer_id, city)`,
      context(['order_id', 'customer_id', 'city', 'carrier']),
    );

    expect(mode.incremental && mode.plan.units).toEqual([
      { column: 'order_id', expression: '"o"."order_id"', anchorColumn: 'order_id' },
    ]);
    expect(mode.incremental && mode.plan.joined.map(({ alias, on, via }) => ({ alias, on, via }))).toEqual([
      { alias: 'c', on: '"o"."customer_id" = "c"."customer_id"', via: [] },
      { alias: 's', on: '"o"."order_id" = "s"."order_id"', via: [] },
      {
        alias: 'p',
        on: '"o"."customer_id" = "p"."customer_id" AND "c"."city" = "p"."city"',
        via: [{ table: 'customers', alias: 'c', on: '"o"."customer_id" = "c"."customer_id"' }],
      },
    ]);
  });

  it('joins a NATURAL join USING every column it shares with the tables before it, as SQLite does', () => {
    const mode = planRecompute(
      `SELECT order_id, customer_id, c.city, s.carrier FROM orders o NATURAL JOIN customers c
NATURAL LEFT OUTER JOIN shipments s NATURAL INNER JOIN customer_profile p`,
      context(['order_id', 'customer_id', 'city', 'carrier']),
    );

    expect(mode.incremental && mode.plan.units).toEqual([
      { column: 'order_id', expression: '"o"."order_id"', anchorColumn: 'order_id' },
    ]);
    expect(mode.incremental && mode.plan.joined.map(({ alias, on, lookup }) => ({ alias, on, lookup }))).toEqual([
      { alias: 'c', on: '"o"."customer_id" = "c"."customer_id"', lookup: ['customer_id'] },
      { alias: 's', on: '"o"."order_id" = "s"."order_id"', lookup: ['order_id'] },
      {
        alias: 'p',
        on: '"o"."customer_id" = "p"."customer_id" AND "c"."city" = "p"."city"',
        lookup: ['customer_id', 'city'],
      },
    ]);
    expect(mode.incremental && mode.plan.keepsEveryAnchorRow).toBe(false);
  });

  it('watches the columns a NATURAL join equates, though the query never names them', () => {
    const mode = planRecompute(
      'SELECT o.order_id, c.city FROM orders o NATURAL JOIN customers c',
      context(['order_id', 'city']),
    );

    expect(mode.incremental && mode.plan.joined[0]).toMatchObject({
      columns: ['city', 'customer_id'],
      changeColumns: ['city', 'customer_id'],
    });
  });

  it('reads a NATURAL join that shares no column as an inner join on the WHERE terms, or a left one as full', () => {
    const inner = planRecompute(
      'SELECT c.customer_id, s.carrier FROM customers c NATURAL JOIN shipments s WHERE s.shipment_id = c.customer_id',
      context(['customer_id', 'carrier']),
    );
    const left = planRecompute(
      'SELECT c.customer_id, s.carrier FROM customers c NATURAL LEFT JOIN shipments s',
      context(['customer_id', 'carrier']),
    );

    expect(inner.incremental && inner.plan.joined[0]?.on).toBe('s.shipment_id = c.customer_id');
    expect(left).toEqual({ incremental: false, reason: "it left-joins 'shipments' without an ON condition" });
  });

  it('reads a first RIGHT JOIN as the LEFT JOIN it equals: its right table is the anchor', () => {
    const mode = planRecompute(
      `SELECT c.customer_id, c.city, COUNT(o.order_id) AS orders FROM orders o RIGHT OUTER JOIN customers c
ON o.customer_id = c.customer_id LEFT JOIN shipments s ON s.order_id = o.order_id GROUP BY c.customer_id, c.city`,
      context(['customer_id', 'city', 'orders']),
    );

    expect(mode.incremental && mode.plan.anchor).toEqual({ table: 'customers', alias: 'c' });
    expect(mode.incremental && mode.plan.joined.map(({ alias, on, via }) => ({ alias, on, via }))).toEqual([
      { alias: 'o', on: 'o.customer_id = c.customer_id', via: [] },
      {
        alias: 's',
        on: 's.order_id = o.order_id',
        via: [{ table: 'orders', alias: 'o', on: 'o.customer_id = c.customer_id' }],
      },
    ]);
    expect(mode.incremental && mode.plan.keepsEveryAnchorRow).toBe(true);
  });

  it.each([
    [
      'after the first join',
      'FROM customers c JOIN orders o ON o.customer_id = c.customer_id RIGHT JOIN shipments s ON s.order_id = o.order_id',
      'it has a RIGHT JOIN other than its first join, or a NATURAL one',
    ],
    [
      'USING a column',
      'FROM orders o RIGHT JOIN customers c USING (customer_id)',
      "it right-joins 'customers' without an ON condition",
    ],
    [
      'NATURAL',
      'FROM orders o NATURAL RIGHT JOIN customers c',
      'it has a RIGHT JOIN other than its first join, or a NATURAL one',
    ],
  ])('recomputes in full a RIGHT JOIN %s', (_, from, reason) => {
    expect(planRecompute(`SELECT c.customer_id, c.city ${from}`, context(['customer_id', 'city']))).toEqual({
      incremental: false,
      reason,
    });
  });

  it('recomputes in full a USING join by a column no table before it has', () => {
    const mode = planRecompute(
      'SELECT o.order_id, c.city FROM orders o JOIN customers c USING (city)',
      context(['order_id', 'city']),
    );

    expect(mode).toEqual({
      incremental: false,
      reason: "it joins 'customers' USING a column no table before it has",
    });
  });

  it('recomputes by unit a query whose subqueries read other tables, and names those tables', () => {
    const mode = planRecompute(
      `SELECT o.order_id, (SELECT c.city FROM customers c WHERE c.customer_id = o.customer_id) AS city,
  (SELECT COUNT(*) FROM shipments s WHERE s.order_id = o.order_id) AS shipments
FROM orders o
WHERE o.customer_id IN (SELECT customer_id FROM customer_profile WHERE country = 'NL')
  AND NOT EXISTS (SELECT RANK() OVER (ORDER BY e.total) FROM order_placed e, (SELECT event_id FROM order_placed) AS n
    WHERE e.total < o.total)`,
      context(['order_id', 'city', 'shipments']),
    );

    expect(mode.incremental && mode.plan.units).toEqual([
      { column: 'order_id', expression: '"o"."order_id"', anchorColumn: 'order_id' },
    ]);
    expect(mode.incremental && mode.plan.subqueryTables).toEqual([
      'customers',
      'shipments',
      'customer_profile',
      'order_placed',
    ]);
  });

  it("reads max and min with two or more arguments as SQLite's scalar functions, not aggregates", () => {
    const mode = planRecompute(
      `SELECT o.order_id, MAX(o.total, 0.8 * COALESCE((SELECT COUNT(*) FROM shipments s WHERE s.order_id = o.order_id), 0)) AS payout,
  min(o.total, (100)) AS capped
FROM orders o`,
      context(['order_id', 'payout', 'capped']),
    );

    expect(mode.incremental && mode.plan.units).toEqual([
      { column: 'order_id', expression: '"o"."order_id"', anchorColumn: 'order_id' },
    ]);
    expect(mode.incremental && mode.plan.subqueryTables).toEqual(['shipments']);
  });

  it('reads max and min of one argument as aggregates, and a max(a, b) inside one', () => {
    expect(planRecompute('SELECT MAX(o.total) AS top FROM orders o', context(['top']))).toEqual({
      incremental: false,
      reason: 'it aggregates its whole input into one row',
    });
    expect(planRecompute('SELECT min(max(o.total, 0)) AS low FROM orders o', context(['low']))).toEqual({
      incremental: false,
      reason: 'it aggregates its whole input into one row',
    });
  });

  it('reads `IN table` as the subquery it stands for', () => {
    const mode = planRecompute(
      'SELECT o.order_id, o.total FROM orders o WHERE o.customer_id NOT IN customer_profile',
      context(['order_id', 'total']),
    );

    expect(mode.incremental && mode.plan.subqueryTables).toEqual(['customer_profile']);
  });

  it('keeps no group totals beside a subquery: a change of its table may move every row', () => {
    const byCustomer = planRecompute(
      `SELECT o.customer_id, COUNT(*) AS orders FROM orders o
WHERE o.order_id IN (SELECT order_id FROM shipments) GROUP BY o.customer_id`,
      context(['customer_id', 'orders']),
    );
    const byCity = planRecompute(
      `SELECT c.city, COUNT(*) AS orders FROM orders o JOIN customers c ON c.customer_id = o.customer_id
WHERE o.order_id IN (SELECT order_id FROM shipments) GROUP BY c.city`,
      context(['city', 'orders']),
    );

    expect(byCustomer.incremental && byCustomer.plan.aggregation).toBeUndefined();
    expect(byCustomer.incremental && byCustomer.plan.units.map((unit) => unit.column)).toEqual(['customer_id']);
    expect(byCity).toEqual({
      incremental: false,
      reason: 'it would keep its groups, which a change of a table a subquery or CTE reads could all change',
    });
  });

  it.each([
    [
      "the anchor's table",
      'SELECT o.order_id, o.total FROM orders o WHERE o.total > (SELECT AVG(total) FROM orders)',
      "a subquery or CTE reads 'orders', the table its result is cut by",
    ],
    [
      'a table that changes after it runs',
      'SELECT o.order_id, o.total FROM orders o WHERE o.order_id IN (SELECT order_id FROM later_step)',
      "it reads 'later_step', which changes after it runs",
    ],
    [
      'a table-valued function',
      "SELECT o.order_id, o.total FROM orders o WHERE o.status IN (SELECT value FROM json_each('[1]'))",
      'a subquery or CTE reads a table of another schema or a table-valued function',
    ],
  ])('recomputes in full a query with a subquery that reads %s', (_, sql, reason) => {
    expect(planRecompute(sql, context(['order_id', 'total']))).toEqual({ incremental: false, reason });
  });

  it("recomputes by unit a query with CTEs, following only tables' changes and naming what its CTEs read", () => {
    const mode = planRecompute(
      `WITH big_orders AS (SELECT order_id, customer_id, total FROM orders WHERE total > 100),
  dutch (customer_id, country) AS MATERIALIZED (SELECT customer_id, country FROM customer_profile WHERE country = 'NL')
SELECT e.event_id, d.country, b.total, s.carrier
FROM order_placed e JOIN dutch d ON d.customer_id = e.customer_id
LEFT JOIN big_orders b ON b.order_id = e.event_id LEFT JOIN shipments s ON s.order_id = e.event_id`,
      context(['event_id', 'country', 'total', 'carrier']),
    );

    expect(mode.incremental && mode.plan.units.map((unit) => unit.column)).toEqual(['event_id']);
    expect(mode.incremental && mode.plan.joined.map(({ alias, on }) => ({ alias, on }))).toEqual([
      { alias: 's', on: 's.order_id = e.event_id' },
    ]);
    expect(mode.incremental && mode.plan.subqueryTables).toEqual(['orders', 'customer_profile']);
  });

  it.each([
    [
      'its first table is a CTE',
      'WITH big_orders AS (SELECT order_id, customer_id, total FROM orders) SELECT b.order_id, b.total FROM big_orders b',
      "its first table is the CTE 'big_orders'",
    ],
    [
      'a table is joined through a CTE',
      `WITH big_orders AS (SELECT order_id, customer_id, total FROM orders)
SELECT c.customer_id, s.order_id AS total FROM customers c JOIN big_orders b ON b.customer_id = c.customer_id
JOIN shipments s ON s.order_id = b.order_id`,
      "it joins 'shipments' through the CTE 'big_orders'",
    ],
    [
      "a CTE reads the anchor's table",
      `WITH big_orders AS (SELECT order_id, customer_id, total FROM orders)
SELECT o.order_id, b.total FROM orders o JOIN big_orders b ON b.customer_id = o.customer_id`,
      "a subquery or CTE reads 'orders', the table its result is cut by",
    ],
    [
      'a CTE is recursive',
      'WITH RECURSIVE n (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT o.order_id, o.total FROM orders o',
      'it has a recursive CTE',
    ],
    [
      'its joins are in parentheses',
      'SELECT o.order_id, s.carrier AS total FROM (orders o JOIN shipments s ON s.order_id = o.order_id)',
      'it reads a subquery, a value list or joins in parentheses',
    ],
  ])('recomputes in full a query when %s', (_, sql, reason) => {
    expect(planRecompute(sql, context(['order_id', 'total']))).toEqual({ incremental: false, reason });
  });

  it('plans a query beside CTEs it never reads as it plans the query alone: SQLite never evaluates them', () => {
    const query = `SELECT i.item_id, COUNT(l.loan_id) AS loans FROM items i LEFT JOIN loans l ON l.item_id = i.item_id
GROUP BY i.item_id`;
    // The second CTE reads only the first: neither is read by the query.
    const unread = `WITH overdue_members AS (SELECT member_id FROM loans WHERE due < '2026-01-01'),
  overdue_count AS (SELECT COUNT(*) AS members FROM overdue_members)
`;

    const beside = planRecompute(`${unread}${query}`, context(['item_id', 'loans']));
    const alone = planRecompute(query, context(['item_id', 'loans']));

    expect(beside.incremental && { ...beside.plan, select: query }).toEqual(alone.incremental && alone.plan);
    expect(beside.incremental && beside.plan.subqueryTables).toBeUndefined();
  });

  it('reads aside the tables of a CTE the query reads through another CTE, and of no other', () => {
    const mode = planRecompute(
      `WITH overdue_members AS (SELECT member_id FROM loans WHERE due < '2026-01-01'),
  overdue_orders AS (SELECT customer_id FROM orders WHERE customer_id IN (SELECT member_id FROM overdue_members)),
  unread AS (SELECT order_id FROM shipments)
SELECT c.customer_id, c.city FROM customers c WHERE c.customer_id IN (SELECT customer_id FROM overdue_orders)`,
      context(['customer_id', 'city']),
    );

    expect(mode.incremental && mode.plan.subqueryTables).toEqual(['loans', 'orders']);
  });

  it('keeps no group totals beside a CTE', () => {
    const mode = planRecompute(
      `WITH dutch AS (SELECT customer_id, country FROM customer_profile WHERE country = 'NL')
SELECT o.customer_id, SUM(o.total) AS total FROM orders o JOIN dutch d USING (customer_id) GROUP BY o.customer_id`,
      context(['customer_id', 'total']),
    );

    expect(mode.incremental && mode.plan.aggregation).toBeUndefined();
    expect(mode.incremental && mode.plan.joined).toEqual([]);
  });

  it('recomputes in full a join whose ON condition reads a table joined after it', () => {
    const mode = planRecompute(
      `SELECT e.event_id, c.city FROM order_placed e JOIN orders o ON o.order_id = e.event_id AND c.city <> 'Utrecht'
JOIN customers c ON c.customer_id = o.customer_id`,
      context(['event_id', 'city']),
    );

    expect(mode).toEqual({
      incremental: false,
      reason:
        "it joins 'orders' on a condition that reads a table joined after it, or a column it cannot tell the table of",
    });
  });

  it.each([
    ['read elsewhere too', "o.status <> 'cancelled'", 'o.status AS status', ['status', 'customer_id']],
    ['a BETWEEN, whose AND is no term', 'o.total BETWEEN 1 AND 5', 'c.city', ['customer_id']],
    ['inside a CASE', "CASE WHEN o.total > 1 AND o.status = 'paid' THEN 1 END = 1", 'c.city', ['customer_id']],
  ])('keeps a filter whole and its columns watched where they count: %s', (_, filter, item, changeColumns) => {
    const mode = planRecompute(
      `SELECT c.customer_id, ${item} FROM customers c JOIN orders o ON o.customer_id = c.customer_id AND ${filter}`,
      context(['customer_id', item.split(' ').at(-1)?.split('.').at(-1) as string]),
    );

    expect(mode.incremental && mode.plan.joined[0]).toMatchObject({
      on: 'o.customer_id = c.customer_id',
      filter: filter.replaceAll('.', ' . ').replaceAll(' . ', '.'),
      changeColumns,
    });
  });

  it.each([
    ['one of several terms', "o.status <> 'cancelled' AND o.customer_id = c.customer_id", ['customer_id']],
    ['written the other way round', 'c.customer_id = o.customer_id', ['customer_id']],
    ['unqualified', 'o.customer_id = c.city AND order_id = c.customer_id', ['customer_id', 'order_id']],
    ['none: compared, not equal', 'o.customer_id > c.customer_id', []],
    ['none: equal to a constant', 'o.customer_id = 7', []],
    ['none: inside an OR', 'o.customer_id = c.customer_id OR o.total > 0', []],
  ])('looks a joined table up by the columns its ON condition equates with the anchor: %s', (_, on, lookup) => {
    const sql = `SELECT c.customer_id, COUNT(o.total) AS orders FROM customers c LEFT JOIN orders o ON ${on} GROUP BY c.customer_id`;

    const mode = planRecompute(sql, context(['customer_id', 'orders']));

    expect(mode.incremental && mode.plan.joined[0]?.lookup).toEqual(lookup);
  });

  it.each([
    ['a MAX', 'SELECT customer_id, MAX(total) AS top FROM order_placed GROUP BY customer_id', ['customer_id', 'top']],
    [
      'a HAVING',
      'SELECT customer_id, SUM(total) AS spent FROM order_placed GROUP BY customer_id HAVING SUM(total) > 10',
      ['customer_id', 'spent'],
    ],
    [
      'a DISTINCT count',
      'SELECT customer_id, COUNT(DISTINCT total) AS totals FROM order_placed GROUP BY customer_id',
      ['customer_id', 'totals'],
    ],
    [
      'an expression over a sum',
      'SELECT customer_id, COALESCE(SUM(total), 0) AS spent FROM order_placed GROUP BY customer_id',
      ['customer_id', 'spent'],
    ],
    [
      'a group column not in the output',
      'SELECT customer_id, COUNT(*) AS events FROM order_placed GROUP BY customer_id, occurred_at',
      ['customer_id', 'events'],
    ],
  ])('recomputes by unit, not by group totals, a GROUP BY with %s', (_, sql, columns) => {
    const mode = planRecompute(sql, context(columns));

    expect(mode.incremental).toBe(true);
    expect(mode.incremental && mode.plan.aggregation).toBeUndefined();
  });
});
