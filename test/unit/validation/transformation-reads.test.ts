import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts/contract-text';
import type { Contract, Mesh } from '../../../shared/model';
import { stepRefusals } from '../../../shared/simulation';
import type { Finding } from '../../../shared/validation/finding';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { whereShown } from '../../../shared/validation/where-shown';
import { aProperty } from '../contracts/builders';
import { aProduct, testWorkspace } from '../simulation/builders';
import { aTurnoverMesh } from '../simulation/turnover-mesh';
import { aGovernedMesh, aMeshPublishingCustomerLeads } from './governed-mesh';

const customersContract = (mesh: Mesh) => mesh.contracts.find((contract) => contract.id === 'customers') as Contract;
const revenue = (mesh: Mesh) => mesh.products.find((product) => product.id === 'revenue') as Mesh['products'][number];

/** The governed mesh where Customers no longer publishes `email` and Revenue's steps are `sqls`. */
function withoutEmail(...sqls: string[]): Mesh {
  const mesh = aGovernedMesh();
  const object = customersContract(mesh).schema[0];
  if (object) object.properties = object.properties.filter((property) => property.name !== 'email');
  revenue(mesh).transformations = sqls.map((sql, index) => ({
    name: index === 0 ? 'country_counts' : `step_${index}`,
    sql,
  }));
  return mesh;
}

const readsOf = (mesh: Mesh) =>
  validateMesh(mesh, { ruleIds: ['transformation-reads'] }).map((finding) => [finding.path, finding.message]);

