import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts';
import { analyzeImpact } from '../../../shared/lineage/impact';
import type { Mesh } from '../../../shared/model';
import { anObject, aProperty } from '../contracts/builders';
import { aGovernedMesh, aMeshWithTwoFeedsIntoOnePort } from '../validation/governed-mesh';

function ecommerce(): Mesh {
  const parsed = parseMeshFile(
    readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error('the e-commerce sample does not open');
  return parsed.value;
}

/** The impact of Customer's `email` on the sample once customer-360's step runs `sql`. */
function emailImpactWhenProfilesRun(sql: string): ReturnType<typeof analyzeImpact> {
  const mesh = ecommerce();
  const step = mesh.products.find((product) => product.id === 'customer-360')?.transformations[0];
  if (!step) throw new Error('the sample has no customer_profile');
  step.sql = sql;
  return analyzeImpact(mesh, { kind: 'field', contractId: 'customer', object: 'customers', field: 'email' });
}

describe('impact analysis on the e-commerce sample', () => {
  it('lists customer-360 and sales-dashboard downstream of Customer.email', () => {
    const impact = analyzeImpact(ecommerce(), {
      kind: 'field',
      contractId: 'customer',
      object: 'customers',
      field: 'email',
    });
    expect(impact.originPorts.map((port) => [port.nodeId, port.portId])).toEqual([['customers', 'customers-out']]);
    expect(impact.products).toEqual([
      { productId: 'customer-360', level: 'dataset', distance: 1 },
      { productId: 'sales-dashboard', level: 'dataset', distance: 2 },
    ]);
    expect(impact.links.map((link) => link.linkId)).toEqual(['l-customers-360', 'l-profiles-dashboard']);
    // Nobody downstream names email: the dependency is on the dataset, not the field.
    expect(impact.ports.every((port) => port.fields.length === 0)).toBe(true);
  });

  it('follows Order.total field by field through the transformation that names it', () => {
    const impact = analyzeImpact(ecommerce(), { kind: 'field', contractId: 'order', object: 'orders', field: 'total' });
    expect(impact.products).toEqual([
      { productId: 'customer-360', level: 'field', distance: 1 },
      { productId: 'sales-dashboard', level: 'dataset', distance: 2 },
    ]);
    expect(impact.transformations).toEqual([
      {
        productId: 'customer-360',
        name: 'customer_profile',
        level: 'field',
        fields: ['total'],
        outputs: ['lifetime_value'],
      },
      { productId: 'sales-dashboard', name: 'daily_sales', level: 'dataset', fields: [], outputs: [] },
    ]);
    expect(impact.ports.find((port) => port.portId === 'profiles-out')).toEqual({
      nodeId: 'customer-360',
      portId: 'profiles-out',
      direction: 'output',
      level: 'field',
      fields: [{ name: 'lifetime_value', from: ['Orders.total'] }],
    });
    expect(impact.links).toEqual([
      { linkId: 'l-orders-360', level: 'field', fields: ['total'] },
      { linkId: 'l-profiles-dashboard', level: 'dataset', fields: [] },
    ]);
  });

  it('takes a transformation that copies a field through `c.*` as using it by name, as its output port does', () => {
    const mesh = ecommerce();
    const customer360 = mesh.products.find((product) => product.id === 'customer-360');
    const step = customer360?.transformations[0];
    if (!step) throw new Error('the sample has no customer_profile');
    step.sql =
      'SELECT c.*, 1 AS score FROM customers c JOIN orders o ON o.customer_id = c.customer_id GROUP BY c.customer_id';
    const impact = analyzeImpact(mesh, { kind: 'field', contractId: 'customer', object: 'customers', field: 'city' });
    expect(impact.transformations[0]).toEqual({
      productId: 'customer-360',
      name: 'customer_profile',
      level: 'field',
      fields: ['city'],
      outputs: ['city'],
    });
    expect(impact.ports.find((port) => port.portId === 'profiles-out')).toMatchObject({
      level: 'field',
      fields: [{ name: 'city', from: ['Customers.city'] }],
    });
  });

  it("follows a field into every schema object an output port's contract serves, not only its first", () => {
    const mesh = ecommerce();
    const customer360 = mesh.products.find((product) => product.id === 'customer-360');
    const profile = mesh.contracts.find((contract) => contract.id === 'customer-profile');
    if (!customer360 || !profile) throw new Error('the sample has no customer-360 publishing customer profiles');
    customer360.transformations.push({ name: 'order_statuses', sql: 'SELECT order_id, status FROM orders' });
    profile.schema.push(anObject('order_statuses', [aProperty('order_id', 'integer'), aProperty('status')]));
    const impact = analyzeImpact(mesh, { kind: 'field', contractId: 'order', object: 'orders', field: 'status' });
    expect(impact.ports.find((port) => port.portId === 'profiles-out')).toMatchObject({
      level: 'field',
      fields: [{ name: 'status', from: ['Orders.status'] }],
    });
    const fromPort = analyzeImpact(mesh, { kind: 'port', productId: 'customer-360', portId: 'profiles-out' });
    expect(fromPort.originPorts[0]?.fields.map((field) => field.name)).toContain('status');
  });

  it('lists a join key as deciding the rows downstream, not as flowing into every column', () => {
    const impact = analyzeImpact(ecommerce(), {
      kind: 'field',
      contractId: 'customer-profile',
      object: 'customer_profile',
      field: 'customer_id',
    });
    expect(impact.ports.find((port) => port.portId === 'daily-sales-out')).toEqual({
      nodeId: 'sales-dashboard',
      portId: 'daily-sales-out',
      direction: 'output',
      level: 'dataset',
      fields: [],
      rowsFrom: ['Customer profiles.customer_id'],
    });
    expect(impact.transformations).toEqual([
      {
        productId: 'sales-dashboard',
        name: 'daily_sales',
        level: 'field',
        fields: ['customer_id'],
        outputs: [],
        rowsFrom: ['customer_id'],
      },
    ]);
  });

  it('does not take a field a transformation only filters on as flowing into its output fields', () => {
    const mesh = ecommerce();
    const step = mesh.products.find((product) => product.id === 'customer-360')?.transformations[0];
    if (!step) throw new Error('the sample has no customer_profile');
    step.sql = "SELECT c.customer_id, c.city, c.country FROM customers c WHERE c.email LIKE '%@x.com'";
    const impact = analyzeImpact(mesh, { kind: 'field', contractId: 'customer', object: 'customers', field: 'email' });
    expect(impact.transformations[0]).toEqual({
      productId: 'customer-360',
      name: 'customer_profile',
      level: 'field',
      fields: ['email'],
      outputs: [],
      rowsFrom: ['email'],
    });
    expect(impact.ports.find((port) => port.portId === 'profiles-out')).toEqual({
      nodeId: 'customer-360',
      portId: 'profiles-out',
      direction: 'output',
      level: 'dataset',
      fields: [],
      rowsFrom: ['Customers.email'],
    });
    // Its rows change, so its readers still see a change of the dataset as a whole.
    expect(impact.products).toEqual([
      { productId: 'customer-360', level: 'field', distance: 1 },
      { productId: 'sales-dashboard', level: 'dataset', distance: 2 },
    ]);
    expect(impact.links).toEqual([
      { linkId: 'l-customers-360', level: 'field', fields: ['email'] },
      { linkId: 'l-profiles-dashboard', level: 'dataset', fields: [] },
    ]);
  });

  it('takes a step read approximately to feed every column from each field it mentions, never only to decide rows', () => {
    for (const sql of [
      'SELECT c.customer_id, j.value AS city, c.country FROM customers c, json_each(json_array(c.email)) j',
      'SELECT c.customer_id, (SELECT j.value FROM json_each(json_array(c.email)) j) AS city, c.country FROM customers c',
      "SELECT c.customer_id, (SELECT group_concat(t.atom) FROM json_tree(json_object('n', c.email)) t) AS city, c.country FROM customers c",
    ]) {
      const impact = emailImpactWhenProfilesRun(sql);
      const profiles = impact.ports.find((port) => port.portId === 'profiles-out');
      expect([sql, profiles?.level, profiles?.fields.map((field) => field.name)]).toEqual([
        sql,
        'field',
        expect.arrayContaining(['city']),
      ]);
      expect([sql, impact.transformations[0]?.outputs]).toEqual([sql, expect.arrayContaining(['customer_id', 'city'])]);
    }
  });

  it('takes ORDER BY with LIMIT as deciding which rows there are', () => {
    const mesh = ecommerce();
    const step = mesh.products.find((product) => product.id === 'customer-360')?.transformations[0];
    if (!step) throw new Error('the sample has no customer_profile');
    step.sql =
      "SELECT c.customer_id, c.city, c.country FROM customers c ORDER BY CASE WHEN c.email LIKE '%@x.com' THEN 0 ELSE 1 END LIMIT 10";
    const impact = analyzeImpact(mesh, { kind: 'field', contractId: 'customer', object: 'customers', field: 'email' });
    expect(impact.ports.find((port) => port.portId === 'profiles-out')?.rowsFrom).toEqual(['Customers.email']);
  });

  it('takes the columns a NATURAL JOIN matches by name as deciding the rows', () => {
    const mesh = ecommerce();
    const step = mesh.products.find((product) => product.id === 'customer-360')?.transformations[0];
    if (!step) throw new Error('the sample has no customer_profile');
    // customers and orders share customer_id and updated_at: the join matches rows on both.
    step.sql = 'SELECT c.customer_id, c.city, c.country FROM customers c NATURAL JOIN orders o';
    const impact = analyzeImpact(mesh, {
      kind: 'field',
      contractId: 'customer',
      object: 'customers',
      field: 'updated_at',
    });
    expect(impact.transformations[0]).toEqual({
      productId: 'customer-360',
      name: 'customer_profile',
      level: 'field',
      fields: ['updated_at'],
      outputs: [],
      rowsFrom: ['updated_at'],
    });
    expect(impact.ports.find((port) => port.portId === 'profiles-out')?.rowsFrom).toEqual(['Customers.updated_at']);
    expect(impact.links.find((link) => link.linkId === 'l-customers-360')).toEqual({
      linkId: 'l-customers-360',
      level: 'field',
      fields: ['updated_at'],
    });
  });

  it('takes a row clause naming a select item, by its alias or its place, as deciding rows by what that item reads', () => {
    for (const sql of [
      // SQLite lets WHERE name a select item's alias.
      'WITH c AS (SELECT customer_id, city, country, length(email) AS email_length FROM customers WHERE email_length > 5) SELECT customer_id, city, country FROM c',
      'SELECT c.customer_id, c.city, c.country FROM (SELECT customer_id, city, country, substr(email, 1, 1) AS initial FROM customers GROUP BY 1, 2, 3, 4) c',
    ]) {
      const impact = emailImpactWhenProfilesRun(sql);
      expect([sql, impact.ports.find((port) => port.portId === 'profiles-out')?.rowsFrom]).toEqual([
        sql,
        ['Customers.email'],
      ]);
    }
  });

  it('starts from a product: everything downstream of each of its output ports', () => {
    const impact = analyzeImpact(ecommerce(), { kind: 'product', productId: 'orders' });
    expect(impact.originPorts.map((port) => port.portId)).toEqual(['order-placed-out', 'orders-out']);
    expect(impact.products.map((product) => product.productId)).toEqual(['customer-360', 'sales-dashboard']);
    expect(impact.products.every((product) => product.level === 'field')).toBe(true);
  });

  it('starts from a topic of an operational system', () => {
    const impact = analyzeImpact(ecommerce(), {
      kind: 'topic',
      systemId: 'shipping-service',
      topicId: 'shipments-cdc',
    });
    expect(impact.products.map((product) => product.productId)).toEqual(['shipments']);
  });

  it('starts from an input port: what the product derives from it, and the rows its join key decides', () => {
    const impact = analyzeImpact(ecommerce(), { kind: 'port', productId: 'customer-360', portId: 'orders-in' });
    expect(impact.ports.map((port) => [port.portId, port.level])).toEqual([
      ['profiles-out', 'field'],
      ['profiles-in', 'dataset'],
      ['daily-sales-out', 'dataset'],
    ]);
    expect(impact.ports[0]?.fields.map((field) => field.name)).toEqual([
      'order_count',
      'lifetime_value',
      'last_order_at',
    ]);
    expect(impact.ports[0]?.rowsFrom).toEqual(['Orders.customer_id', 'Orders.status']);
    expect(impact.products.map((product) => product.productId)).toEqual(['sales-dashboard']);
  });

  it('takes a transformation whose SQL does not parse as passing every input on, not as reading nothing', () => {
    const mesh = ecommerce();
    const step = mesh.products.find((product) => product.id === 'customer-360')?.transformations[0];
    if (!step) throw new Error('the sample has no customer_profile');
    step.sql = 'SELECT c.customer_id, COUNT(o.order_id AS order_count FROM customers c JOIN orders o GROUP BY 1';
    const impact = analyzeImpact(mesh, { kind: 'port', productId: 'customer-360', portId: 'orders-in' });
    expect(impact.transformations.map((transformation) => transformation.name)).toContain('customer_profile');
    expect(impact.ports.map((port) => port.portId)).toContain('profiles-out');
    expect(impact.products.map((product) => product.productId)).toEqual(['sales-dashboard']);
  });

  it('finds nothing downstream of a product nobody reads', () => {
    const impact = analyzeImpact(ecommerce(), { kind: 'product', productId: 'shipments' });
    expect(impact.products).toEqual([]);
    expect(impact.links).toEqual([]);
  });

  it('leaves out a step whose window frame ends at the CURRENT ROW, though its input has a field named current', () => {
    const mesh = aGovernedMesh();
    mesh.contracts.find((contract) => contract.id === 'customers')?.schema[0]?.properties.push(aProperty('current'));
    const step = mesh.products.find((product) => product.id === 'revenue')?.transformations[0];
    if (!step) throw new Error('the governed mesh has no country_counts');
    step.sql =
      'SELECT c.country, COUNT(*) OVER (ORDER BY c.country ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS customers FROM customers c';
    const impact = analyzeImpact(mesh, {
      kind: 'field',
      contractId: 'customers',
      object: 'customers',
      field: 'current',
    });
    expect(impact.transformations).toEqual([
      { productId: 'revenue', name: 'country_counts', level: 'dataset', fields: [], outputs: [] },
    ]);
  });

  it('follows a field that arrives through the second link into one input port', () => {
    const impact = analyzeImpact(aMeshWithTwoFeedsIntoOnePort(), {
      kind: 'field',
      contractId: 'leads',
      object: 'leads',
      field: 'phone',
    });
    expect(impact.products).toEqual([{ productId: 'revenue', level: 'field', distance: 1 }]);
    expect(impact.ports.find((port) => port.portId === 'out')?.fields).toEqual([
      { name: 'contact', from: ['customers.phone'] },
    ]);
  });
});
