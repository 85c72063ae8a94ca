import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHOLE_MESH } from '../../../shared/export';
import { sqlTarget } from '../../../shared/export/sql/sql-target';
import type { Mesh } from '../../../shared/model';
import { aMesh, aPort, aField as field } from '../../builders/mesh-builder';
import { filesOf } from './golden-cases';

/*
 * A field nested in an object, array or map property lives in a jsonb column as a key of the
 * stored documents: renaming it must move that key in the rows, or consumers reading the new key
 * get NULL where the rows hold a value.
 */

/** A nested property as ODCS writes it, inside an object's `properties` or an array's `items`. */
const nested = (name: string, logicalType: string, more: Record<string, unknown> = {}) => ({
  name,
  logicalType,
  ...more,
});

/** Contract `orders` (one schema object `orders`) served by product `shop`, with a customer object, order lines and a map of notes. */
const ordersDesign = (
  names: { email: string; zip: string; sku: string; by: string; customer?: string },
  { kind = 'entity', keepHistory = false }: { kind?: 'entity' | 'event'; keepHistory?: boolean } = {},
) =>
  aMesh()
    .withDomain('d')
    .withContract('orders', {
      apiVersion: 'v3.2.0',
      kind,
      keepHistory,
      schema: [
        {
          name: 'orders',
          properties: [
            field('order_id', 'integer', { required: true, primaryKey: true }),
            field(names.customer ?? 'customer', 'object', {
              extensions: {
                properties: [
                  nested(names.email, 'string'),
                  nested('address', 'object', {
                    properties: [nested('street', 'string'), nested(names.zip, 'string')],
                  }),
                ],
              },
            }),
            field('lines', 'array', {
              extensions: {
                items: nested('line', 'object', {
                  properties: [nested(names.sku, 'string'), nested('qty', 'integer')],
                }),
              },
            }),
            field('notes', 'map', {
              extensions: {
                map: {
                  key: nested('topic', 'string'),
                  value: nested('note', 'object', {
                    properties: [nested(names.by, 'string'), nested('text', 'string')],
                  }),
                },
              },
            }),
          ],
        },
      ],
    })
    .withProduct('shop', 'd', { outputPorts: [aPort('out', 'output', { contractId: 'orders' })] })
    .build();

const savedNames = { email: 'email', zip: 'zip', sku: 'sku', by: 'written_by' };
const renamedNames = { email: 'e_mail', zip: 'zip_code', sku: 'sku_code', by: 'writtenBy' };

function sqlFiles(mesh: Mesh, baseline?: Mesh) {
  return filesOf(sqlTarget.files(mesh, WHOLE_MESH, baseline ? { baseline } : {}));
}
const migrationOf = (current: Mesh, saved: Mesh) =>
  sqlFiles(current, saved).find((file) => file.path.endsWith('.changes.sql'))?.content;

const STORED_ROWS: Array<[number, unknown, unknown, unknown]> = [
  [
    1,
    { email: 'a@example.org', address: { street: 'Quay 1', zip: '1011' }, vip: true },
    [{ sku: 'K-1', qty: 2 }, { qty: 1 }, 'free gift'],
    { delivery: { written_by: 'ops', text: 'ring twice' }, billing: { text: 'none' } },
  ],
  [2, { address: { street: 'Dock 9' } }, [], {}],
  [3, null, null, null],
  [4, { email: 'both@example.org', e_mail: 'new@example.org', address: 'not an object' }, [7], { x: 1 }],
];

describe('SQL migration of a field renamed inside a JSON document', { timeout: 120_000 }, () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
    await db.waitReady;
  });
  afterAll(async () => {
    await db.close();
  });

  async function createSavedTables(saved: Mesh) {
    await db.exec('DROP SCHEMA IF EXISTS shop CASCADE');
    for (const file of sqlFiles(saved)) await db.exec(String(file.content));
  }
  async function migrateStoredRows(saved: Mesh, current: Mesh) {
    await createSavedTables(saved);
    // Stored before the database checked the type of items and map values: 'free gift' and 7 are no lines, 1 no note.
    await db.exec('ALTER TABLE shop.orders DROP CONSTRAINT orders_lines_check, DROP CONSTRAINT orders_notes_check');
    for (const [id, customer, lines, notes] of STORED_ROWS) {
      await db.query(`INSERT INTO shop.orders VALUES ($1, $2, $3, $4)`, [id, customer, lines, notes]);
    }
    const migration = migrationOf(current, saved);
    expect(migration).toBeDefined();
    await db.exec(String(migration));
    return String(migration);
  }
  const storedRows = async () =>
    (await db.query(`SELECT * FROM shop.orders ORDER BY order_id`)).rows.map((row) => Object.values(row as object));

  it('moves each renamed key at every depth, keeps the other keys, and leaves documents without it as they were', async () => {
    const migration = await migrateStoredRows(ordersDesign(savedNames), ordersDesign(renamedNames));
    expect(migration).toContain('-- assumed rename: orders.customer.address.zip → zip_code (similar names)');
    expect(await storedRows()).toEqual([
      [
        1,
        { e_mail: 'a@example.org', address: { street: 'Quay 1', zip_code: '1011' }, vip: true },
        [{ sku_code: 'K-1', qty: 2 }, { qty: 1 }, 'free gift'],
        { delivery: { writtenBy: 'ops', text: 'ring twice' }, billing: { text: 'none' } },
      ],
      [2, { address: { street: 'Dock 9' } }, [], {}],
      [3, null, null, null],
      // Already holding the new key: neither value is lost.
      [4, { email: 'both@example.org', e_mail: 'new@example.org', address: 'not an object' }, [7], { x: 1 }],
    ]);
  });

  it('moves the key inside a column renamed in the same migration', async () => {
    await migrateStoredRows(ordersDesign(savedNames), ordersDesign({ ...renamedNames, customer: 'customers' }));
    const [first] = await storedRows();
    expect(first?.[1]).toEqual({ e_mail: 'a@example.org', address: { street: 'Quay 1', zip_code: '1011' }, vip: true });
  });

  it('moves it in the history table too', async () => {
    const saved = ordersDesign(savedNames, { keepHistory: true });
    await createSavedTables(saved);
    await db.query(`INSERT INTO shop.orders_history VALUES (1, $1, NULL, NULL, now(), NULL, true)`, [
      { email: 'old@example.org' },
    ]);
    await db.exec(String(migrationOf(ordersDesign(renamedNames, { keepHistory: true }), saved)));
    const history = await db.query<{ customer: unknown }>('SELECT customer FROM shop.orders_history');
    expect(history.rows).toEqual([{ customer: { e_mail: 'old@example.org' } }]);
  });

  it('moves it in stored events, whose table refuses any other UPDATE', async () => {
    await migrateStoredRows(ordersDesign(savedNames, { kind: 'event' }), ordersDesign(renamedNames, { kind: 'event' }));
    const [first] = await storedRows();
    expect(first?.[1]).toMatchObject({ e_mail: 'a@example.org' });
    await expect(db.exec(`UPDATE shop.orders SET lines = NULL`)).rejects.toThrow(/events are immutable/);
  });
});
