import { describe, expect, it } from 'vitest';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, simulate } from './builders';

const shop = () => simulate(aShopMesh().build(), aScenario().withData('shop', 'items', 3, PREDICTABLE_ITEMS).build());

describe('queries against a node', () => {
  it('answers a SELECT on a product with columns and rows', async () => {
    const simulation = await shop();
    expect(
      simulation.query('catalog', '-- the cheap ones\nSELECT id, price FROM items WHERE id < 3 ORDER BY id'),
    ).toEqual({
      ok: true,
      value: {
        columns: ['id', 'price'],
        rows: [
          [1, 9.5],
          [2, 9.5],
        ],
        isTruncated: false,
      },
    });
  });

  it.each([
    ['DELETE FROM items', 'must be exactly one SELECT; this is a DELETE statement'],
    ['PRAGMA query_only = OFF', 'must be exactly one SELECT; this is a PRAGMA statement'],
    ["ATTACH ':memory:' AS elsewhere", 'must be exactly one SELECT; this is an ATTACH statement'],
    [
      'WITH doomed AS (SELECT id FROM items) DELETE FROM items WHERE id IN doomed',
      'must be exactly one SELECT; this is a DELETE statement',
    ],
    ['WITH x AS (SELECT 1) DELETE FROM items', 'must be exactly one SELECT; this is a DELETE statement'],
    [
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) INSERT INTO items (id) SELECT i FROM n',
      'must be exactly one SELECT; this is an INSERT statement',
    ],
    [
      "with x as (select 1), y as not materialized (select 2) update items set name = 'z'",
      'must be exactly one SELECT; this is an UPDATE statement',
    ],
    [
      'WITH x AS MATERIALIZED (SELECT 1) REPLACE INTO items (id) VALUES (1)',
      'must be exactly one SELECT; this is a REPLACE statement',
    ],
    ['SELECT 1; DELETE FROM items', 'must be exactly one SELECT; this holds more than one statement'],
    ['SELEC * FRM items', 'near "SELEC": syntax error'],
    ['SELECT * FROM nowhere', 'no such table: nowhere'],
    // SQLite's words on the query as written, never on the parenthesis the engine wraps it in.
    ['SELECT count(*) AS n FROM items WHERE', 'the query ends early (incomplete input)'],
    ['SELECT "broken FROM items', 'unrecognized token: ""broken FROM items"'],
  ])('refuses %j and changes nothing', async (sql, message) => {
    const simulation = await shop();
    expect(simulation.query('shop', sql)).toEqual({ ok: false, errors: [{ path: 'query', message }] });
    expect(simulation.query('shop', 'SELECT count(*) FROM items')).toMatchObject({ value: { rows: [[3]] } });
  });

  it('refuses a "name" in double quotes that names no column, which SQLite alone would read as text', async () => {
    const simulation = await shop();

    expect(simulation.query('shop', `SELECT "nmae" FROM items WHERE status = "new"`)).toEqual({
      ok: false,
      errors: [
        {
          path: 'query',
          message: `no such column: "nmae" (SQLite would read it as the text 'nmae'; write text in single quotes)`,
        },
      ],
    });
    expect(
      simulation.query('shop', 'WITH "t" AS (SELECT "name" AS "a`b" FROM "items" i) SELECT "a`b" FROM "t" LIMIT 1'),
    ).toEqual({ ok: true, value: { columns: ['a`b'], rows: [['lamp']], isTruncated: false } });
  });

  it('answers EXPLAIN QUERY PLAN of a query', async () => {
    const simulation = await shop();
    const result = simulation.query('shop', 'explain query plan SELECT * FROM items WHERE id = 1');
    expect(result).toMatchObject({ ok: true, value: { columns: ['id', 'parent', 'notused', 'detail'] } });
  });

  it('reads the node’s own catalog as sqlite_master or sqlite_schema, and another schema’s when named', async () => {
    const simulation = await shop();
    const tables = (sql: string) => {
      const result = simulation.query('catalog', sql);
      return result.ok ? result.value.rows.map((row) => row[0]) : result.errors;
    };
    const userTables = ['items', 'quarantine', 'raw_items_in'];
    expect(
      tables("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name"),
    ).toEqual(userTables);
    expect(
      tables("SELECT name FROM \"SQLITE_SCHEMA\" WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY 1"),
    ).toEqual(userTables);
    expect(tables("SELECT name FROM broker.sqlite_master WHERE name LIKE 'shop/%'")).toEqual(['shop/items-cdc']);
    expect(tables("SELECT 'sqlite_master' FROM items LIMIT 1")).toEqual(['sqlite_master']);
  });

  it('names the table a query meant when it names one that does not exist, in the broker schema or the node’s', async () => {
    const simulation = await shop();
    const message = (sql: string) => {
      const result = simulation.query('catalog', sql);
      return result.ok ? undefined : result.errors[0]?.message;
    };
    expect(message('SELECT * FROM broker."shop/item-cdc"')).toMatch(
      /^no such table: broker\.shop\/item-cdc: did you mean broker\."shop\/items-cdc"\? Broker tables are named/,
    );
    expect(message('SELECT * FROM itmes')).toBe('no such table: itmes: did you mean items?');
  });

  it.each(['SELECT count(*) FROM broker.shop.public.items', 'SELECT count(*) FROM shop.public.items'])(
    'leads from a topic’s unquoted dotted name, which SQLite cannot read, to its table: %s',
    async (sql) => {
      const result = (await shop()).query('catalog', sql);
      expect(result.ok ? undefined : result.errors[0]?.message).toBe(
        'near ".": syntax error: did you mean broker."shop/items-cdc"?',
      );
    },
  );

  it('still lets the simulation write after a refused query', async () => {
    const simulation = await shop();
    simulation.query('shop', 'DELETE FROM items');
    expect(simulation.execute('shop', 'DELETE FROM items WHERE id = 1')).toEqual({ ok: true, value: { changes: 1 } });
    expect(simulation.step(1).ports['catalog/items-out']?.published).toBe(4);
  });

  it('cuts long results at the row limit and says so', async () => {
    const simulation = await simulate(
      aShopMesh().build(),
      aScenario().withData('shop', 'items', 3, PREDICTABLE_ITEMS).build(),
      { maxQueryRows: 2 },
    );
    expect(simulation.query('shop', 'SELECT id FROM items')).toMatchObject({
      value: { rows: [[1], [2]], isTruncated: true },
    });
  });

  it('heads each column as the query wrote it, not as the engine reads the simulated clock', async () => {
    const simulation = await shop();
    const read = simulation.query(
      'catalog',
      "SELECT random(), datetime('now'), date(), CURRENT_TIMESTAMP, strftime('%Y', '2026-01-01'), datetime('now') AS stamped, CURRENT_DATE AS d FROM items",
    );
    expect(read.ok && read.value.columns).toEqual([
      'random()',
      "datetime('now')",
      'date()',
      'CURRENT_TIMESTAMP',
      "strftime('%Y', '2026-01-01')",
      'stamped',
      'd',
    ]);
  });

  it('heads a column whose time value is computed as written', async () => {
    const simulation = await shop();
    const read = simulation.query('catalog', 'SELECT date(coalesce(NULL, name)) FROM items LIMIT 1');
    expect(read.ok && read.value.columns).toEqual(['date(coalesce(NULL, name))']);
  });

  it('names the node it does not know', async () => {
    const simulation = await shop();
    expect(simulation.query('nowhere', 'SELECT 1')).toEqual({
      ok: false,
      errors: [{ path: 'nodeId', message: "no system or product 'nowhere'" }],
    });
  });
});
