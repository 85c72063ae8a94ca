import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { contractOf, parseMeshFile } from '../../../shared/contracts';
import { importContractSource } from '../../../shared/contracts/import';
import { WHOLE_MESH } from '../../../shared/export';
import { sqlTarget } from '../../../shared/export/sql/sql-target';
import type { Mesh } from '../../../shared/model';
import { filesOf } from '../export/golden-cases';

const read = parseMeshFile(
  readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
);
if (!read.ok) throw new Error(JSON.stringify(read.errors));
const sample = read.value;

const ordersSql = (mesh: Mesh) =>
  String(filesOf(sqlTarget.files(mesh, WHOLE_MESH)).find((file) => file.path === 'sql/orders.sql')?.content);

function imported(fileName: string, sql: string) {
  const result = importContractSource(fileName, sql);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

/** The sample with its orders product serving its event contract only. */
const servingEventsOnly: Mesh = {
  ...sample,
  products: sample.products.map((product) =>
    product.id === 'orders'
      ? { ...product, outputPorts: product.outputPorts.filter((port) => port.contractId === 'order-placed') }
      : product,
  ),
};

const triggersOf = (sql: string) => sql.split('\n').filter((line) => line.startsWith('CREATE TRIGGER'));
const triggerNotes = <Note extends { message: string }>(notes: readonly Note[]) =>
  notes.filter((note) => /TRIGGER|FUNCTION|append-only/.test(note.message));

describe('an event table of the sample, exported as SQL and imported back', () => {
  const sql = ordersSql(servingEventsOnly);
  const { contract, notes } = imported('orders.sql', sql);

  it('is an event contract, as its tables are append-only, and its triggers and their function are read without a note', () => {
    expect(sql).toContain('CREATE OR REPLACE FUNCTION "orders"."reject_change_of_event"()');
    expect(contract.schema.map((object) => object.name)).toEqual(['order_placed']);
    expect(contract).toMatchObject({ kind: 'event', isKindDeclared: true });
    expect(triggerNotes(notes)).toEqual([]);
  });

  it('exports again the same append-only triggers, which PostgreSQL enforces', async () => {
    const again = ordersSql({
      ...servingEventsOnly,
      contracts: servingEventsOnly.contracts.map((original) =>
        original.id === 'order-placed' ? contractOf({ ...contract, id: original.id }) : original,
      ),
    });
    expect(triggersOf(again)).toEqual(triggersOf(sql));
    expect(triggersOf(again)).toHaveLength(2);
    const db = new PGlite();
    try {
      await db.exec(again);
      await db.query(`INSERT INTO orders.order_placed VALUES ('e1', now(), 1, 1, 10, 'EUR')`);
      await expect(db.query('UPDATE orders.order_placed SET total = 0')).rejects.toThrow(/events are immutable/);
      await expect(db.query('DELETE FROM orders.order_placed')).rejects.toThrow(/events are immutable/);
      await expect(db.query('TRUNCATE orders.order_placed')).rejects.toThrow(/events are immutable: TRUNCATE/);
    } finally {
      await db.close();
    }
  });
});

describe('a file whose tables are append-only only in part', () => {
  const sql = ordersSql(sample);
  const { contract, notes } = imported('orders.sql', sql);

  it('is an entity, and says which tables are append-only, as a contract is an event in all its tables or none', () => {
    expect(contract.schema.map((object) => object.name)).toContain('order_placed');
    expect(contract).toMatchObject({ kind: 'entity', isKindDeclared: false });
    expect(triggerNotes(notes).map((note) => [note.path, note.message, note.line])).toEqual([
      [
        'order_placed',
        'order_placed is append-only as the SQL export writes an event table, but orders, orders_history are not: a contract is an event in all its tables or none, so it is imported as an entity',
        sql.split('\n').findIndex((line) => line.startsWith('CREATE TRIGGER "order_placed_append_only"')) + 1,
      ],
    ]);
  });
});

describe('a hand-written file whose tables are all append-only and that has their history tables', () => {
  /** The sample's customers, which keep history, made append-only by hand as the SQL export makes an event's table. */
  const sql = `${String(filesOf(sqlTarget.files(sample, WHOLE_MESH)).find((file) => file.path === 'sql/customers.sql')?.content)}
CREATE TRIGGER customers_append_only BEFORE UPDATE OR DELETE ON customers.customers
  FOR EACH ROW EXECUTE FUNCTION customers.reject_change_of_event();
`;
  const { contract, notes, findings } = imported('customers.sql', sql);

  it('is an event keeping no history, as an event never changes, and names the history table it lets go', () => {
    expect(sql).toContain('CREATE TABLE "customers"."customers_history"');
    expect(contract).toMatchObject({ kind: 'event', isKindDeclared: true, keepHistory: false });
    expect(contract.historyColumnPrefix).toBeUndefined();
    expect(contract.schema.map((object) => object.name)).toEqual(['customers']);
    expect(notes.map((note) => [note.path, note.message, note.line])).toEqual([
      [
        'customers_history',
        'customers_history is the history table of customers as the SQL export writes it, but customers is append-only: an event never changes, so it keeps no history, and customers_history is not imported',
        sql.split('\n').findIndex((line) => line.startsWith('CREATE TABLE "customers"."customers_history"')) + 1,
      ],
    ]);
    expect(findings.map((finding) => finding.message)).not.toContainEqual(expect.stringContaining('keepHistory'));
  });
});

describe('append-only triggers the file does not make of the export', () => {
  it('notes a trigger calling another function as before', () => {
    const sql = `CREATE TABLE audit (id int PRIMARY KEY);
CREATE TRIGGER audit_log AFTER INSERT ON audit FOR EACH ROW EXECUTE FUNCTION log_change();`;
    const { contract, notes } = imported('audit.sql', sql);
    expect(contract.kind).toBe('entity');
    expect(notes.map((note) => note.message)).toContain('CREATE TRIGGER audit_log is not a table: not imported');
  });

  it('notes an append-only trigger on a table the file does not create', () => {
    const sql = `CREATE TABLE audit (id int PRIMARY KEY);
CREATE TRIGGER shipped_append_only BEFORE UPDATE OR DELETE ON shop.shipped FOR EACH ROW EXECUTE FUNCTION shop.reject_change_of_event();`;
    const { contract, notes } = imported('audit.sql', sql);
    expect(contract.kind).toBe('entity');
    expect(notes.map((note) => [note.path, note.message])).toEqual([
      ['shipped', 'the append-only trigger on table shipped, which the file does not create, is not imported'],
    ]);
  });
});