describe('transformation-reads', () => {
  it('reports a field the producer no longer publishes, read through an alias, at the step and its input port', () => {
    const mesh = withoutEmail(
      'SELECT c.country, COUNT(*) AS customers, GROUP_CONCAT(c.email) AS emails FROM customers c GROUP BY c.country',
    );
    const findings = validateMesh(mesh, { ruleIds: ['transformation-reads'] });
    expect(findings.map((finding) => [finding.path, finding.severity, finding.message])).toEqual([
      [
        'products[1].transformations[0]',
        'error',
        "Transformation 'country_counts' of 'Revenue' reads 'email' of 'customers', which its input port 'customers' does not bring: it brings customer_id, country.",
      ],
    ]);
    expect(findings[0]?.element).toEqual({ kind: 'transformation', productId: 'revenue', name: 'country_counts' });
    expect(findings[0]?.related).toEqual([{ kind: 'port', productId: 'revenue', portId: 'in' }]);
    expect(findings[0]?.fixHint).toContain('no such column: email');
    // The Problems tab and the canvas badge place it by the same function: on the product's node.
    expect(whereShown(mesh, findings[0] as Finding)).toEqual({ nodeIds: ['revenue'], linkIds: [] });
  });

  it('reports a field read without a qualifier, in a condition too, once per step', () => {
    expect(
      readsOf(
        withoutEmail(
          "SELECT country, COUNT(email) AS customers FROM customers WHERE email LIKE '%@x.com' GROUP BY country",
        ),
      ),
    ).toEqual([
      [
        'products[1].transformations[0]',
        "Transformation 'country_counts' of 'Revenue' reads 'email' of 'customers', which its input port 'customers' does not bring: it brings customer_id, country.",
      ],
    ]);
  });

  it('reports a field read inside a subquery in a value or a condition (scalar, IN, EXISTS), correlated or not', () => {
    const emailGone = [
      'products[1].transformations[0]',
      "Transformation 'country_counts' of 'Revenue' reads 'email' of 'customers', which its input port 'customers' does not bring: it brings customer_id, country.",
    ];
    for (const sql of [
      'SELECT c.country, (SELECT MAX(x.email) FROM customers x WHERE x.country = c.country) AS customers FROM customers c',
      'SELECT c.country, (SELECT COUNT(*) FROM customers x WHERE x.email IS NULL) AS customers FROM customers c',
      "SELECT country, 1 AS customers FROM customers WHERE customer_id IN (SELECT customer_id FROM customers WHERE email LIKE '%@x')",
      'SELECT c.country, 1 AS customers FROM customers c WHERE EXISTS (SELECT 1 FROM customers x WHERE x.customer_id = c.customer_id AND x.email IS NULL)',
      // The query around the subquery is one of the tables a column it names may belong to.
      'SELECT c.country, (SELECT COUNT(*) FROM customers x WHERE x.country = c.email) AS customers FROM customers c',
      'SELECT c.country, (SELECT COUNT(*) FROM customers x WHERE x.country = email) AS customers FROM customers c',
    ]) {
      expect([sql, readsOf(withoutEmail(sql))]).toEqual([sql, [emailGone]]);
    }
  });

  it('takes the columns of a table listed after a comma that follows a join’s ON or USING for that table’s', () => {
    for (const constraint of ['ON d.customer_id = c.customer_id', 'USING (customer_id)']) {
      const sql = `SELECT c.customer_id, lead_id, c.country FROM customers c JOIN customers d ${constraint}, leads WHERE lead_id = c.customer_id`;
      expect([sql, readsOf(aMeshPublishingCustomerLeads(sql))]).toEqual([sql, []]);
    }
  });

  it('takes a hexadecimal number (`0x0A`) or one with underscores (`1_000_000`) for a number, not for a column the step reads', () => {
    const sql =
      'SELECT c.country, COUNT(*) AS customers FROM customers c WHERE c.customer_id > 0x0A AND c.customer_id < 1_000_000 GROUP BY c.country';
    expect(readsOf(withoutEmail(sql))).toEqual([]);
  });

  it("takes a blob literal (`X'0A'`) for a value, not for a column `x` the step reads", () => {
    const sql =
      "SELECT c.country, COUNT(*) AS customers FROM customers c WHERE CAST(c.country AS BLOB) <> X'0A' GROUP BY c.country";
    expect(readsOf(withoutEmail(sql))).toEqual([]);
  });

  it('takes a column a subquery names of the query around it for that query’s', () => {
    const sql =
      'SELECT c.country AS place, (SELECT COUNT(*) FROM customers x WHERE x.country = c.country AND x.customer_id > place) AS customers FROM customers c';
    expect(readsOf(withoutEmail(sql))).toEqual([]);
  });

  it('reads a field named like an SQL keyword after its qualifier (`c.filter`) as that field, not as a column named after the alias', () => {
    const mesh = aGovernedMesh();
    const country = customersContract(mesh).schema[0]?.properties.find((property) => property.name === 'country');
    Object.assign(country ?? {}, { name: 'filter' });
    revenue(mesh).transformations = [
      {
        name: 'country_counts',
        sql: 'SELECT c.filter AS country, COUNT(*) AS customers FROM customers c WHERE c.filter IS NOT NULL GROUP BY c.filter',
      },
    ];
    expect(readsOf(mesh)).toEqual([]);
  });

  it('reports a field named like a window frame’s word (`no`, `current`) that the input does not bring, and reads the frame itself as no column', () => {
    const mesh = withoutEmail(
      `SELECT c.country, COUNT(*) OVER (ORDER BY c.country ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE NO OTHERS) AS customers
       FROM customers c WHERE c.no > 0 AND current IS NOT NULL`,
    );
    const brings = "which its input port 'customers' does not bring: it brings customer_id, country.";
    expect(readsOf(mesh)).toEqual([
      [
        'products[1].transformations[0]',
        `Transformation 'country_counts' of 'Revenue' reads 'no' of 'customers', ${brings}`,
      ],
      [
        'products[1].transformations[0]',
        `Transformation 'country_counts' of 'Revenue' reads 'current' of 'customers', ${brings}`,
      ],
    ]);
  });

  it('reports a table no input brings, as when the producer renames its schema object', () => {
    const mesh = aGovernedMesh();
    Object.assign(customersContract(mesh).schema[0] ?? {}, { name: 'clients' });
    expect(readsOf(mesh)).toEqual([
      [
        'products[1].transformations[0]',
        "Transformation 'country_counts' of 'Revenue' reads table 'customers', which no input port brings and no earlier transformation makes; its inputs bring 'clients'.",
      ],
    ]);
  });

  it('takes what the step defines for its own: aliases, CTEs, subqueries, earlier steps and the engine’s tables', () => {
    const mesh = withoutEmail(
      'SELECT c.country AS place, COUNT(*) AS customers FROM customers c GROUP BY place HAVING customers > 1 ORDER BY place',
      'WITH counted (land, n) AS (SELECT country, COUNT(*) FROM customers GROUP BY country) SELECT land, n FROM counted WHERE n > 0',
      'SELECT s.place, s.customers FROM (SELECT place, customers FROM country_counts) s',
      'SELECT r.customer_id, r._op, CURRENT_TIMESTAMP AS seen_at, rowid FROM raw_in r',
      'SELECT country, SUM(customers) OVER (ORDER BY country ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running FROM country_counts',
      'SELECT c.country, COUNT(*) OVER by_country AS customers FROM customers c WINDOW by_country AS (PARTITION BY c.country)',
    );
    expect(readsOf(mesh)).toEqual([]);
  });

  it('reads a raw zone by the columns the engine gives it: a change record’s fields are after_ and before_', () => {
    const mesh = aGovernedMesh();
    const customers = mesh.products.find((product) => product.id === 'customers') as Mesh['products'][number];
    customers.transformations = [
      { name: 'signups', sql: 'SELECT r.after_customer_id AS customer_id, r._op, r._sequence FROM raw_in r' },
      { name: 'changes', sql: "SELECT customer_id, before_email FROM raw_in WHERE _op = 'u'" },
    ];
    const findings = validateMesh(mesh, { ruleIds: ['transformation-reads'] });
    expect(findings.map((finding) => [finding.path, finding.message])).toEqual([
      [
        'products[0].transformations[1]',
        "Transformation 'changes' of 'Customers' reads 'customer_id' of the raw zone 'raw_in' of input port 'shop customers', which has no such column: its change records hold the field as 'after_customer_id' (and 'before_customer_id', the row before the change).",
      ],
    ]);
    expect(findings[0]?.fixHint).toContain('no such column: customer_id');
  });

  it('reports a step that reads a later step’s table, or its own: steps run in order', () => {
    const mesh = withoutEmail(
      'SELECT country FROM zz_later',
      'SELECT country FROM step_1',
      'SELECT country FROM customers',
    );
    revenue(mesh).transformations[2] = { name: 'zz_later', sql: 'SELECT country FROM customers' };
    expect(readsOf(mesh)).toEqual([
      [
        'products[1].transformations[0]',
        "Transformation 'country_counts' of 'Revenue' reads table 'zz_later', which no input port brings and no earlier transformation makes; its inputs bring 'customers'.",
      ],
      [
        'products[1].transformations[1]',
        "Transformation 'step_1' of 'Revenue' reads table 'step_1', which no input port brings and no earlier transformation makes; its inputs bring 'customers'.",
      ],
    ]);
  });

  it('reports a column an earlier step does not make: its SQL names its columns, and a published one has its contract’s', () => {
    const mesh = withoutEmail(
      'SELECT country, COUNT(*) AS customers FROM customers GROUP BY country',
      'SELECT country AS land, COUNT(*) AS n FROM customers GROUP BY country',
      'SELECT s.land, s.total FROM step_1 s',
      'SELECT land, total FROM step_1',
      'SELECT c.country, c.revenue FROM country_counts c',
    );
    expect(readsOf(mesh)).toEqual([
      [
        'products[1].transformations[2]',
        "Transformation 'step_2' of 'Revenue' reads 'total' of 'step_1', which the transformation 'step_1' before it does not make: it makes land, n.",
      ],
      [
        'products[1].transformations[3]',
        "Transformation 'step_3' of 'Revenue' reads 'total' of 'step_1', which the transformation 'step_1' before it does not make: it makes land, n.",
      ],
      [
        'products[1].transformations[4]',
        "Transformation 'step_4' of 'Revenue' reads 'revenue' of 'country_counts', which the transformation 'country_counts' before it does not make: it makes country, customers.",
      ],
    ]);
    expect(validateMesh(mesh, { ruleIds: ['transformation-reads'] })[0]?.fixHint).toBe(
      "Read a column 'step_1' makes, or have it make 'total'; as it is, the step fails every run with \"no such column: total\".",
    );
  });

  it('takes an earlier step’s columns for unknown where its SQL does not name them all (a *, an expression without a name)', () => {
    const mesh = withoutEmail(
      'SELECT country, COUNT(*) AS customers FROM customers GROUP BY country',
      'SELECT * FROM raw_in',
      'SELECT country, COUNT(*) FROM customers GROUP BY country',
      'SELECT a.after_email, b."COUNT(*)" FROM step_1 a JOIN step_2 b ON 1 = 1',
    );
    expect(readsOf(mesh)).toEqual([]);
  });

  it('says nothing of SQL it reads only approximately', () => {
    const mesh = withoutEmail(
      'SELECT c.country, COUNT(*) AS customers FROM customers c, json_each(c.email) j GROUP BY c.country',
    );
    expect(readsOf(mesh)).toEqual([]);
  });

  it('checks a step joining a VALUES lookup by the real tables it reads, taking the lookup’s columns for its own', () => {
    // SQLite names a VALUES list's columns column1, column2…: `AS m(code, rank)` is PostgreSQL's.
    const lookup = "(VALUES ('DE', 1), ('FR', 2)) AS m";
    const unlinkedTable = [
      'products[1].transformations[0]',
      "Transformation 'country_counts' of 'Revenue' reads table 'regions', which no input port brings and no earlier transformation makes; its inputs bring 'customers'.",
    ];
    const emailGone = [
      'products[1].transformations[0]',
      "Transformation 'country_counts' of 'Revenue' reads 'email' of 'customers', which its input port 'customers' does not bring: it brings customer_id, country.",
    ];
    for (const [sql, expected] of [
      [
        `SELECT r.name AS country, m.column2 AS customers FROM regions r JOIN ${lookup} ON m.column1 = r.code`,
        [unlinkedTable],
      ],
      [
        "WITH m(code, rank) AS (VALUES ('DE', 1), ('FR', 2)) SELECT r.name AS country, m.rank AS customers FROM regions r JOIN m ON m.code = r.code",
        [unlinkedTable],
      ],
      [`SELECT c.country, c.email AS customers FROM customers c JOIN ${lookup} ON m.column1 = c.country`, [emailGone]],
      [
        `SELECT country, column2 AS customers FROM customers JOIN ${lookup} ON column1 = country WHERE email IS NULL`,
        [],
      ],
      [`SELECT c.country, m.column2 AS customers FROM customers c JOIN ${lookup} ON m.column1 = c.country`, []],
    ] as const) {
      expect([sql, readsOf(withoutEmail(sql))]).toEqual([sql, expected]);
    }
  });

  it('takes a value left to bind (@minimum, :threshold, $floor, ?1) for no column: transformation-sql reports it, once', () => {
    for (const parameter of ['@minimum', ':threshold', '$floor', '?1', '#limit']) {
      const sql = `SELECT c.country, COUNT(*) AS customers FROM customers c WHERE c.customer_id > ${parameter} GROUP BY c.country`;
      const findings = validateMesh(withoutEmail(sql), { ruleIds: ['transformation-sql', 'transformation-reads'] });
      expect([parameter, findings.map((finding) => finding.ruleId)]).toEqual([parameter, ['transformation-sql']]);
    }
  });

  it("reads PostgreSQL's ILIKE, NOT ILIKE and SIMILAR TO as the operators they are, not as columns: transformation-sql reports them", () => {
    const conditions = [
      "country ILIKE 'a%'",
      "country NOT ILIKE 'a%'",
      "country SIMILAR TO 'a%'",
      "NOT country SIMILAR TO 'a%'",
    ];
    for (const condition of conditions) {
      const sql = `SELECT country, COUNT(*) AS customers FROM customers WHERE ${condition} GROUP BY country`;
      const selected = `SELECT customer_id, ${condition} AS is_a FROM customers`;
      expect([condition, readsOf(withoutEmail(sql)), readsOf(withoutEmail(selected))]).toEqual([condition, [], []]);
    }
    expect(
      readsOf(
        withoutEmail("SELECT country, COUNT(*) AS customers FROM customers WHERE email ILIKE 'a%' GROUP BY country"),
      ),
    ).toEqual([
      [
        'products[1].transformations[0]',
        "Transformation 'country_counts' of 'Revenue' reads 'email' of 'customers', which its input port 'customers' does not bring: it brings customer_id, country.",
      ],
    ]);
    // Elsewhere SQLite takes `similar` and `to` for names.
    expect(readsOf(withoutEmail('SELECT similar, to FROM customers')).map(([, message]) => message)).toEqual([
      "Transformation 'country_counts' of 'Revenue' reads 'similar' of 'customers', which its input port 'customers' does not bring: it brings customer_id, country.",
      "Transformation 'country_counts' of 'Revenue' reads 'to' of 'customers', which its input port 'customers' does not bring: it brings customer_id, country.",
    ]);
  });

  it("reads PostgreSQL's ARRAY[…], extract(field FROM x) and INTERVAL '…' as the values they are, not as columns: transformation-sql reports them", async () => {
    const emailGone =
      "Transformation 'country_counts' of 'Revenue' reads 'email' of 'customers', which its input port 'customers' does not bring: it brings customer_id, country.";
    const expressions = [
      'customer_id = ANY(ARRAY[1,2])',
      "country = ANY(ARRAY['a', 'b'])",
      'extract(epoch from customer_id) > 0',
      'EXTRACT(YEAR FROM customer_id) = 2024',
      "customer_id + interval '1 day' > 0",
      "customer_id - INTERVAL '2 hours' > 0",
    ];
    for (const expression of expressions) {
      const sql = `SELECT country, COUNT(*) AS customers FROM customers WHERE ${expression} GROUP BY country`;
      const selected = `SELECT customer_id, ${expression} AS is_a FROM customers`;
      const besideEmail = `SELECT customer_id, ${expression} AND email IS NULL AS is_a FROM customers`;
      expect([
        expression,
        readsOf(withoutEmail(sql)),
        readsOf(withoutEmail(selected)),
        readsOf(withoutEmail(besideEmail)).map(([, message]) => message),
      ]).toEqual([expression, [], [], [emailGone]]);
      const mesh = withoutEmail(sql);
      const refusals = stepRefusals(mesh, await testWorkspace());
      const findings = validateMesh(mesh, {
        ruleIds: ['transformation-sql', 'transformation-reads'],
        stepRefusals: refusals,
      });
      expect([
        expression,
        findings.map((finding) => [finding.ruleId, finding.fixHint?.startsWith('SQLite has no ')]),
      ]).toEqual([expression, [['transformation-sql', true]]]);
    }
    // A column an array holds is read.
    expect(readsOf(withoutEmail("SELECT customer_id FROM customers WHERE 'a' = ANY(ARRAY[country, email])"))).toEqual([
      ['products[1].transformations[0]', emailGone],
    ]);
    // A nested array's rows are arrays too, not bracketed names.
    expect(readsOf(withoutEmail('SELECT customer_id, ARRAY[[1, 2], [3, 4]] AS grid FROM customers'))).toEqual([]);
    expect(
      readsOf(withoutEmail('SELECT customer_id, ARRAY[[country, email], [country, ARRAY[1]]] AS grid FROM customers')),
    ).toEqual([['products[1].transformations[0]', emailGone]]);
    // Elsewhere SQLite takes `array`, `interval`, `epoch` and `year` for names.
    expect(
      readsOf(withoutEmail('SELECT array, interval, epoch, year FROM customers')).map(([, message]) => message),
    ).toEqual(
      ['array', 'interval', 'epoch', 'year'].map(
        (name) =>
          `Transformation 'country_counts' of 'Revenue' reads '${name}' of 'customers', which its input port 'customers' does not bring: it brings customer_id, country.`,
      ),
    );
  });

  it('does not guess what an input port without a dataset brings', () => {
    const mesh = aGovernedMesh();
    mesh.links = mesh.links.filter((link) => link.id !== 'customers-to-revenue');
    revenue(mesh).transformations = [{ name: 'country_counts', sql: 'SELECT country FROM anything' }];
    expect(readsOf(mesh)).toEqual([]);
  });

  it('follows the policies like any rule', () => {
    const mesh = withoutEmail('SELECT email AS country, COUNT(*) AS customers FROM customers GROUP BY email');
    mesh.policies.rules = { 'transformation-reads': 'warning' };
    expect(validateMesh(mesh, { ruleIds: ['transformation-reads'] }).map((finding) => finding.severity)).toEqual([
      'warning',
    ]);
  });

  it.each(
    readdirSync(new URL('../../../assets/samples/', import.meta.url)).filter((name) => name.endsWith('.mesh.json')),
  )('finds nothing in the sample %s', (name) => {
    const parsed = parseMeshFile(readFileSync(new URL(`../../../assets/samples/${name}`, import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error(`${name} does not open`);
    expect(readsOf(parsed.value)).toEqual([]);
  });

  it('keeps a field added back', () => {
    const mesh = withoutEmail('SELECT c.country, COUNT(c.email) AS customers FROM customers c GROUP BY c.country');
    customersContract(mesh).schema[0]?.properties.push(aProperty('EMAIL'));
    expect(readsOf(mesh)).toEqual([]);
  });

  it("reports a consumer reading a producer's ODCS 3.2 measure, which its port publishes no column of", () => {
    const mesh = aTurnoverMesh();
    const report = aProduct('report', 'consumer-aligned')
      .withInput('turnover-in')
      .withTransformation(
        'by_country',
        'SELECT country_code, SUM(total_turnover_euros) AS total FROM turnover GROUP BY country_code',
      )
      .build();
    mesh.products.push(report);
    mesh.links.push({
      id: 'sales-to-report',
      from: { nodeId: 'sales', portId: 'turnover-out' },
      to: { nodeId: 'report', portId: 'turnover-in' },
    });
    expect(readsOf(mesh)).toEqual([
      [
        'products[1].transformations[0]',
        "Transformation 'by_country' of 'report' reads 'total_turnover_euros' of 'turnover', which its input port 'turnover-in' does not bring: it brings turnover_ts, order_id, turnover_euros, country_code, country_code_dim, order_month.",
      ],
    ]);
  });
});
