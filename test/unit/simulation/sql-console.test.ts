import { describe, expect, it } from 'vitest';
import { pickedTableSql } from '../../../shared/simulation/picked-table-sql';
import { runCatalog } from '../../../shared/simulation/run-catalog';
import { locateSqlError } from '../../../shared/simulation/sql-error-location';
import { rowCountSql, shownColumns, tablePageSql } from '../../../shared/simulation/table-page';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, simulate } from './builders';

/** What a log table keeps about each record beside its payload, in the order it stores them. */
const LOG_HEADER = ['_position', '_partition', '_offset', '_timestamp', '_key', '_op'];

describe('locating a SQLite error in the query', () => {
  it.each([
    ['SELECT *\nFORM items', 'near "items": syntax error', { line: 2, column: 6, endColumn: 11 }],
    ['SELECT * FROM itemz', 'no such table: itemz', { line: 1, column: 15, endColumn: 20 }],
    ['SELECT * FROM itemz', 'no such table: itemz: did you mean items?', { line: 1, column: 15, endColumn: 20 }],
    ['SELECT name, prize\n  FROM items', 'no such column: prize', { line: 1, column: 14, endColumn: 19 }],
    ['SELECT i.prize FROM items i', 'no such column: i.prize', { line: 1, column: 8, endColumn: 15 }],
    [
      'SELECT id, "nmae" FROM items',
      `no such column: "nmae" (SQLite would read it as the text 'nmae'; write text in single quotes)`,
      { line: 1, column: 13, endColumn: 17 },
    ],
    [
      'SELECT 1,\n  "broken FROM items',
      'unrecognized token: ""broken FROM items"',
      { line: 2, column: 3, endColumn: 21 },
    ],
    ['SELECT 1', 'interrupted', undefined],
  ])('%j with %j', (sql, message, location) => {
    expect(locateSqlError(sql, message)).toEqual(location);
  });

  it('finds the place of what SQLite really reports', async () => {
    const simulation = await simulate(
      aShopMesh().build(),
      aScenario().withData('shop', 'items', 1, PREDICTABLE_ITEMS).build(),
    );
    const sql = 'SELECT id,\n  prize FROM items';
    const result = simulation.query('catalog', sql);
    if (result.ok) throw new Error('the query should fail');

    expect(locateSqlError(sql, result.errors[0]?.message ?? '')).toEqual({ line: 2, column: 3, endColumn: 8 });
  });
});

describe('a page of a table', () => {
  it('sorts by a column, then by insertion order, and pages', () => {
    expect(
      tablePageSql(
        { kind: 'table', table: 'order lines' },
        { offset: 200, limit: 100, sort: { column: 'qty', descending: true } },
      ),
    ).toBe('SELECT * FROM "order lines" ORDER BY "qty" DESC, rowid LIMIT 100 OFFSET 200');
    expect(tablePageSql({ kind: 'table', table: 'items' }, { offset: 0, limit: 50 })).toBe(
      'SELECT * FROM "items" ORDER BY rowid LIMIT 50 OFFSET 0',
    );
  });

  it('pages through an output port’s published records, sorted by one of their columns', async () => {
    const simulation = await simulate(
      aShopMesh().build(),
      aScenario()
        .withData('shop', 'items', 3, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'update', { values: { price: 30 }, where: { id: 2 } })
        .build(),
    );
    simulation.step(1);
    const published = { kind: 'log', log: 'catalog/items-out' } as const;
    const read = (sql: string) => {
      const result = simulation.query('catalog', sql);
      if (!result.ok) throw new Error(result.errors[0]?.message);
      return result.value;
    };

    expect(read(rowCountSql(published)).rows).toEqual([[4]]);
    const page = read(tablePageSql(published, { offset: 0, limit: 3, sort: { column: 'price', descending: true } }));
    expect(page.columns).toEqual(expect.arrayContaining(['_partition', '_offset', '_key', '_op', 'id', 'price']));
    const column = (name: string) => page.rows.map((row) => row[page.columns.indexOf(name)]);
    expect(column('price')).toEqual([30, 9.5, 9.5]);
    // A streamed port's topic has 3 partitions, as its Strimzi export: offsets count within each.
    expect(column('_partition')).toEqual([1, 0, 1]);
    expect(column('_offset')).toEqual([1, 0, 0]);
    expect(shownColumns(published, page.columns).map((index) => page.columns[index])).toEqual([
      'id',
      'name',
      'price',
      'status',
      ...LOG_HEADER,
    ]);
    expect(shownColumns({ kind: 'table', table: 'items' }, ['_position', 'id'])).toEqual([0, 1]);
  });

  it('shows a raw zone’s record, its key and values, before what the broker and engine keep beside it', () => {
    const columns = [...LOG_HEADER, 'incident_id', 'priority', '_write'];
    const raw = { kind: 'table', table: 'raw_incidents_in', isRawZone: true } as const;
    expect(shownColumns(raw, columns).map((index) => columns[index])).toEqual([
      'incident_id',
      'priority',
      ...LOG_HEADER,
      '_write',
    ]);
  });

  it('shows a quarantined record first, then the rule it broke, then where and when', () => {
    const columns = ['id', 'tick', 'port', 'rule', 'property', 'message', 'record'];
    expect(shownColumns({ kind: 'table', table: 'quarantine' }, columns).map((index) => columns[index])).toEqual([
      'record',
      'rule',
      'property',
      'message',
      'port',
      'tick',
      'id',
    ]);
  });
});

describe('the query a table picked in the console inserts', () => {
  it('lists a raw zone’s record fields first, then the engine’s `_` columns, quoting names SQL would misread', () => {
    const rawTable = { table: 'raw_items_in', rawZoneColumns: ['_position', '_op', 'order', 'unit price', 'id'] };
    expect(pickedTableSql(rawTable)).toBe(
      'SELECT "order", "unit price", id, _position, _op FROM raw_items_in LIMIT 100',
    );
  });

  it('selects every column of any other table, as it is', () => {
    expect(pickedTableSql({ table: 'items' })).toBe('SELECT * FROM items LIMIT 100');
    expect(pickedTableSql({ table: 'order lines' })).toBe('SELECT * FROM "order lines" LIMIT 100');
  });

  it('names the columns the raw zone really has, so the query runs with the record first', async () => {
    const mesh = aShopMesh().build();
    const simulation = await simulate(mesh, aScenario().withData('shop', 'items', 1, PREDICTABLE_ITEMS).build());
    simulation.step(1);
    const raw = runCatalog(mesh).guides.catalog?.find((entry) => entry.zone === 'raw');
    if (!raw) throw new Error('the catalog product should have a raw zone');
    const result = simulation.query('catalog', pickedTableSql(raw));
    if (!result.ok) throw new Error(result.errors[0]?.message);

    // A CDC record: its before and after images, then the broker's and engine's columns.
    const isEngines = result.value.columns.map((column) => column.startsWith('_'));
    expect(result.value.columns.slice(0, 2)).toEqual(['before_id', 'before_name']);
    expect(isEngines.indexOf(true)).toBeGreaterThan(0);
    expect(isEngines.slice(isEngines.indexOf(true)).every(Boolean)).toBe(true);
    expect(result.value.rows).toHaveLength(1);
  });
});
