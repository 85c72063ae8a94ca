import { describe, expect, it } from 'vitest';
import { readSelectLineage } from '../../../shared/lineage/sql-lineage';

describe('reading a transformation’s SELECT', () => {
  it('names each output column and the columns it is computed from, through aliases', () => {
    const lineage = readSelectLineage(
      `SELECT c.customer_id, COALESCE(SUM(o.total), 0) AS lifetime_value, MAX(o.placed_at) last_order_at
       FROM customers c LEFT JOIN orders AS o ON o.customer_id = c.customer_id AND o.status <> 'cancelled'
       GROUP BY c.customer_id ORDER BY lifetime_value`,
    );
    expect(lineage.isApproximate).toBe(false);
    expect(Object.fromEntries(lineage.tables)).toEqual({
      c: 'customers',
      customers: 'customers',
      o: 'orders',
      orders: 'orders',
    });
    expect(lineage.items).toEqual([
      { name: 'customer_id', refs: [{ qualifier: 'c', column: 'customer_id' }], isCopy: true },
      { name: 'lifetime_value', refs: [{ qualifier: 'o', column: 'total' }], isCopy: false },
      { name: 'last_order_at', refs: [{ qualifier: 'o', column: 'placed_at' }], isCopy: false },
    ]);
    expect(lineage.conditions.map((ref) => `${ref.qualifier}.${ref.column}`)).toEqual([
      'o.customer_id',
      'c.customer_id',
      'o.status',
      'c.customer_id',
    ]);
  });

  it('ignores comments, strings and quoted names that look like columns', () => {
    const lineage = readSelectLineage(
      `-- email is not read here\nSELECT "Full Name" AS name, 'email' AS label /* email */ FROM people`,
    );
    expect(lineage.items).toEqual([
      { name: 'name', refs: [{ column: 'full name' }], isCopy: true },
      { name: 'label', refs: [], isCopy: false },
    ]);
    expect(lineage.identifiers.has('email')).toBe(false);
  });

  it('reads a CAST of a column as a copy of it, and its type as no column', () => {
    const lineage = readSelectLineage(
      'SELECT CAST(c.email AS TEXT) AS contact, CAST(c.visits AS INTEGER), CAST(c.total * 2 AS REAL) AS twice FROM customers c',
    );
    expect(lineage.items).toEqual([
      { name: 'contact', refs: [{ qualifier: 'c', column: 'email' }], isCopy: true },
      { name: 'twice', refs: [{ qualifier: 'c', column: 'total' }], isCopy: false },
    ]);
  });

  it('passes every column through for * and x.*', () => {
    expect(readSelectLineage('SELECT * FROM a').stars).toEqual([undefined]);
    expect(readSelectLineage('SELECT x.*, y.id FROM a x JOIN b y ON x.id = y.id').stars).toEqual(['x']);
  });

  it('reads CTEs, subqueries and unions only approximately, keeping every name it mentions', () => {
    for (const sql of [
      'WITH recent AS (SELECT * FROM orders) SELECT total FROM recent',
      'SELECT total FROM (SELECT * FROM orders) o',
      'SELECT id FROM a UNION SELECT id FROM b',
    ]) {
      const lineage = readSelectLineage(sql);
      expect(lineage.isApproximate).toBe(true);
      expect(lineage.identifiers.has('orders') || lineage.identifiers.has('a')).toBe(true);
    }
  });
});
