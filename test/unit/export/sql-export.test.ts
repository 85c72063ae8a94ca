import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOf } from '../../../shared/contracts';
import { importContractSource } from '../../../shared/contracts/import';
import { statements, tokenize } from '../../../shared/contracts/import/sql-tokens';
import { type ExportScope, WHOLE_MESH } from '../../../shared/export';
import { declaredTypeOptions } from '../../../shared/export/jsonschema/declared-type-options';
import { jsonSchemaTarget } from '../../../shared/export/jsonschema/json-schema-target';
import { physicalTypeNote, postgresTypeOf } from '../../../shared/export/sql/postgres-column-types';
import { postgresName } from '../../../shared/export/sql/postgres-names';
import { sqlTarget } from '../../../shared/export/sql/sql-target';
import type { Contract, ContractProperty, Mesh } from '../../../shared/model';
import { aMesh, aPort, aField as field } from '../../builders/mesh-builder';
import { type EcommerceRun, ecommerceRun } from './ecommerce-run';
import { exportCases, filesOf, itWritesTheGoldenFiles } from './golden-cases';
import { hospitalMesh } from './hospital-mesh';
import {
  contractFromYaml,
  measuresAndDimensionsContract,
  STORED_TURNOVER_COLUMNS,
  stringWithValidValues,
} from './unseen-meshes';

const ecommerce = exportCases().find((exportCase) => exportCase.name === 'ecommerce')!;
const USER_SCHEMAS = `table_schema NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'public')`;

function sqlFiles(mesh: Mesh, baseline?: Mesh) {
  return filesOf(sqlTarget.files(mesh, WHOLE_MESH, baseline ? { baseline } : {}));
}

async function runFiles(db: PGlite, files: readonly { path: string; content: string | Uint8Array }[]) {
  for (const file of files) {
    try {
      await db.exec(String(file.content));
    } catch (error) {
      throw new Error(`${file.path}: ${(error as Error).message}`);
    }
  }
}

/**
 * A script as `psql -v ON_ERROR_STOP=1 -f` runs it: one statement at a time, each committed unless a
 * transaction is open, stopping at the first error; psql then disconnects, which rolls back an open one.
 */
async function runAsPsql(db: PGlite, script: string) {
  const { tokens } = tokenize(script);
  for (const statement of statements(tokens, script)) {
    const end = statement.terminator?.end ?? statement.tokens.at(-1)!.end;
    try {
      await db.exec(script.slice(statement.tokens[0]!.start, end));
    } catch (error) {
      await db.exec('ROLLBACK');
      throw error;
    }
  }
}

async function tablesIn(db: PGlite) {
  const result = await db.query<{ table_schema: string; table_name: string }>(
    `SELECT table_schema, table_name FROM information_schema.tables WHERE ${USER_SCHEMAS} ORDER BY 1, 2`,
  );
  return result.rows;
}

/** Inserts the simulation's rows of every table (the product's table of the same name); returns the counts. */
async function insertSampleRows(db: PGlite, run: EcommerceRun) {
  const counts: Record<string, number> = {};
  for (const { table_schema: schema, table_name: table } of await tablesIn(db)) {
    const columns = await db.query<{ column_name: string; data_type: string }>(
      'SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
      [schema, table],
    );
    const rows = run.rows(schema, table);
    for (const row of rows) {
      const values = columns.rows.map(({ column_name: name, data_type: type }) =>
        // SQLite keeps booleans as 0 and 1.
        type === 'boolean' && row[name] !== null ? Boolean(row[name]) : row[name],
      );
      const names = columns.rows.map(({ column_name: name }) => `"${name}"`).join(', ');
      const parameters = values.map((_, index) => `$${index + 1}`).join(', ');
      await db.query(`INSERT INTO "${schema}"."${table}" (${names}) VALUES (${parameters})`, values);
    }
    counts[`${schema}.${table}`] = rows.length;
  }
  return counts;
}

/** What a migration must reproduce: columns, constraints, indexes, triggers and comments of the given schemas. */
async function schemaOf(db: PGlite, schemas: readonly string[]) {
  const inSchemas = `IN (${schemas.map((schema) => `'${schema}'`).join(', ')})`;
  const rows = async (sql: string) => (await db.query(sql)).rows;
  return {
    columns: await rows(
      `SELECT table_schema, table_name, column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema ${inSchemas} ORDER BY 1, 2, 3`,
    ),
    constraints: await rows(
      `SELECT n.nspname, conrelid::regclass::text AS relation, conname, contype, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname ${inSchemas} AND contype <> 'n' ORDER BY 1, 2, 3`,
    ),
    indexes: await rows(
      `SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes WHERE schemaname ${inSchemas} ORDER BY 1, 2, 3`,
    ),
    triggers: await rows(
      `SELECT event_object_schema, event_object_table, trigger_name, event_manipulation FROM information_schema.triggers
       WHERE event_object_schema ${inSchemas} ORDER BY 1, 2, 3, 4`,
    ),
    comments: await rows(
      `SELECT n.nspname, c.relname, a.attname, col_description(c.oid, a.attnum) AS comment
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname ${inSchemas} AND a.attnum > 0 AND col_description(c.oid, a.attnum) IS NOT NULL
       UNION ALL
       SELECT n.nspname, c.relname, NULL, obj_description(c.oid, 'pg_class')
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname ${inSchemas} AND obj_description(c.oid, 'pg_class') IS NOT NULL ORDER BY 1, 2, 3`,
    ),
  };
}

const options = (logicalTypeOptions: Record<string, unknown>) => ({ extensions: { logicalTypeOptions } });
/** An export warning about property `index` of the first contract's first schema object. */
const cautionAt = (index: number, message: string) => ({
  kind: 'caution',
  path: `contracts[0].schema[0].properties[${index}]`,
  message,
});

/** Product `p` serving contract `name`, whose one schema object `name` holds `properties`. */
const productServingTable = (name: string, properties: ContractProperty[]) =>
  aMesh()
    .withDomain('d')
    .withContract(name, { schema: [{ name, properties }] })
    .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: name })] })
    .build();

/** Product `p` serving contract `name`, an entity that keeps history, whose one schema object `name` holds `properties`. */
const productServingHistory = (name: string, properties: ContractProperty[]) =>
  aMesh()
    .withDomain('d')
    .withContract(name, { keepHistory: true, schema: [{ name, properties }] })
    .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: name })] })
    .build();

/** Drops every schema the exports made, so the next test starts from an empty database. */
async function emptyDatabase(db: PGlite) {
  const schemas = await db.query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'public')`,
  );
  for (const { nspname } of schemas.rows) await db.exec(`DROP SCHEMA "${nspname.replaceAll('"', '""')}" CASCADE`);
}

