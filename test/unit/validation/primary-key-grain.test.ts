import { describe, expect, it } from 'vitest';
import type { Contract, Mesh } from '../../../shared/model';
import { sqlJsWorkspace } from '../../../shared/simulation';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aProperty } from '../contracts/builders';
import { loadSqlJs } from '../simulation/builders';
import { aMeshPublishingCustomerLeads } from './governed-mesh';

const messages = (mesh: Mesh) =>
  validateMesh(mesh, { ruleIds: ['primary-key-grain'] }).map((finding) => finding.message);

/** Whether `sql`, run in sql.js over customers and leads that share countries and an id (1), gives a key's value twice. */
async function repeatsKey(sql: string, key: readonly string[] = ['customer_id']): Promise<boolean> {
  const connection = sqlJsWorkspace(await loadSqlJs(), 0)().connect();
  connection.exec(`CREATE TABLE customers (customer_id INTEGER, email TEXT, country TEXT);
INSERT INTO customers VALUES (1, 'a@x', 'NL'), (2, 'b@x', 'FR');
CREATE TABLE leads (lead_id INTEGER, country TEXT, desc TEXT);
INSERT INTO leads VALUES (1, 'NL', 'webinar'), (11, 'NL', 'fair'), (12, 'FR', 'fair');`);
  const columns = key.join(', ');
  const [[repeated]] = connection
    .prepare(`SELECT COUNT(*) FROM (SELECT ${columns} FROM (${sql}) GROUP BY ${columns} HAVING COUNT(*) > 1)`)
    .all([]) as [[number]];
  return repeated > 0;
}

const FAN_OUT = 'SELECT c.customer_id, l.lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country';

