import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts/contract-text';
import { withProductUpdated } from '../../../shared/editing/products';
import type { Contract, ContractProperty, Mesh } from '../../../shared/model';
import type { Scenario } from '../../../shared/model/scenario';
import { applyFix } from '../../../shared/validation/fixes';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aKey, aProperty } from '../contracts/builders';
import { simulate } from '../simulation/builders';
import { aTurnoverMesh } from '../simulation/turnover-mesh';
import { aBusyDay, aGovernedMesh } from './governed-mesh';

const SAMPLES = new URL('../../../assets/samples/', import.meta.url);

/** The Shop fills its customers table with five rows on the first tick. */
const FIVE_CUSTOMERS: Scenario = aBusyDay();

/**
 * The governed mesh, simulated, where the contract Customers publishes (straight from the Shop's
 * CDC table: customer_id, email, country) has its properties changed by `edit`.
 */
function customersPublishing(edit: (properties: ContractProperty[]) => void, scenarios = [FIVE_CUSTOMERS]): Mesh {
  const mesh = aGovernedMesh();
  mesh.scenarios.push(...scenarios);
  const customers = mesh.contracts.find((contract) => contract.id === 'customers') as Contract;
  edit(customers.schema[0]?.properties as ContractProperty[]);
  return mesh;
}

const renamed = (from: string, to: ContractProperty) => (properties: ContractProperty[]) =>
  properties.splice(
    properties.findIndex((property) => property.name === from),
    1,
    to,
  );

const findings = (mesh: Mesh) => validateMesh(mesh, { ruleIds: ['published-fields'] });