describe('SQL export', () => {
  itWritesTheGoldenFiles('sql', ({ mesh, baseline }) => sqlFiles(mesh, baseline));

  // One PostgreSQL for the file: starting one takes seconds on a busy machine.
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
    await db.waitReady;
  }, 120_000);
  afterAll(() => db?.close());

  /** Runs a script as one query, as psql -f does, returning the warnings it raised. */
  const warningsOf = async (script: string) => {
    const warnings: string[] = [];
    try {
      await db.exec(script, {
        onNotice: (notice) => notice.severity === 'WARNING' && warnings.push(notice.message ?? ''),
      });
    } catch (error) {
      await db.exec('ROLLBACK');
      throw error;
    }
    return warnings;
  };

  describe('run on PostgreSQL (PGlite) with the e-commerce simulation’s rows', { timeout: 120_000 }, () => {
    let run: EcommerceRun;
    beforeAll(async () => {
      run = await ecommerceRun();
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(ecommerce.mesh));
    }, 120_000);

    it('creates an event, entity and history table for each contract the products serve', async () => {
      expect((await tablesIn(db)).map((table) => `${table.table_schema}.${table.table_name}`)).toEqual([
        'customer-360.customer_profile',
        'customers.customers',
        'customers.customers_history',
        'orders.order_placed',
        'orders.orders',
        'orders.orders_history',
        'sales-dashboard.daily_sales',
        'shipments.shipments',
      ]);
    });

    it('takes every row the simulation produced in every table', async () => {
      const counts = await insertSampleRows(db, run);
      expect(Object.entries(counts).filter(([, count]) => count === 0)).toEqual([]);
      for (const [table, count] of Object.entries(counts)) {
        const [schema, name] = table.split('.');
        const stored = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}"."${name}"`);
        expect(stored.rows[0]?.n, table).toBe(count);
      }
    });

    it('keeps events append-only and one current version per key', async () => {
      const events = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders.order_placed');
      expect(events.rows[0]?.n).toBeGreaterThan(0);
      await expect(db.query('UPDATE orders.order_placed SET total = 0')).rejects.toThrow(/events are immutable/);
      await expect(db.query('DELETE FROM orders.order_placed')).rejects.toThrow(/events are immutable/);
      await expect(db.query('TRUNCATE orders.order_placed')).rejects.toThrow(/events are immutable: TRUNCATE/);
      const [current] = (
        await db.query<Record<string, unknown>>('SELECT * FROM orders.orders_history WHERE is_current LIMIT 1')
      ).rows;
      const copy = { ...current, valid_from: '2030-01-01T00:00:00Z' };
      const names = Object.keys(copy);
      await expect(
        db.query(
          `INSERT INTO orders.orders_history (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
          Object.values(copy),
        ),
      ).rejects.toThrow(/orders_history_current/);
      await expect(db.query('INSERT INTO orders.orders (order_id) VALUES (1)')).rejects.toThrow(/null value/);
    });
  });

  describe('history columns named as the contract gives them', () => {
    /** Product `p` serving `permits`, which keeps history, its history columns after `historyColumnPrefix`. */
    const permitsDesign = (historyColumnPrefix: string | undefined, validity: 'own validity' | 'no validity') =>
      aMesh()
        .withDomain('d')
        .withContract('permits', {
          keepHistory: true,
          ...(historyColumnPrefix !== undefined && { historyColumnPrefix }),
          schema: [
            {
              name: 'permits',
              properties: [
                field('id', 'integer', { required: true, primaryKey: true }),
                ...(validity === 'own validity' ? [field('valid_from', 'date'), field('valid_to', 'date')] : []),
              ],
            },
          ],
        })
        .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'permits' })] })
        .build();
    const historyColumns = async () =>
      (
        await db.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = 'p' AND table_name = 'permits_history' ORDER BY ordinal_position`,
        )
      ).rows.map((row) => row.column_name);

    it('creates them beside validity columns of its own, one current version per key', async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(permitsDesign('dbt_', 'own validity')));

      expect(await historyColumns()).toEqual([
        'id',
        'valid_from',
        'valid_to',
        'dbt_valid_from',
        'dbt_valid_to',
        'dbt_is_current',
      ]);
      const version = `INSERT INTO p.permits_history VALUES (1, '2026-01-01', '2026-06-30', now(), NULL, true)`;
      await db.exec(version);
      await expect(db.exec(version)).rejects.toThrow(/permits_history_current/);
    });

    it('renames them in a migration when the prefix changes, keeping the versions', async () => {
      const saved = permitsDesign(undefined, 'no validity');
      const current = permitsDesign('dbt_', 'no validity');
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(saved));
      await db.exec(`INSERT INTO p.permits_history VALUES (1, '2026-01-01T00:00:00Z', NULL, true)`);
      await runAsPsql(db, String(sqlFiles(current, saved).find((file) => file.path.endsWith('.changes.sql'))?.content));

      const rows = await db.query('SELECT id, dbt_is_current FROM p.permits_history');
      expect(rows.rows).toEqual([{ id: 1, dbt_is_current: true }]);
      const migrated = await schemaOf(db, ['p']);
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(current));
      expect(migrated).toEqual(await schemaOf(db, ['p']));
    });
  });

  it('creates a product’s tables all or nothing: a statement that fails leaves none of the file’s tables behind', async () => {
    await emptyDatabase(db);
    const orders = sqlFiles(ecommerce.mesh).find((file) => file.path === 'sql/orders.sql')!;
    await runAsPsql(db, String(orders.content));
    // Run again with the first table gone: it is made again, then the next CREATE TABLE fails.
    await db.exec('DROP TABLE orders.order_placed');
    const before = await tablesIn(db);
    await expect(runAsPsql(db, String(orders.content))).rejects.toThrow(/already exists/);
    expect(await tablesIn(db)).toEqual(before);
  });

  it('writes DDL PostgreSQL runs whatever the names: keywords, quotes, line breaks, 80-character columns', async () => {
    const hostile = exportCases().find((exportCase) => exportCase.name === 'hostile-names')!.mesh;
    const seed = exportCases().find((exportCase) => exportCase.name === 'seed-logical-view')!.mesh;
    const longName = (end: string) => `a column name far longer than PostgreSQL's limit of sixty-three bytes ${end}`;
    const contract = hostile.contracts[0]!;
    const withTraps = {
      ...hostile,
      contracts: [
        {
          ...contract,
          name: 'CON\nDROP SCHEMA "p-con" CASCADE; --',
          schema: [
            {
              ...contract.schema[0]!,
              properties: [
                ...contract.schema[0]!.properties,
                {
                  name: longName('one'),
                  logicalType: 'string' as const,
                  required: false,
                  unique: true,
                  primaryKey: false,
                },
                {
                  name: longName('two'),
                  logicalType: 'string' as const,
                  required: false,
                  unique: true,
                  primaryKey: false,
                },
              ],
            },
          ],
        },
        ...hostile.contracts.slice(1),
      ],
    };
    await emptyDatabase(db);
    await runFiles(db, [...sqlFiles(withTraps), ...sqlFiles(seed)]);
    const columns = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'p-con' AND table_name = 'user'`,
    );
    expect(columns.rows.map((row) => row.column_name)).toEqual([
      'id',
      'select',
      'order',
      'Mixed Case "col"',
      postgresName(longName('one')),
      postgresName(longName('two')),
    ]);
    expect(new Set([postgresName(longName('one')), postgresName(longName('two'))]).size).toBe(2);
    expect((await tablesIn(db)).length).toBe(10);
  }, 60_000);

  it('writes a name’s bidirectional controls in comments as escapes, so no comment reorders the lines a reviewer reads', () => {
    const hostile = exportCases().find((exportCase) => exportCase.name === 'hostile-names')!.mesh;
    const [contract, ...others] = hostile.contracts;
    const mesh = { ...hostile, contracts: [{ ...contract!, name: 'T\u202eitle \u2066x\u2069\u200f' }, ...others] };
    const comments = sqlFiles(mesh)
      .flatMap((file) => String(file.content).split('\n'))
      .filter((line) => line.startsWith('-- ') && line.includes('itle'));
    expect(comments.length).toBeGreaterThan(0);
    for (const line of comments) {
      expect(line).toContain('T\\u202eitle \\u2066x\\u2069\\u200f');
      expect(line).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('keeps a property without a logicalType in a jsonb column, which takes any JSON value', async () => {
    const mesh = aMesh()
      .withDomain('d')
      .withContract('notes', {
        schema: [
          {
            name: 'notes',
            properties: [
              { name: 'id', logicalType: 'string', required: true, unique: true, primaryKey: true },
              { name: 'body', required: true, unique: false, primaryKey: false },
            ],
          },
        ],
      })
      .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'notes' })] })
      .build();
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(mesh));
    await db.exec(`INSERT INTO p.notes VALUES ('a', '"text"'), ('b', '2.5'), ('c', '{"x": [1]}')`);
    const stored = await db.query<{ body: unknown }>('SELECT body FROM p.notes ORDER BY id');
    expect(stored.rows.map((row) => row.body)).toEqual(['text', 2.5, { x: [1] }]);
  });

  it('leaves the measures of an ODCS 3.2 contract out of its table, as they are computed when queried, and says so', async () => {
    const contract = measuresAndDimensionsContract();
    const serving = (served: Contract) => ({
      ...aMesh()
        .withDomain('d')
        .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: served.id })] })
        .build(),
      contracts: [served],
    });
    const mesh = serving(contract);
    const files = sqlFiles(mesh);
    const ddl = files.map((file) => String(file.content)).join('\n');
    expect(ddl).toContain(
      "-- measures, computed when queried (ODCS semanticType: measure), not stored: 'total_turnover_euros' as SUM(turnover_euros), 'nb_receipts' as COUNT(DISTINCT order_id), 'average_basket_value' as SUM(turnover_euros) / NULLIF(COUNT(DISTINCT order_id), 0)",
    );
    await emptyDatabase(db);
    await runFiles(db, files);
    const columns = await db.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = 'p' ORDER BY ordinal_position",
    );
    expect(columns.rows.map((row) => row.column_name)).toEqual(STORED_TURNOVER_COLUMNS);

    // Saved when its measures were columns: the migration drops them.
    const expected = await schemaOf(db, ['p']);
    const asColumns = (property: ContractProperty) => ({
      ...property,
      extensions: { ...property.extensions, semanticType: 'column' },
    });
    const saved = serving({
      ...contract,
      schema: contract.schema.map((object) => ({ ...object, properties: object.properties.map(asColumns) })),
    });
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(saved));
    await runFiles(
      db,
      sqlFiles(mesh, saved).filter((file) => file.path.endsWith('.changes.sql')),
    );
    expect(await schemaOf(db, ['p'])).toEqual(expected);
  });

  it('keeps a timestamp whose contract says timezone: false without a time zone, so no session zone shifts its clock time', async () => {
    const mesh = productServingTable('visits', [
      field('id', 'integer', { required: true, primaryKey: true }),
      field('local_start', 'timestamp', options({ timezone: false })),
      field('zoned_start', 'timestamp', options({ timezone: true })),
      field('plain_start', 'timestamp'),
    ]);
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(mesh));
    const columns = await db.query<{ type: string }>(
      `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = 'p.visits'::regclass AND attnum > 1 ORDER BY attnum`,
    );
    expect(columns.rows.map((column) => column.type)).toEqual([
      'timestamp without time zone',
      'timestamp with time zone',
      'timestamp with time zone',
    ]);
    const saidZoned = field('t', 'timestamp', { physicalType: 'TIMESTAMPTZ', ...options({ timezone: false }) });
    expect(physicalTypeNote(saidZoned)).toBe('physicalType TIMESTAMPTZ as timestamp: timezone is false');
    try {
      await db.exec(
        `SET TIME ZONE 'America/New_York'; INSERT INTO p.visits (id, local_start) VALUES (1, '2026-03-01 09:30:00')`,
      );
      await db.exec(`SET TIME ZONE 'Asia/Tokyo'`);
      const stored = await db.query<{ local_start: string }>('SELECT local_start::text FROM p.visits');
      expect(stored.rows).toEqual([{ local_start: '2026-03-01 09:30:00' }]);
    } finally {
      await db.exec('RESET TIME ZONE');
    }
  });

  describe('a multipleOf (JSON Schema’s, imported as ODCS logicalTypeOptions.multipleOf), as a CHECK PostgreSQL enforces', () => {
    const imported = importContractSource(
      'fare.schema.json',
      JSON.stringify({
        title: 'fares',
        type: 'object',
        required: ['fare_id'],
        properties: {
          fare_id: { type: 'integer' },
          price: { type: 'number', multipleOf: 0.01 },
          seats: { type: 'integer', multipleOf: 2 },
        },
      }),
    );
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const mesh = productServingTable('fares', [
      ...imported.contract.schema[0]!.properties,
      // A binary float holds 0.07 only nearly: its CHECK compares the decimal PostgreSQL reads it as.
      field('weight', 'number', options({ format: 'f64', multipleOf: 0.1 })),
      field('ratio', 'number', options({ format: 'f32', multipleOf: 0.25 })),
    ]);

    beforeAll(async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(mesh));
    });

    it.each([
      ['price', '19.999'],
      ['seats', '3'],
      ['weight', '0.75'],
      ['ratio', '0.3'],
    ])('refuses a row whose %s is %s, no multiple', async (column, value) => {
      await expect(db.exec(`INSERT INTO p.fares (fare_id, ${column}) VALUES (1, ${value})`)).rejects.toThrow(
        `violates check constraint "fares_${column}_check"`,
      );
    });

    it('takes multiples, a float’s too where binary arithmetic would leave a remainder (0.7 % 0.1)', async () => {
      await db.exec(`INSERT INTO p.fares (fare_id, price, seats, weight, ratio) VALUES (1, 19.99, 4, 0.7, 0.75)`);
      await db.exec(`INSERT INTO p.fares (fare_id, price, weight) VALUES (2, 0.07, 0.3)`);
      expect((await db.query('SELECT count(*)::int AS n FROM p.fares')).rows).toEqual([{ n: 2 }]);
    });

    it('round-trips: the DDL imported gives each column its multipleOf back, with no quality rule or note', () => {
      const ddl = String(sqlFiles(mesh)[0]!.content);
      const reimported = importContractSource('p.sql', ddl);
      if (!reimported.ok) throw new Error(JSON.stringify(reimported.errors));
      const multiples = reimported.contract.schema[0]!.properties.map((property) => [
        property.name,
        (property.extensions?.logicalTypeOptions as { multipleOf?: number } | undefined)?.multipleOf,
      ]);
      expect(Object.fromEntries(multiples)).toEqual({
        fare_id: undefined,
        price: 0.01,
        seats: 2,
        weight: 0.1,
        ratio: 0.25,
      });
      expect(reimported.contract.schema[0]!.quality ?? []).toEqual([]);
      expect(reimported.notes.filter((note) => note.message.includes('%'))).toEqual([]);
    });
  });

  it('gives a time whose contract says timezone: true a time with time zone, and warns that PostgreSQL discourages it', async () => {
    const mesh = productServingTable('openings', [
      field('id', 'integer', { required: true, primaryKey: true }),
      field('zoned_open', 'time', options({ timezone: true })),
      field('local_open', 'time', options({ timezone: false })),
      field('plain_open', 'time'),
    ]);
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(mesh));
    const columns = await db.query<{ type: string }>(
      `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = 'p.openings'::regclass AND attnum > 1 ORDER BY attnum`,
    );
    expect(columns.rows.map((column) => column.type)).toEqual([
      'time with time zone',
      'time without time zone',
      'time without time zone',
    ]);
    await db.exec(`INSERT INTO p.openings (id, zoned_open) VALUES (1, '09:30:00+02')`);
    const stored = await db.query<{ zoned_open: string }>('SELECT zoned_open::text FROM p.openings');
    expect(stored.rows).toEqual([{ zoned_open: '09:30:00+02' }]);
    const result = sqlTarget.files(mesh, WHOLE_MESH);
    expect(result.ok && result.warnings).toEqual([
      cautionAt(
        1,
        "'zoned_open' in contract 'openings' says timezone: true: column 'zoned_open' of table 'openings' is timetz, as the contract says, which PostgreSQL discourages (an offset without a date cannot follow daylight saving): a timestamp keeps the zone of a moment",
      ),
    ]);
    const said = (physicalType: string) => field('t', 'time', { physicalType, ...options({ timezone: true }) });
    expect(physicalTypeNote(said('TIME'))).toBe('physicalType TIME as timetz: timezone is true');
    expect([physicalTypeNote(said('TIMETZ')), physicalTypeNote(said('time with time zone'))]).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('gives SQL Server’s varchar(max) or nvarchar(max) text PostgreSQL’s text, of any length, without a note', () => {
    const fields = ['varchar(max)', 'NVARCHAR(MAX)'].map((physicalType) => field('notes', 'string', { physicalType }));
    expect(fields.map((property) => postgresTypeOf(property))).toEqual(['text', 'text']);
    expect(fields.map((property) => physicalTypeNote(property))).toEqual([undefined, undefined]);
    expect(fields.map((property) => declaredTypeOptions(property).maxLength)).toEqual([undefined, undefined]);
  });

  it('gives a char(n), nchar(n) or varchar2(n) text the length its JSON Schema gives it, as varchar(n): blanks are not padded', async () => {
    const fields = ['char(12)', 'CHARACTER(12)', 'nchar(12)', 'national character varying(12)', 'VARCHAR2(12)'].map(
      (physicalType, n) => field(`code${n}`, 'string', { physicalType }),
    );
    const mesh = productServingTable('wagons', [
      field('id', 'integer', { required: true, primaryKey: true }),
      ...fields,
    ]);
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(mesh));
    const columns = await db.query<{ attname: string; type: string }>(
      `SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = 'p.wagons'::regclass AND attnum > 1 ORDER BY attnum`,
    );
    expect(columns.rows.map((column) => column.type)).toEqual(fields.map(() => 'character varying(12)'));
    expect(fields.map((property) => declaredTypeOptions(property).maxLength)).toEqual(fields.map(() => 12));
    await db.exec(`INSERT INTO p.wagons (id, code0) VALUES (1, '${'W'.repeat(12)}')`);
    for (const [n] of fields.entries()) {
      await expect(db.exec(`INSERT INTO p.wagons (id, code${n}) VALUES (2, '${'W'.repeat(13)}')`)).rejects.toThrow(
        /value too long for type character varying\(12\)/,
      );
    }
    const stored = await db.query<{ code0: string }>('SELECT code0 FROM p.wagons');
    expect(stored.rows).toEqual([{ code0: 'W'.repeat(12) }]);
  });

  it('keeps a Protobuf double as double precision and a float as real, as the Avro import does (format f64, f32)', async () => {
    const proto = `syntax = "proto3";
message Readings {
  sfixed64 reading_id = 1;
  double ratio = 2;
  float gauge = 3;
  optional double drift = 4;
  sint32 offset = 5;
  fixed32 pulses = 6;
}`;
    const imported = importContractSource('readings.proto', proto);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const [readingId, ratio, gauge, drift, offset, pulses] = imported.contract.schema[0]!.properties;
    expect([ratio, gauge, drift].map((property) => property!.extensions?.logicalTypeOptions)).toEqual([
      { format: 'f64' },
      { format: 'f32' },
      { format: 'f64' },
    ]);
    // Integers keep their width in physicalType, as Avro's int and long do; an unsigned one its bounds.
    expect([readingId, offset, pulses].map((property) => property!.extensions?.logicalTypeOptions)).toEqual([
      undefined,
      undefined,
      { minimum: 0, maximum: 4294967295 },
    ]);
    const mesh = productServingTable('readings', [{ ...readingId!, primaryKey: true }, ratio!, gauge!, drift!]);
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(mesh));
    const columns = await db.query<{ attname: string; type: string }>(
      `SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = 'p.readings'::regclass AND attnum > 0 ORDER BY attnum`,
    );
    expect(Object.fromEntries(columns.rows.map((column) => [column.attname, column.type]))).toEqual({
      reading_id: 'bigint',
      ratio: 'double precision',
      gauge: 'real',
      drift: 'double precision',
    });
  });

  it('takes a column’s type from a physicalType PostgreSQL has, in its spelling, and a string’s maxLength as varchar(n)', async () => {
    const mesh = productServingTable('draws', [
      field('draw_id', 'integer', { physicalType: 'BIGSERIAL', required: true, primaryKey: true }),
      field('game', 'string', { physicalType: 'VARCHAR(8)', ...options({ maxLength: 8 }) }),
      field('amount', 'number', { physicalType: 'NUMERIC(14,2)' }),
      field('rank', 'integer', { physicalType: 'SMALLINT' }),
      field('seats', 'integer', { physicalType: 'int4' }),
      field('code', 'string', options({ maxLength: 3 })),
      field('label', 'string', { physicalType: 'character varying (20)', ...options({ maxLength: 12 }) }),
      field('status', 'string', { physicalType: 'draw_status' }),
      field('numbers', 'array', { physicalType: 'SMALLINT[]' }),
      field('ratio', 'number', { physicalType: 'DOUBLE PRECISION' }),
      field('count', 'integer', { physicalType: 'VARCHAR(8)' }),
      field('trips', 'integer', { physicalType: 'BIGINT UNSIGNED', ...options({ minimum: 0 }) }),
      field('odometer', 'integer', { physicalType: 'uint64' }),
    ]);
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(mesh));
    const columns = await db.query<{ attname: string; type: string }>(
      `SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = 'p.draws'::regclass AND attnum > 0 ORDER BY attnum`,
    );
    expect(Object.fromEntries(columns.rows.map((column) => [column.attname, column.type]))).toEqual({
      draw_id: 'bigint',
      game: 'character varying(8)',
      amount: 'numeric(14,2)',
      rank: 'smallint',
      seats: 'integer',
      code: 'character varying(3)',
      label: 'character varying(12)',
      status: 'text',
      numbers: 'jsonb',
      ratio: 'double precision',
      count: 'bigint',
      trips: 'numeric(20,0)',
      odometer: 'numeric(20,0)',
    });
    await expect(db.exec(`INSERT INTO p.draws (draw_id, code) VALUES (1, 'ABCD')`)).rejects.toThrow(
      /value too long for type character varying\(3\)/,
    );
    // An unsigned 64-bit column's largest value, beyond bigint's.
    await db.exec(
      `INSERT INTO p.draws (draw_id, trips, odometer) VALUES (2, 18446744073709551615, 18446744073709551615)`,
    );
  });

  it('keeps the digits any decimal spelling declares (Oracle’s NUMBER(p,s), DEC(p,s)), and an integer’s past bigint, as numeric', async () => {
    const mesh = productServingTable('fees', [
      field('fee_id', 'integer', { physicalType: 'NUMBER(30,0)', required: true, primaryKey: true }),
      field('tariff', 'number', { physicalType: 'NUMBER(8,2)' }),
      field('surcharge', 'number', { physicalType: 'DEC(6,3)' }),
      field('batch', 'integer', { physicalType: 'NUMBER(10,0)' }),
    ]);
    const files = sqlFiles(mesh);
    const lines = files.flatMap((file) => String(file.content).split('\n'));
    const lineOf = (column: string) => lines.find((line) => line.startsWith(`  "${column}" `));
    expect(lineOf('tariff')).toBe('  "tariff" numeric(8,2),');
    expect(lineOf('surcharge')).toBe('  "surcharge" numeric(6,3),');
    expect(lineOf('fee_id')).toBe('  "fee_id" numeric(30,0) NOT NULL,');
    expect(lineOf('batch')).toMatch(/^ {2}"batch" bigint,/);
    await emptyDatabase(db);
    await runFiles(db, files);
    // The largest key the contract allows, and amounts rounded to the decimals it declares.
    await db.exec(`INSERT INTO p.fees (fee_id, tariff, surcharge) VALUES (${'9'.repeat(30)}, 12.345, 1.23456)`);
    const stored = await db.query<{ tariff: string; surcharge: string }>('SELECT tariff, surcharge FROM p.fees');
    expect(stored.rows).toEqual([{ tariff: '12.35', surcharge: '1.235' }]);
  });

  it('round-trips the integers it writes as numeric(p,0) (unsigned 64-bit, past bigint) as integers, through the DDL import', () => {
    const mesh = productServingTable('fees', [
      field('fee_id', 'integer', { physicalType: 'NUMBER(30,0)', required: true, primaryKey: true }),
      field('trips', 'integer', { physicalType: 'BIGINT UNSIGNED' }),
      field('tariff', 'number', { physicalType: 'NUMBER(8,2)' }),
    ]);
    const imported = importContractSource('p.sql', String(sqlFiles(mesh)[0]!.content));
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const logicalTypes = imported.contract.schema[0]!.properties.map((property) => property.logicalType);
    expect(logicalTypes).toEqual(['integer', 'integer', 'number']);
  });

  it('keeps an Avro double as double precision and a float as real, as the import says them (format f64, f32)', async () => {
    const avsc = JSON.stringify({
      type: 'record',
      name: 'readings',
      fields: [
        { name: 'reading_id', type: 'long' },
        { name: 'ratio', type: 'double' },
        { name: 'gauge', type: 'float' },
        { name: 'drift', type: ['null', 'double'] },
      ],
    });
    const imported = importContractSource('readings.avsc', avsc);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const [readingId, ratio, gauge, drift] = imported.contract.schema[0]!.properties;
    expect([ratio, gauge, drift].map((property) => property!.extensions?.logicalTypeOptions)).toEqual([
      { format: 'f64' },
      { format: 'f32' },
      { format: 'f64' },
    ]);
    const mesh = productServingTable('readings', [
      { ...readingId!, primaryKey: true },
      ratio!,
      gauge!,
      drift!,
      field('mass', 'number', { physicalType: 'DOUBLE PRECISION' }),
      field('load', 'number', { physicalType: 'float4' }),
      field('level', 'number', { physicalType: 'float' }),
    ]);
    const files = sqlFiles(mesh);
    const lines = files.flatMap((file) => String(file.content).split('\n'));
    const lineOf = (column: string) => lines.find((line) => line.startsWith(`  "${column}" `));
    expect(lineOf('ratio')).toBe('  "ratio" double precision NOT NULL,');
    expect(lineOf('gauge')).toBe('  "gauge" real NOT NULL, -- physicalType float as real: format is f32');
    expect(lineOf('drift')).toBe('  "drift" double precision,');
    expect(lineOf('mass')).toBe('  "mass" double precision,');
    expect(lineOf('load')).toBe('  "load" real,');
    // PostgreSQL's float, SQL Server's too, is a double: only Avro's and Protobuf's float are 32 bits.
    expect(lineOf('level')).toBe('  "level" double precision,');
    await emptyDatabase(db);
    await runFiles(db, files);
    await db.exec('INSERT INTO p.readings (reading_id, ratio, gauge) VALUES (1, 0.1, 0.1)');
    const stored = await db.query('SELECT ratio::text, gauge::text FROM p.readings');
    expect(stored.rows).toEqual([{ ratio: '0.1', gauge: '0.1' }]);
  });

  it('exports a float(p) as the float PostgreSQL declares for it: real to 24 binary digits, double precision from 25', async () => {
    const sizes = [1, 24, 25, 53];
    const mesh = productServingTable('readings', [
      field('reading_id', 'integer', { required: true, primaryKey: true }),
      ...sizes.map((size) => field(`p${size}`, 'number', { physicalType: `FLOAT(${size})` })),
    ]);
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(mesh));
    await db.exec(`CREATE TABLE public.declared (${sizes.map((size) => `p${size} float(${size})`).join(', ')})`);
    const typesOf = async (schema: string, table: string) =>
      (
        await db.query<{ column_name: string; data_type: string }>(
          `SELECT column_name, data_type FROM information_schema.columns
           WHERE table_schema = '${schema}' AND table_name = '${table}' AND column_name LIKE 'p%' ORDER BY ordinal_position`,
        )
      ).rows;
    const declared = await typesOf('public', 'declared');
    expect(declared.map((column) => column.data_type)).toEqual([
      'real',
      'real',
      'double precision',
      'double precision',
    ]);
    expect(await typesOf('p', 'readings')).toEqual(declared);
  });

  it("exports a MySQL file's REAL, a DOUBLE in MySQL, as double precision, and its bare FLOAT as real", async () => {
    const imported = importContractSource(
      'weather.sql',
      'CREATE TABLE `station_reading` (`reading_id` INT PRIMARY KEY, `pressure` REAL, `wind` FLOAT) ENGINE=InnoDB;',
    );
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const mesh = productServingTable('station_reading', imported.contract.schema[0]!.properties);
    const files = sqlFiles(mesh);
    const lineOf = (column: string) =>
      files.flatMap((file) => String(file.content).split('\n')).find((line) => line.startsWith(`  "${column}" `));
    expect(lineOf('pressure')).toMatch(/^ {2}"pressure" double precision,/);
    expect(lineOf('wind')).toMatch(/^ {2}"wind" real[,\s]/);
    await emptyDatabase(db);
    await runFiles(db, files);
    // 0.1 as a 64-bit float: a real would keep it as 0.1 to 7 digits only.
    await db.exec('INSERT INTO p.station_reading (reading_id, pressure) VALUES (1, 1013.2500000001)');
    const stored = await db.query('SELECT pressure::text FROM p.station_reading');
    expect(stored.rows).toEqual([{ pressure: '1013.2500000001' }]);
  });

  it("exports a hand-written MySQL contract's REAL and DOUBLE(M,D) as double precision and its FLOAT and FLOAT(M,D) as real, as MySQL stores them, with no format said", async () => {
    const readings = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: station_reading
version: 1.0.0
status: draft
servers:
  - server: weather
    type: mysql
    host: db
    port: 3306
    database: weather
schema:
  - name: station_reading
    properties:
      - name: reading_id
        logicalType: integer
        physicalType: INT
        required: true
        primaryKey: true
      - name: pressure
        logicalType: number
        physicalType: REAL
      - name: humidity
        logicalType: number
        physicalType: DOUBLE(10,2)
      - name: wind
        logicalType: number
        physicalType: FLOAT
      - name: gust
        logicalType: number
        physicalType: FLOAT(7,2)
`);
    const mesh = { ...productServingTable('station_reading', []), contracts: [readings] };
    const files = sqlFiles(mesh);
    const lineOf = (column: string) =>
      files.flatMap((file) => String(file.content).split('\n')).find((line) => line.startsWith(`  "${column}" `));
    expect(lineOf('pressure')).toBe('  "pressure" double precision,');
    expect(lineOf('humidity')).toMatch(/^ {2}"humidity" double precision,/);
    expect(lineOf('wind')).toBe('  "wind" real,');
    expect(lineOf('gust')).toMatch(/^ {2}"gust" real,/);
    await emptyDatabase(db);
    await runFiles(db, files);
    await db.exec('INSERT INTO p.station_reading (reading_id, pressure, humidity) VALUES (1, 1013.2500000001, 0.1)');
    const stored = await db.query('SELECT pressure::text, humidity::text FROM p.station_reading');
    expect(stored.rows).toEqual([{ pressure: '1013.2500000001', humidity: '0.1' }]);
  });

  it("exports Oracle's BINARY_FLOAT as real and BINARY_DOUBLE as double precision, the IEEE floats of 32 and 64 bits they are", async () => {
    const mesh = productServingTable('buoy_readings', [
      field('reading_id', 'integer', { required: true, primaryKey: true }),
      field('gauge', 'number', { physicalType: 'BINARY_FLOAT' }),
      field('wave_height', 'number', { physicalType: 'binary_double' }),
    ]);
    const files = sqlFiles(mesh);
    const lineOf = (column: string) =>
      files.flatMap((file) => String(file.content).split('\n')).find((line) => line.startsWith(`  "${column}" `));
    expect(lineOf('gauge')).toBe('  "gauge" real,');
    expect(lineOf('wave_height')).toBe('  "wave_height" double precision,');
    await emptyDatabase(db);
    await runFiles(db, files);
    await db.exec('INSERT INTO p.buoy_readings (reading_id, gauge, wave_height) VALUES (1, 0.1, 0.1)');
    const stored = await db.query('SELECT gauge::text, wave_height::text FROM p.buoy_readings');
    expect(stored.rows).toEqual([{ gauge: '0.1', wave_height: '0.1' }]);
  });

  it('keeps a uuid (Avro uuid, JSON Schema format uuid, SQL UUID, UNIQUEIDENTIFIER) a uuid column, and its format through the JSON Schema and DDL imports', async () => {
    const fromAvro = importContractSource(
      'orders.avsc',
      JSON.stringify({
        type: 'record',
        name: 'orders',
        fields: [{ name: 'order_id', type: { type: 'string', logicalType: 'uuid' } }],
      }),
    );
    const fromJsonSchema = importContractSource(
      'orders.schema.json',
      JSON.stringify({ title: 'orders', type: 'object', properties: { buyer_id: { type: 'string', format: 'uuid' } } }),
    );
    const fromSql = importContractSource(
      'orders.sql',
      'CREATE TABLE orders (parcel_id UUID, [rowguid] [uniqueidentifier] NOT NULL, note VARCHAR(36));',
    );
    const [avro, jsonSchema, sql] = [fromAvro, fromJsonSchema, fromSql].map((imported) => {
      if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
      return imported.contract.schema[0]!.properties;
    });
    const [orderId, buyerId, parcelId, rowGuid, note] = [...avro!, ...jsonSchema!, ...sql!];
    expect(
      [orderId, buyerId, parcelId, rowGuid, note].map((property) => property!.extensions?.logicalTypeOptions),
    ).toEqual([{ format: 'uuid' }, { format: 'uuid' }, { format: 'uuid' }, { format: 'uuid' }, { maxLength: 36 }]);
    const mesh = productServingHistory('orders', [
      { ...orderId!, required: true, primaryKey: true },
      {
        ...buyerId!,
        ...options({ format: 'uuid', pattern: '^[0-9a-f-]+$', maxLength: 36 }),
        enum: ['0e4ac7f2-3c1b-4e57-9d2a-6f1b2c3d4e5f'],
      },
      parcelId!,
      rowGuid!,
    ]);
    const files = sqlFiles(mesh);
    const lines = files.flatMap((file) => String(file.content).split('\n'));
    const lineOf = (column: string) => lines.find((line) => line.startsWith(`  "${column}" `));
    expect(lineOf('order_id')).toBe('  "order_id" uuid NOT NULL,');
    expect(lineOf('rowguid')).toBe(
      '  "rowguid" uuid NOT NULL, -- physicalType UNIQUEIDENTIFIER as uuid: format is uuid',
    );
    await emptyDatabase(db);
    await runFiles(db, files);
    const id = '0e4ac7f2-3c1b-4e57-9d2a-6f1b2c3d4e5f';
    await db.exec(`INSERT INTO p.orders VALUES ('${id}', '${id}', '${id}', '${id}')`);
    await db.exec(
      `INSERT INTO p.orders_history (order_id, buyer_id, parcel_id, rowguid, valid_from, is_current) VALUES ('${id}', '${id}', '${id}', '${id}', now(), true)`,
    );
    await expect(db.exec(`INSERT INTO p.orders (order_id, rowguid) VALUES ('ORD-1', '${id}')`)).rejects.toThrow(/uuid/);
    const columns = await db.query<{ attname: string; type: string }>(
      `SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = 'p.orders_history'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    );
    expect(columns.rows.slice(0, 4).map((column) => column.type)).toEqual(['uuid', 'uuid', 'uuid', 'uuid']);
    const readBack = importContractSource('p.sql', String(files[0]!.content));
    if (!readBack.ok) throw new Error(JSON.stringify(readBack.errors));
    const schema = JSON.parse(String(filesOf(jsonSchemaTarget.files(mesh, WHOLE_MESH))[0]!.content));
    expect([schema.properties.order_id.format, schema.properties.rowguid.format]).toEqual(['uuid', 'uuid']);
    const formatOf = (property: ContractProperty) =>
      (property.extensions?.logicalTypeOptions as { format?: string } | undefined)?.format;
    expect(readBack.contract.schema[0]!.properties.map(formatOf)).toEqual(['uuid', 'uuid', 'uuid', 'uuid']);
    // Its CHECK, on the column's text, is read back as the contract says it.
    const readBuyer = readBack.contract.schema[0]!.properties[1]!;
    expect([readBuyer.enum, readBuyer.extensions?.logicalTypeOptions]).toEqual([
      [id],
      { format: 'uuid', pattern: '^[0-9a-f-]+$', maxLength: 36 },
    ]);
  });

  it('makes a string whose physicalType is uuid or UNIQUEIDENTIFIER a uuid column without its format, so it survives SQL and back', async () => {
    const mesh = productServingTable('claims', [
      field('claim_id', 'string', { physicalType: 'uuid', required: true, primaryKey: true }),
      field('handler_id', 'string', { physicalType: 'UNIQUEIDENTIFIER' }),
      field('policy_ref', 'string', { physicalType: 'uuid', ...options({ pattern: '^[0-9a-f-]+$' }) }),
    ]);
    const files = sqlFiles(mesh);
    const lines = files.flatMap((file) => String(file.content).split('\n'));
    const lineOf = (column: string) => lines.find((line) => line.startsWith(`  "${column}" `));
    expect(lineOf('claim_id')).toBe('  "claim_id" uuid NOT NULL,');
    expect(lineOf('handler_id')).toBe('  "handler_id" uuid, -- physicalType UNIQUEIDENTIFIER as uuid: both hold uuids');
    expect(lineOf('policy_ref')).toBe('  "policy_ref" uuid,');
    await emptyDatabase(db);
    await runFiles(db, files);
    const id = '0e4ac7f2-3c1b-4e57-9d2a-6f1b2c3d4e5f';
    await db.exec(`INSERT INTO p.claims VALUES ('${id}', '${id}', '${id}')`);
    await expect(db.exec(`INSERT INTO p.claims (claim_id) VALUES ('CLM-1')`)).rejects.toThrow(/uuid/);
    const readBack = importContractSource('p.sql', String(files[0]!.content));
    if (!readBack.ok) throw new Error(JSON.stringify(readBack.errors));
    expect(readBack.contract.schema[0]!.properties.map((property) => property.physicalType)).toEqual([
      'UUID',
      'UUID',
      'UUID',
    ]);
  });

  it('notes on a column’s line the physicalType its type was not taken from, and why, in DDL that still runs', async () => {
    const mesh = productServingTable('fittings', [
      field('id', 'integer', { physicalType: 'int4', required: true, primaryKey: true }),
      field('fitted_on', 'date', { physicalType: 'varchar(8)' }),
      field('gain', 'integer', { physicalType: 'NUMERIC(7,5)' }),
      field('side', 'string', { physicalType: 'char(4)' }),
      field('price', 'number', { physicalType: 'DECIMAL(14, 2)' }),
      field('label', 'string', { physicalType: 'VARCHAR(20)', ...options({ maxLength: 12 }) }),
      field('notes', 'string', { physicalType: 'varchar(-3)' }),
    ]);
    const files = sqlFiles(mesh);
    const lines = files.flatMap((file) => String(file.content).split('\n'));
    const lineOf = (column: string) => lines.find((line) => line.startsWith(`  "${column}" `));
    expect(lineOf('id')).toBe('  "id" integer NOT NULL,');
    expect(lineOf('price')).toBe('  "price" numeric(14,2),');
    expect(lineOf('fitted_on')).toBe(
      '  "fitted_on" date, -- physicalType varchar(8) holds text: the column takes logicalType date\'s type',
    );
    expect(lineOf('gain')).toBe(
      '  "gain" bigint, -- physicalType NUMERIC(7,5) holds numbers: the column takes logicalType integer\'s type',
    );
    expect(lineOf('side')).toBe(
      '  "side" varchar(4), -- physicalType char(4) as varchar(4): char pads shorter text with blanks the product did not write',
    );
    expect(lineOf('label')).toBe('  "label" varchar(12), -- physicalType VARCHAR(20) as varchar(12): maxLength is 12');
    expect(lineOf('notes')).toBe(
      '  "notes" text, -- physicalType varchar(-3) declares an invalid size: the column takes logicalType string\'s type',
    );
    await emptyDatabase(db);
    await runFiles(db, files);
  });

  it('warns of a physicalType past PostgreSQL’s limits, naming the property, the type and what the DDL writes instead', () => {
    const mesh = productServingTable('settlements', [
      field('settlement_id', 'integer', { required: true, primaryKey: true }),
      field('amount', 'number', { physicalType: 'decimal(1200,2)' }),
      field('notes', 'string', { physicalType: 'varchar(20000000)' }),
      field('memo', 'string', { physicalType: 'varchar(20000000)', ...options({ maxLength: 500 }) }),
      field('net', 'number', { physicalType: 'numeric(1000,2)' }),
    ]);
    const result = sqlTarget.files(mesh, WHOLE_MESH);
    expect(result.ok && result.warnings).toEqual([
      cautionAt(
        1,
        "the physicalType 'decimal(1200,2)' of 'amount' in contract 'settlements' is past PostgreSQL's limits (numeric takes 1 to 1000 digits, no more of them decimals): column 'amount' of table 'settlements' is numeric",
      ),
      cautionAt(
        2,
        "the physicalType 'varchar(20000000)' of 'notes' in contract 'settlements' is past PostgreSQL's limits (varchar takes 1 to 10485760 characters): column 'notes' of table 'settlements' is text",
      ),
      cautionAt(
        3,
        "the physicalType 'varchar(20000000)' of 'memo' in contract 'settlements' is past PostgreSQL's limits (varchar takes 1 to 10485760 characters): column 'memo' of table 'settlements' is varchar(500)",
      ),
    ]);
  });

  describe('checks what the contract says of each column’s values, as the DDL import reads it back', () => {
    const mesh = productServingTable('draws', [
      field('draw_id', 'integer', { required: true, primaryKey: true }),
      field('status', 'string', { enum: ['scheduled', 'drawn', "o'clock"], required: true }),
      field('balls', 'integer', { enum: [5, 6, 7] }),
      field('jackpot', 'integer', options({ minimum: 0, maximum: 999999999999 })),
      field('odds', 'number', options({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
      field('game', 'string', options({ minLength: 2, maxLength: 8, pattern: '^[A-Z][A-Z0-9]*$' })),
      field('is_live', 'boolean', { enum: [true] }),
      field('note', 'string', options({ pattern: '^.+$' })),
      field('drawn_on', 'date', { enum: ['2024-01-01'] }),
    ]);
    const valid = { status: "'drawn'", balls: '6', jackpot: '0', odds: '0.5', game: "'LOTO6'", is_live: 'true' };

    beforeAll(async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(mesh));
    });

    it.each([
      ['status', "'lost'", 'draws_status_check'],
      ['balls', '8', 'draws_balls_check'],
      ['jackpot', '-1', 'draws_jackpot_check'],
      ['jackpot', '1000000000000', 'draws_jackpot_check'],
      ['odds', '0', 'draws_odds_check'],
      ['odds', '1', 'draws_odds_check'],
      ['game', "'L'", 'draws_game_check'],
      ['game', "'loto'", 'draws_game_check'],
      ['is_live', 'false', 'draws_is_live_check'],
    ])('refuses a row whose %s is %s, breaking %s', async (column, value, constraint) => {
      const row = { ...valid, [column]: value };
      await expect(
        db.exec(
          `INSERT INTO p.draws (draw_id, ${Object.keys(row).join(', ')}) VALUES (1, ${Object.values(row).join(', ')})`,
        ),
      ).rejects.toThrow(`violates check constraint "${constraint}"`);
    });

    it('takes a row that keeps the contract, and NULL in an optional column', async () => {
      await db.exec(
        `INSERT INTO p.draws (draw_id, ${Object.keys(valid).join(', ')}) VALUES (1, ${Object.values(valid).join(', ')})`,
      );
      await db.exec(`INSERT INTO p.draws (draw_id, status, note) VALUES (2, 'o''clock', '')`);
      expect((await db.query('SELECT count(*)::int AS n FROM p.draws')).rows).toEqual([{ n: 2 }]);
    });

    it('leaves out, and warns of, a pattern PostgreSQL reads otherwise than ECMAScript', () => {
      const result = sqlTarget.files(mesh, WHOLE_MESH);
      expect(result.ok && result.warnings).toEqual([
        cautionAt(
          7,
          "the pattern of 'note' in contract 'draws' is not in the CHECK of table 'draws': . matches a line break in PostgreSQL, not in ECMAScript",
        ),
      ]);
    });

    it('round-trips: the DDL imported gives the allowed values, bounds, lengths and pattern it checks', () => {
      const ddl = String(sqlFiles(mesh)[0]!.content);
      const imported = importContractSource('p.sql', ddl);
      if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
      const properties = new Map(imported.contract.schema[0]!.properties.map((field) => [field.name, field]));
      expect(properties.get('status')!.enum).toEqual(['scheduled', 'drawn', "o'clock"]);
      expect(properties.get('balls')!.enum).toEqual([5, 6, 7]);
      const optionsOf = (name: string) => properties.get(name)!.extensions?.logicalTypeOptions;
      expect(optionsOf('jackpot')).toEqual({ minimum: 0, maximum: 999999999999 });
      expect(optionsOf('odds')).toEqual({ exclusiveMinimum: 0, exclusiveMaximum: 1 });
      expect(optionsOf('game')).toEqual({ minLength: 2, maxLength: 8, pattern: '^[A-Z][A-Z0-9]*$' });
    });
  });

  describe('an object, map or array column: its jsonb holds that shape of JSON value, as the contract says', () => {
    const vehicles = contractFromYaml(`apiVersion: v3.2.0
kind: DataContract
id: vehicles
version: 1.0.0
status: draft
schema:
  - name: vehicles
    properties:
      - name: vin
        logicalType: string
        required: true
        primaryKey: true
      - name: specs
        logicalType: object
        properties:
          - name: fuel
            logicalType: string
      - name: sensors
        logicalType: map
        map:
          key:
            logicalType: string
          value:
            logicalType: number
      - name: features
        logicalType: array
        items:
          logicalType: string
`);
    const mesh = { ...productServingTable('vehicles', []), contracts: [vehicles] };

    beforeAll(async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(mesh));
    });

    it.each([
      ['specs', `'[1, 2]'`, 'vehicles_specs_check'],
      ['specs', `'"petrol"'`, 'vehicles_specs_check'],
      ['sensors', `'[]'`, 'vehicles_sensors_check'],
      ['features', `'{"gps": true}'`, 'vehicles_features_check'],
      ['features', `'"gps"'`, 'vehicles_features_check'],
    ])('refuses a row whose %s is %s, breaking %s', async (column, value, constraint) => {
      await expect(db.exec(`INSERT INTO p.vehicles (vin, ${column}) VALUES ('V1', ${value})`)).rejects.toThrow(
        `violates check constraint "${constraint}"`,
      );
    });

    it('takes documents of the shape the contract says, and NULL in an optional column', async () => {
      await db.exec(
        `INSERT INTO p.vehicles (vin, specs, sensors, features) VALUES
           ('V1', '{"fuel": "petrol"}', '{"tyre_fl": 2.4}', '["gps"]'),
           ('V2', NULL, NULL, NULL)`,
      );
      expect((await db.query('SELECT vin FROM p.vehicles ORDER BY 1')).rows).toEqual([{ vin: 'V1' }, { vin: 'V2' }]);
    });

    it('round-trips: the DDL imported reads the array column as an array, the others as objects, with no note', () => {
      const imported = importContractSource('p.sql', String(sqlFiles(mesh)[0]!.content));
      if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
      const vehiclesTable = imported.contract.schema[0]!;
      expect(vehiclesTable.properties.map((property) => [property.name, property.logicalType])).toEqual([
        ['vin', 'string'],
        ['specs', 'object'],
        ['sensors', 'object'],
        ['features', 'array'],
      ]);
      expect(vehiclesTable.quality ?? []).toEqual([]);
      expect(imported.notes.filter((note) => note.message.includes('jsonb_typeof'))).toEqual([]);
    });
  });

  describe("inside a jsonb column: the fields an object requires, the count and type of an array's items", () => {
    const vehiclesYaml = `apiVersion: v3.2.0
kind: DataContract
id: vehicles
version: 1.0.0
status: draft
schema:
  - name: vehicles
    properties:
      - name: vin
        logicalType: string
        required: true
        primaryKey: true
      - name: specs
        logicalType: object
        properties:
          - name: fuel
            logicalType: string
            required: true
          - name: engine
            logicalType: object
            properties:
              - name: power_kw
                logicalType: number
      - name: tags
        logicalType: array
        logicalTypeOptions:
          minItems: 1
          maxItems: 3
        items:
          logicalType: string
      - name: seat_counts
        logicalType: array
        items:
          logicalType: integer
          required: true
      - name: sensors
        logicalType: map
        map:
          key:
            logicalType: string
          value:
            logicalType: number
`;
    const vehicles = contractFromYaml(vehiclesYaml);
    const mesh = { ...productServingTable('vehicles', []), contracts: [vehicles] };

    beforeAll(async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(mesh));
    });

    it.each([
      ['specs', `'{"engine": {}}'`],
      ['specs', `'{"fuel": null}'`],
      ['tags', `'["a", "b", "c", "d"]'`],
      ['tags', `'[]'`],
      ['tags', `'[1, 2]'`],
      ['seat_counts', `'[2, 2.5]'`],
      ['seat_counts', `'[2, null]'`],
      ['seat_counts', `'["2"]'`],
      ['sensors', `'{"tyre_fl": "high"}'`],
    ])('refuses a row whose %s is %s', async (column, value) => {
      await expect(db.exec(`INSERT INTO p.vehicles (vin, ${column}) VALUES ('V1', ${value})`)).rejects.toThrow(
        `violates check constraint "vehicles_${column}_check"`,
      );
    });

    it('takes the documents the contract allows: optional fields left out, optional items null, NULL columns', async () => {
      await db.exec(
        `INSERT INTO p.vehicles (vin, specs, tags, seat_counts, sensors) VALUES
           ('V1', '{"fuel": "petrol"}', '["a", "b", "c"]', '[2, 5]', '{"tyre_fl": 2.4}'),
           ('V2', '{"fuel": "diesel", "engine": {}}', '["a", null]', '[]', '{}'),
           ('V3', NULL, NULL, NULL, NULL)`,
      );
      expect((await db.query('SELECT vin FROM p.vehicles ORDER BY 1')).rows).toEqual([
        { vin: 'V1' },
        { vin: 'V2' },
        { vin: 'V3' },
      ]);
    });

    it('round-trips: the DDL import reads the array bounds back, and keeps no rule or note of the rest', () => {
      const imported = importContractSource('p.sql', String(sqlFiles(mesh)[0]!.content));
      if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
      const vehiclesTable = imported.contract.schema[0]!;
      expect(
        vehiclesTable.properties.map((property) => [
          property.name,
          property.logicalType,
          property.extensions?.logicalTypeOptions,
        ]),
      ).toEqual([
        ['vin', 'string', undefined],
        ['specs', 'object', undefined],
        ['tags', 'array', { minItems: 1, maxItems: 3 }],
        ['seat_counts', 'array', undefined],
        ['sensors', 'object', undefined],
      ]);
      expect(vehiclesTable.quality ?? []).toEqual([]);
      expect(imported.notes.filter((note) => note.path.startsWith('vehicles'))).toEqual([]);
    });

    it('migrates a changed maxItems as any CHECK: dropped, added NOT VALID, validated once the rows keep it', () => {
      const fewerTags = contractFromYaml(vehiclesYaml.replace('maxItems: 3', 'maxItems: 2'));
      const changes = sqlFiles({ ...mesh, contracts: [fewerTags] }, mesh).find((file) =>
        file.path.endsWith('.changes.sql'),
      );
      expect(String(changes?.content)).toContain('DROP CONSTRAINT IF EXISTS "vehicles_tags_check"');
      expect(String(changes?.content)).toContain('jsonb_array_length("tags") <= 2');
      expect(String(changes?.content)).toContain('NOT VALID');
    });
  });

  describe('an array whose items are unique (uniqueItems: true), checked by a function the CHECK calls', () => {
    const tagsYaml = (tagOptions: string) => `apiVersion: v3.2.0
kind: DataContract
id: vehicles
name: vehicles
version: 1.0.0
status: draft
schema:
  - name: vehicles
    properties:
      - name: vin
        logicalType: string
        required: true
        primaryKey: true
      - name: tags
        logicalType: array${tagOptions}
`;
    const meshWith = (tagOptions: string) => ({
      ...productServingTable('vehicles', []),
      contracts: [contractFromYaml(tagsYaml(tagOptions))],
    });
    const unique = meshWith(`
        logicalTypeOptions:
          uniqueItems: true`);
    const anyItems = meshWith('');
    const ddlOf = (mesh: Mesh) => String(sqlFiles(mesh)[0]!.content);

    it('refuses an array that holds an item twice (and a document that is no array), and takes one whose items differ, or NULL', async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(unique));
      await db.exec(`INSERT INTO p.vehicles (vin, tags) VALUES ('V1', '["a", "b"]'), ('V2', NULL), ('V3', '[]')`);
      for (const twice of [`'["a", "a"]'`, `'[{"k": 1}, {"k": 1}]'`, `'{"k": 1}'`])
        await expect(db.exec(`INSERT INTO p.vehicles (vin, tags) VALUES ('V4', ${twice})`)).rejects.toThrow(
          'violates check constraint "vehicles_tags_check"',
        );
      expect((await db.query('SELECT vin FROM p.vehicles ORDER BY 1')).rows).toHaveLength(3);
    });

    it('writes the function once per schema, before the tables, only where a column needs it', () => {
      const ddl = ddlOf(unique);
      const created =
        'CREATE OR REPLACE FUNCTION "p"."jsonb_items_unique"(doc jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE';
      expect(ddl.split(created)).toHaveLength(2);
      expect(ddl.indexOf(created)).toBeLessThan(ddl.indexOf('CREATE TABLE'));
      expect(ddl).toContain('"p"."jsonb_items_unique"("tags")');
      expect(ddlOf(anyItems)).not.toContain('jsonb_items_unique');
    });

    it('migrates uniqueItems added as any CHECK: the function first, the CHECK added NOT VALID, then validated', async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(unique));
      const expected = await schemaOf(db, ['p']);
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(anyItems));
      await db.exec(`INSERT INTO p.vehicles (vin, tags) VALUES ('V1', '["a", "b"]'), ('V2', NULL)`);
      const migration = String(sqlFiles(unique, anyItems).find((file) => file.path.endsWith('.changes.sql'))?.content);
      expect(migration.indexOf('CREATE OR REPLACE FUNCTION "p"."jsonb_items_unique"')).toBeLessThan(
        migration.indexOf('ADD CONSTRAINT "vehicles_tags_check"'),
      );
      expect(migration).toContain('NOT VALID');
      expect(await warningsOf(migration)).toEqual([]);
      expect(await schemaOf(db, ['p'])).toEqual(expected);
      await expect(db.exec(`INSERT INTO p.vehicles (vin, tags) VALUES ('V3', '["a", "a"]')`)).rejects.toThrow(
        'violates check constraint "vehicles_tags_check"',
      );
    });

    it('round-trips: the DDL import reads uniqueItems back, without a note of the function, and exports the same DDL', () => {
      const imported = importContractSource('vehicles.sql', ddlOf(unique));
      if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
      const [tags] = imported.contract.schema[0]!.properties.slice(1);
      expect(tags?.logicalType).toBe('array');
      expect(tags?.extensions?.logicalTypeOptions).toEqual({ uniqueItems: true });
      expect(imported.contract.schema[0]!.quality ?? []).toEqual([]);
      expect(imported.notes).toEqual([]);
      expect(ddlOf({ ...unique, contracts: [imported.contract] })).toBe(ddlOf(unique));
    });

    it('reads uniqueItems from the CHECK as PostgreSQL writes it back (pg_dump), the function let go without a note', async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(unique));
      const { rows } = await db.query<{ definition: string }>(
        `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'vehicles_tags_check'`,
      );
      const dump = `CREATE FUNCTION p.jsonb_items_unique(doc jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT count(DISTINCT item) = count(*) FROM jsonb_array_elements(doc) AS item $$;
CREATE TABLE p.vehicles (
    vin text NOT NULL,
    tags jsonb,
    CONSTRAINT vehicles_tags_check ${rows[0]!.definition}
);`;
      expect(dump).toContain('p.jsonb_items_unique(tags)');
      const imported = importContractSource('vehicles.sql', dump);
      if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
      const tags = imported.contract.schema[0]!.properties[1];
      expect([tags?.logicalType, tags?.extensions?.logicalTypeOptions]).toEqual(['array', { uniqueItems: true }]);
      expect(imported.notes).toEqual([]);
    });
  });

  describe('allowed values that list null, which required: false already says', () => {
    const titles = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: titles
version: 1.0.0
status: draft
schema:
  - name: titles
    properties:
      - name: title_id
        logicalType: integer
        required: true
        primaryKey: true
${stringWithValidValues('rating', '[G, PG, ~]')}`);
    const mesh = { ...productServingTable('titles', []), contracts: [titles] };

    beforeAll(async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(mesh));
    });

    it('checks the other values, and takes NULL as any CHECK does', async () => {
      expect(String(sqlFiles(mesh)[0]!.content)).toContain(
        `CONSTRAINT "titles_rating_check" CHECK ("rating" IN ('G', 'PG'))`,
      );
      await db.exec(`INSERT INTO p.titles (title_id, rating) VALUES (1, 'G'), (2, NULL)`);
      await expect(db.exec(`INSERT INTO p.titles (title_id, rating) VALUES (3, 'X')`)).rejects.toThrow(
        'violates check constraint "titles_rating_check"',
      );
      expect((await db.query('SELECT title_id FROM p.titles ORDER BY 1')).rows).toEqual([
        { title_id: 1 },
        { title_id: 2 },
      ]);
    });
  });

  describe('relationships: a FOREIGN KEY within a product, a comment across products', () => {
    const lots = field('lot_id', 'string', { physicalType: 'varchar(16)', required: true, primaryKey: true });
    const lotReference = (extra: Partial<ContractProperty> = {}) =>
      field('lot_id', 'string', {
        physicalType: 'varchar(16)',
        extensions: { relationships: [{ type: 'foreignKey', to: 'harvest_lots.lot_id' }] },
        ...extra,
      });
    /** Product `harvest` serving lots and their pack-outs; product `shipping` serving shipments of lots. */
    const orchard = (packOutLot: ContractProperty, lotProperties: ContractProperty[] = [lots]) =>
      aMesh()
        .withDomain('d')
        .withContract('harvest', {
          schema: [
            { name: 'harvest_lots', properties: lotProperties },
            {
              name: 'pack_outs',
              properties: [field('pack_out_id', 'integer', { required: true, primaryKey: true }), packOutLot],
            },
          ],
        })
        .withContract('shipments', {
          schema: [
            {
              name: 'shipments',
              properties: [field('shipment_id', 'integer', { required: true, primaryKey: true }), lotReference()],
            },
          ],
        })
        .withProduct('harvest', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'harvest' })] })
        .withProduct('shipping', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'shipments' })] })
        .build();
    const [unrelated, related] = [orchard(lotReference({ extensions: {} })), orchard(lotReference())];
    const isValidated = async () =>
      (
        await db.query<{ convalidated: boolean }>(
          `SELECT convalidated FROM pg_constraint WHERE conname = 'pack_outs_lot_id_fkey'`,
        )
      ).rows[0]?.convalidated;

    it('refuses a pack-out of a lot its product does not have, and takes one of a lot it has', async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(related));
      await db.exec(`INSERT INTO harvest.harvest_lots VALUES ('L1'); INSERT INTO harvest.pack_outs VALUES (1, 'L1')`);
      await expect(db.exec(`INSERT INTO harvest.pack_outs VALUES (2, 'NOPE')`)).rejects.toThrow(
        'violates foreign key constraint "pack_outs_lot_id_fkey"',
      );
    });

    it('names a relationship to another product’s table in a comment, and writes no constraint across products', () => {
      const shipping = String(sqlFiles(related).find((file) => file.path === 'sql/shipping.sql')?.content);
      expect(shipping).toContain(
        `-- "shipping"."shipments" ("lot_id") references "harvest"."harvest_lots" ("lot_id") of data product 'harvest': no FOREIGN KEY across data products, which deploy on their own`,
      );
      expect(shipping).not.toContain('REFERENCES');
    });

    it('writes a comment instead where PostgreSQL could not hold the key: the column referenced is neither key nor unique', async () => {
      const mesh = productServingTable('lots', [
        field('lot_id', 'string', { required: true, primaryKey: true }),
        field('grower_id', 'string'),
        field('parent_grower', 'string', { extensions: { relationships: [{ to: 'lots.grower_id' }] } }),
      ]);
      const [file] = sqlFiles(mesh);
      expect(String(file?.content)).toContain(
        `-- "p"."lots" ("parent_grower") references "p"."lots" ("grower_id"): no FOREIGN KEY, as "grower_id" is neither the key of "lots" nor unique`,
      );
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(mesh));
    });

    it('keys a composite relationship of a schema object pairwise, from and to', async () => {
      const mesh = aMesh()
        .withDomain('d')
        .withContract('bins', {
          schema: [
            {
              name: 'blocks',
              properties: [
                field('farm', 'string', { required: true, primaryKey: true }),
                field('block', 'integer', { required: true, primaryKey: true }),
              ],
            },
            {
              name: 'bins',
              properties: [
                field('bin_id', 'integer', { required: true, primaryKey: true }),
                field('farm', 'string'),
                field('block', 'integer'),
              ],
              extensions: {
                relationships: [
                  { type: 'foreignKey', from: ['bins.farm', 'bins.block'], to: ['blocks.farm', 'blocks.block'] },
                ],
              },
            },
          ],
        })
        .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'bins' })] })
        .build();
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(mesh));
      await db.exec(`INSERT INTO p.blocks VALUES ('F1', 1); INSERT INTO p.bins VALUES (1, 'F1', 1), (2, NULL, 7)`);
      await expect(db.exec(`INSERT INTO p.bins VALUES (3, 'F1', 2)`)).rejects.toThrow(
        'violates foreign key constraint "bins_farm_block_fkey"',
      );
    });

    it('adds it in a migration NOT VALID, and validates it once no stored pack-out names a missing lot', async () => {
      const migration = String(
        sqlFiles(related, unrelated).find((file) => file.path === 'sql/harvest.changes.sql')?.content,
      );
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(unrelated));
      await db.exec(`INSERT INTO harvest.harvest_lots VALUES ('L1'); INSERT INTO harvest.pack_outs VALUES (1, 'NOPE')`);
      const [warning] = await warningsOf(migration);
      expect(warning).toContain('some rows break the FOREIGN KEY "pack_outs_lot_id_fkey"');
      expect(await isValidated()).toBe(false);
      await expect(db.exec(`INSERT INTO harvest.pack_outs VALUES (2, 'NOPE')`)).rejects.toThrow('foreign key');
      await db.exec(`DELETE FROM harvest.pack_outs`);
      await db.exec(String(warning?.split(', then run ')[1]));
      expect(await isValidated()).toBe(true);
      // Once validated, the tables are exactly the current design's.
      const migrated = await schemaOf(db, ['harvest']);
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(related));
      expect(migrated).toEqual(await schemaOf(db, ['harvest']));
      // On empty tables it is validated at once; the way back drops it.
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(unrelated));
      expect(await warningsOf(migration)).toEqual([]);
      expect(await isValidated()).toBe(true);
      await runFiles(
        db,
        sqlFiles(unrelated, related).filter((file) => file.path.endsWith('.changes.sql')),
      );
      expect(await isValidated()).toBeUndefined();
    });

    const asInteger = { logicalType: 'integer' as const, physicalType: 'integer' };
    it.each([
      {
        // lot_id stays unique, so the pack-outs still reference it.
        change: 're-keys the referenced table (new key lot_code)',
        next: orchard(lotReference(), [
          field('lot_code', 'string', { required: true, primaryKey: true }),
          { ...lots, primaryKey: false, unique: true },
        ]),
      },
      {
        change: 'retypes the referenced key and the column referring to it',
        next: orchard(lotReference(asInteger), [{ ...lots, ...asInteger }]),
      },
    ])('drops a foreign key first and adds it again after when a migration $change', async ({ next }) => {
      const migration = String(
        sqlFiles(next, related).find((file) => file.path === 'sql/harvest.changes.sql')?.content,
      );
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(related));
      await expect(warningsOf(migration)).resolves.toEqual([]);
      expect(await isValidated()).toBe(true);
      const migrated = await schemaOf(db, ['harvest']);
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(next));
      expect(migrated).toEqual(await schemaOf(db, ['harvest']));
    });
  });

  it('refuses, naming both, names PostgreSQL would give two tables, indexes or columns of one schema', async () => {
    const property = (name: string, extra: Partial<ContractProperty> = {}): ContractProperty => ({
      name,
      logicalType: 'string',
      required: false,
      unique: false,
      primaryKey: false,
      ...extra,
    });
    const clashing = aMesh()
      .withDomain('d')
      .withContract('accounts', {
        schema: [
          {
            name: 'user',
            properties: [property('id', { primaryKey: true, required: true }), property('group_id', { unique: true })],
          },
          { name: 'user_group', properties: [property('id', { unique: true })] },
          { name: 'user_pkey', properties: [property('id'), property('id')] },
        ],
      })
      .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'accounts' })] })
      .build();
    const result = sqlTarget.files(clashing, WHOLE_MESH);
    expect(result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      "products[0]: data product 'p': 'user_group_id_key' would name both the unique constraint on 'user'.'group_id' and the unique constraint on 'user_group'.'id'",
      "products[0]: data product 'p': 'user_pkey' would name both the primary key of 'user' and table 'user_pkey' of contract 'accounts'",
      "products[0]: data product 'p': 'user_pkey' has two properties named 'id'",
    ]);
    // Without the clashes, the same tables run.
    const contract = clashing.contracts[0]!;
    const renamed = contractOf({
      ...contract,
      schema: [contract.schema[0]!, { name: 'groups', properties: [property('id', { unique: true })] }],
    });
    await emptyDatabase(db);
    await runFiles(db, sqlFiles({ ...clashing, contracts: [renamed] }));
    expect((await tablesIn(db)).map((table) => table.table_name)).toEqual(['groups', 'user']);
  });

  it('migrates fields from every logical type to every other one, on PostgreSQL', async () => {
    const types = [
      'string',
      'date',
      'timestamp',
      'zoneless timestamp',
      'time',
      'number',
      'integer',
      'boolean',
      'object',
      'uuid',
    ] as const;
    const typeFields = (type: (typeof types)[number]) => {
      if (type === 'zoneless timestamp') return { logicalType: 'timestamp' as const, ...options({ timezone: false }) };
      return type === 'uuid'
        ? { logicalType: 'string' as const, ...options({ format: 'uuid' }) }
        : { logicalType: type };
    };
    const changes = types.flatMap((from) => types.filter((to) => to !== from).map((to) => ({ from, to })));
    const withFields = (typeOf: (change: (typeof changes)[number]) => (typeof types)[number]) =>
      aMesh()
        .withDomain('d')
        .withContract('c', {
          schema: [
            {
              name: 'records',
              properties: [
                { name: 'id', logicalType: 'string', required: true, unique: true, primaryKey: true },
                ...changes.map((change) => ({
                  name: `${change.from} to ${change.to}`,
                  ...typeFields(typeOf(change)),
                  required: false,
                  unique: false,
                  primaryKey: false,
                })),
              ],
            },
          ],
        })
        .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'c' })] })
        .build();
    const saved = withFields(({ from }) => from);
    const migration = sqlFiles(
      withFields(({ to }) => to),
      saved,
    ).filter((file) => file.path.endsWith('.changes.sql'));
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(saved));
    await runFiles(db, migration);
    const columns = await db.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'p' AND column_name LIKE '% to %'`,
    );
    expect(columns.rows).toHaveLength(changes.length);
  });

  describe('a key column, which holds no null whether or not it says required: true', () => {
    /** Product `p` serving `permits`, which keeps history, keyed by `id`, required as `isRequired` says. */
    const permits = (isRequired: boolean) =>
      productServingHistory('permits', [
        field('id', 'string', { primaryKey: true, required: isRequired }),
        field('holder', 'string'),
      ]);
    const isNullable = async (table: string) =>
      (
        await db.query<{ is_nullable: string }>(
          `SELECT is_nullable FROM information_schema.columns WHERE table_schema = 'p' AND table_name = $1 AND column_name = 'id'`,
          [table],
        )
      ).rows[0]?.is_nullable;

    it('is NOT NULL in the table and in its history, which refuses a version without a key', async () => {
      const files = sqlFiles(permits(false));
      const ddl = files.map((file) => String(file.content)).join('\n');
      expect(ddl.match(/"id" text NOT NULL/g)).toHaveLength(2);
      await emptyDatabase(db);
      await runFiles(db, files);

      expect([await isNullable('permits'), await isNullable('permits_history')]).toEqual(['NO', 'NO']);
      await expect(db.exec(`INSERT INTO p.permits_history VALUES (NULL, 'Ann', now(), NULL, true)`)).rejects.toThrow(
        /null value in column "id"/,
      );
    });

    it('is no change when it stops saying required: true: the migration drops no NOT NULL', () => {
      const migration = sqlFiles(permits(false), permits(true)).find((file) => file.path.endsWith('.changes.sql'));

      expect(String(migration?.content ?? '')).not.toMatch(/DROP NOT NULL/);
    });
  });

  it.each([
    {
      change: 'a key column no longer required',
      saved: { key: { a: true, b: false }, required: { a: true, b: false } },
      current: { key: { a: true, b: false }, required: { a: false, b: false } },
    },
    {
      change: 'a column, never required, leaving the key',
      saved: { key: { a: true, b: true }, required: { a: true, b: false } },
      current: { key: { a: true, b: false }, required: { a: true, b: false } },
    },
    {
      change: 'a column, never required, joining the key',
      saved: { key: { a: true, b: false }, required: { a: true, b: false } },
      current: { key: { a: true, b: true }, required: { a: true, b: false } },
    },
  ])(
    'migrates $change to the current DDL: a key column NOT NULL in the table and its history, whether required or not',
    async ({ saved, current }) => {
      type Flags = { a: boolean; b: boolean };
      const keyed = ({ key, required }: { key: Flags; required: Flags }) =>
        aMesh()
          .withDomain('d')
          .withContract('c', {
            keepHistory: true,
            schema: [
              {
                name: 'records',
                properties: (['a', 'b'] as const).map((name) => ({
                  name,
                  logicalType: 'string' as const,
                  required: required[name],
                  unique: false,
                  primaryKey: key[name],
                })),
              },
            ],
          })
          .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'c' })] })
          .build();
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(keyed(current)));
      const expected = await schemaOf(db, ['p']);
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(keyed(saved)));
      await runFiles(
        db,
        sqlFiles(keyed(current), keyed(saved)).filter((file) => file.path.endsWith('.changes.sql')),
      );
      expect(await schemaOf(db, ['p'])).toEqual(expected);
    },
  );

  it('comments an added column, and a renamed one whose description changes, as the current DDL does', async () => {
    const vessels = (properties: ContractProperty[]) =>
      aMesh()
        .withDomain('d')
        .withContract('c', { keepHistory: true, schema: [{ name: 'vessels', properties }] })
        .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'c' })] })
        .build();
    const cfr = field('cfr', 'string', { required: true, primaryKey: true });
    const saved = vessels([cfr, field('skipper', 'string')]);
    const current = vessels([
      cfr,
      field('skipper_name', 'string', { description: 'Skipper on board' }),
      field('owner', 'string', { description: 'Registered owner', classification: 'restricted' }),
    ]);
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(current));
    const expected = await schemaOf(db, ['p']);
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(saved));
    await runFiles(
      db,
      sqlFiles(current, saved).filter((file) => file.path.endsWith('.changes.sql')),
    );
    expect(await schemaOf(db, ['p'])).toEqual(expected);
    expect(expected.comments.map((row) => (row as { comment: string }).comment)).toEqual([
      'Registered owner (classification: restricted)',
      'Skipper on board',
    ]);
  });

  describe('a table or column the migration drops', () => {
    /** Events of `catch` kept 10 years, in table `eventTable`, and vessels with history, with `owner_name` when asked. */
    const fishery = ({ eventTable, hasOwner }: { eventTable: string; hasOwner: boolean }) => {
      const cfr = field('cfr', 'string', { required: true, primaryKey: true });
      return aMesh()
        .withDomain('d')
        .withContract('catch', {
          kind: 'event',
          sla: [{ property: 'retention', value: 10, unit: 'y' }],
          schema: [{ name: eventTable, properties: [field('event_id', 'string', { required: true, unique: true })] }],
        })
        .withContract('vessels', {
          keepHistory: true,
          schema: [{ name: 'vessels', properties: [cfr, ...(hasOwner ? [field('owner_name', 'string')] : [])] }],
        })
        .withProduct('p', 'd', {
          outputPorts: [
            aPort('events', 'output', { contractId: 'catch' }),
            aPort('vessels', 'output', { contractId: 'vessels' }),
          ],
        })
        .build();
    };
    const saved = fishery({ eventTable: 'catch_reported', hasOwner: true });
    const current = fishery({ eventTable: 'quota_declared', hasOwner: false });
    const migration = () => String(sqlFiles(current, saved).find((file) => file.path === 'sql/p.changes.sql')?.content);
    const stored = async () =>
      (
        await db.query<{ count: number }>(
          'SELECT (SELECT count(*) FROM p.catch_reported) + (SELECT count(owner_name) FROM p.vessels) AS count',
        )
      ).rows[0]?.count;

    it('is refused while it holds rows: the migration rolls back, naming the count and what to do', async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(saved));
      await db.exec(`INSERT INTO p.catch_reported VALUES ('e1'), ('e2'); INSERT INTO p.vessels VALUES ('NOR1', 'Ola')`);
      await expect(runAsPsql(db, migration())).rejects.toThrow(
        /"p"."catch_reported" is dropped but holds 2 rows; .*stored events, immutable records.*promises to keep its data for 10 y \(its retention SLA\).*ALTER TABLE "p"."catch_reported" RENAME TO "catch_reported_retired";.*DROP TABLE "p"."catch_reported";/,
      );
      expect(await stored()).toBe(3);
      await db.exec('ALTER TABLE p.catch_reported RENAME TO catch_reported_retired');
      await expect(runAsPsql(db, migration())).rejects.toThrow(
        /"p"."vessels"."owner_name" is dropped but 1 rows hold a value in it; .*ALTER TABLE "p"."vessels" DROP COLUMN "owner_name";/,
      );
      expect((await tablesIn(db)).map((table) => table.table_name)).toEqual([
        'catch_reported_retired',
        'vessels',
        'vessels_history',
      ]);
      await db.exec('UPDATE p.vessels SET owner_name = NULL');
      await runAsPsql(db, migration());
      expect((await tablesIn(db)).map((table) => table.table_name)).toContain('catch_reported_retired');
    });

    it('runs on empty tables and columns, giving the current tables', async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(current));
      const expected = await schemaOf(db, ['p']);
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(saved));
      await db.exec(`INSERT INTO p.vessels VALUES ('NOR1', NULL)`);
      await runAsPsql(db, migration());
      expect(await schemaOf(db, ['p'])).toEqual(expected);
    });
  });

  it('migrates a product whose output ports serve no contract any more: its saved tables are dropped', async () => {
    const serving = (contractId?: string) =>
      aMesh()
        .withDomain('d')
        .withContract('c', { keepHistory: true })
        .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', contractId ? { contractId } : {})] })
        .build();
    const saved = serving('c');
    const files = sqlFiles(serving(), saved);
    expect(files.map((file) => file.path)).toEqual(['sql/p.changes.sql']);
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(saved));
    expect(await tablesIn(db)).toHaveLength(2);
    await runFiles(db, files);
    expect(await tablesIn(db)).toEqual([]);
  });

  it('says a product no longer serves a contract that is still in the design, and that a deleted contract was removed', () => {
    const design = (contracts: readonly string[], served: readonly string[]) => {
      const builder = aMesh().withDomain('d');
      for (const id of contracts) builder.withContract(id);
      return builder
        .withProduct('p', 'd', {
          outputPorts: served.map((contractId) => aPort(`out-${contractId}`, 'output', { contractId })),
        })
        .build();
    };
    const saved = design(['kept', 'deleted', 'served'], ['kept', 'deleted', 'served']);
    const [migration] = sqlFiles(design(['kept', 'served'], ['served']), saved).filter((file) =>
      file.path.endsWith('.changes.sql'),
    );
    const notes = String(migration?.content)
      .split('\n')
      .filter((line) => line.startsWith('-- breaking:'));
    expect(notes).toEqual(["-- breaking: no longer serves contract 'kept'", "-- breaking: contract 'deleted' removed"]);
  });

  describe('a product deleted from the design since it was saved', () => {
    /** Products `kept` (domain d) and `other` (domain e), and, when saved, `gone` (domain d) serving an event and an entity with history. */
    const design = ({ hasGone }: { hasGone: boolean }) => {
      const builder = aMesh()
        .withDomain('d')
        .withDomain('e')
        .withContract('k')
        .withContract('o', { kind: 'event' })
        .withContract('g-events', { kind: 'event' })
        .withContract('g-entities', { keepHistory: true })
        .withProduct('kept', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'k' })] })
        .withProduct('other', 'e', { outputPorts: [aPort('out', 'output', { contractId: 'o' })] });
      if (hasGone) {
        builder.withProduct('gone', 'd', {
          name: 'Gone',
          outputPorts: [
            aPort('events', 'output', { contractId: 'g-events' }),
            aPort('entities', 'output', { contractId: 'g-entities' }),
          ],
        });
      }
      return builder.build();
    };
    const saved = design({ hasGone: true });
    const current = design({ hasGone: false });
    const pathsOf = (scope: ExportScope) =>
      filesOf(sqlTarget.files(current, scope, { baseline: saved })).map((file) => file.path);

    it('gets a migration that drops its tables, each marked breaking, and leaves every other table as it was', async () => {
      const files = sqlFiles(current, saved);
      expect(files.map((file) => file.path)).toEqual(['sql/kept.sql', 'sql/other.sql', 'sql/gone.changes.sql']);
      const migration = String(files[2]?.content);
      expect(migration.split('\n').filter((line) => line.startsWith('-- breaking:'))).toEqual([
        "-- breaking: data product 'Gone' removed",
        "-- breaking: data product 'Gone' removed",
      ]);
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(saved));
      const others = await schemaOf(db, ['kept', 'other']);
      expect((await tablesIn(db)).filter((table) => table.table_schema === 'gone')).toHaveLength(3);
      await runFiles(
        db,
        files.filter((file) => file.path.endsWith('.changes.sql')),
      );
      expect((await tablesIn(db)).map((table) => `${table.table_schema}.${table.table_name}`)).toEqual([
        'kept.k',
        'other.o',
      ]);
      expect(await schemaOf(db, ['kept', 'other'])).toEqual(others);
    });

    it('is in a scoped export when its saved domain is: one domain, or a selected domain', () => {
      expect(pathsOf({ kind: 'domain', domainId: 'd' })).toEqual(['sql/kept.sql', 'sql/gone.changes.sql']);
      expect(pathsOf({ kind: 'selection', nodeIds: ['d'] })).toEqual(['sql/kept.sql', 'sql/gone.changes.sql']);
      expect(pathsOf({ kind: 'domain', domainId: 'e' })).toEqual(['sql/other.sql']);
      expect(pathsOf({ kind: 'selection', nodeIds: ['kept'] })).toEqual(['sql/kept.sql']);
    });
  });

  it('migrates an unseen design with breaking changes to exactly its current tables: a key column renamed, types changed, an entity become an event, a product serving nothing', async () => {
    const [saved, current] = [hospitalMesh('saved'), hospitalMesh('current')];
    const schemas = saved.products.map((product) => postgresName(product.id));
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(current));
    const expected = await schemaOf(db, schemas);
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(saved));
    await runFiles(
      db,
      sqlFiles(current, saved).filter((file) => file.path.endsWith('.changes.sql')),
    );
    expect(await schemaOf(db, schemas)).toEqual(expected);
  });

  describe('a migration run by psql -f on tables that hold rows', () => {
    /** Product `claims` serving contract `claims` (one schema object) and, when asked, an event contract. */
    const claimsDesign = ({
      objectName = 'claims',
      eventName,
      keepHistory = true,
      properties,
    }: {
      objectName?: string;
      eventName?: string;
      keepHistory?: boolean;
      properties: ContractProperty[];
    }) => {
      const builder = aMesh()
        .withDomain('d')
        .withContract('claims', { keepHistory, schema: [{ name: objectName, properties }] });
      if (eventName) {
        builder.withContract('filed', {
          kind: 'event',
          schema: [{ name: eventName, properties: [field('event_id', 'string', { required: true, unique: true })] }],
        });
      }
      return builder
        .withProduct('claims', 'd', {
          outputPorts: [
            aPort('out', 'output', { contractId: 'claims' }),
            ...(eventName ? [aPort('events', 'output', { contractId: 'filed' })] : []),
          ],
        })
        .build();
    };
    const savedFields = [
      field('claim_id', 'integer', { required: true, primaryKey: true }),
      field('policy_no', 'string', { required: true, unique: true }),
      field('filed_on', 'string'),
      field('note', 'string'),
      field('legacy_code', 'string'),
    ];
    const migrationOf = (current: Mesh, saved: Mesh) =>
      String(sqlFiles(current, saved).find((file) => file.path.endsWith('.changes.sql'))?.content);
    const withSampleRows = async (saved: Mesh) => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(saved));
      await db.exec(
        `INSERT INTO claims.claims VALUES (1, 'P-1', 'soon', 'first', 'x'), (2, 'P-2', '2024-01-31', NULL, 'y')`,
      );
      await db.exec(
        `INSERT INTO claims.claims_history VALUES (1, 'P-1', 'soon', 'first', 'x', now(), NULL, true), (2, 'P-2', '2024-01-31', NULL, 'y', now(), NULL, true)`,
      );
    };
    const nullability = async (column: string) =>
      (
        await db.query<{ is_nullable: string }>(
          `SELECT is_nullable FROM information_schema.columns WHERE table_schema = 'claims' AND table_name = 'claims' AND column_name = $1`,
          [column],
        )
      ).rows[0]?.is_nullable;

    it('keeps the rows when it drops an emptied history and field, renames fields and adds an optional one', async () => {
      const saved = claimsDesign({ properties: savedFields });
      const current = claimsDesign({
        keepHistory: false,
        properties: [...savedFields.slice(0, 3), field('claim_note', 'string'), field('currency', 'boolean')],
      });
      const migration = migrationOf(current, saved);
      expect(migration).toContain('-- assumed rename: claims.note → claim_note (similar names)');
      await withSampleRows(saved);
      await db.exec('DELETE FROM claims.claims_history; UPDATE claims.claims SET legacy_code = NULL');
      await runAsPsql(db, migration);
      const rows = await db.query('SELECT claim_id, claim_note, currency FROM claims.claims ORDER BY claim_id');
      expect(rows.rows).toEqual([
        { claim_id: 1, claim_note: 'first', currency: null },
        { claim_id: 2, claim_note: null, currency: null },
      ]);
    });

    it('drops a removed field and adds an unrelated one alike in type, rather than moving its values into it', async () => {
      const tiles = (extra: ContractProperty) =>
        claimsDesign({ keepHistory: false, properties: [savedFields[0]!, extra] });
      const saved = tiles(field('s3_uri', 'string', { required: true }));
      const current = tiles(field('sensor', 'string', { required: true }));
      const migration = migrationOf(current, saved);
      expect(migration).not.toContain('RENAME');
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(saved));
      await db.exec(`INSERT INTO claims.claims VALUES (1, 's3://tiles/1.tif')`);
      await expect(runAsPsql(db, migration)).rejects.toThrow(
        /"claims"\."claims"\."s3_uri" is dropped but 1 rows hold a value in it/,
      );
      expect((await db.query('SELECT * FROM claims.claims')).rows).toEqual([
        { claim_id: 1, s3_uri: 's3://tiles/1.tif' },
      ]);
      await db.exec('DELETE FROM claims.claims');
      await runAsPsql(db, migration);
      await db.exec(`INSERT INTO claims.claims VALUES (2, 'MSI-B')`);
      expect((await db.query('SELECT * FROM claims.claims')).rows).toEqual([{ claim_id: 2, sensor: 'MSI-B' }]);
    });

    it('moves no values when a removed field name fits more than one added field', async () => {
      const payments = (...extra: ContractProperty[]) =>
        claimsDesign({ keepHistory: false, properties: [savedFields[0]!, ...extra] });
      const saved = payments(field('amount', 'number'));
      const current = payments(field('amount_due', 'number'), field('amount_paid', 'number'));
      const migration = migrationOf(current, saved);
      expect(migration).not.toContain('RENAME');
      expect(migration).toContain(
        '-- breaking: claims.amount: field removed; amount_due, amount_paid: added — it may have been renamed to one of them',
      );
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(saved));
      await db.exec('INSERT INTO claims.claims VALUES (1, 120.5)');
      await expect(runAsPsql(db, migration)).rejects.toThrow(
        /"claims"\."claims"\."amount" is dropped but 1 rows hold a value in it; .*drop the column yourself \(ALTER TABLE "claims"\."claims" DROP COLUMN "amount";\) and run this file again/,
      );
      await db.exec('ALTER TABLE claims.claims DROP COLUMN amount');
      await runAsPsql(db, migration);
      expect((await db.query('SELECT * FROM claims.claims')).rows).toEqual([
        { claim_id: 1, amount_due: null, amount_paid: null },
      ]);
    });

    it('comments each classified column with its description and classification, and the migration updates it', async () => {
      const columnComment = async (column: string) =>
        (
          await db.query<{ comment: string | null }>(
            `SELECT col_description('claims.claims'::regclass, ordinal_position::int) AS comment FROM information_schema.columns WHERE table_schema = 'claims' AND table_name = 'claims' AND column_name = $1`,
            [column],
          )
        ).rows[0]?.comment;
      const classified = (changes: Record<string, Partial<ContractProperty>>) =>
        claimsDesign({ properties: savedFields.map((property) => ({ ...property, ...changes[property.name] })) });
      const policy = "The customer's policy";
      const saved = classified({ policy_no: { description: policy, classification: 'internal' } });
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(saved));
      expect(await columnComment('policy_no')).toBe("The customer's policy (classification: internal)");
      expect(await columnComment('note')).toBeNull();

      const current = classified({
        policy_no: { description: policy, classification: 'restricted' },
        note: { classification: 'confidential' },
      });
      await runAsPsql(db, migrationOf(current, saved));
      expect(await columnComment('policy_no')).toBe("The customer's policy (classification: restricted)");
      expect(await columnComment('note')).toBe('classification: confidential');
    });

    it('adds a required field NOT NULL to empty tables, and refuses it, naming the field and what to do, on tables with rows', async () => {
      const saved = claimsDesign({ properties: savedFields });
      const current = claimsDesign({ properties: [...savedFields, field('currency', 'string', { required: true })] });
      const migration = migrationOf(current, saved);
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(current));
      const expected = await schemaOf(db, ['claims']);
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(saved));
      await db.exec(migration);
      expect(await schemaOf(db, ['claims'])).toEqual(expected);
      expect(await nullability('currency')).toBe('NO');

      await withSampleRows(saved);
      await expect(runAsPsql(db, migration)).rejects.toThrow(
        /"claims"\."claims"\."currency" is required but 2 of its rows have no value; .*optional first, fill it/,
      );
      expect(await nullability('currency')).toBeUndefined();
    });

    it('refuses to make an optional field required while rows lack a value, and sets NOT NULL once they have one', async () => {
      const saved = claimsDesign({ properties: savedFields });
      const current = claimsDesign({
        properties: savedFields.map((property) =>
          property.name === 'note' ? { ...property, required: true } : property,
        ),
      });
      const migration = migrationOf(current, saved);
      await withSampleRows(saved);
      await expect(runAsPsql(db, migration)).rejects.toThrow(
        /"claims"\."claims"\."note" is required but 1 of its rows have no value; .*fill it in those rows.*SET NOT NULL/,
      );
      expect(await nullability('note')).toBe('YES');
      await db.exec(`UPDATE claims.claims SET note = 'none' WHERE note IS NULL`);
      await db.exec(`UPDATE claims.claims_history SET note = 'none' WHERE note IS NULL`);
      await runAsPsql(db, migration);
      expect(await nullability('note')).toBe('NO');
    });

    describe('a field made required on an event table, whose stored events cannot be updated', () => {
      /** The event contract with `channel` given attributes, and any fields more. */
      const filed = (channel: Partial<ContractProperty>, ...more: ContractProperty[]) =>
        aMesh()
          .withDomain('d')
          .withContract('filed', {
            kind: 'event',
            schema: [
              {
                name: 'claim_filed',
                properties: [
                  field('event_id', 'string', { required: true, unique: true }),
                  field('channel', 'string', channel),
                  ...more,
                ],
              },
            ],
          })
          .withProduct('claims', 'd', { outputPorts: [aPort('events', 'output', { contractId: 'filed' })] })
          .build();
      const migrationWithAnEvent = async (saved: Mesh, current: Mesh) => {
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(saved));
        await db.exec(`INSERT INTO claims.claim_filed (event_id) VALUES ('e-1')`);
        return migrationOf(current, saved);
      };
      const backfill =
        /stored events cannot be updated.*keep the field optional.*(BEGIN; ALTER TABLE "claims"\."claim_filed" DISABLE TRIGGER "claim_filed_append_only"; UPDATE .* COMMIT;) then run this file again/;

      it('refuses, and the backfill it shows lets the migration run', async () => {
        const migration = await migrationWithAnEvent(filed({}), filed({ required: true }));
        const refusal = await runAsPsql(db, migration).then(
          () => '',
          (error: Error) => error.message,
        );
        const statements = backfill.exec(refusal)?.[1];
        expect(statements, refusal).toBeDefined();
        await db.exec(String(statements).replace('…', `'web'`));
        await runAsPsql(db, migration);
        expect((await db.query('SELECT event_id, channel FROM claims.claim_filed')).rows).toEqual([
          { event_id: 'e-1', channel: 'web' },
        ]);
      });

      it('refuses an added required field, saying to release it as optional first', async () => {
        const migration = await migrationWithAnEvent(
          filed({}),
          filed({}, field('branch', 'string', { required: true })),
        );
        await expect(runAsPsql(db, migration)).rejects.toThrow(
          /stored events cannot be updated.*keep the field optional.*release it as optional first, then have the data owner fill it/,
        );
      });
    });

    describe('a CHECK the contract adds or changes', () => {
      /** Claims whose status and amount the contract may say more of. */
      const claimsChecked = (
        status: Partial<ContractProperty>,
        amount: Partial<ContractProperty>,
        objectName?: string,
      ) =>
        claimsDesign({
          objectName,
          properties: [
            field('claim_id', 'integer', { required: true, primaryKey: true }),
            field('status', 'string', status),
            field('amount', 'number', amount),
          ],
        });
      const unchecked = claimsChecked({}, {});
      const checked = claimsChecked({ enum: ['open', 'paid'] }, options({ minimum: 0 }));

      it('holds for new rows at once, and waits for the stored rows that break it, with the statement to run once corrected', async () => {
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(unchecked));
        await db.exec(`INSERT INTO claims.claims VALUES (1, 'open', 10), (2, 'lost', -5), (3, NULL, NULL)`);
        const migration = migrationOf(checked, unchecked);
        expect(migration).toContain('-- breaking: claims.status:');
        const warnings = await warningsOf(migration);
        expect(warnings).toEqual([
          expect.stringMatching(
            /^"claims"\."claims": some rows break the CHECK "claims_status_check" \("status" IN \('open', 'paid'\)\) the contract now makes: .* then run ALTER TABLE "claims"\."claims" VALIDATE CONSTRAINT "claims_status_check";$/,
          ),
          expect.stringMatching(
            /^"claims"\."claims": some rows break the CHECK "claims_amount_check" \("amount" >= 0\)/,
          ),
        ]);
        expect((await db.query('SELECT * FROM claims.claims ORDER BY claim_id')).rows).toHaveLength(3);
        await expect(db.exec(`INSERT INTO claims.claims VALUES (4, 'lost', 1)`)).rejects.toThrow(
          /violates check constraint "claims_status_check"/,
        );
        await expect(db.exec(`INSERT INTO claims.claims VALUES (4, 'open', -1)`)).rejects.toThrow(
          /violates check constraint "claims_amount_check"/,
        );
        // Once the rows are corrected, the statements the warnings name give exactly the current tables.
        await db.exec(`UPDATE claims.claims SET status = 'paid', amount = 5 WHERE claim_id = 2`);
        for (const warning of warnings) await db.exec(warning.split(', then run ')[1]!);
        const migrated = await schemaOf(db, ['claims']);
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(checked));
        expect(migrated).toEqual(await schemaOf(db, ['claims']));
      });

      it.each([
        { change: 'allowed values and a bound added', saved: unchecked, current: checked },
        { change: 'allowed values and bounds removed', saved: checked, current: unchecked },
        {
          change: 'allowed values and bounds changed',
          saved: checked,
          current: claimsChecked({ enum: ['open', 'paid', 'void'] }, options({ minimum: 0, maximum: 1000 })),
        },
        {
          change: 'the table renamed',
          saved: checked,
          current: claimsChecked({ enum: ['open', 'paid'] }, options({ minimum: 0 }), 'claim_records'),
        },
        {
          change: 'a checked column renamed and its type changed',
          saved: checked,
          current: claimsDesign({
            properties: [
              field('claim_id', 'integer', { required: true, primaryKey: true }),
              field('status', 'string', { enum: ['open', 'paid'], extensions: { physicalName: 'state' } }),
              field('amount', 'integer', options({ minimum: 0 })),
            ],
          }),
        },
      ])('migrates $change to exactly the current tables, keeping the rows', async ({ saved, current }) => {
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(current));
        const expected = await schemaOf(db, ['claims']);
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(saved));
        await db.exec(`INSERT INTO claims.claims VALUES (1, 'open', 10), (2, NULL, NULL)`);
        expect(await warningsOf(migrationOf(current, saved))).toEqual([]);
        expect(await schemaOf(db, ['claims'])).toEqual(expected);
      });
    });

    describe('adding a required field to the primary key', () => {
      const primaryKeyOf = async () =>
        (
          await db.query<{ definition: string }>(
            `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'claims.claims'::regclass AND contype = 'p'`,
          )
        ).rows[0]?.definition;
      const lineNo = field('line_no', 'integer', { required: true, primaryKey: true });

      const keyedByClaimAndLine = [savedFields[0]!, lineNo, ...savedFields.slice(1)];
      // claim_id leaves the key and becomes optional: NOT NULL goes with the old key.
      const keyedByPolicyAndLine = [
        field('claim_id', 'integer'),
        field('policy_no', 'string', { required: true, unique: true, primaryKey: true }),
        lineNo,
        ...savedFields.slice(2),
      ];
      it.each([
        ['(claim_id)', savedFields, keyedByClaimAndLine, 'PRIMARY KEY (claim_id)', '"claim_id", "line_no"'],
        [
          'no key',
          savedFields.map((property) => ({ ...property, primaryKey: false })),
          keyedByClaimAndLine,
          undefined,
          '"claim_id", "line_no"',
        ],
        [
          '(claim_id), keyed now by others',
          savedFields,
          keyedByPolicyAndLine,
          'PRIMARY KEY (claim_id)',
          '"policy_no", "line_no"',
        ],
      ])(
        'on a table with rows, saved with %s: keeps the key it had and warns with the statements to run once filled',
        async (_, saved, now, oldKey, newKey) => {
          const savedDesign = claimsDesign({ properties: saved });
          const current = claimsDesign({ properties: now });
          const migration = migrationOf(current, savedDesign);
          await emptyDatabase(db);
          await runFiles(db, sqlFiles(current));
          const expected = await schemaOf(db, ['claims']);
          await emptyDatabase(db);
          await runFiles(db, sqlFiles(savedDesign));
          await db.exec(
            `INSERT INTO claims.claims VALUES (1, 'P-1', 'soon', 'first', 'x'), (2, 'P-2', NULL, NULL, 'y')`,
          );

          const warnings = await warningsOf(migration);

          expect(await primaryKeyOf()).toBe(oldKey);
          const keyWarning = warnings.find((warning) => warning.includes('primary key'));
          expect(keyWarning).toMatch(
            new RegExp(
              `^"claims"\\."claims": the primary key \\(${newKey}\\) needs a value in "line_no" in every row, and some rows have none: .* fill them, then run ALTER TABLE `,
            ),
          );
          // Once the rows have a value, the statements the warnings name give exactly the current tables.
          await db.exec(`UPDATE claims.claims SET line_no = 1; UPDATE claims.claims_history SET line_no = 1`);
          for (const warning of warnings) await db.exec(warning.split(', then run ')[1]!);
          expect(await schemaOf(db, ['claims'])).toEqual(expected);
        },
      );

      it('on a table where some rows have a value in the new key column: says some rows have none, not all', async () => {
        const saved = claimsDesign({ properties: savedFields });
        const keyedByClaimAndNote = savedFields.map((property) =>
          property.name === 'note' ? field('note', 'string', { required: true, primaryKey: true }) : property,
        );
        const migration = migrationOf(claimsDesign({ properties: keyedByClaimAndNote }), saved);
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(saved));
        await db.exec(
          `INSERT INTO claims.claims VALUES (1, 'P-1', 'soon', 'first', 'x'), (2, 'P-2', NULL, 'second', 'y'), (3, 'P-3', NULL, NULL, 'z')`,
        );

        const keyWarning = (await warningsOf(migration)).find((warning) => warning.includes('primary key'));

        expect(keyWarning).toMatch(
          /^"claims"\."claims": the primary key \("claim_id", "note"\) needs a value in "note" in every row, and some rows have none: the key stays \("claim_id"\) until you fill them/,
        );
      });

      it('on an empty table: sets the new key, giving exactly the current tables', async () => {
        const saved = claimsDesign({ properties: savedFields });
        const current = claimsDesign({ properties: [savedFields[0]!, lineNo, ...savedFields.slice(1)] });
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(current));
        const expected = await schemaOf(db, ['claims']);
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(saved));

        expect(await warningsOf(migrationOf(current, saved))).toEqual([]);
        expect(await primaryKeyOf()).toBe('PRIMARY KEY (claim_id, line_no)');
        expect(await schemaOf(db, ['claims'])).toEqual(expected);
      });
    });

    it('changes nothing when a statement refuses: the history table, the columns and the rows are as they were', async () => {
      const saved = claimsDesign({ properties: savedFields });
      const current = claimsDesign({
        keepHistory: false,
        properties: [...savedFields.slice(0, 2), field('filed_on', 'date'), field('remark', 'string')],
      });
      await withSampleRows(saved);
      // Emptied, so that the drops run and the type change is what refuses.
      await db.exec('DELETE FROM claims.claims_history; UPDATE claims.claims SET note = NULL, legacy_code = NULL');
      const before = await schemaOf(db, ['claims']);
      await expect(runAsPsql(db, migrationOf(current, saved))).rejects.toThrow(
        /"claims"\."claims"\."filed_on": a value date would change or cannot hold, in this many rows: 1;/,
      );
      expect(await schemaOf(db, ['claims'])).toEqual(before);
      const counts = await db.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM claims.claims)::int + (SELECT count(filed_on) FROM claims.claims)::int AS n',
      );
      expect(counts.rows[0]?.n).toBe(4);
    });

    /** Claims whose amount is of the given type. */
    const claimAmountAs = (logicalType: ContractProperty['logicalType'], extra: Partial<ContractProperty> = {}) =>
      claimsDesign({
        keepHistory: false,
        properties: [
          field('claim_id', 'integer', { required: true, primaryKey: true }),
          field('amount', logicalType, extra),
        ],
      });

    it.each([
      {
        change: 'a number narrowed to an integer, where rows have a fraction',
        from: 'number' as const,
        to: 'integer' as const,
        values: ['2.5', '0.49', '3'],
        refusal: /"claims"\."claims"\."amount": a value bigint would change or cannot hold, in this many rows: 2;/,
      },
      {
        change: 'a timestamp narrowed to a date, where rows have a time of day',
        from: 'timestamp' as const,
        to: 'date' as const,
        values: ["'2024-01-31 10:30+00'", "'2024-02-01 00:00+00'", 'NULL'],
        refusal: /"claims"\."claims"\."amount": a value date would change or cannot hold, in this many rows: 1;/,
      },
      {
        change: 'a text made a date, where rows hold no date',
        from: 'string' as const,
        to: 'date' as const,
        values: ["'soon'", "'2024-01-31'", "'later'"],
        refusal: /"claims"\."claims"\."amount": a value date would change or cannot hold, in this many rows: 2;/,
      },
      {
        change: 'a text given a maxLength, where rows hold longer texts, which varchar(n) would cut',
        from: 'string' as const,
        to: 'string' as const,
        toField: { extensions: { logicalTypeOptions: { maxLength: 3 } } },
        values: ["'EUR'", "'EURO'", "'EUROS'"],
        refusal:
          /"claims"\."claims"\."amount": a value varchar\(3\) would change or cannot hold, in this many rows: 2;/,
      },
      {
        change: 'a number given NUMERIC(6,2), where rows have more decimals or digits',
        from: 'number' as const,
        to: 'number' as const,
        toField: { physicalType: 'NUMERIC(6,2)' },
        values: ['2.5', '0.125', '12345.5', '1234.56'],
        refusal:
          /"claims"\."claims"\."amount": a value numeric\(6,2\) would change or cannot hold, in this many rows: 2;/,
      },
      {
        change: 'a text made a NUMERIC(6,2), where rows hold more decimals or no number',
        from: 'string' as const,
        to: 'number' as const,
        toField: { physicalType: 'NUMERIC(6,2)' },
        values: ["'2.5'", "'0.125'", "'many'"],
        refusal:
          /"claims"\."claims"\."amount": a value numeric\(6,2\) would change or cannot hold, in this many rows: 2;/,
      },
      {
        change: 'a text made an integer, where rows hold leading zeros, a sign or blanks the number drops',
        from: 'string' as const,
        to: 'integer' as const,
        values: ["'007'", "'42'", "'+5'", "' 9 '", "'-3'", 'NULL'],
        refusal: /"claims"\."claims"\."amount": a value bigint would change or cannot hold, in this many rows: 3;/,
      },
      {
        change: 'a text made a number, where rows hold a leading zero or an exponent the number drops',
        from: 'string' as const,
        to: 'number' as const,
        values: ["'0012.5'", "'12.50'", "'1e3'", "'-0.5'"],
        refusal: /"claims"\."claims"\."amount": a value numeric would change or cannot hold, in this many rows: 2;/,
      },
      {
        change: 'an integer made a SMALLINT, where rows hold larger numbers',
        from: 'integer' as const,
        to: 'integer' as const,
        toField: { physicalType: 'SMALLINT' },
        values: ['40000', '-5', '-40000'],
        refusal: /"claims"\."claims"\."amount": a value smallint would change or cannot hold, in this many rows: 2;/,
      },
      {
        change: 'an Avro double made a float, where rows have more digits than its 32 bits keep',
        from: 'number' as const,
        fromField: { physicalType: 'double', ...options({ format: 'f64' }) },
        to: 'number' as const,
        toField: { physicalType: 'float', ...options({ format: 'f32' }) },
        values: ['0.5', '0.1234567891', '3'],
        refusal: /"claims"\."claims"\."amount": a value real would change or cannot hold, in this many rows: 1;/,
      },
      {
        change: 'an integer made a double, where rows hold integers past the 53 bits it keeps exactly',
        from: 'integer' as const,
        to: 'number' as const,
        toField: { physicalType: 'double' },
        values: ['9007199254740993', '5'],
        refusal:
          /"claims"\."claims"\."amount": a value double precision would change or cannot hold, in this many rows: 1;/,
      },
      {
        change: 'a text given format uuid, where rows hold no uuid or one PostgreSQL would write otherwise',
        from: 'string' as const,
        to: 'string' as const,
        toField: options({ format: 'uuid' }),
        values: [
          "'0e4ac7f2-3c1b-4e57-9d2a-6f1b2c3d4e5f'",
          "'ORD-1'",
          "'{0E4AC7F2-3C1B-4E57-9D2A-6F1B2C3D4E5F}'",
          'NULL',
        ],
        refusal: /"claims"\."claims"\."amount": a value uuid would change or cannot hold, in this many rows: 2;/,
      },
      {
        change: 'a timestamp given a time zone, where rows hold a clock time its defaultTimezone skips',
        from: 'timestamp' as const,
        fromField: options({ timezone: false, defaultTimezone: 'Europe/Paris' }),
        to: 'timestamp' as const,
        values: ["'2026-03-29 02:30:00'", "'2026-03-29 03:30:00'", 'NULL'],
        refusal: /"claims"\."claims"\."amount": a value timestamptz would change or cannot hold, in this many rows: 1;/,
      },
      {
        change: 'a TIMESTAMP(3) given a time zone, where rows hold a clock time its defaultTimezone skips',
        from: 'timestamp' as const,
        fromField: { physicalType: 'TIMESTAMP(3)', ...options({ timezone: false, defaultTimezone: 'Europe/Paris' }) },
        to: 'timestamp' as const,
        toField: { physicalType: 'TIMESTAMP(3)' },
        values: ["'2026-03-29 02:30:00.125'", "'2026-03-29 03:30:00.125'", 'NULL'],
        refusal:
          /"claims"\."claims"\."amount": a value timestamptz\(3\) would change or cannot hold, in this many rows: 1;/,
      },
      {
        change:
          'a text made a timestamp with a time zone, where rows hold no timestamp or a clock time its defaultTimezone skips',
        from: 'string' as const,
        to: 'timestamp' as const,
        toField: options({ defaultTimezone: 'Europe/Paris' }),
        values: ["'2026-03-29 02:30'", "'2026-03-29 03:30'", "'2026-03-29 02:30+00'", "'soon'", 'NULL'],
        refusal: /"claims"\."claims"\."amount": a value timestamptz would change or cannot hold, in this many rows: 2;/,
      },
      {
        change: 'a TIMESTAMP(3) made a TIMESTAMP(0), where rows have a fraction of a second it would round',
        from: 'timestamp' as const,
        fromField: { physicalType: 'TIMESTAMP(3)', ...options({ timezone: false }) },
        to: 'timestamp' as const,
        toField: { physicalType: 'TIMESTAMP(0)', ...options({ timezone: false }) },
        values: ["'2026-03-01 09:30:00.250'", "'2026-03-01 09:30:01'", 'NULL'],
        refusal:
          /"claims"\."claims"\."amount": a value timestamp\(0\) would change or cannot hold, in this many rows: 1;/,
      },
      {
        change: 'a TIMESTAMPTZ(6) made a TIMESTAMP(3) in its defaultTimezone, where rows have microseconds',
        from: 'timestamp' as const,
        fromField: { physicalType: 'TIMESTAMPTZ(6)' },
        to: 'timestamp' as const,
        toField: { physicalType: 'TIMESTAMP(3)', ...options({ timezone: false }) },
        values: ["'2026-03-01 09:30:00.123456+00'", "'2026-03-01 09:30:00.125+00'"],
        refusal:
          /"claims"\."claims"\."amount": a value timestamp\(3\) would change or cannot hold, in this many rows: 1;/,
      },
      {
        change: 'a TIMESTAMP(3) narrowed to a date, where rows have a time of day',
        from: 'timestamp' as const,
        fromField: { physicalType: 'TIMESTAMP(3)', ...options({ timezone: false }) },
        to: 'date' as const,
        values: ["'2024-01-31 10:30:00.5'", "'2024-02-01 00:00'", 'NULL'],
        refusal: /"claims"\."claims"\."amount": a value date would change or cannot hold, in this many rows: 1;/,
      },
    ] as {
      change: string;
      from: ContractProperty['logicalType'];
      fromField?: Partial<ContractProperty>;
      to: ContractProperty['logicalType'];
      toField?: Partial<ContractProperty>;
      values: string[];
      refusal: RegExp;
    }[])(
      'refuses, naming the table, column and rows, $change, and keeps every value',
      async ({ from, fromField, to, toField, values, refusal }) => {
        const saved = claimAmountAs(from, fromField);
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(saved));
        await db.exec(
          `INSERT INTO claims.claims VALUES ${values.map((value, index) => `(${index}, ${value})`).join(', ')}`,
        );
        const before = (await db.query('SELECT * FROM claims.claims ORDER BY claim_id')).rows;
        await expect(runAsPsql(db, migrationOf(claimAmountAs(to, toField), saved))).rejects.toThrow(refusal);
        expect((await db.query('SELECT * FROM claims.claims ORDER BY claim_id')).rows).toEqual(before);
      },
    );

    it('keeps the clock time the contract reads when a timestamp’s timezone changes, in its defaultTimezone or UTC, whatever the session’s zone', async () => {
      const startAs = (typeOptions?: Record<string, unknown>) =>
        claimsDesign({
          properties: [
            field('claim_id', 'integer', { required: true, primaryKey: true }),
            field('filed_at', 'timestamp', typeOptions ? options(typeOptions) : {}),
          ],
        });
      const [zoned, local, paris] = [
        startAs(),
        startAs({ timezone: false }),
        startAs({ timezone: false, defaultTimezone: 'Europe/Paris' }),
      ];
      const filedAt = async () =>
        (await db.query<{ filed_at: string }>('SELECT filed_at::text FROM claims.claims')).rows[0]?.filed_at;
      try {
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(zoned));
        await db.exec(`INSERT INTO claims.claims VALUES (1, '2026-03-01 09:30:00+00')`);
        await db.exec(`SET TIME ZONE 'America/New_York'`);
        await runAsPsql(db, migrationOf(local, zoned));
        expect(await filedAt()).toBe('2026-03-01 09:30:00');
        await runAsPsql(db, migrationOf(zoned, paris));
        await db.exec(`SET TIME ZONE 'UTC'`);
        expect(await filedAt()).toBe('2026-03-01 08:30:00+00');
        await runAsPsql(db, migrationOf(local, zoned));
        const migrated = await schemaOf(db, ['claims']);
        expect(await filedAt()).toBe('2026-03-01 08:30:00');
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(local));
        expect(migrated).toEqual(await schemaOf(db, ['claims']));
      } finally {
        await db.exec('RESET TIME ZONE');
      }
    });

    it('keeps the day a date names when it becomes a timestamp with a time zone, and back, in the timestamp’s defaultTimezone or UTC, whatever the session’s zone', async () => {
      const startAs = (logicalType: 'date' | 'timestamp', typeOptions?: Record<string, unknown>) =>
        claimsDesign({
          properties: [
            field('claim_id', 'integer', { required: true, primaryKey: true }),
            field('filed_at', logicalType, typeOptions ? options(typeOptions) : {}),
          ],
        });
      const [dated, zoned, paris] = [
        startAs('date'),
        startAs('timestamp'),
        startAs('timestamp', { defaultTimezone: 'Europe/Paris' }),
      ];
      const filedAt = async () =>
        (await db.query<{ filed_at: string }>('SELECT filed_at::text FROM claims.claims')).rows[0]?.filed_at;
      try {
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(dated));
        await db.exec(`INSERT INTO claims.claims VALUES (1, '2026-03-15')`);
        await db.exec(`SET TIME ZONE 'Asia/Tokyo'`);
        await runAsPsql(db, migrationOf(zoned, dated));
        await db.exec(`SET TIME ZONE 'UTC'`);
        expect(await filedAt()).toBe('2026-03-15 00:00:00+00');
        await db.exec(`SET TIME ZONE 'America/Los_Angeles'`);
        await runAsPsql(db, migrationOf(dated, zoned));
        expect(await filedAt()).toBe('2026-03-15');
        await runAsPsql(db, migrationOf(paris, dated));
        await db.exec(`SET TIME ZONE 'UTC'`);
        expect(await filedAt()).toBe('2026-03-14 23:00:00+00');
        await db.exec(`SET TIME ZONE 'Asia/Tokyo'`);
        await runAsPsql(db, migrationOf(dated, paris));
        expect(await filedAt()).toBe('2026-03-15');
      } finally {
        await db.exec('RESET TIME ZONE');
      }
    });

    it('reads a text made a timestamp with a time zone in the timestamp’s defaultTimezone or UTC where it names no offset, and as written where it does, whatever the session’s zone', async () => {
      const startAs = (logicalType: 'string' | 'timestamp', typeOptions?: Record<string, unknown>) =>
        claimsDesign({
          properties: [
            field('claim_id', 'integer', { required: true, primaryKey: true }),
            field('filed_at', logicalType, typeOptions ? options(typeOptions) : {}),
          ],
        });
      const filedAt = async () =>
        (await db.query<{ filed_at: string }>('SELECT filed_at::text FROM claims.claims ORDER BY claim_id')).rows.map(
          (row) => row.filed_at,
        );
      const texts = `(1, '2026-03-15 10:00'), (2, '2026-03-15 10:00+09'), (3, '2026-03-15T10:00:00Z'), (4, '2026-03-15 10:00 America/New_York')`;
      try {
        for (const [zone, zoneless] of [
          [undefined, '2026-03-15 10:00:00+00'],
          ['Europe/Paris', '2026-03-15 09:00:00+00'],
        ] as const) {
          await emptyDatabase(db);
          await runFiles(db, sqlFiles(startAs('string')));
          await db.exec(`INSERT INTO claims.claims VALUES ${texts}`);
          await db.exec(`SET TIME ZONE 'Asia/Tokyo'`);
          await runAsPsql(
            db,
            migrationOf(startAs('timestamp', zone ? { defaultTimezone: zone } : undefined), startAs('string')),
          );
          await db.exec(`SET TIME ZONE 'UTC'`);
          expect(await filedAt()).toEqual([
            zoneless,
            '2026-03-15 01:00:00+00',
            '2026-03-15 10:00:00+00',
            '2026-03-15 14:00:00+00',
          ]);
        }
      } finally {
        await db.exec('RESET TIME ZONE');
      }
    });

    it('gives a time made a time with a time zone the standard offset of its defaultTimezone, or UTC’s, whatever the session’s zone', async () => {
      const startAs = (typeOptions: Record<string, unknown>) =>
        claimsDesign({
          properties: [
            field('claim_id', 'integer', { required: true, primaryKey: true }),
            field('opens_at', 'time', options(typeOptions)),
          ],
        });
      const opensAt = async () =>
        (await db.query<{ opens_at: string }>('SELECT opens_at::text FROM claims.claims')).rows[0]?.opens_at;
      try {
        for (const [zone, migrated] of [
          [undefined, '10:00:00+00'],
          ['Asia/Tokyo', '10:00:00+09'],
          // Paris in summer is +02: a time has no day to tell which.
          ['Europe/Paris', '10:00:00+01'],
        ] as const) {
          await emptyDatabase(db);
          await runFiles(db, sqlFiles(startAs({ timezone: false })));
          await db.exec(`INSERT INTO claims.claims VALUES (1, '10:00')`);
          await db.exec(`SET TIME ZONE 'America/Los_Angeles'`);
          await runAsPsql(
            db,
            migrationOf(
              startAs({ timezone: true, ...(zone ? { defaultTimezone: zone } : {}) }),
              startAs({ timezone: false }),
            ),
          );
          expect(await opensAt()).toBe(migrated);
        }
      } finally {
        await db.exec('RESET TIME ZONE');
      }
    });

    it('refuses a timestamp with a time zone made a date where rows have a time of day in its defaultTimezone, whatever the session’s zone', async () => {
      const startAs = (logicalType: 'date' | 'timestamp') =>
        claimsDesign({
          properties: [
            field('claim_id', 'integer', { required: true, primaryKey: true }),
            field('filed_at', logicalType),
          ],
        });
      try {
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(startAs('timestamp')));
        // Midnight in Tokyo, 15:00 in UTC, the contract's zone: the date would drop its time of day.
        await db.exec(`INSERT INTO claims.claims VALUES (1, '2026-03-14 15:00:00+00')`);
        await db.exec(`SET TIME ZONE 'Asia/Tokyo'`);
        await expect(runAsPsql(db, migrationOf(startAs('date'), startAs('timestamp')))).rejects.toThrow(
          /"claims"\."claims"\."filed_at": a value date would change or cannot hold, in this many rows: 1;/,
        );
      } finally {
        await db.exec('RESET TIME ZONE');
      }
    });

    it('changes a column to the physicalType’s size when every row fits, and widens it without a check', async () => {
      const [text, code, wideCode] = [
        claimAmountAs('string'),
        claimAmountAs('string', { physicalType: 'VARCHAR(3)' }),
        claimAmountAs('string', { physicalType: 'varchar(10)' }),
      ];
      expect(migrationOf(wideCode, code)).not.toContain('DO ');
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(text));
      await db.exec(`INSERT INTO claims.claims VALUES (1, 'EUR'), (2, NULL)`);
      await runAsPsql(db, migrationOf(code, text));
      await runAsPsql(db, migrationOf(wideCode, code));
      const migrated = await schemaOf(db, ['claims']);
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(wideCode));
      expect(migrated).toEqual(await schemaOf(db, ['claims']));
    });

    it('runs on PostgreSQL before 16, which has no pg_input_is_valid: a value the type cannot read stops the ALTER itself, and every value is kept', async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(claimAmountAs('string')));
      await db.exec(`INSERT INTO claims.claims VALUES (0, 'soon'), (1, '2024-01-31')`);
      // PostgreSQL 15, as far as the migration can tell: an older version number, and no such function.
      await db.exec(`CREATE SCHEMA postgres15;
        CREATE FUNCTION postgres15.pg_input_is_valid(text, text) RETURNS boolean LANGUAGE plpgsql
          AS $$ BEGIN RAISE EXCEPTION 'function pg_input_is_valid(text, unknown) does not exist'; END $$;
        SET search_path = postgres15, pg_catalog, public`);
      const migration = migrationOf(claimAmountAs('date'), claimAmountAs('string')).replaceAll(
        "current_setting('server_version_num')",
        "'150014'",
      );
      const before = (await db.query('SELECT * FROM claims.claims ORDER BY claim_id')).rows;
      try {
        await expect(runAsPsql(db, migration)).rejects.toThrow(/invalid input syntax for type date: "soon"/);
        expect((await db.query('SELECT * FROM claims.claims ORDER BY claim_id')).rows).toEqual(before);
      } finally {
        await db.exec('RESET search_path; DROP SCHEMA postgres15 CASCADE');
      }
    });

    it('starts the history it begins to keep with each stored row as its key’s current version', async () => {
      const saved = claimsDesign({ keepHistory: false, properties: savedFields });
      const current = claimsDesign({ keepHistory: true, properties: savedFields });
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(saved));
      await db.exec(`INSERT INTO claims.claims VALUES (1, 'P-1', 'soon', 'first', 'x'), (2, 'P-2', NULL, NULL, 'y')`);
      await runAsPsql(db, migrationOf(current, saved));
      const history = await db.query(
        `SELECT claim_id, policy_no, filed_on, note, legacy_code, valid_to, is_current, valid_from <= now() AS has_started
         FROM claims.claims_history ORDER BY claim_id`,
      );
      const version = { valid_to: null, is_current: true, has_started: true };
      expect(history.rows).toEqual([
        { claim_id: 1, policy_no: 'P-1', filed_on: 'soon', note: 'first', legacy_code: 'x', ...version },
        { claim_id: 2, policy_no: 'P-2', filed_on: null, note: null, legacy_code: 'y', ...version },
      ]);
    });

    describe('names tables and columns by their physicalName, as the contract’s own SQL rules query them', () => {
      /** Contract `claims`, object `claims` stored as `tableName`, its key and a unique field stored by their physical names. */
      const physicalDesign = (tableName: string, columnNames: { id: string; policy: string }) =>
        aMesh()
          .withDomain('d')
          .withContract('claims', {
            keepHistory: true,
            schema: [
              {
                name: 'claims',
                physicalName: tableName,
                properties: [
                  field('claim_id', 'integer', {
                    required: true,
                    primaryKey: true,
                    extensions: { physicalName: columnNames.id },
                  }),
                  field('policy_no', 'string', { unique: true, extensions: { physicalName: columnNames.policy } }),
                  field('note', 'string'),
                ],
              },
            ],
          })
          .withProduct('claims', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'claims' })] })
          .build();
      const saved = physicalDesign('tbl_claims', { id: 'clm_id', policy: 'pol_no' });
      const columnsOf = async (table: string) =>
        (
          await db.query<{ column_name: string }>(
            `SELECT column_name FROM information_schema.columns WHERE table_schema = 'claims' AND table_name = $1 ORDER BY ordinal_position`,
            [table],
          )
        ).rows.map((row) => row.column_name);

      it('in the DDL: the table, its history, key, unique constraint and indexes', async () => {
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(saved));
        expect((await tablesIn(db)).map((table) => table.table_name)).toEqual(['tbl_claims', 'tbl_claims_history']);
        expect(await columnsOf('tbl_claims')).toEqual(['clm_id', 'pol_no', 'note']);
        const names = await schemaOf(db, ['claims']);
        expect(names.constraints.map((constraint) => (constraint as { conname: string }).conname)).toEqual([
          'tbl_claims_pkey',
          'tbl_claims_pol_no_key',
        ]);
        expect(names.indexes.map((index) => (index as { indexname: string }).indexname)).toEqual([
          'tbl_claims_pkey',
          'tbl_claims_pol_no_key',
          'tbl_claims_history_current',
          'tbl_claims_history_versions',
        ]);
      });

      it('in migrations: a changed physicalName renames the table or column and keeps the rows', async () => {
        const current = physicalDesign('claim_records', { id: 'claim_id', policy: 'policy_number' });
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(current));
        const expected = await schemaOf(db, ['claims']);
        await emptyDatabase(db);
        await runFiles(db, sqlFiles(saved));
        await db.exec(`INSERT INTO claims.tbl_claims VALUES (1, 'P-1', 'first')`);
        const migration = migrationOf(current, saved);
        expect(migration).not.toContain('DROP');
        await runAsPsql(db, migration);
        expect(await schemaOf(db, ['claims'])).toEqual(expected);
        expect((await db.query('SELECT * FROM claims.claim_records')).rows).toEqual([
          { claim_id: 1, policy_number: 'P-1', note: 'first' },
        ]);
      });
    });

    it('renames the tables of a renamed schema object, with their history, keys and triggers, and keeps their rows', async () => {
      const saved = claimsDesign({ properties: savedFields, eventName: 'claim_filed' });
      const current = claimsDesign({
        objectName: 'claim_records',
        eventName: 'claim_filed_events',
        properties: savedFields,
      });
      const migration = migrationOf(current, saved);
      expect(migration).not.toContain('DROP TABLE');
      expect(migration).toContain(
        '-- breaking: claims: schema object seems renamed to claim_records (same fields, similar names)',
      );
      expect(migration).toContain('-- assumed rename: claims → claim_records (similar names)');
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(current));
      const expected = await schemaOf(db, ['claims']);
      await withSampleRows(saved);
      await db.exec(`INSERT INTO claims.claim_filed VALUES ('e-1')`);
      await runAsPsql(db, migration);
      expect(await schemaOf(db, ['claims'])).toEqual(expected);
      const count = async (table: string) =>
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM claims.${table}`)).rows[0]?.n;
      expect([
        await count('claim_records'),
        await count('claim_records_history'),
        await count('claim_filed_events'),
      ]).toEqual([2, 2, 1]);
      await expect(db.query('DELETE FROM claims.claim_filed_events')).rejects.toThrow(/events are immutable/);
    });
  });

  it('migrates the last saved design’s tables to exactly the current ones, which then take the sample rows', {
    timeout: 120_000,
  }, async () => {
    const baseline = ecommerce.baseline as Mesh;
    const changes = sqlFiles(ecommerce.mesh, baseline).filter((file) => file.path.endsWith('.changes.sql'));
    expect(changes.map((file) => file.path)).toEqual([
      'sql/orders.changes.sql',
      'sql/customers.changes.sql',
      'sql/shipments.changes.sql',
      'sql/customer-360.changes.sql',
    ]);
    const schemas = baseline.products.map((product) => postgresName(product.id));
    const current = sqlFiles(ecommerce.mesh).filter((file) =>
      schemas.some((schema) => file.path === `sql/${schema}.sql`),
    );
    await emptyDatabase(db);
    await runFiles(db, current);
    const expected = await schemaOf(db, schemas);
    await emptyDatabase(db);
    await runFiles(db, sqlFiles(baseline));
    expect(await schemaOf(db, schemas)).not.toEqual(expected);
    await runFiles(db, changes);
    expect(await schemaOf(db, schemas)).toEqual(expected);
    const counts = await insertSampleRows(db, await ecommerceRun());
    expect(Object.values(counts).every((count) => count > 0)).toBe(true);
  });
  describe('a column that holds classified nested fields', () => {
    const observations = ({ speed = 'restricted', code = 'confidential' } = {}) =>
      aMesh()
        .withDomain('d')
        .withContract('obs', {
          schema: [
            {
              name: 'observations',
              properties: [
                field('station_id', 'string', { required: true, primaryKey: true }),
                field('wind', 'object', {
                  description: 'Wind at 10 m',
                  physicalType: 'jsonb',
                  extensions: { properties: [{ name: 'speed_ms', logicalType: 'number', classification: speed }] },
                }),
                field('gusts', 'array', {
                  classification: 'internal',
                  extensions: {
                    items: {
                      logicalType: 'object',
                      properties: [{ name: 'code', logicalType: 'string', classification: code }],
                    },
                  },
                }),
              ],
            },
          ],
        })
        .withProduct('p', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'obs' })] })
        .build();
    const commentOf = async (column: string) =>
      (
        await db.query<{ comment: string | null }>(
          `SELECT col_description('p.observations'::regclass, ordinal_position::int) AS comment FROM information_schema.columns WHERE table_schema = 'p' AND table_name = 'observations' AND column_name = $1`,
          [column],
        )
      ).rows[0]?.comment;
    const tableFile = (mesh: Mesh) => String(sqlFiles(mesh).find((file) => file.path === 'sql/p.sql')?.content);

    it('names each nested classification in the column comment, beside the column’s own', async () => {
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(observations()));
      expect(await commentOf('wind')).toBe('Wind at 10 m (nested classifications: wind.speed_ms: restricted)');
      expect(await commentOf('gusts')).toBe(
        'classification: internal (nested classifications: gusts[].code: confidential)',
      );
    });

    it('is read back by the DDL import onto the nested fields, never as the column’s own classification', () => {
      const imported = importContractSource('p.sql', tableFile(observations()));
      if (!imported.ok) throw new Error(JSON.stringify(imported));
      const [, wind, gusts] = imported.contract.schema[0]?.properties ?? [];
      expect(wind).toMatchObject({ name: 'wind', description: 'Wind at 10 m' });
      expect(wind?.classification).toBeUndefined();
      expect(wind?.extensions?.properties).toEqual([{ name: 'speed_ms', classification: 'restricted' }]);
      expect(gusts).toMatchObject({ name: 'gusts', logicalType: 'array', classification: 'internal' });
      expect(gusts?.description).toBeUndefined();
      expect(gusts?.extensions?.items).toEqual({ properties: [{ name: 'code', classification: 'confidential' }] });
    });

    it('has the migration set the comment again when a nested classification changes', async () => {
      const saved = observations();
      const current = observations({ speed: 'internal' });
      await emptyDatabase(db);
      await runFiles(db, sqlFiles(saved));
      await runFiles(
        db,
        sqlFiles(current, saved).filter((file) => file.path.endsWith('.changes.sql')),
      );
      expect(await commentOf('wind')).toBe('Wind at 10 m (nested classifications: wind.speed_ms: internal)');
      expect(await commentOf('gusts')).toBe(
        'classification: internal (nested classifications: gusts[].code: confidential)',
      );
    });
  });
});
