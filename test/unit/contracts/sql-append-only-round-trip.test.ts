import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts';
import { importContractSource } from '../../../shared/contracts/import';
import { WHOLE_MESH } from '../../../shared/export';
import { sqlTarget } from '../../../shared/export/sql/sql-target';
import { filesOf } from '../export/golden-cases';

const sample = parseMeshFile(
  readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
);

describe('an event table of the sample, exported as SQL and imported back', () => {
  if (!sample.ok) throw new Error(JSON.stringify(sample.errors));
  const orders = filesOf(sqlTarget.files(sample.value, WHOLE_MESH)).find((file) => file.path === 'sql/orders.sql');
  const sql = String(orders?.content);
  const read = importContractSource('orders.sql', sql);

  it('reads the function its append-only triggers call without a note: a function is not a table', () => {
    expect(sql).toContain('CREATE OR REPLACE FUNCTION "orders"."reject_change_of_event"()');
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.contract.schema.map((object) => object.name)).toContain('order_placed');
    expect(read.notes.filter((note) => note.message.includes('FUNCTION'))).toEqual([]);
  });
});