describe('published-fields', () => {
  it('reports a required field the published input table lacks, at the port, naming port, contract and field', () => {
    const [finding, ...others] = findings(
      customersPublishing(renamed('country', aProperty('region', 'string', { required: true }))),
    );
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'published-fields',
      severity: 'error',
      element: { kind: 'port', productId: 'customers', portId: 'out' },
      related: [{ kind: 'port', productId: 'customers', portId: 'in' }],
      path: 'products[0].outputPorts[0]',
      message:
        "Output port 'customers' of 'Customers' publishes the table its input port 'shop customers' fills ('customers') as it comes, which has no field 'region': contract 'Customers' requires it, so the simulation quarantines every record but deletions.",
    });
    expect(finding?.fixHint).toBe(
      "The table has customer_id, email, country. Make 'region' optional in contract 'Customers', have what input port 'shop customers' reads bring it, or add 'region' in a transformation named like the contract's schema object, which first needs a new name (e.g. 'customers_published'): consumers read the published table by the name 'customers' and would then have to read the new one.",
    );
  });

  it('reports a required field whose column can never hold a value of its type, and says nothing of an optional one', () => {
    const mesh = customersPublishing((properties) => {
      properties.splice(0, 2, aKey('customer_id', 'string'), aProperty('email', 'integer'));
    });
    expect(findings(mesh).map((finding) => finding.message)).toEqual([
      "Output port 'customers' of 'Customers' publishes the table its input port 'shop customers' fills ('customers') as it comes, whose field 'customer_id' holds INTEGER values: contract 'Customers' requires a string, so the simulation quarantines every record.",
    ]);
  });

  it("hints first at the contract's type, and warns that a casting transformation renames the table consumers read", () => {
    const mesh = customersPublishing((properties) => {
      properties.splice(0, 1, aKey('customer_id', 'string'));
    });
    expect(findings(mesh).map((finding) => finding.fixHint)).toEqual([
      "Give 'customer_id' a type its INTEGER column holds in contract 'Customers' (number, integer or boolean), or cast it in a transformation named like the contract's schema object, which first needs a new name (e.g. 'customers_published'): consumers read the published table by the name 'customers' and would then have to read the new one.",
    ]);
  });

  it('finds what the simulation finds: every record of a port quarantined, none when the field is optional', async () => {
    const broken = customersPublishing(renamed('country', aProperty('region', 'string', { required: true })));
    const fine = customersPublishing(renamed('country', aProperty('region', 'string')));
    const portOf = async (mesh: Mesh) =>
      (await simulate(mesh, FIVE_CUSTOMERS)).step(1).ports['customers/out'] as {
        published: number;
        quarantined: number;
      };

    expect(await portOf(broken)).toMatchObject({ published: 0, quarantined: 5 });
    expect(findings(broken)).toHaveLength(1);
    expect(await portOf(fine)).toMatchObject({ published: 5, quarantined: 0 });
    expect(findings(fine)).toEqual([]);
  });

  it('counts a key part as required without required: true, as the simulation quarantines a record lacking it', async () => {
    const keyedByRegion = customersPublishing(
      renamed('country', aProperty('region', 'string', { primaryKey: true, primaryKeyPosition: 2 })),
    );
    const port = (await simulate(keyedByRegion, FIVE_CUSTOMERS)).step(1).ports['customers/out'];

    expect(port).toMatchObject({ published: 0, quarantined: 5 });
    const [finding, ...others] = findings(keyedByRegion);
    expect(others).toEqual([]);
    expect(finding?.message).toContain("which has no field 'region': contract 'Customers' requires it");
    expect(finding?.fixHint).toContain("Take 'region' out of the key and make it optional in contract 'Customers'");
  });

  it('says nothing of a sketch without a scenario, whose transformations may not be written yet', () => {
    const sketch = customersPublishing(renamed('country', aProperty('region', 'string', { required: true })), []);
    expect(findings(sketch)).toEqual([]);
  });

  it("says nothing when a transformation makes the published table: its SQL gives the contract's fields", () => {
    const mesh = customersPublishing((properties) =>
      properties.push(aProperty('region', 'string', { required: true })),
    );
    const customers = mesh.contracts.find((contract) => contract.id === 'customers') as Contract;
    (customers.schema[0] as { name: string }).name = 'customers_published';
    const withStep = withProductUpdated(mesh, 'customers', {
      transformations: [{ name: 'customers_published', sql: "SELECT *, 'north' AS region FROM customers" }],
    });
    expect(findings(withStep)).toEqual([]);
  });

  describe('of a transformation an output port publishes', () => {
    /** The governed mesh, simulated, where Country counts also declares `property`, and Revenue's step makes the table with `sql`. */
    function countsDeclaring(property: ContractProperty, sql: string): Mesh {
      const mesh = aGovernedMesh();
      mesh.scenarios.push(FIVE_CUSTOMERS);
      const counts = mesh.contracts.find((contract) => contract.id === 'country-counts') as Contract;
      counts.schema[0]?.properties.push(property);
      return withProductUpdated(mesh, 'revenue', { transformations: [{ name: 'country_counts', sql }] });
    }

    /** Country counts also declaring an optional `revenue`. */
    const countsDeclaringRevenue = (sql: string) => countsDeclaring(aProperty('revenue', 'number'), sql);

    it('reports, at the transformation, the columns its contract declares that its SELECT does not make', async () => {
      const mesh = countsDeclaringRevenue(
        'SELECT c.country, COUNT(*) AS customers FROM customers c GROUP BY c.country',
      );
      expect(findings(mesh)).toMatchObject([
        {
          ruleId: 'published-fields',
          severity: 'error',
          element: { kind: 'transformation', productId: 'revenue', name: 'country_counts' },
          related: [{ kind: 'port', productId: 'revenue', portId: 'out' }],
          path: 'products[1].transformations[0]',
          message:
            "Transformation 'country_counts' of 'Revenue' makes the table output port 'counts' publishes without column 'revenue', which contract 'Country counts' declares, so the step fails on every tick.",
        },
      ]);
      const failure = (await simulate(mesh, FIVE_CUSTOMERS)).step(1).errors[0]?.message;
      expect(failure).toContain('its result has no column revenue, which its contract declares');
    });

    it('warns, at the transformation, of a required field its SELECT gives NULL: the simulation quarantines every record', async () => {
      const mesh = countsDeclaring(
        aProperty('last_counted_at', 'timestamp', { required: true }),
        'SELECT c.country, COUNT(*) AS customers, NULL AS last_counted_at FROM customers c GROUP BY c.country',
      );
      expect(findings(mesh)).toMatchObject([
        {
          ruleId: 'published-fields',
          severity: 'warning',
          element: { kind: 'transformation', productId: 'revenue', name: 'country_counts' },
          related: [{ kind: 'port', productId: 'revenue', portId: 'out' }],
          path: 'products[1].transformations[0]',
          message:
            "Transformation 'country_counts' of 'Revenue' makes the table output port 'counts' publishes, but every record will be quarantined: required field 'last_counted_at' is given NULL, which contract 'Country counts' requires a value of.",
          fixHint:
            "Compute a value for 'last_counted_at' in the SELECT, or make it optional in contract 'Country counts'; as it is, the simulation quarantines every record the port publishes: \"required on last_counted_at\".",
        },
      ]);
      const port = (await simulate(mesh, FIVE_CUSTOMERS)).step(1).ports['revenue/out'];
      expect(port).toMatchObject({ published: 0 });
      expect((port as { quarantined: number }).quarantined).toBeGreaterThan(0);
    });

    it('warns of a key field its SELECT gives a NULL cast to a type, and of every branch of a UNION giving it NULL', () => {
      const cast = findings(
        countsDeclaring(
          aProperty('region', 'string', { primaryKey: true, primaryKeyPosition: 2 }),
          'SELECT c.country, COUNT(*) AS customers, CAST(NULL AS TEXT) AS region FROM customers c GROUP BY c.country',
        ),
      );
      expect(cast.map((finding) => [finding.severity, finding.message])).toEqual([
        [
          'warning',
          "Transformation 'country_counts' of 'Revenue' makes the table output port 'counts' publishes, but every record will be quarantined: required field 'region' is given NULL, which contract 'Country counts' requires a value of.",
        ],
      ]);
      expect(cast[0]?.fixHint).toMatch(
        /^Compute a value for 'region' in the SELECT, or take it out of the key and make it optional/,
      );
      const bothBranches = countsDeclaring(
        aProperty('region', 'string', { primaryKey: true, primaryKeyPosition: 2 }),
        "SELECT c.country, COUNT(*) AS customers, NULL AS region FROM customers c GROUP BY c.country UNION ALL SELECT 'none', 0, NULL",
      );
      expect(findings(bothBranches).map((finding) => finding.message)).toEqual(cast.map((finding) => finding.message));
    });

    it('says nothing of NULL given to an optional field, or to a required one in only one branch of a UNION', () => {
      const optional = countsDeclaring(
        aProperty('note', 'string'),
        'SELECT c.country, COUNT(*) AS customers, NULL AS note FROM customers c GROUP BY c.country',
      );
      const oneBranch = countsDeclaring(
        aProperty('source', 'string', { required: true }),
        "SELECT c.country, COUNT(*) AS customers, NULL AS source FROM customers c GROUP BY c.country UNION ALL SELECT 'none', 0, 'none'",
      );
      expect(findings(optional)).toEqual([]);
      expect(findings(oneBranch)).toEqual([]);
    });

    it('warns of a required field given NULL in a CTE the SELECT copies it from, through one CTE or more', async () => {
      const nulled = [
        'warning',
        "Transformation 'country_counts' of 'Revenue' makes the table output port 'counts' publishes, but every record will be quarantined: required field 'region' is given NULL, which contract 'Country counts' requires a value of.",
      ];
      const region = aProperty('region', 'string', { required: true });
      const sqls = [
        'WITH base AS (SELECT country, NULL AS region FROM customers) SELECT country, COUNT(*) AS customers, region FROM base GROUP BY country, region',
        'WITH base (land, area) AS (SELECT country, NULL FROM customers) SELECT b.land AS country, COUNT(*) AS customers, b.area AS region FROM base b GROUP BY b.land, b.area',
        'WITH base AS (SELECT country, CAST(NULL AS TEXT) AS region FROM customers), counted AS (SELECT country, region, COUNT(*) AS customers FROM base GROUP BY country, region) SELECT country, customers, region FROM counted',
        'WITH base AS (SELECT country, NULL AS region FROM customers) SELECT s.country, s.customers, s.region FROM (SELECT country, COUNT(*) AS customers, region FROM base GROUP BY country, region) s',
      ];
      for (const sql of sqls) {
        expect([
          sql,
          findings(countsDeclaring(region, sql)).map((finding) => [finding.severity, finding.message]),
        ]).toEqual([sql, [nulled]]);
      }
      const [throughOne = ''] = sqls;
      const port = (await simulate(countsDeclaring(region, throughOne), FIVE_CUSTOMERS)).step(1).ports['revenue/out'];
      expect(port).toMatchObject({ published: 0 });
      expect((port as { quarantined: number }).quarantined).toBeGreaterThan(0);
    });

    it('says nothing of a CTE that computes the field, or gives it NULL in only one branch', () => {
      const region = aProperty('region', 'string', { required: true });
      for (const sql of [
        'WITH base AS (SELECT country, UPPER(country) AS region FROM customers) SELECT country, COUNT(*) AS customers, region FROM base GROUP BY country, region',
        "WITH base AS (SELECT country, NULL AS region FROM customers) SELECT country, COUNT(*) AS customers, COALESCE(region, 'none') AS region FROM base GROUP BY country",
        "WITH base AS (SELECT country, NULL AS region FROM customers UNION ALL SELECT 'none', 'none') SELECT country, COUNT(*) AS customers, region FROM base GROUP BY country, region",
        'WITH base AS (SELECT country, NULL AS region FROM customers) SELECT c.country, COUNT(*) AS customers, c.country AS region FROM customers c JOIN base b ON b.country = c.country GROUP BY c.country',
      ]) {
        expect([sql, findings(countsDeclaring(region, sql))]).toEqual([sql, []]);
      }
    });

    it('suggests a value, not NULL, for a missing column the contract requires', () => {
      const mesh = countsDeclaring(
        aProperty('last_counted_at', 'timestamp', { required: true }),
        'SELECT c.country, COUNT(*) AS customers FROM customers c GROUP BY c.country',
      );
      const [hint] = findings(mesh).map((finding) => finding.fixHint);
      expect(hint).toBe(
        'Add it to the SELECT with a computed value, or make it optional in or remove it from contract \'Country counts\'; as it is, the simulation stops the step: "its result has no column last_counted_at, which its contract declares".',
      );
    });

    it('says nothing when its SELECT makes every declared column', () => {
      expect(
        findings(
          countsDeclaringRevenue(
            'SELECT c.country, COUNT(*) AS customers, 0.0 AS revenue FROM customers c GROUP BY c.country',
          ),
        ),
      ).toEqual([]);
    });

    it('says nothing of SQL it reads only approximately', () => {
      const approximate = "SELECT country, COUNT(*) AS customers FROM customers, json_each('[1]') GROUP BY country";
      expect(findings(countsDeclaringRevenue(approximate))).toEqual([]);
    });

    it('says nothing where a * leaves its columns to the tables it reads', () => {
      expect(findings(countsDeclaringRevenue('SELECT * FROM raw_in'))).toEqual([]);
    });
  });

  it("warns of the NULLs product-tables' quick fix writes for required fields the input lacks, so they get filled", () => {
    const mesh = customersPublishing((properties) =>
      properties.push(aProperty('region', 'string', { required: true })),
    );
    const customers = mesh.contracts.find((contract) => contract.id === 'customers') as Contract;
    (customers.schema[0] as { name: string }).name = 'customers_published';
    const fixed = applyFix(mesh, { kind: 'add-transformation', productId: 'customers', name: 'customers_published' });
    expect(fixed.products[0]?.transformations[0]?.sql).toContain('NULL AS region');
    expect(findings(fixed).map((finding) => [finding.severity, finding.message])).toEqual([
      [
        'warning',
        "Transformation 'customers_published' of 'Customers' makes the table output port 'customers' publishes, but every record will be quarantined: required field 'region' is given NULL, which contract 'Customers' requires a value of.",
      ],
    ]);
  });

  it.each(readdirSync(SAMPLES).filter((name) => name.endsWith('.mesh.json')))(
    'finds nothing in the sample %s, which simulates',
    (name) => {
      const parsed = parseMeshFile(readFileSync(new URL(name, SAMPLES), 'utf8'));
      if (!parsed.ok) throw new Error(`${name} does not open`);
      expect(findings(parsed.value)).toEqual([]);
    },
  );

  it("asks no column of a published step for a contract's ODCS 3.2 measures, computed when queried, even required ones", () => {
    const mesh = aTurnoverMesh({
      editMeasure: (measure) => {
        measure.required = true;
      },
    });
    expect(findings(mesh)).toEqual([]);
  });
});
