import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts';
import { importContractSource } from '../../../shared/contracts/import';
import { WHOLE_MESH } from '../../../shared/export';
import { sqlTarget } from '../../../shared/export/sql/sql-target';
import { filesOf } from '../export/golden-cases';

const read = parseMeshFile(
  readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
);
if (!read.ok) throw new Error(JSON.stringify(read.errors));
const sqlFiles = filesOf(sqlTarget.files(read.value, WHOLE_MESH)).filter((file) => file.path.endsWith('.sql'));

function notesOf(path: string): string[] {
  const file = sqlFiles.find((candidate) => candidate.path === path);
  const imported = importContractSource(path.split('/').at(-1) ?? path, String(file?.content));
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return imported.notes.map((note) => `${note.path}: ${note.message}`);
}

describe('the e-commerce sample, exported as SQL, each file imported back', () => {
  it('writes a file per product, each creating its product schema', () => {
    expect(sqlFiles.map((file) => file.path)).toEqual([
      'sql/orders.sql',
      'sql/customers.sql',
      'sql/shipments.sql',
      'sql/customer-360.sql',
      'sql/sales-dashboard.sql',
    ]);
    for (const file of sqlFiles) expect(String(file.content)).toContain('CREATE SCHEMA IF NOT EXISTS');
  });

  it.each(['sql/customers.sql', 'sql/shipments.sql', 'sql/customer-360.sql', 'sql/sales-dashboard.sql'])(
    'reads %s without a note: its schema statement is the product namespace, which loses nothing',
    (path) => {
      expect(notesOf(path)).toEqual([]);
    },
  );

  it('notes of orders.sql only what one contract cannot hold: an entity keeping history beside an event', () => {
    expect(notesOf('sql/orders.sql')).toEqual([
      'order_placed: order_placed is append-only as the SQL export writes an event table, but orders, orders_history are not: a contract is an event in all its tables or none, so it is imported as an entity',
      'orders_history: orders_history is the history table of orders as the SQL export writes it, but order_placed has none: a contract keeps the history of all its tables or none, so it is imported as a table',
      'orders_history: unique index orders_history_current ("order_id") WHERE … has no ODCS equivalent: not imported',
      'orders_history: index orders_history_versions ("order_id", "valid_from") has no ODCS equivalent: not imported',
    ]);
  });
});

describe('schema statements written by hand', () => {
  const notesOfText = (sql: string) => {
    const imported = importContractSource('shop.sql', sql);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    return imported.notes.map((note) => note.message);
  };

  it('reads a schema owned by a role, and the search path set to it, without a note', () => {
    const sql = `CREATE SCHEMA shop AUTHORIZATION admin;
SET search_path TO shop, public;
CREATE TABLE orders (id int PRIMARY KEY);`;
    expect(notesOfText(sql)).toEqual([]);
  });

  it('still notes a schema statement that creates its own elements, which are not imported', () => {
    const sql = `CREATE SCHEMA shop CREATE VIEW open_orders AS SELECT 1;
CREATE TABLE orders (id int PRIMARY KEY);`;
    expect(notesOfText(sql)).toEqual(['CREATE SCHEMA shop is not a table: not imported']);
  });
});
