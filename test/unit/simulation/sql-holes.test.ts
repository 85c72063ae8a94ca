import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import type { Simulation } from '../../../shared/simulation';
import { aContract, aProduct, aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

const TOPIC = 'broker."shop/items-cdc"';
const HIDDEN_DROP = `SELECT 1 AS a); DROP TABLE ${TOPIC}; SELECT (1`;
const scenario = aScenario()
  .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
  .withRate('shop', 'items', { inserts: 1, updates: 1, updateColumns: ['price'] })
  .build();

/** The shop with a reporting product that runs `sql` as the step `step`, published or not. */
function meshWithStep(step: string, sql: string, isPublished: boolean): Mesh {
  const report = aProduct('report', 'consumer-aligned').withInput('items-in').withTransformation(step, sql);
  if (isPublished) report.withOutput('report-out', 'report');
  return aShopMesh()
    .with(report, aContract('report', 'entity', 'item_names').withKey('id', 'integer').withProperty('name', 'string'))
    .withLink('catalog/items-out', 'report/items-in')
    .build();
}

/** Every record every log holds, read as the engine itself would: what a run's digest is made of. */
function digest(simulation: Simulation): string {
  return JSON.stringify([
    simulation.metrics().logs,
    rowsOf(simulation, 'catalog', `SELECT * FROM ${TOPIC} ORDER BY _position`),
  ]);
}

describe('user SQL cannot change the run', () => {
  it.each([
    ['an unpublished', 'scratch', false],
    ['a published', 'item_names', true],
  ])(
    'runs none of a second statement hidden in %s transformation, and the run goes on',
    async (_, step, isPublished) => {
      const simulation = await simulate(meshWithStep(step, HIDDEN_DROP, isPublished), scenario);

      const metrics = simulation.step(2);

      expect(metrics.errors.map((error) => error.message)).toEqual([
        `transformation '${step}' failed: must be exactly one SELECT; this holds more than one statement`,
      ]);
      expect(rowsOf(simulation, 'catalog', `SELECT count(*) AS n FROM ${TOPIC}`)).toEqual([{ n: 6 }]);
      expect(simulation.reset().tick).toBe(0);
    },
  );

  it.each([
    ['a statement of another kind', 'DELETE FROM items', 'must be exactly one SELECT; this is a DELETE statement'],
    [
      'unbalanced parentheses',
      'SELECT id FROM items) UNION SELECT (1',
      'near ")": this parenthesis closes none that was opened',
    ],
    ['a parenthesis never closed', 'SELECT count(id FROM items', 'a parenthesis is not closed (1 "(" without ")")'],
    [
      'a write inside WITH',
      'WITH x AS (SELECT 1) DELETE FROM items',
      'must be exactly one SELECT; this is a DELETE statement',
    ],
  ])('refuses a transformation that is %s', async (_, sql, message) => {
    const simulation = await simulate(meshWithStep('scratch', sql, false), scenario);
    expect(simulation.step(1).errors.map((error) => error.message)).toEqual([
      `transformation 'scratch' failed: ${message}`,
    ]);
    expect(rowsOf(simulation, 'report', 'SELECT count(*) AS n FROM items')).toEqual([{ n: 3 }]);
  });

  it.each([
    ['a named parameter', 'SELECT id FROM items WHERE price > :min_price', "':min_price'"],
    ['a numbered parameter', 'SELECT id FROM items WHERE id = ?1', "'?1'"],
    ['a TCL-style parameter', 'SELECT $a(b) AS a FROM items', "'$a(b)'"],
  ])('refuses a transformation or query holding %s, which nothing gives a value', async (_, sql, parameter) => {
    const simulation = await simulate(meshWithStep('scratch', sql, false), scenario);
    const message = `must be exactly one SELECT; ${parameter} is a parameter, and nothing here gives it a value: write the value itself`;

    expect(simulation.step(1).errors.map((error) => error.message)).toEqual([
      `transformation 'scratch' failed: ${message}`,
    ]);
    expect(simulation.query('shop', sql)).toEqual({ ok: false, errors: [{ path: 'query', message }] });
  });

  it('sees the statements SQLite sees after a TCL-style parameter holding a quote', async () => {
    const sql = `SELECT $a(') AS a); DROP TABLE ${TOPIC}; SELECT (')`;
    const simulation = await simulate(meshWithStep('scratch', sql, false), scenario);

    expect(simulation.step(1).errors.map((error) => error.message)).toEqual([
      "transformation 'scratch' failed: must be exactly one SELECT; this holds more than one statement",
    ]);
    expect(rowsOf(simulation, 'catalog', `SELECT count(*) AS n FROM ${TOPIC}`)).toEqual([{ n: 4 }]);
  });

  it('hides the engine’s functions from a query, so a query leaves the run’s digest as it was', async () => {
    const queried = await simulate(aShopMesh().build(), scenario);
    const untouched = await simulate(aShopMesh().build(), scenario);

    expect(queried.query('catalog', 'SELECT mesh_offset(0, 0)')).toEqual({
      ok: false,
      errors: [{ path: 'query', message: 'no such function: mesh_offset' }],
    });
    expect(queried.query('shop', "SELECT mesh_partition('x', 3)")).toMatchObject({ ok: false });
    queried.step(3);
    untouched.step(3);

    expect(digest(queried)).toBe(digest(untouched));
  });

  it('draws random() and randomblob() from the seed, so a transformation calling them repeats exactly', async () => {
    const sql = 'SELECT id, name || random() AS name, hex(randomblob(4)) AS tag FROM items';
    const runs = await Promise.all(
      [1, 2].map(async () => {
        const simulation = await simulate(meshWithStep('scratch', sql, false), scenario);
        simulation.step(3);
        return rowsOf(simulation, 'report', 'SELECT * FROM scratch ORDER BY id');
      }),
    );

    expect(runs[0]).toHaveLength(5);
    expect(runs[1]).toEqual(runs[0]);
  });

  it('lets a query call random() without moving the numbers the run draws next', async () => {
    const sql = 'SELECT id, name || random() AS name FROM items';
    const queried = await simulate(meshWithStep('item_names', sql, true), scenario);
    const untouched = await simulate(meshWithStep('item_names', sql, true), scenario);

    expect(queried.query('report', 'SELECT random(), randomblob(16)')).toMatchObject({ ok: true });
    queried.step(3);
    untouched.step(3);

    expect(rowsOf(queried, 'report', 'SELECT * FROM item_names')).toEqual(
      rowsOf(untouched, 'report', 'SELECT * FROM item_names'),
    );
    expect(digest(queried)).toBe(digest(untouched));
  });

  it("stamps rows with the simulated time where SQL reads the clock ('now', CURRENT_TIMESTAMP, date())", async () => {
    const sql = "SELECT id, CURRENT_TIMESTAMP AS at, datetime('now', '+1 hour') AS later, date() AS day FROM items";
    const runs = await Promise.all(
      [1, 2].map(async () => {
        const simulation = await simulate(meshWithStep('scratch', sql, false), scenario);
        simulation.step(3);
        return rowsOf(simulation, 'report', 'SELECT * FROM scratch ORDER BY id');
      }),
    );

    expect(runs[0]?.[0]).toEqual({ id: 1, at: '2026-01-05 09:03:00', later: '2026-01-05 10:03:00', day: '2026-01-05' });
    expect(runs[1]).toEqual(runs[0]);
  });

  it.each([
    ["julianday(COALESCE(NULL, 'now'))", '2461045.8770833332'],
    ["datetime('n' || 'ow')", '2026-01-05 09:03:00'],
    ["date(x'6e6f77')", '2026-01-05'],
    ["datetime((SELECT 'NoW'))", '2026-01-05 09:03:00'],
    ['"datetime"(lower(\'NOW\'))', '2026-01-05 09:03:00'],
    ["timediff(datetime(id, 'unixepoch'), trim(' now '))", '-0056-00-04 09:02:59.000'],
  ])("gives the tick's time to a 'now' that SQL computes: %s", async (expression, expected) => {
    const sql = `SELECT id, CAST(${expression} AS TEXT) AS at FROM items`;
    const runs = await Promise.all(
      [1, 2].map(async () => {
        const simulation = await simulate(meshWithStep('item_names', sql.replace('AS at', 'AS name'), true), scenario);
        const metrics = simulation.step(3);
        return { rows: rowsOf(simulation, 'report', 'SELECT * FROM item_names ORDER BY id'), metrics };
      }),
    );

    expect(runs[0]?.rows[0]).toEqual({ id: 1, name: expected });
    expect(runs[1]?.rows).toEqual(runs[0]?.rows);
    expect(runs[0]?.metrics.transformations['report/item_names']).toMatchObject({ mode: 'full' });
  });

  it('recomputes a published step that reads the clock in full every tick, saying why', async () => {
    const sql = "SELECT id, name || ' at ' || time('now') AS name FROM items";
    const simulation = await simulate(meshWithStep('item_names', sql, true), scenario);

    const metrics = simulation.step(2);

    expect(metrics.transformations['report/item_names']).toMatchObject({
      mode: 'full',
      reason: "it reads the clock ('now'), which moves on every tick",
    });
    expect(rowsOf(simulation, 'report', 'SELECT name FROM item_names WHERE id = 1')).toEqual([
      { name: 'lamp at 09:02:00' },
    ]);
  });

  it('gives queries and statements run as the service the simulated time too', async () => {
    const simulation = await simulate(aShopMesh().build(), scenario);
    simulation.step(4);

    expect(simulation.query('shop', "SELECT datetime('now') AS now, strftime('%H:%M') AS hm")).toMatchObject({
      ok: true,
      value: { rows: [['2026-01-05 09:04:00', '09:04']] },
    });
    expect(simulation.execute('shop', "UPDATE items SET status = time('now') WHERE id = 1")).toMatchObject({
      ok: true,
    });
    expect(rowsOf(simulation, 'shop', 'SELECT status FROM items WHERE id = 1')).toEqual([{ status: '09:04:00' }]);
  });

  it('hides every engine function, the clock’s and the pattern check’s too, however its name is written', async () => {
    const simulation = await simulate(aShopMesh().build(), scenario);
    for (const [sql, name] of [
      ['SELECT mesh_now()', 'mesh_now'],
      ['SELECT "mesh_time_value"(\'now\')', 'mesh_time_value'],
      ["SELECT [MESH_MATCHES]('^a', 'a')", 'MESH_MATCHES'],
      ['SELECT mesh_now /* a comment */ () AS at', 'mesh_now'],
    ]) {
      expect(simulation.query('shop', sql as string), sql).toEqual({
        ok: false,
        errors: [{ path: 'query', message: `no such function: ${name}` }],
      });
    }
    expect(simulation.execute('shop', 'UPDATE items SET status = mesh_now() WHERE id = 1')).toEqual({
      ok: false,
      errors: [{ path: 'sql', message: 'no such function: mesh_now' }],
    });
    expect(
      simulation.query('shop', 'WITH mesh_totals(n) AS (SELECT count(*) FROM items) SELECT n FROM mesh_totals'),
    ).toMatchObject({ ok: true, value: { rows: [[2]] } });
  });

  it.each([
    ['changes', 'SELECT id, changes() AS n FROM items'],
    ['total_changes', 'SELECT id, "TOTAL_CHANGES"() AS n FROM items'],
    ['last_insert_rowid', 'SELECT id, Last_Insert_RowId ( ) AS n FROM items'],
  ])('refuses %s(), which counts the engine’s own writes on the connection, not the data', async (name, sql) => {
    const simulation = await simulate(meshWithStep('scratch', sql, false), scenario);
    const message = `${name}() tells of the engine's own writes to this database, not of its data, so a query cannot call it`;

    expect(simulation.step(1).errors.map((error) => error.message)).toEqual([
      `transformation 'scratch' failed: ${message}`,
    ]);
    expect(simulation.query('shop', sql)).toEqual({ ok: false, errors: [{ path: 'query', message }] });
    expect(
      simulation.query('shop', 'WITH changes(n) AS (SELECT count(*) FROM items) SELECT n AS changes FROM changes'),
    ).toMatchObject({ ok: true, value: { rows: [[3]] } });
  });

  it('leaves the engine’s functions out of the list of functions a query or a transformation reads', async () => {
    const simulation = await simulate(
      meshWithStep('scratch', "SELECT name FROM main.pragma_function_list() WHERE name LIKE 'mesh%'", false),
      scenario,
    );
    for (const sql of [
      "SELECT name FROM pragma_function_list WHERE name LIKE 'mesh%'",
      'SELECT f.name FROM "PRAGMA_FUNCTION_LIST" AS f WHERE f.name LIKE \'MESH%\'',
      "SELECT pragma_function_list.name FROM main.pragma_function_list() WHERE pragma_function_list.name LIKE 'mesh%'",
      "SELECT l.name FROM items JOIN pragma_function_list l ON l.name LIKE 'mesh%'",
    ]) {
      expect(simulation.query('shop', sql), sql).toMatchObject({ ok: true, value: { rows: [] } });
    }
    expect(rowsOf(simulation, 'shop', "SELECT count(*) AS n FROM pragma_function_list WHERE name = 'upper'")).toEqual([
      { n: 1 },
    ]);
    expect(simulation.step(1).errors).toEqual([]);
    expect(rowsOf(simulation, 'report', 'SELECT count(*) AS n FROM scratch')).toEqual([{ n: 0 }]);
  });

  it('fails a transformation that reads the engine’s clock function, rather than keep it incremental', async () => {
    const simulation = await simulate(
      meshWithStep('item_names', 'SELECT id, name || mesh_now() AS name FROM items', true),
      scenario,
    );
    expect(simulation.step(1).errors.map((error) => error.message)).toEqual([
      "transformation 'item_names' failed: no such function: mesh_now",
    ]);
  });

  it('hides the engine’s functions from transformations', async () => {
    const simulation = await simulate(meshWithStep('scratch', 'SELECT mesh_offset(1, 0) AS o', false), scenario);
    expect(simulation.step(1).errors.map((error) => error.message)).toEqual([
      "transformation 'scratch' failed: no such function: mesh_offset",
    ]);
  });

  it('never compiles a PRAGMA a query hides after EXPLAIN or a first statement', async () => {
    const simulation = await simulate(aShopMesh().build(), scenario);
    for (const sql of ['EXPLAIN PRAGMA recursive_triggers = OFF', 'SELECT 1; PRAGMA recursive_triggers = OFF']) {
      expect(simulation.query('shop', sql)).toMatchObject({ ok: false });
    }
    expect(rowsOf(simulation, 'shop', 'SELECT * FROM pragma_recursive_triggers()')).toEqual([
      { recursive_triggers: 1 },
    ]);
  });

  it('lets the service change only its own tables: never a topic, another port or the engine’s tables', async () => {
    const simulation = await simulate(aShopMesh().build(), scenario);
    simulation.step(2);
    const recordCount = () => rowsOf(simulation, 'shop', 'SELECT count(*) AS n FROM broker."shop/items-cdc"');
    const before = recordCount();
    const ownTablesOnly = 'a service changes only its own tables (items), not';
    for (const [sql, written] of [
      ['DELETE FROM broker."shop/items-cdc"', 'broker.shop/items-cdc'],
      ['UPDATE broker."shop/items-cdc" SET _partition = 7', 'broker.shop/items-cdc'],
      ['WITH gone AS (SELECT 1) DELETE FROM "_commits"', '_commits'],
      ['DELETE FROM _clock', '_clock'],
      ['INSERT OR REPLACE INTO main.items VALUES (9, 9, 9, 9)', 'main.items'],
    ]) {
      expect(simulation.execute('shop', sql as string), sql).toEqual({
        ok: false,
        errors: [{ path: 'sql', message: `${ownTablesOnly} ${written}` }],
      });
    }
    expect(recordCount()).toEqual(before);

    for (const sql of [
      "UPDATE OR IGNORE Items SET status = 'sold' WHERE id = 1",
      'WITH picked(id) AS (SELECT 2) DELETE FROM node."items" WHERE id IN (SELECT id FROM picked)',
      "INSERT OR REPLACE INTO items VALUES (90, 'lamp', 12, 'listed')",
    ]) {
      expect(simulation.execute('shop', sql), sql).toMatchObject({ ok: true });
    }
    expect(simulation.step(1).errors).toEqual([]);
  });

  it('runs only row changes as the service, never PRAGMA, DDL or ATTACH', async () => {
    const simulation = await simulate(aShopMesh().build(), scenario);
    expect(simulation.execute('shop', 'PRAGMA recursive_triggers = OFF')).toEqual({
      ok: false,
      errors: [{ path: 'sql', message: 'only INSERT, UPDATE or DELETE may run as the service, not PRAGMA' }],
    });
    expect(simulation.execute('shop', 'DROP TABLE items')).toMatchObject({ ok: false });
    expect(simulation.execute('shop', 'SELECT mesh_offset(0, 0)')).toMatchObject({ ok: false });
    expect(simulation.execute('shop', 'UPDATE items SET price = mesh_offset(0, 0)')).toEqual({
      ok: false,
      errors: [{ path: 'sql', message: 'no such function: mesh_offset' }],
    });
  });
});