describe('primary-key-grain', () => {
  it('warns at the step where a join on a non-key column of the other input repeats the primary key', async () => {
    const [finding, ...others] = validateMesh(aMeshPublishingCustomerLeads(FAN_OUT), {
      ruleIds: ['primary-key-grain'],
    });
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'primary-key-grain',
      severity: 'warning',
      element: { kind: 'transformation', productId: 'revenue', name: 'customer_leads' },
      path: 'products[1].transformations[1]',
      related: [{ kind: 'port', productId: 'revenue', portId: 'customer-leads' }],
      message:
        "customer_leads: primary key customer_id may repeat: joins 'leads' on country, which is not a key of 'leads', so each row meets every matching row of it; contract 'Customer leads' of output port 'customer leads' then gets rows the simulation quarantines (\"unique on customer_id\").",
      fixHint: "Group by customer_id, or add lead_id to the key, or join 'leads' on a key of it.",
    });
    expect(await repeatsKey(FAN_OUT)).toBe(true);
  });

  it('warns of a LEFT JOIN that fans out as an inner one does', async () => {
    const sql = 'SELECT customer_id, lead_id, c.country FROM customers c LEFT JOIN leads l ON l.country = c.country';
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([expect.stringContaining("joins 'leads' on country")]);
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('warns of a fan-out whose only aggregate is inside a subquery: the step itself does not group', async () => {
    const sql =
      'SELECT c.customer_id, (SELECT MAX(x.lead_id) FROM leads x WHERE x.country = c.country) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country';
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([expect.stringContaining("joins 'leads' on country")]);
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('warns where the key is no key of the one table the step reads row by row, so it repeats per row of it', async () => {
    const sql = 'SELECT NULL AS customer_id, l.lead_id, l.country FROM leads l';
    const [finding, ...others] = validateMesh(aMeshPublishingCustomerLeads(sql, ['country']), {
      ruleIds: ['primary-key-grain'],
    });
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      element: { kind: 'transformation', productId: 'revenue', name: 'customer_leads' },
      message:
        "customer_leads: primary key country may repeat: it gives a row per row of 'leads', whose key is lead_id, and country is no key of 'leads'; contract 'Customer leads' of output port 'customer leads' then gets rows the simulation quarantines (\"unique on country\").",
      fixHint: 'Group by country, or make lead_id the key.',
    });
    expect(await repeatsKey(sql, ['country'])).toBe(true);
  });

  it('warns where the key comes from a joined table it names no row of, though the join takes the other by its key', async () => {
    const sql = 'SELECT c.customer_id, l.lead_id, l.country FROM leads l JOIN customers c ON c.country = l.country';
    expect(messages(aMeshPublishingCustomerLeads(sql, ['country']))).toEqual([
      expect.stringContaining(
        "it gives a row per row of 'leads', whose key is lead_id, and country is no key of 'leads'",
      ),
    ]);
    expect(await repeatsKey(sql, ['country'])).toBe(true);
  });

  it("says nothing where WHERE holds the table's key to one value, so one row remains", () => {
    const sql = 'SELECT NULL AS customer_id, l.lead_id, l.country FROM leads l WHERE l.lead_id = 10';
    expect(messages(aMeshPublishingCustomerLeads(sql, ['country']))).toEqual([]);
  });

  it('says nothing where the join takes the other input by its whole key', async () => {
    const sql = 'SELECT c.customer_id, l.lead_id, l.country FROM customers c JOIN leads l ON l.lead_id = c.customer_id';
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([]);
    expect(await repeatsKey(sql)).toBe(false);
  });

  it('says nothing where the step groups by the key', async () => {
    const sql =
      'SELECT c.customer_id, MAX(l.lead_id) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country GROUP BY c.customer_id';
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([]);
    expect(await repeatsKey(sql)).toBe(false);
  });

  it('says nothing where a composite key takes a key of each side', async () => {
    const key = ['customer_id', 'lead_id'];
    expect(messages(aMeshPublishingCustomerLeads(FAN_OUT, key))).toEqual([]);
    expect(await repeatsKey(FAN_OUT, key)).toBe(false);
  });

  it('warns of a join written with USING that fans out as its ON would', async () => {
    const sql = 'SELECT customer_id, lead_id, customers.country FROM customers JOIN leads USING (country)';
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([
      expect.stringContaining("joins 'leads' on country, which is not a key of 'leads'"),
    ]);
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('warns of a USING after several tables, which SQLite matches with the first of them that has the column, as its ON would', async () => {
    const sql =
      'SELECT c.customer_id, l.lead_id, c.country FROM customers c JOIN customers d USING (customer_id) JOIN leads l USING (country)';
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([
      expect.stringContaining("joins 'leads' on country, which is not a key of 'leads'"),
    ]);
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('warns of a NATURAL join that fans out on the columns its tables share, as its ON would', async () => {
    const sql = 'SELECT customer_id, lead_id, customers.country FROM customers NATURAL JOIN leads';
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([
      expect.stringContaining("joins 'leads' on country, which is not a key of 'leads'"),
    ]);
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('says nothing where USING after several tables, or NATURAL, takes the other table by its whole key', async () => {
    const once = [
      'SELECT c.customer_id, l.lead_id, c.country FROM customers c JOIN leads l ON l.lead_id = c.customer_id JOIN customers d USING (customer_id)',
      'SELECT c.customer_id, NULL AS lead_id, c.country FROM customers c NATURAL JOIN customers d',
    ];
    for (const sql of once) {
      expect(messages(aMeshPublishingCustomerLeads(sql)), sql).toEqual([]);
      expect(await repeatsKey(sql), sql).toBe(false);
    }
  });

  it('warns where UNION ALL adds the rows of two tables whose key columns may hold one value', async () => {
    const sql =
      'SELECT customer_id, NULL AS lead_id, country FROM customers UNION ALL SELECT lead_id, lead_id, country FROM leads';
    const [finding, ...others] = validateMesh(aMeshPublishingCustomerLeads(sql), { ruleIds: ['primary-key-grain'] });
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      message:
        "customer_leads: primary key customer_id may repeat: UNION ALL adds the rows of 'customers' (customer_id) and 'leads' (lead_id), which may share a customer_id; contract 'Customer leads' of output port 'customer leads' then gets rows the simulation quarantines (\"unique on customer_id\").",
      fixHint:
        "Make each SELECT's customer_id its own (a prefix or offset per source), or add a column telling the sources apart to the key.",
    });
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('warns where a UNION keeps rows of two tables that share a key value and differ beside it', async () => {
    const sql =
      'SELECT customer_id, NULL AS lead_id, country FROM customers UNION SELECT lead_id, lead_id, country FROM leads';
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([
      expect.stringContaining(
        "UNION keeps the rows that differ beside the key of 'customers' (customer_id) and 'leads' (lead_id), which may share a customer_id",
      ),
    ]);
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('warns of a join fan-out inside one SELECT of a UNION ALL', async () => {
    const sql = `${FAN_OUT} UNION ALL SELECT 100, NULL, 'XX'`;
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([expect.stringContaining("joins 'leads' on country")]);
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('warns of a join fan-out inside one SELECT of a plain UNION whose joined table adds a column the key does not decide', async () => {
    const sql = `${FAN_OUT} UNION SELECT 100, NULL, 'XX'`;
    const [finding, ...others] = validateMesh(aMeshPublishingCustomerLeads(sql), { ruleIds: ['primary-key-grain'] });
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      message:
        "customer_leads: primary key customer_id may repeat: it selects lead_id, and customer_id does not decide lead_id, so UNION keeps a row per lead_id; contract 'Customer leads' of output port 'customer leads' then gets rows the simulation quarantines (\"unique on customer_id\").",
      fixHint: 'Group by customer_id (aggregating lead_id), or add lead_id to the key.',
    });
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('says nothing of a join fan-out inside a plain UNION whose SELECTs hold only columns the key decides', async () => {
    const sql =
      "SELECT c.customer_id, c.customer_id AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country UNION SELECT 100, NULL, 'XX'";
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([]);
    expect(await repeatsKey(sql)).toBe(false);
  });

  it('warns of a join fan-out in the last SELECT of a mixed compound, which UNION ALL adds after the earlier UNION deduplicated', async () => {
    const decided =
      'SELECT c.customer_id, c.customer_id AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country';
    const sql = `SELECT 100 AS customer_id, NULL AS lead_id, 'XX' AS country UNION SELECT 200, NULL, 'YY' UNION ALL ${decided}`;
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([expect.stringContaining("joins 'leads' on country")]);
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('warns where UNION ALL after a UNION adds again the rows of a table an earlier SELECT read', async () => {
    const sql = 'SELECT customer_id FROM customers UNION SELECT 200 UNION ALL SELECT customer_id FROM customers';
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([
      expect.stringContaining("UNION ALL adds the rows of 'customers' (customer_id) and 'customers' (customer_id)"),
    ]);
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('says nothing of a mixed compound whose later UNION deduplicates every SELECT before it', async () => {
    const decided =
      'SELECT c.customer_id, c.customer_id AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country';
    const once = [
      `SELECT 100 AS customer_id, NULL AS lead_id, 'XX' AS country UNION SELECT 200, NULL, 'YY' UNION ${decided}`,
      `SELECT 100 AS customer_id, NULL AS lead_id, 'XX' AS country UNION ALL ${decided} UNION SELECT 200, NULL, 'YY'`,
      'SELECT customer_id FROM customers UNION ALL SELECT customer_id FROM customers UNION SELECT 200',
    ];
    for (const sql of once) {
      expect(messages(aMeshPublishingCustomerLeads(sql)), sql).toEqual([]);
      expect(await repeatsKey(sql), sql).toBe(false);
    }
  });

  it('says nothing of a compound that gives each key once: key-only UNION, a join on a whole key, constant keys, one table filtered apart, INTERSECT, EXCEPT', async () => {
    const once = [
      'SELECT customer_id FROM customers UNION SELECT lead_id FROM leads',
      "SELECT c.customer_id, l.lead_id, c.country FROM customers c JOIN leads l ON l.lead_id = c.customer_id UNION ALL SELECT 100, NULL, 'XX'",
      "SELECT 100 AS customer_id, NULL AS lead_id, 'XX' AS country UNION ALL SELECT 200, NULL, 'YY'",
      "SELECT customer_id, NULL AS lead_id, country FROM customers WHERE country = 'NL' UNION ALL SELECT customer_id, NULL, country FROM customers WHERE country = 'FR'",
      'SELECT customer_id, NULL AS lead_id, country FROM customers INTERSECT SELECT lead_id, NULL, country FROM leads',
      'SELECT customer_id, NULL AS lead_id, country FROM customers EXCEPT SELECT lead_id, NULL, country FROM leads',
    ];
    for (const sql of once) {
      expect(messages(aMeshPublishingCustomerLeads(sql)), sql).toEqual([]);
      expect(await repeatsKey(sql), sql).toBe(false);
    }
  });

  it('stays silent where the SQL leaves the grain unsure: the other side deduplicated in a subquery or a CTE', () => {
    const unsure = [
      'SELECT c.customer_id, l.lead_id, c.country FROM customers c JOIN (SELECT country, MIN(lead_id) AS lead_id FROM leads GROUP BY country) l ON l.country = c.country',
      'WITH ranked AS (SELECT lead_id, country, row_number() OVER (PARTITION BY country ORDER BY lead_id) AS n FROM leads) SELECT c.customer_id, r.lead_id, c.country FROM customers c JOIN ranked r ON r.country = c.country AND r.n = 1',
    ];
    for (const sql of unsure) expect(messages(aMeshPublishingCustomerLeads(sql)), sql).toEqual([]);
  });

  it('warns where the step groups by the key and a column the key does not decide, so the key repeats per value of it', async () => {
    const sql =
      'SELECT c.customer_id, COUNT(*) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country GROUP BY c.customer_id, l.lead_id';
    const [finding, ...others] = validateMesh(aMeshPublishingCustomerLeads(sql), { ruleIds: ['primary-key-grain'] });
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      element: { kind: 'transformation', productId: 'revenue', name: 'customer_leads' },
      message:
        "customer_leads: primary key customer_id may repeat: it groups by customer_id and lead_id, and customer_id does not decide lead_id, so it gives a row per lead_id; contract 'Customer leads' of output port 'customer leads' then gets rows the simulation quarantines (\"unique on customer_id\").",
      fixHint: 'Group by customer_id alone (aggregating lead_id), or add lead_id to the key.',
    });
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('says nothing where every other grouped column is decided by the key: a column of its own table, or one a join equates with such', async () => {
    const decided = [
      'SELECT c.customer_id, COUNT(*) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country GROUP BY c.customer_id, c.country',
      'SELECT c.customer_id, COUNT(*) AS lead_id, l.country FROM customers c JOIN leads l ON l.country = c.country GROUP BY c.customer_id, l.country',
    ];
    for (const sql of decided) {
      expect(messages(aMeshPublishingCustomerLeads(sql)), sql).toEqual([]);
      expect(await repeatsKey(sql), sql).toBe(false);
    }
  });

  it('warns where DISTINCT keeps a row per value of a column a window is partitioned by and the key does not decide', async () => {
    const sql =
      'SELECT DISTINCT c.customer_id, AVG(l.lead_id) OVER (PARTITION BY c.customer_id, l.lead_id) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country';
    const [finding, ...others] = validateMesh(aMeshPublishingCustomerLeads(sql), { ruleIds: ['primary-key-grain'] });
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      element: { kind: 'transformation', productId: 'revenue', name: 'customer_leads' },
      message:
        "customer_leads: primary key customer_id may repeat: the window of lead_id is partitioned by customer_id and lead_id, and customer_id does not decide lead_id, so DISTINCT keeps a row per lead_id; contract 'Customer leads' of output port 'customer leads' then gets rows the simulation quarantines (\"unique on customer_id\").",
      fixHint: 'Partition the window of lead_id by customer_id alone, or add lead_id to the key.',
    });
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('warns where DISTINCT meets a window ordered by a column the key does not decide, whose running value differs by it', async () => {
    const sql =
      'SELECT DISTINCT c.customer_id, SUM(l.lead_id) OVER (PARTITION BY c.customer_id ORDER BY l.lead_id) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country';
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([
      expect.stringContaining(
        'the window of lead_id is partitioned by customer_id and ordered by lead_id, and customer_id does not decide lead_id, so DISTINCT keeps a row per lead_id',
      ),
    ]);
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('warns where DISTINCT meets a window ordered by such a column whatever its direction, place for NULLs and collation', async () => {
    const sqls = ['DESC NULLS LAST', 'NULLS FIRST', 'ASC NULLS FIRST', 'COLLATE nocase ASC', 'COLLATE binary'].map(
      (ordering) =>
        `SELECT DISTINCT c.customer_id, SUM(l.lead_id) OVER (PARTITION BY c.customer_id ORDER BY l.lead_id ${ordering}) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country`,
    );
    for (const sql of sqls) {
      expect(messages(aMeshPublishingCustomerLeads(sql)), sql).toEqual([
        expect.stringContaining('the window of lead_id is partitioned by customer_id and ordered by lead_id'),
      ]);
      expect(await repeatsKey(sql), sql).toBe(true);
    }
  });

  it('says nothing where DISTINCT meets windows whose partition the key decides, or whose frame is the whole partition', async () => {
    const decided = [
      'SELECT DISTINCT c.customer_id, SUM(l.lead_id) OVER (PARTITION BY c.customer_id) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country',
      'SELECT DISTINCT c.customer_id, COUNT(*) OVER (PARTITION BY c.customer_id, l.country) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country',
      'SELECT DISTINCT c.customer_id, SUM(l.lead_id) OVER (PARTITION BY c.customer_id ORDER BY l.lead_id RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country',
      'SELECT DISTINCT c.customer_id, SUM(c.customer_id) OVER () AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country',
    ];
    for (const sql of decided) {
      expect(messages(aMeshPublishingCustomerLeads(sql)), sql).toEqual([]);
      expect(await repeatsKey(sql), sql).toBe(false);
    }
  });

  it('warns where DISTINCT selects a column the key does not decide, so it keeps a row per value of it', async () => {
    const sql =
      'SELECT DISTINCT c.customer_id, l.lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country';
    const [finding, ...others] = validateMesh(aMeshPublishingCustomerLeads(sql), { ruleIds: ['primary-key-grain'] });
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      message:
        "customer_leads: primary key customer_id may repeat: it selects lead_id, and customer_id does not decide lead_id, so DISTINCT keeps a row per lead_id; contract 'Customer leads' of output port 'customer leads' then gets rows the simulation quarantines (\"unique on customer_id\").",
      fixHint: 'Group by customer_id (aggregating lead_id), or add lead_id to the key.',
    });
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('warns where DISTINCT selects a bare column named `desc` the key does not decide, read as SQLite reads it', async () => {
    const sql =
      'SELECT DISTINCT c.customer_id, desc AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country ORDER BY desc DESC';
    const mesh = aMeshPublishingCustomerLeads(sql);
    const leads = mesh.contracts.find((contract) => contract.id === 'leads');
    leads?.schema[0]?.properties.push(aProperty('desc'));
    expect(messages(mesh)).toEqual([expect.stringContaining('it selects desc, and customer_id does not decide desc')]);
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('warns where DISTINCT selects every column of a table the key names many rows of', async () => {
    const sql = 'SELECT DISTINCT c.customer_id, l.* FROM customers c JOIN leads l ON l.country = c.country';
    expect(messages(aMeshPublishingCustomerLeads(sql))).toEqual([
      expect.stringContaining('it selects lead_id, and customer_id does not decide lead_id'),
    ]);
    expect(await repeatsKey(sql)).toBe(true);
  });

  it('warns where DISTINCT meets a row-by-row window function whose partition the key decides, as the key names many rows', async () => {
    const sqls = [
      'SELECT DISTINCT c.customer_id, row_number() OVER (ORDER BY c.country) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country',
      'SELECT DISTINCT c.customer_id, lag(l.lead_id) OVER (PARTITION BY c.country ORDER BY c.customer_id) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country',
      'SELECT DISTINCT c.customer_id, SUM(c.customer_id) OVER (PARTITION BY c.customer_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country',
    ];
    const [rowNumber, lag, runningSum] = sqls.map((sql) => messages(aMeshPublishingCustomerLeads(sql)));
    expect(rowNumber).toEqual([
      expect.stringContaining(
        'the window of lead_id (row_number) gives each row its own value, and customer_id does not decide lead_id, so DISTINCT keeps a row per lead_id',
      ),
    ]);
    expect(lag).toEqual([expect.stringContaining('the window of lead_id (lag) gives each row its own value')]);
    expect(runningSum).toEqual([expect.stringContaining('the window of lead_id (sum) gives each row its own value')]);
    const [finding] = validateMesh(aMeshPublishingCustomerLeads(sqls[0] as string), { ruleIds: ['primary-key-grain'] });
    expect(finding?.fixHint).toBe(
      'Compute the window of lead_id over one row per customer_id (group by customer_id first), or add lead_id to the key.',
    );
    for (const sql of sqls) expect(await repeatsKey(sql), sql).toBe(true);
  });

  it('says nothing where DISTINCT selects only what the key decides, or numbers rows the key names one of', async () => {
    const decided = [
      'SELECT DISTINCT c.customer_id, c.customer_id AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country',
      'SELECT DISTINCT c.*, c.customer_id AS lead_id FROM customers c JOIN leads l ON l.country = c.country',
      'SELECT DISTINCT c.customer_id, row_number() OVER (PARTITION BY c.customer_id ORDER BY c.country) AS lead_id, c.country FROM customers c',
      'SELECT DISTINCT c.customer_id, l.lead_id, c.country FROM customers c JOIN leads l ON l.lead_id = c.customer_id',
      'SELECT DISTINCT c.customer_id, rank() OVER (PARTITION BY c.customer_id ORDER BY c.country) AS lead_id, c.country FROM customers c JOIN leads l ON l.country = c.country',
    ];
    for (const sql of decided) {
      expect(messages(aMeshPublishingCustomerLeads(sql)), sql).toEqual([]);
      expect(await repeatsKey(sql), sql).toBe(false);
    }
  });

  it('says nothing of a contract without a primary key', () => {
    const mesh = aMeshPublishingCustomerLeads(FAN_OUT);
    const contract = mesh.contracts.find((candidate) => candidate.id === 'customer-leads') as Contract;
    for (const property of contract.schema[0]?.properties ?? []) property.primaryKey = false;
    expect(messages(mesh)).toEqual([]);
  });
});
