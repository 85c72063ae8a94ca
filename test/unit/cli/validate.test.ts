import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXIT } from '../../../cli/cli-io';
import { runCli } from '../../../cli/run-cli';
import { editYamlText, type YamlEdit } from '../../../shared/contracts/yaml-text-edit';
import { escapeRegExp } from '../../../shared/model/escape-reg-exp';
import { fakeIo } from './fake-io';

const sample = readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8');
const contract = readFileSync(new URL('../../fixtures/odcs/batch/shipment.odcs.yaml', import.meta.url), 'utf8');
const invalidContract = readFileSync(
  new URL('../../fixtures/odcs/batch/schema-invalid.odcs.yaml', import.meta.url),
  'utf8',
);

const OWNER_HINT = "  hint: Name the team that answers for it; the fix gives it to its domain's owner, 'team-orders'.";
const UNUSED_CONTRACT_HINT =
  '  hint: Link a consumer to what it governs, make the product consumer-aligned if it serves users outside the mesh, or delete the contract.';

/** The sample's one finding, with the fix hint printed under it. */
const UNREAD_SHIPMENTS = [
  "shop.mesh.json:192:7: info: contracts[3]: Contract 'Shipment' governs only data no link reads: output port 'Shipments' of 'shipments'. [unused-contracts]",
  UNUSED_CONTRACT_HINT,
];

/** The sample with a product linked to itself, an error its policies turn off with a reason. */
function sampleWithWaivedSelfLink() {
  const mesh = JSON.parse(sample);
  const [orders] = mesh.products;
  orders.inputPorts.push({ ...orders.inputPorts[0], id: 'loop', name: 'loop' });
  mesh.links.push({
    id: 'loop',
    from: { nodeId: orders.id, portId: orders.outputPorts[0].id },
    to: { nodeId: orders.id, portId: 'loop' },
  });
  mesh.policies.rules = { 'self-links': { severity: 'off', reason: 'Replayed on purpose' } };
  return mesh;
}

/** The sample with its customer contract's text edited, given the index of its `email` field. */
function sampleWithCustomerEdited(edits: (email: number) => YamlEdit[]) {
  const changed = JSON.parse(sample);
  const customer = changed.contracts.find((entry: { odcs: string[] }) => entry.odcs.includes('id: customer'));
  const properties = parse(customer.odcs.join('\n')).schema[0].properties;
  const email = properties.findIndex((property: { name: string }) => property.name === 'email');
  customer.odcs = editYamlText(customer.odcs.join('\n'), edits(email)).split('\n');
  return changed;
}

describe('mesh-designer validate', () => {
  it('passes a valid design and summarises it', async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['validate', 'shop.mesh.json'], io)).toBe(EXIT.ok);
    // The sample's Shipments product publishes what no product reads yet.
    expect(out).toEqual([
      ...UNREAD_SHIPMENTS,
      'shop.mesh.json: ok (4 domains, 5 products, 3 systems, 6 contracts, 8 links; 1 info)',
    ]);
  });

  it("says in --help that a contract is checked against its own apiVersion's schema, as it is", async () => {
    const { io, out } = fakeIo({});
    expect(await runCli(['validate', '--help'], io)).toBe(EXIT.ok);
    const help = out.join('\n').replace(/\s+/g, ' ');
    expect(help).toContain(
      "the official ODCS schema of its apiVersion (v3.2.0's for v3.2.0; v3.1.0's for v3.1.0, v3.0.2, v3.0.1, v3.0.0)",
    );
    expect(help).not.toContain('ODCS v3.1.0 schema');
  });

  it('fails with every located problem, and still checks the other files', async () => {
    const broken = JSON.parse(sample);
    broken.products[0].domainId = 'nowhere';
    const { io, out, err } = fakeIo({ 'bad.mesh.json': JSON.stringify(broken), 'good.mesh.json': sample });
    expect(await runCli(['validate', 'bad.mesh.json', 'missing.mesh.json', 'good.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "bad.mesh.json:1:10330: products[0].domainId: no domain 'nowhere'",
      'missing.mesh.json: cannot read: no such file',
    ]);
    expect(out).toHaveLength(3);
  });

  it('names a schema version it does not read in one line, not as a problem in every contract', async () => {
    const { io, err } = fakeIo({ 'old.mesh.json': JSON.stringify({ ...JSON.parse(sample), schemaVersion: 0 }) });
    expect(await runCli(['validate', 'old.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual(['old.mesh.json:1:18: schemaVersion: 0 is not a version this app reads (it reads 1 and 2)']);
  });

  it('says a design cut off inside a string ends early, where it ends, as the app says it', async () => {
    const cut = sample.slice(0, 3000);
    const lines = cut.split('\n');
    const { io, err } = fakeIo({ 'cut.mesh.json': cut });
    expect(await runCli(['validate', 'cut.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      `cut.mesh.json:${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}: not valid JSON: the file ends early; was it cut off while being written or copied?`,
    ]);
  });

  it('gives the line and column of a JSON syntax error and of a duplicate key in --json too', async () => {
    const { io, out } = fakeIo({
      'dup.mesh.json': '{\n  "schemaVersion": 2,\n  "name": "A",\n  "name": "B"\n}',
      'cut.mesh.json': '{\n  "name": ',
    });
    expect(await runCli(['validate', '--json', 'dup.mesh.json', 'cut.mesh.json'], io)).toBe(EXIT.problems);
    expect(JSON.parse(out.join('\n')).map((report: { problems: unknown[] }) => report.problems)).toEqual([
      [
        {
          severity: 'error',
          path: 'name',
          message: expect.stringMatching(/^duplicate key "name": /),
          line: 4,
          column: 3,
        },
      ],
      [
        {
          severity: 'error',
          path: '(document)',
          message: expect.stringMatching(/^not valid JSON: the file ends early/),
          line: 2,
          column: 11,
        },
      ],
    ]);
  });

  it('runs the governance rules of the problems panel on a design: duplicate names, incompatible links, a step reading a dropped field', async () => {
    const mesh = JSON.parse(sample);
    const contractText = (id: string) =>
      mesh.contracts.find((entry: { odcs: string[] }) => entry.odcs.includes(`id: ${id}`));
    const edit = (id: string, edits: YamlEdit[]) => {
      const entry = contractText(id);
      entry.odcs = editYamlText(entry.odcs.join('\n'), edits).split('\n');
    };
    const properties = (id: string) => parse(contractText(id).odcs.join('\n')).schema[0].properties;
    const orderProperties = properties('order');
    edit('order', [
      { op: 'insert', path: ['schema', 0, 'properties', orderProperties.length], value: orderProperties[1] },
    ]);
    const city = properties('customer').findIndex((property: { name: string }) => property.name === 'city');
    edit('customer', [{ op: 'delete', path: ['schema', 0, 'properties', city] }]);
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "shop.mesh.json:1:2920: contracts[1].schema[0].properties[7].name: Contract 'Order': duplicate property name 'customer_id' (also at schema[0].properties[1]). [contract-semantics]",
      '  hint: Open the contract and correct it.',
      "shop.mesh.json:1:9246: links[4]: 'customers' → 'customer-360' is incompatible: missing field city. [link-compatibility]",
      "  hint: Change the producer's contract, or what the consumer's input port expects, so every needed field is provided.",
      "shop.mesh.json:1:15260: products[3].transformations[0]: Transformation 'customer_profile' of 'customer-360' reads 'city' of 'customers', which its input port 'Customers' does not bring: it brings customer_id, full_name, email, street, country, updated_at. [transformation-reads]",
      '  hint: Read a field the input brings, or have its producer publish \'city\' again (or link one that does); as it is, the step fails every run with "no such column: city".',
    ]);
  });

  it('warns of an unquoted 0755 among the allowed texts of a contract, which YAML reads as the number 755', async () => {
    const mesh = JSON.parse(sample);
    const [orderPlaced] = mesh.contracts;
    orderPlaced.odcs = orderPlaced.odcs.map((line: string) =>
      line === '                - GBP' ? '                - 0755' : line,
    );
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json'], io)).toBe(EXIT.ok);
    expect(out).toContainEqual(
      expect.stringMatching(
        /^shop\.mesh\.json:\d+:\d+: warning: contracts\[0\]\.schema\[0\]\.properties\[\d+\]\.enum\[2\]: Contract 'OrderPlaced': allowed value 755 of currency is a number, the field is a string, so no record can match it; quote it \('0755'\) if the leading zero matters: unquoted, YAML 1\.2 reads 0755 as the decimal 755 and YAML 1\.1 as the octal 493\. \[contract-semantics\]$/,
      ),
    );
  });

  it('warns of a contract whose team is not the owner of the product serving it, as ODPS and Backstage name it', async () => {
    const mesh = JSON.parse(sample);
    const shipment = mesh.contracts[3];
    shipment.odcs = shipment.odcs.map((line: string) =>
      line === '  name: team-shipping' ? '  name: Ward Services Team' : line,
    );
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'contract-team'], io)).toBe(EXIT.ok);
    expect(out.slice(0, 2)).toEqual([
      "shop.mesh.json:1:5650: warning: contracts[3].team.name: Contract 'Shipment' names the team 'Ward Services Team' but is served by 'shipments', owned by 'team-shipping'. [contract-team]",
      "  hint: Name the product's owner as the contract's team, or give the product the team as its owner in the inspector: the ODCS export writes the product's owner, as ODPS and Backstage do.",
    ]);
  });

  it('fails on what would stop a simulation: a scenario naming what the design lacks, a step that is not one query', async () => {
    const mesh = JSON.parse(sample);
    mesh.products[3].transformations[0].sql = 'SELECT (1; DROP TABLE orders';
    mesh.products[4].transformations[0].sql = 'SELECT * FROM orders WHERE total > @minimum';
    mesh.scenarios[0].faults = [
      { kind: 'null-field', tick: 2, systemId: 'orders-service', topicId: 'orders-cdc', column: 'order_id' },
    ];
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });

    expect(await runCli(['validate', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      'shop.mesh.json:1:15252: products[3].transformations[0]: must be exactly one SELECT; this holds more than one statement [transformation-sql]',
      '  hint: Write the step as one query (SELECT, WITH … SELECT or VALUES), its parentheses closed and its values written out; as it is, the simulation fails it on every tick.',
      "shop.mesh.json:1:16861: products[4].transformations[0]: must be exactly one SELECT; '@minimum' is a parameter, and nothing here gives it a value: write the value itself [transformation-sql]",
      '  hint: Write the step as one query (SELECT, WITH … SELECT or VALUES), its parentheses closed and its values written out; as it is, the simulation fails it on every tick.',
      "shop.mesh.json:1:16861: products[4].transformations[0]: Transformation 'daily_sales' of 'sales-dashboard' reads table 'orders', which no input port brings and no earlier transformation makes; its inputs bring 'order_placed', 'customer_profile'. [transformation-reads]",
      '  hint: Read a table an input brings, link an input that brings \'orders\', or add a transformation of that name before this one; as it is, the step fails every run with "no such table: orders".',
      "shop.mesh.json:1:18790: scenarios[0].faults[0].column: scenario 'Workshop day', null-field fault at tick 2 on topic 'orders.public.orders': 'order_id' is the primary key of 'orders', which every record needs: pick another column [scenario-references]",
      '  hint: Name what the design has in the scenario (Simulate › Scenario), or put back what it names; as it is, the simulation refuses to start.',
    ]);
  });

  /** The sample with its sales dashboard's step edited, its SQL otherwise one SQLite runs. */
  function sampleWithDailySales(edit: (sql: string) => string) {
    const mesh = JSON.parse(sample);
    const [dailySales] = mesh.products[4].transformations;
    dailySales.sql = edit(dailySales.sql);
    return mesh;
  }

  it.each([
    [
      'ILIKE, which SQLite lacks',
      (sql: string) => sql.replace('GROUP BY 1, 2', "WHERE e.currency ILIKE 'g%'\nGROUP BY 1, 2"),
      'near "ILIKE": syntax error',
      'SQLite has no ILIKE: its LIKE already ignores case for ASCII letters (a LIKE b), or write lower(a) LIKE lower(b)',
    ],
    [
      "PostgreSQL's DISTINCT ON",
      (sql: string) => sql.replace('SELECT substr', 'SELECT DISTINCT ON (e.customer_id) substr'),
      'near "ON": syntax error',
      'SQLite has no DISTINCT ON: number the rows in a subquery, row_number() OVER (PARTITION BY e.customer_id ORDER BY …) AS n, and keep those WHERE n = 1',
    ],
    [
      'a function SQLite lacks',
      (sql: string) => sql.replace('substr(e.occurred_at, 1, 10)', "date_trunc('day', e.occurred_at)"),
      'no such function: date_trunc',
      "SQLite has no date_trunc: write date(x) for date_trunc('day', x)",
    ],
  ])(
    'fails on a step SQLite refuses to prepare, as simulate would before its first tick, with the SQLite way to write it: %s',
    async (_, edit, message, hint) => {
      const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(sampleWithDailySales(edit)) });
      expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'transformation-sql'], io)).toBe(EXIT.problems);
      expect(err).toEqual([
        `shop.mesh.json:1:17147: products[4].transformations[0]: ${message} [transformation-sql]`,
        `  hint: ${hint}`,
      ]);
    },
  );

  it("asks SQLite without a scenario, at the rule's severity in the policies, and only when the rule is asked for", async () => {
    const mesh = sampleWithDailySales((sql) => sql.replace('substr(', 'date_trunc('));
    mesh.scenarios = [];
    mesh.policies.rules = { 'transformation-sql': { severity: 'warning', reason: 'Sketching' } };
    const warned = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json', '--severity', 'warning'], warned.io)).toBe(EXIT.ok);
    expect(warned.out.slice(0, 2)).toEqual([
      'shop.mesh.json:1:17211: warning: products[4].transformations[0]: no such function: date_trunc [transformation-sql] (policy: Sketching)',
      "  hint: SQLite has no date_trunc: write date(x) for date_trunc('day', x), strftime('%Y-%m-01', x) for date_trunc('month', x), strftime('%Y-%m-%d %H:00:00', x) for date_trunc('hour', x)",
    ]);
    const otherRule = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'transformation-reads'], otherRule.io)).toBe(EXIT.ok);
    expect(otherRule.out.join('\n')).not.toContain('date_trunc');
  });
  it('follows a classified field past a subquery in the select list, and says where it reads SQL only approximately', async () => {
    const mesh = JSON.parse(sample);
    const [profile] = mesh.products[3].transformations;
    profile.sql = `SELECT c.customer_id, c.email AS city, c.country,
  (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.customer_id) AS order_count,
  0 AS lifetime_value, NULL AS last_order_at
FROM customers c`;
    const subquery = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'pii-propagation'], subquery.io)).toBe(EXIT.problems);
    expect(subquery.err).toEqual([
      "shop.mesh.json:1:6248: contracts[4].schema[0].properties[1]: 'customer-360' republishes 'email', classified 'pii' in its input 'Customers', as 'city' of 'Customer profiles', but its contract 'CustomerProfile' does not classify it. [pii-propagation]",
      "  hint: Classify 'city' of 'Customer profiles' as 'pii' in contract 'CustomerProfile', or stop republishing it.",
    ]);
    profile.sql = `${profile.sql}, json_each('[1]')`;
    const approximate = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'pii-propagation'], approximate.io)).toBe(EXIT.ok);
    expect(approximate.out).toEqual([
      "shop.mesh.json:1:15252: warning: products[3].transformations[0]: pii-propagation could not follow transformation 'customer_profile' of 'customer-360': its SQL is read approximately (it reads the table-valued function 'json_each'), so a classified field it republishes under another name goes unreported. [pii-propagation]",
      '  hint: Check by hand that each field it republishes from a classified one is classified as strictly, or write the step in SQL the rule follows (see docs/governance.md).',
      'shop.mesh.json: ok (4 domains, 5 products, 3 systems, 6 contracts, 8 links; 1 warning)',
    ]);
  });

  it('fails on a transformation named like the table its input fills, which simulate would leave out', async () => {
    const mesh = JSON.parse(sample);
    mesh.products[0].transformations = [{ name: 'orders', sql: 'SELECT * FROM orders' }];
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });

    expect(await runCli(['validate', 'shop.mesh.json', '--severity', 'error'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "shop.mesh.json:1:11574: products[0].transformations[0]: Transformation 'orders' of 'orders' would make table 'orders', but the table input port 'orders CDC' fills with what it reads already has that name: the simulation leaves the transformation out. [product-tables]",
      "  hint: Drop the transformation if the input's table already has the shape output port 'Orders' publishes: the port then publishes it. Otherwise rename the transformation and the schema object of contract 'Order' alike (e.g. 'orders_published'): a port publishes the table named after its contract's schema object.",
    ]);
  });

  it("warns in a sketch, at its line in the contract, of a schema object a product publishing a system's stream does not make", async () => {
    const mesh = JSON.parse(sample);
    mesh.scenarios = [];
    const order = mesh.contracts[1];
    order.odcs = order.odcs.map((line: string) => (line === '  - name: orders' ? '  - name: order_list' : line));
    const text = JSON.stringify(mesh, null, 2);
    const line = text.split('\n').findIndex((row) => row.includes('"  - name: order_list"')) + 1;
    const { io, out } = fakeIo({ 'shop.mesh.json': text });

    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'product-tables'], io)).toBe(EXIT.ok);
    expect(out.slice(0, -1)).toEqual([
      `shop.mesh.json:${line}:14: warning: contracts[1].schema[0]: Output port 'Orders' of 'orders' publishes table 'order_list' (the schema object of contract 'Order'), but nothing in the product makes it: no transformation has that name and no input brings it. [product-tables]`,
      "  hint: Name the schema object after a table its inputs bring ('orders', 'order_placed'), which the port then publishes as it comes; or add a transformation named 'order_list' that makes it.",
    ]);
  });

  it('reports the references of a scenario the schema refuses beside its schema errors, as the scenario editor does', async () => {
    const mesh = JSON.parse(sample);
    mesh.scenarios[0].rates[0].insertsPerTick = -1;
    mesh.scenarios[0].steps[0].table = 'orderz';
    mesh.scenarios[1] = { ...structuredClone(mesh.scenarios[0]), id: 'second', name: 'Second' };
    mesh.scenarios[1].rates[0].insertsPerTick = 3;
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });

    expect(await runCli(['validate', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      'shop.mesh.json:1:19331: scenarios[0].rates[0].insertsPerTick: must be at least 0',
      "shop.mesh.json:1:19986: scenarios[0].steps[0].table: no table 'orderz' in 'orders-service'",
      "shop.mesh.json:1:22629: scenarios[1].steps[0].table: no table 'orderz' in 'orders-service'",
    ]);
  });

  it('reports a broken reference beside a schema error in another element, once', async () => {
    const mesh = JSON.parse(sample);
    mesh.products[0].kind = 'big';
    mesh.products[1].domainId = 'nope-domain';
    mesh.scenarios[0].rates[0].insertsPerTick = -1;
    mesh.scenarios[1] = { ...structuredClone(mesh.scenarios[0]), id: 'second', name: 'Second' };
    mesh.scenarios[1].rates[0].insertsPerTick = 3;
    mesh.scenarios[1].steps[0].systemId = 'ghost';
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });

    expect(await runCli(['validate', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "shop.mesh.json:1:10682: products[0].kind: must be 'source-aligned', 'aggregate' or 'consumer-aligned', not 'big'",
      'shop.mesh.json:1:19315: scenarios[0].rates[0].insertsPerTick: must be at least 0',
      "shop.mesh.json:1:11932: products[1].domainId: no domain 'nope-domain'",
      "shop.mesh.json:1:22588: scenarios[1].steps[0].systemId: no system 'ghost'",
    ]);
  });

  it('warns at their layout path of domains laid over each other and a node far outside its domain, as a bad merge leaves them', async () => {
    const mesh = JSON.parse(sample);
    mesh.layout.nodes['customers-domain'] = { ...mesh.layout.nodes['customers-domain'], x: 10, y: 10 };
    mesh.layout.nodes.shipments = { x: 5000, y: 3000 };
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });

    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'layout-clashes'], io)).toBe(EXIT.ok);
    expect(out).toEqual([
      `shop.mesh.json:1:8319: warning: layout.nodes["customers-domain"]: Domain 'Customers' overlaps 'Orders' on the canvas. [layout-clashes]`,
      '  hint: Press Auto-layout, or drag the domain clear of the others.',
      "shop.mesh.json:1:8558: warning: layout.nodes.shipments: Data product 'shipments' sits outside its domain 'Shipping': at 5000, 3000 in a box of 860 × 300. [layout-clashes]",
      '  hint: Press Auto-layout, or drag it back into its domain.',
      'shop.mesh.json: ok (4 domains, 5 products, 3 systems, 6 contracts, 8 links; 2 warnings)',
    ]);
  });

  it('reports a broken link beside refused layout entries in one run, so one round of fixes mends both', async () => {
    const mesh = JSON.parse(sample);
    mesh.layout.nodes['orders-domain'].x = 1e308;
    mesh.layout.nodes['customers-domain'].width = -5;
    mesh.links[0].to.portId = 'nope';
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });

    expect(await runCli(['validate', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      'shop.mesh.json:1:8340: layout.nodes["customers-domain"].width: must be more than 0',
      'shop.mesh.json:1:8466: layout.nodes["orders-domain"].x: must be at most 10000000',
      `shop.mesh.json:1:8767: links[0].to: no port 'nope' on '${mesh.links[0].to.nodeId}'`,
    ]);
  });

  it('checks ODCS contract files against the official schema, with line and column', async () => {
    const { io, out, err } = fakeIo({ 'shipment.odcs.yaml': contract, 'broken.odcs.yaml': invalidContract });
    expect(await runCli(['validate', 'shipment.odcs.yaml', 'broken.odcs.yaml'], io)).toBe(EXIT.problems);
    // The unknown logicalType reads as no type: what the contract says beside it is still checked.
    expect(out).toEqual([
      'shipment.odcs.yaml: ok (ODCS contract)',
      "broken.odcs.yaml:7:11: warning: schema[0].name: entity 'payments' has no primary key: mark the properties that identify it with primaryKey: true (taken for an entity: the contract has no datasetKind custom property, streaming server or topic object; if its records are events, add `- property: datasetKind` with `value: event` to its customProperties) [contract-keys]",
    ]);
    expect(err.length).toBeGreaterThan(0);
    for (const line of err) expect(line).toMatch(/^broken\.odcs\.yaml:\d+:\d+: /);
  });

  it('reads a contract saved as UTF-16 with a byte order mark, as import and the app do', async () => {
    const utf16 = new Uint8Array(Buffer.from(`\uFEFF${contract}`, 'utf16le'));
    const { io, out, err } = fakeIo({ 'shipment.odcs.yaml': utf16 });
    expect(await runCli(['validate', 'shipment.odcs.yaml'], io)).toBe(EXIT.ok);
    expect(out).toEqual(['shipment.odcs.yaml: ok (ODCS contract)']);
    expect(err).toEqual([]);
  });

  it('refuses a contract saved as UTF-16 without a byte order mark as a contract file, not as a mesh file', async () => {
    const { io, err } = fakeIo({ 'shipment.odcs.yaml': new Uint8Array(Buffer.from(contract, 'utf16le')) });
    expect(await runCli(['validate', 'shipment.odcs.yaml'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      'shipment.odcs.yaml: cannot read: the file contains NUL bytes: it is UTF-16 without a byte order mark or binary, not text',
    ]);
  });

  it('checks an ODCS contract in a file not named .yaml as a contract, saying it read it as one by its content', async () => {
    const { io, out, err } = fakeIo({ 'shipment.txt': contract, 'broken.txt': invalidContract });
    expect(await runCli(['validate', 'shipment.txt', 'broken.txt'], io)).toBe(EXIT.problems);
    const note = (file: string) =>
      `${file}: note: read as an ODCS contract because of its content (kind: DataContract); name it .yaml or .yml to say so`;
    expect(err[0]).toBe(note('shipment.txt'));
    expect(out[0]).toBe('shipment.txt: ok (ODCS contract)');
    expect(err[1]).toBe(note('broken.txt'));
    expect(err.slice(2).length).toBeGreaterThan(0);
    for (const line of err.slice(2)) expect(line).toMatch(/^broken\.txt:\d+:\d+: /);
  });

  it('tells how to check an ODCS contract given where a design is expected, and add it to a design, with CLI commands', async () => {
    const { io, err } = fakeIo({ 'order.txt': contract });
    expect(await runCli(['simulate', 'order.txt'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "order.txt: this is an ODCS data contract, not a mesh design: check it with 'mesh-designer validate order.txt', add it to a design with 'mesh-designer import order.txt --into <file.mesh.json>'",
    ]);
  });

  it("reports a contract's semantic problems in the same run as its schema errors", async () => {
    const offer = readFileSync(
      new URL('../../fixtures/odcs/schema-and-semantic-errors.odcs.yaml', import.meta.url),
      'utf8',
    );
    const { io, out, err } = fakeIo({ 'offer.odcs.yaml': offer });
    expect(await runCli(['validate', 'offer.odcs.yaml'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      'offer.odcs.yaml:18:29: schema[0].properties[1].quality[0].mustBeBetween: mustBeBetween [100000, 20000] is reversed: write the smaller bound first, [20000, 100000] [contract-semantics]',
      "offer.odcs.yaml:19:15: schema[0].properties[2].name: duplicate property name 'salary' (also at schema[0].properties[1]) [contract-semantics]",
      "offer.odcs.yaml:21:9: schema[0].properties[3]: missing required field 'map'",
      'offer.odcs.yaml:29:17: schema[0].properties[4].properties[0].quality[0]: has more than one comparison operator (mustBeGreaterThan, mustBeLessThan); a rule takes exactly one',
    ]);
    expect(out).toEqual([
      "offer.odcs.yaml:12:21: warning: schema[0].properties[0].primaryKey: primary key property 'offer_id' is not required: key values cannot be null, add required: true [contract-semantics]",
    ]);
  });

  it("names each of a contract file's semantic findings by its rule, as a design's are, and --rule filters them", async () => {
    const offer = readFileSync(
      new URL('../../fixtures/odcs/schema-and-semantic-errors.odcs.yaml', import.meta.url),
      'utf8',
    );
    const files = { 'offer.odcs.yaml': offer, 'broken.odcs.yaml': invalidContract };
    const json = fakeIo(files);
    await runCli(['validate', 'offer.odcs.yaml', 'broken.odcs.yaml', '--json'], json.io);
    const [offerReport, brokenReport] = JSON.parse(json.out.join('\n'));
    expect(offerReport.problems).toContainEqual(
      expect.objectContaining({ path: 'schema[0].properties[2].name', rule: 'contract-semantics' }),
    );
    // What the ODCS schema refuses is the file's own validity, not a governance rule's finding.
    const refused = offerReport.problems.find(
      (problem: { path: string }) => problem.path === 'schema[0].properties[3]',
    );
    expect(refused).not.toHaveProperty('rule');
    expect(brokenReport.problems).toContainEqual(
      expect.objectContaining({ path: 'schema[0].name', rule: 'contract-keys' }),
    );

    const keysOnly = fakeIo(files);
    await runCli(['validate', 'offer.odcs.yaml', 'broken.odcs.yaml', '--rule', 'contract-keys'], keysOnly.io);
    const printed = [...keysOnly.out, ...keysOnly.err].join('\n');
    expect(printed).toContain("broken.odcs.yaml:7:11: warning: schema[0].name: entity 'payments' has no primary key");
    expect(printed).toContain('[contract-keys]');
    expect(printed).not.toContain('[contract-semantics]');
    expect(printed).not.toContain("duplicate property name 'salary'");
    expect(printed).toContain("offer.odcs.yaml:21:9: schema[0].properties[3]: missing required field 'map'");
  });

  it("reports a contract's duplicate property and unrequired key beside a misspelt logicalType", async () => {
    const invoices = `apiVersion: v3.1.0
kind: DataContract
id: invoice-x
name: InvoiceX
version: 1.0.0
status: active
schema:
  - name: invoices
    properties:
      - name: invoice_id
        logicalType: integer
        primaryKey: true
      - name: invoice_id
        logicalType: integer
      - name: amount
        logicalType: numbr
`;
    const { io, out, err } = fakeIo({ 'b1.odcs.yaml': invoices });
    expect(await runCli(['validate', 'b1.odcs.yaml'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "b1.odcs.yaml:13:15: schema[0].properties[1].name: duplicate property name 'invoice_id' (also at schema[0].properties[0]) [contract-semantics]",
      'b1.odcs.yaml:16:22: schema[0].properties[2].logicalType: unknown logicalType "numbr"; expected one of: string, date, timestamp, time, number, integer, object, array, boolean',
    ]);
    expect(out).toEqual([
      "b1.odcs.yaml:12:21: warning: schema[0].properties[0].primaryKey: primary key property 'invoice_id' is not required: key values cannot be null, add required: true [contract-semantics]",
    ]);
  });

  it("prints only a contract's first YAML syntax error, and how many errors follow that it probably caused", async () => {
    const mesh = JSON.parse(sample);
    const odcs: string[] = mesh.contracts[0].odcs;
    const named = odcs.findIndex((line) => line.trim().startsWith('- name: ') && line.startsWith('      '));
    const indent = (odcs[named] as string).indexOf('-');
    odcs[named] = `${' '.repeat(indent)}- name: reason: bad: [unclosed`;
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh), 'alone.odcs.yaml': odcs.join('\n') });

    expect(await runCli(['validate', 'shop.mesh.json', 'alone.odcs.yaml'], io)).toBe(EXIT.problems);
    const first = `${named + 1}:${indent + 9} Nested mappings are not allowed in compact mappings`;
    const followers = /\(and \d+ more YAML errors after it, probably caused by this one\)$/;
    expect(err).toEqual([
      expect.stringMatching(
        new RegExp(`^shop\\.mesh\\.json:\\d+:\\d+: contracts\\[0\\]\\.odcs: ${first} ${followers.source}`),
      ),
      expect.stringMatching(new RegExp(`^alone\\.odcs\\.yaml:${first.replace(' ', ': ')} ${followers.source}`)),
    ]);
  });

  it('names a duplicate key by its line and column alone, without a path for the document as a whole', async () => {
    const twice = contract.replace(/^version: .*$/m, (line) => `${line}\nversion: 2.0.0`);
    const mesh = JSON.parse(sample);
    const odcs: string[] = mesh.contracts[0].odcs;
    const typed = odcs.findIndex((line) => line.trim() === 'logicalType: string');
    odcs.splice(typed + 1, 0, odcs[typed] as string);
    const { io, err } = fakeIo({ 'twice.odcs.yaml': twice, 'shop.mesh.json': JSON.stringify(mesh) });

    expect(await runCli(['validate', 'twice.odcs.yaml', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toContainEqual(
      expect.stringMatching(/^twice\.odcs\.yaml:\d+:\d+: the key 'version' appears twice in this mapping/),
    );
    expect(err).toContainEqual(
      expect.stringMatching(
        /^shop\.mesh\.json:\d+:\d+: contracts\[0\]\.odcs: \d+:\d+ the key 'logicalType' appears twice/,
      ),
    );
    expect(err.join('\n')).not.toContain('(document)');
  });

  it("reports a design's contract with a duplicate key as its contract file: the duplicate and what the rest of it reads as", async () => {
    const mesh = JSON.parse(sample);
    const odcs: string[] = mesh.contracts[0].odcs;
    const typed = odcs.findIndex((line) => line.trim() === 'logicalType: string');
    const indent = ' '.repeat((odcs[typed] as string).indexOf('l'));
    odcs.splice(typed + 1, 0, `${indent}logicalType: strng`, `${indent}colour: red`, `${indent}logicalType: strng`);
    const files = { 'shop.mesh.json': JSON.stringify(mesh), 'alone.odcs.yaml': odcs.join('\n') };
    const { io, err } = fakeIo(files);

    expect(await runCli(['validate', 'shop.mesh.json', 'alone.odcs.yaml'], io)).toBe(EXIT.problems);
    const inDesign = err.filter((line) => line.startsWith('shop.mesh.json'));
    const alone = err.filter((line) => line.startsWith('alone.odcs.yaml'));
    expect(inDesign).toHaveLength(4);
    expect(
      inDesign.map((line) => line.replace(/^shop\.mesh\.json:1:\d+: contracts\[0\]\.odcs: (\d+:\d+) /, '$1: ')),
    ).toEqual(alone.map((line) => line.replace(/^alone\.odcs\.yaml:/, '')));
  });

  it('reports as JSON on request', async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': sample, 'broken.odcs.yaml': invalidContract });
    expect(await runCli(['validate', 'shop.mesh.json', 'broken.odcs.yaml', '--json'], io)).toBe(EXIT.problems);
    const reports = JSON.parse(out.join('\n'));
    expect(reports).toMatchObject([
      { file: 'shop.mesh.json', ok: true, problems: [{ severity: 'info', rule: 'unused-contracts' }] },
      {
        file: 'broken.odcs.yaml',
        ok: false,
        problems: [
          { severity: 'warning', line: 7 },
          { severity: 'error', line: expect.any(Number) },
        ],
      },
    ]);
  });

  it("locates a problem in a design's contract text by its line and column in that text, not in the file", async () => {
    const mesh = JSON.parse(sample);
    const odcs: string[] = mesh.contracts[0].odcs;
    const typed = odcs.findIndex((line) => line.trim() === 'logicalType: string');
    const indent = (odcs[typed] as string).indexOf('l');
    odcs.splice(typed + 1, 0, `${' '.repeat(indent)}logicalType: integer`);
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh, null, 2) });

    expect(await runCli(['validate', 'shop.mesh.json', '--json'], io)).toBe(EXIT.problems);
    const [first] = JSON.parse(out.join('\n'))[0].problems;
    expect(first).toMatchObject({
      path: 'contracts[0].odcs',
      message: expect.stringContaining("the key 'logicalType' appears twice"),
      contractText: { line: typed + 2, column: indent + 1 },
    });
    // The contract's text is JSON strings in the file: placed in the string of its line, past the opening quote.
    const fileLines = JSON.stringify(mesh, null, 2).split('\n');
    const added = fileLines.findIndex((line) => line.trim() === `"${' '.repeat(indent)}logicalType: integer",`);
    expect(first).toMatchObject({ line: added + 1, column: (fileLines[added] as string).indexOf('"') + 2 + indent });
  });

  it("places a rule's finding about a contract's field at that field's line and column in the contract's text", async () => {
    const laundry = readFileSync(
      new URL('../../fixtures/mesh/laundry-duplicate-property.mesh.json', import.meta.url),
      'utf8',
    );
    const json = fakeIo({ 'laundry.mesh.json': laundry });
    expect(
      await runCli(
        ['validate', 'laundry.mesh.json', '--json', '--rule', 'contract-semantics,pii-propagation'],
        json.io,
      ),
    ).toBe(EXIT.problems);
    expect(
      JSON.parse(json.out.join('\n'))[0].problems.map(({ rule, path, contractText }: Record<string, unknown>) => ({
        rule,
        path,
        contractText,
      })),
    ).toEqual([
      // `unit: y`, which the YAML 1.1 spec takes for true (an info): at the value, by its path in the contract.
      {
        rule: 'contract-semantics',
        path: 'contracts[1].slaProperties[2].unit',
        contractText: { line: 59, column: 11 },
      },
      {
        rule: 'contract-semantics',
        path: 'contracts[3].schema[0].properties[5].name',
        contractText: { line: 29, column: 15 },
      },
      { rule: 'pii-propagation', path: 'contracts[3].schema[0].properties[3]', contractText: { line: 25, column: 9 } },
      { rule: 'pii-propagation', path: 'contracts[3].schema[0].properties[4]', contractText: { line: 27, column: 9 } },
    ]);

    const lines = fakeIo({ 'laundry.mesh.json': laundry });
    await runCli(['validate', 'laundry.mesh.json', '--rule', 'contract-semantics'], lines.io);
    expect(lines.err[0]).toBe(
      "laundry.mesh.json:752:24: contracts[3].schema[0].properties[5].name: Contract 'Damage claim': duplicate property name 'rfid_tag' (also at schema[0].properties[1]). [contract-semantics]",
    );
    // The value in the string of its line in the file, as the contract's other findings are placed.
    expect(lines.out[0]).toBe(
      "laundry.mesh.json:654:20: info: contracts[1].slaProperties[2].unit: Contract 'Linen item': the YAML 1.1 spec and readers that follow it whole, such as Go's yaml.v2, read `y` as the boolean true; PyYAML and SnakeYAML read text: write \"y\". [contract-semantics]",
    );
  });

  it("places a contract file's value YAML 1.1 reads otherwise at its line and column, by its path", async () => {
    const retention = readFileSync(
      new URL('../../fixtures/odcs/examples/database-table-sla.odcs.yaml', import.meta.url),
      'utf8',
    );
    const { io, out } = fakeIo({ 'retention.odcs.yaml': retention });
    await runCli(['validate', 'retention.odcs.yaml'], io);
    expect(out).toContain(
      'retention.odcs.yaml:24:11: info: slaProperties[4].unit: the YAML 1.1 spec and readers that follow it whole, such as Go\'s yaml.v2, read `y` as the boolean true; PyYAML and SnakeYAML read text: write "y" [contract-semantics]',
    );
  });

  it('prints each finding on one line, control characters in names escaped as JSON writes them', async () => {
    const mesh = JSON.parse(sample);
    mesh.products[0].name = 'orders\nshop.mesh.json: ok\t\u0085';
    mesh.products[0].owner = '';
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'owners'], io)).toBe(EXIT.ok);
    expect(out).toEqual([
      "shop.mesh.json:1:9827: warning: products[0]: Data product 'orders\\nshop.mesh.json: ok\\t\\u0085' has no owner. [owners]",
      OWNER_HINT,
      'shop.mesh.json: ok (4 domains, 5 products, 3 systems, 6 contracts, 8 links; 1 warning)',
    ]);
  });

  it('prints a bidirectional override in a name escaped, keeping the isolates round the name', async () => {
    const mesh = JSON.parse(sample);
    mesh.products[0].name = 'orders\u202e lmth.exe';
    mesh.products[0].owner = '';
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'owners'], io)).toBe(EXIT.ok);
    expect(out[0]).toBe(
      "shop.mesh.json:1:9827: warning: products[0]: Data product '\u2068orders\\u202e lmth.exe\u2069' has no owner. [owners]",
    );
  });

  it('warns of a second input whose records the product never publishes, as a contract drafted from the first input leaves it', async () => {
    const mesh = JSON.parse(sample);
    const [orders] = mesh.products;
    orders.inputPorts.push({ ...orders.inputPorts[0], id: 'order-lines-in', name: 'Order lines' });
    mesh.links.push({
      id: 'l-order-lines',
      from: { nodeId: 'orders-service', portId: 'order-lines-cdc' },
      to: { nodeId: orders.id, portId: 'order-lines-in' },
    });
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });

    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'inputs-reach-outputs'], io)).toBe(EXIT.ok);
    expect(out).toEqual([
      "shop.mesh.json:1:10811: warning: products[0].inputPorts[2]: Input port 'Order lines' of 'orders' feeds nothing the product publishes: no output port publishes its table 'order_lines', nor a transformation that reads it. [inputs-reach-outputs]",
      "  hint: Publish 'order_lines' through an output port (under a contract whose schema object is 'order_lines'), or read it in the transformation an output port publishes; remove the input port if the product does not need it.",
      'shop.mesh.json: ok (4 domains, 5 products, 3 systems, 6 contracts, 9 links; 1 warning)',
    ]);
  });

  it('filters by rule and by severity, and fails only on errors', async () => {
    const mesh = JSON.parse(sample);
    mesh.products[0].owner = '';
    mesh.links = mesh.links.filter((link: { id: string }) => link.id !== 'l-customers-360');
    const files = { 'shop.mesh.json': JSON.stringify(mesh) };
    const all = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json'], all.io)).toBe(EXIT.ok);
    expect(all.out).toEqual([
      "shop.mesh.json:1:9692: warning: products[0]: Data product 'orders' has no owner. [owners]",
      OWNER_HINT,
      "shop.mesh.json:1:13830: warning: products[3].inputPorts[0]: Input port 'Customers' of 'customer-360' is not fed by any link. [inputs-linked]",
      '  hint: Link an output port or a topic to it, or remove the port.',
      "shop.mesh.json:1:3127: info: contracts[2]: Contract 'Customer' governs only data no link reads: output port 'Customers' of 'customers'. [unused-contracts]",
      UNUSED_CONTRACT_HINT,
      "shop.mesh.json:1:4424: info: contracts[3]: Contract 'Shipment' governs only data no link reads: output port 'Shipments' of 'shipments'. [unused-contracts]",
      UNUSED_CONTRACT_HINT,
      'shop.mesh.json: ok (4 domains, 5 products, 3 systems, 6 contracts, 7 links; 2 warnings, 2 infos)',
    ]);
    const owners = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'owners,unique-names'], owners.io)).toBe(EXIT.ok);
    expect(owners.out).toHaveLength(3);
    const errorsOnly = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--severity=error'], errorsOnly.io)).toBe(EXIT.ok);
    expect(errorsOnly.out).toEqual(['shop.mesh.json: ok (4 domains, 5 products, 3 systems, 6 contracts, 7 links)']);
    mesh.policies.rules = { owners: 'error', 'inputs-linked': { severity: 'off', reason: 'Wired at go-live' } };
    const strict = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json'], strict.io)).toBe(EXIT.problems);
    expect(strict.err).toEqual([
      "shop.mesh.json:1:9771: products[0]: Data product 'orders' has no owner. [owners]",
      OWNER_HINT,
    ]);
    expect(strict.out).toContainEqual(
      expect.stringMatching(
        /^shop\.mesh\.json:1:\d+: off: products\[3\]\.inputPorts\[0\]: Input port 'Customers' of 'customer-360' is not fed by any link\. \[inputs-linked\] \(turned off: Wired at go-live\)$/,
      ),
    );
  });

  it('judges contract changes against a baseline design', async () => {
    const changed = sampleWithCustomerEdited((email) => [{ op: 'delete', path: ['schema', 0, 'properties', email] }]);
    const files = { 'shop.mesh.json': JSON.stringify(changed), 'main.mesh.json': sample };
    const { io, err } = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--baseline', 'main.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "shop.mesh.json:1:3219: contracts[2].version: Contract 'Customer': breaking changes need a new major version: 2.0.0 instead of 1.0.0 (customers.email: field removed). [breaking-changes]",
      '  hint: Release it as 2.0.0, and tell its consumers; or undo the breaking changes.',
    ]);
    expect(await runCli(['validate', 'shop.mesh.json'], fakeIo(files).io)).toBe(EXIT.ok);
  });

  it('applies the breaking-change gate of --baseline whatever --rule asks for, to designs and contracts', async () => {
    const changed = sampleWithCustomerEdited((email) => [{ op: 'delete', path: ['schema', 0, 'properties', email] }]);
    const files = { 'shop.mesh.json': JSON.stringify(changed), 'main.mesh.json': sample };
    const { io, err, out } = fakeIo(files);
    const options = ['--baseline', 'main.mesh.json', '--rule', 'owners'];
    expect(await runCli(['validate', 'shop.mesh.json', ...options], io)).toBe(EXIT.problems);
    expect(err).toContainEqual(
      expect.stringMatching(/breaking changes need a new major version.*\[breaking-changes\]$/),
    );
    expect(out).not.toContainEqual(expect.stringMatching(/: ok \(/));
    const customer = changed.contracts.find((entry: { odcs: string[] }) => entry.odcs.includes('id: customer'));
    const contractRun = fakeIo({ ...files, 'customer.odcs.yaml': customer.odcs.join('\n') });
    expect(await runCli(['validate', 'customer.odcs.yaml', ...options], contractRun.io)).toBe(EXIT.problems);
    expect(contractRun.err).toContainEqual(expect.stringMatching(/breaking changes need a new major version/));
  });

  it("lists each changed contract's changes since a baseline design, in words and in JSON, breaking or not", async () => {
    const changed = sampleWithCustomerEdited((email) => [
      { op: 'set', path: ['schema', 0, 'properties', email, 'description'], value: 'Where we write.' },
      { op: 'set', path: ['version'], value: '1.0.1' },
    ]);
    const files = { 'shop.mesh.json': JSON.stringify(changed), 'main.mesh.json': sample };
    const human = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--baseline', 'main.mesh.json'], human.io)).toBe(EXIT.ok);
    expect(human.out).toEqual(
      expect.arrayContaining([
        "shop.mesh.json: contracts[2].odcs: 1 change since main.mesh.json (contract 'Customer', version 1.0.0 to 1.0.1), 0 breaking",
        expect.stringMatching(
          /^shop\.mesh\.json:1:\d+: contracts\[2\]\.odcs: change: customers\.email: description changed$/,
        ),
      ]),
    );
    // At the file's line and column, as its problems are: the description's line in the contract's text.
    const pretty = fakeIo({ ...files, 'shop.mesh.json': JSON.stringify(changed, null, 2) });
    await runCli(['validate', 'shop.mesh.json', '--baseline', 'main.mesh.json'], pretty.io);
    const lines = JSON.stringify(changed, null, 2).split('\n');
    const description = lines.findIndex((line) => line.includes('description: Where we write.')) + 1;
    const column = (lines[description - 1] ?? '').indexOf('description: Where') + 1;
    expect(pretty.out).toContain(
      `shop.mesh.json:${description}:${column}: contracts[2].odcs: change: customers.email: description changed`,
    );
    const json = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--json', '--baseline', 'main.mesh.json'], json.io)).toBe(
      EXIT.ok,
    );
    expect(JSON.parse(json.out.join('\n'))[0].contractChanges).toMatchObject([
      {
        contract: 'customer',
        path: 'contracts[2].odcs',
        baseline: 'main.mesh.json',
        fromVersion: '1.0.0',
        toVersion: '1.0.1',
        isBreaking: false,
        changes: [
          {
            kind: 'description-changed',
            isBreaking: false,
            subject: 'customers.email',
            inFile: { line: 1, column: expect.any(Number) },
          },
        ],
      },
    ]);
  });

  it('judges a product deleted since the baseline with the active contract it served a breaking change, as export drops its tables', async () => {
    const changed = JSON.parse(sample);
    changed.products = changed.products.filter((product: { id: string }) => product.id !== 'shipments');
    changed.contracts = changed.contracts.filter((entry: { odcs: string[] }) => !entry.odcs.includes('id: shipment'));
    type LinkEnds = { from: { nodeId: string }; to: { nodeId: string } };
    changed.links = changed.links.filter(
      (link: LinkEnds) => ![link.from, link.to].some((end) => end.nodeId === 'shipments'),
    );
    delete changed.layout.nodes.shipments;
    const files = { 'shop.mesh.json': JSON.stringify(changed), 'main.mesh.json': sample };
    const { io, err } = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--baseline', 'main.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "shop.mesh.json:1:8340: products: Data product 'shipments' removed: it served contract 'Shipment' 1.0.0, active in the baseline, so its consumers lose that data (a breaking change). [breaking-changes]",
      "  hint: Undo the removal; or, once its consumers have moved on, keep the contract in the design with status 'retired', which says it is no longer served.",
    ]);
  });

  it('reports a baseline it cannot read as the JSON report on stdout with --json, as a design file is', async () => {
    const files = { 'shop.mesh.json': sample, 'cut.mesh.json': '{"schemaVersion": 2,' };
    const cut = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--json', '--baseline', 'cut.mesh.json'], cut.io)).toBe(
      EXIT.problems,
    );
    expect(JSON.parse(cut.out.join('\n'))).toEqual([
      {
        file: 'cut.mesh.json',
        isBaseline: true,
        ok: false,
        problems: [
          {
            severity: 'error',
            path: '(document)',
            message: expect.stringMatching(/^not valid JSON: /),
            line: 1,
            column: expect.any(Number),
          },
        ],
      },
    ]);
    expect(cut.err).toEqual([]);
    const missing = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--json', '--baseline', 'gone.mesh.json'], missing.io)).toBe(
      EXIT.problems,
    );
    expect(JSON.parse(missing.out.join('\n'))).toEqual([
      {
        file: 'gone.mesh.json',
        isBaseline: true,
        ok: false,
        problems: [{ severity: 'error', path: '(file)', message: 'cannot read: no such file' }],
      },
    ]);
    const plain = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--baseline', 'cut.mesh.json'], plain.io)).toBe(EXIT.problems);
    expect(plain.out).toEqual([]);
    expect(plain.err).toEqual([expect.stringMatching(/^cut\.mesh\.json:1:\d+: not valid JSON: /)]);
  });

  it('places the problems of a baseline design the file format refuses at their line and column, as export --baseline does', async () => {
    const broken = JSON.parse(sample);
    broken.products[2].kind = 'big';
    broken.links[0].to.portId = 'nope';
    const baselineText = JSON.stringify(broken, null, 2);
    const lineOf = (needle: string) => baselineText.split('\n').findIndex((line) => line.includes(needle)) + 1;
    const files = { 'shop.mesh.json': sample, 'main.mesh.json': baselineText };
    const plain = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--baseline', 'main.mesh.json'], plain.io)).toBe(EXIT.problems);
    expect(plain.err).toEqual([
      `main.mesh.json:${lineOf('"big"')}:15: products[2].kind: must be 'source-aligned', 'aggregate' or 'consumer-aligned', not 'big'`,
      expect.stringMatching(/^main\.mesh\.json:\d+:\d+: links\[0\]\.to: no port 'nope' on 'orders'$/),
    ]);
    const json = fakeIo(files);
    await runCli(['validate', 'shop.mesh.json', '--json', '--baseline', 'main.mesh.json'], json.io);
    const [report] = JSON.parse(json.out.join('\n'));
    expect(report).toMatchObject({ file: 'main.mesh.json', isBaseline: true });
    expect(report.problems[0]).toEqual({
      severity: 'error',
      path: 'products[2].kind',
      message: "must be 'source-aligned', 'aggregate' or 'consumer-aligned', not 'big'",
      line: lineOf('"big"'),
      column: 15,
    });
  });

  it('reports rules, fix hints and turned-off rules in JSON', async () => {
    const mesh = JSON.parse(sample);
    mesh.products[0].owner = '';
    mesh.policies.rules = { owners: { severity: 'off', reason: 'Pilot' } };
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json', '--json'], io)).toBe(EXIT.ok);
    expect(JSON.parse(out.join('\n'))[0].problems).toEqual([
      {
        severity: 'off',
        ruleSeverity: 'warning',
        path: 'products[0]',
        message: "Data product 'orders' has no owner.",
        rule: 'owners',
        fixHint: "Name the team that answers for it; the fix gives it to its domain's owner, 'team-orders'.",
        suppressed: { reason: 'Pilot' },
        line: 1,
        column: 9871,
      },
      expect.objectContaining({ rule: 'unused-contracts', path: 'contracts[3]' }),
    ]);
  });

  it('gives a finding of a rule turned off the severity off, which --severity error or warning leaves out', async () => {
    const mesh = sampleWithWaivedSelfLink();
    const files = { 'shop.mesh.json': JSON.stringify(mesh) };
    const errorsOnly = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--severity', 'error', '--json'], errorsOnly.io)).toBe(EXIT.ok);
    expect(JSON.parse(errorsOnly.out.join('\n'))[0].problems).toEqual([]);
    const everything = fakeIo(files);
    await runCli(['validate', 'shop.mesh.json', '--json'], everything.io);
    const selfLink = JSON.parse(everything.out.join('\n'))[0].problems.find(
      (problem: { rule?: string }) => problem.rule === 'self-links',
    );
    expect(selfLink).toMatchObject({
      severity: 'off',
      ruleSeverity: 'error',
      suppressed: { reason: 'Replayed on purpose' },
    });
    const offToo = fakeIo(files);
    await runCli(['validate', 'shop.mesh.json', '--severity', 'off'], offToo.io);
    expect(offToo.out.some((line) => line.includes('[self-links]'))).toBe(true);
    const infoUp = fakeIo(files);
    await runCli(['validate', 'shop.mesh.json', '--severity', 'info'], infoUp.io);
    expect(infoUp.out.some((line) => line.includes('[self-links]'))).toBe(false);
  });

  it('passes a design whose only errors come from a rule its policies turned off, as its report says', async () => {
    const mesh = sampleWithWaivedSelfLink();
    const human = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json'], human.io)).toBe(EXIT.ok);
    expect(human.out.at(-1)).toBe(
      'shop.mesh.json: ok (4 domains, 5 products, 3 systems, 6 contracts, 9 links; 1 info)',
    );
    const json = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json', '--json'], json.io)).toBe(EXIT.ok);
    expect(JSON.parse(json.out.join('\n'))[0].ok).toBe(true);
  });

  it('fails on a misspelt policy, suggesting the rule it nearly names', async () => {
    const mesh = JSON.parse(sample);
    mesh.policies.rules = { 'pii-propagaton': 'warning' };
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^shop\\.mesh\\.json:1:\\d+: ${escapeRegExp("policies.rules[\"pii-propagaton\"]: The policies set 'pii-propagaton', which is no rule: did you mean 'pii-propagation'? [policy-entries]")}$`,
        ),
      ),
    );
  });

  it('lists a policy with a bad severity among the errors of --json --severity error', async () => {
    const mesh = JSON.parse(sample);
    mesh.policies.rules = { owners: 'Error' };
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json', '--json', '--severity', 'error'], io)).toBe(EXIT.problems);
    expect(JSON.parse(out.join('\n'))[0].problems).toMatchObject([
      { rule: 'policy-entries', severity: 'error', path: 'policies.rules.owners' },
    ]);
  });

  it("applies an organisation's --policy the design cannot weaken, and says where the design tried", async () => {
    const mesh = JSON.parse(sample);
    mesh.products[0].owner = '';
    mesh.policies.rules = { owners: { severity: 'off', reason: 'Owners come later' } };
    const files = { 'shop.mesh.json': JSON.stringify(mesh), 'org.yaml': 'rules:\n  owners: error\n' };
    const { io, out, err } = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml'], io)).toBe(EXIT.problems);
    expect(out).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^shop\\.mesh\\.json:1:\\d+: ${escapeRegExp("warning: policies.rules.owners: The design sets 'owners' to off, weaker than the organisation's policy (error), which applies. [policy-entries]")}$`,
        ),
      ),
    );
    expect(err).toContainEqual(
      expect.stringMatching(
        /^shop\.mesh\.json:1:\d+: products\[0\]: Data product 'orders' has no owner\. \[owners\] \(policy: required by the organisation's policy\)$/,
      ),
    );
    expect(await runCli(['validate', 'shop.mesh.json'], fakeIo(files).io)).toBe(EXIT.ok);
  });

  it("shows the reason an organisation's --policy gives a rule with each of its findings, in text and in --json", async () => {
    const mesh = JSON.parse(sample);
    mesh.products[0].owner = '';
    const files = {
      'shop.mesh.json': JSON.stringify(mesh),
      'org.yaml': 'rules:\n  owners: {severity: error, reason: "Audit 2026-04 🛂"}\n',
    };
    const text = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml'], text.io)).toBe(EXIT.problems);
    expect(text.err).toContainEqual(
      expect.stringMatching(
        /^shop\.mesh\.json:1:\d+: products\[0\]: Data product 'orders' has no owner\. \[owners\] \(policy: Audit 2026-04 🛂, required by the organisation's policy\)$/,
      ),
    );
    const json = fakeIo(files);
    await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml', '--json'], json.io);
    expect(JSON.parse(json.out.join('\n'))[0].problems).toContainEqual(
      expect.objectContaining({
        rule: 'owners',
        policyReason: "Audit 2026-04 🛂, required by the organisation's policy",
      }),
    );
  });

  it("names the weakening of an organisation's --policy by its rule, policy-entries, which --rule filters", async () => {
    const mesh = JSON.parse(sample);
    mesh.policies.rules = { owners: { severity: 'off', reason: 'Owners come later' } };
    const files = { 'shop.mesh.json': JSON.stringify(mesh), 'org.yaml': 'rules:\n  owners: error\n' };
    const weakening =
      "warning: policies.rules.owners: The design sets 'owners' to off, weaker than the organisation's policy (error), which applies. [policy-entries]";
    const asked = fakeIo(files);
    await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml', '--rule', 'policy-entries'], asked.io);
    expect(asked.out).toContainEqual(
      expect.stringMatching(new RegExp(`^shop\\.mesh\\.json:1:\\d+: ${escapeRegExp(weakening)}$`)),
    );
    const json = fakeIo(files);
    await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml', '--json'], json.io);
    expect(JSON.parse(json.out.join('\n'))[0].problems).toContainEqual(
      expect.objectContaining({ rule: 'policy-entries', path: 'policies.rules.owners' }),
    );
    const other = fakeIo(files);
    await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml', '--rule', 'owners'], other.io);
    expect(other.out.join('\n')).not.toContain('weaker than the organisation');
  });

  it("ranks classifications in the organisation's order where the design ranks them otherwise, and warns of it", async () => {
    const mesh = JSON.parse(sample);
    mesh.policies.classificationLevels = ['public', 'restricted', 'internal'];
    const files = {
      'shop.mesh.json': JSON.stringify(mesh),
      'org.yaml': 'rules: {}\nclassificationLevels: [public, internal, confidential, restricted]\n',
    };
    const { io, out } = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml'], io)).toBe(EXIT.ok);
    expect(out).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^shop\\.mesh\\.json:1:\\d+: ${escapeRegExp("warning: policies.classificationLevels: The design ranks classifications public, restricted, internal (least strict first), in another order than the organisation's policy (public, internal, confidential, restricted), which applies. [policy-entries]")}$`,
        ),
      ),
    );
  });

  it("notes a --policy file's own ranking against the common order once, after the file, and blames no design that ranks nothing", async () => {
    const files = {
      'shop.mesh.json': sample,
      'org.yaml': 'rules:\nclassificationLevels: [public, confidential, internal, restricted]\n',
    };
    const { io, out, err } = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml', '--rule', 'policy-entries'], io)).toBe(
      EXIT.ok,
    );
    expect(err).toEqual([
      "org.yaml: note: classificationLevels: the file ranks 'confidential' below 'internal', against the common order (public, internal, confidential, restricted): a copy of confidential data could be classified 'internal' in every design it governs",
    ]);
    expect(out.join('\n')).not.toContain('[policy-entries]');
  });

  /** The sample with `city` classified `source` in the customers contract and `copy` in customer-profile, which copies it. */
  function sampleWithCityClassified(source: string, copy: string) {
    const mesh = JSON.parse(sample);
    const classify = (contractId: string, classification: string) => {
      const lines: string[] = mesh.contracts.find((entry: { odcs: string[] }) =>
        entry.odcs.includes(`id: ${contractId}`),
      ).odcs;
      lines.splice(lines.indexOf('      - name: city') + 2, 0, `        classification: ${classification}`);
    };
    classify('customer', source);
    classify('customer-profile', copy);
    return mesh;
  }

  it("keeps the organisation's rank of a word the design's own ranking leaves out", async () => {
    const mesh = sampleWithCityClassified('restricted', 'special-category');
    mesh.policies.classificationLevels = ['public', 'internal', 'pii', 'confidential', 'restricted'];
    const files = {
      'shop.mesh.json': JSON.stringify(mesh),
      'org.yaml': 'classificationLevels: [public, internal, confidential, restricted, special-category]\n',
    };
    const { io, out, err } = fakeIo(files);
    expect(
      await runCli(
        ['validate', 'shop.mesh.json', '--policy', 'org.yaml', '--rule', 'pii-propagation,policy-entries'],
        io,
      ),
    ).toBe(EXIT.ok);
    expect([...out, ...err].join('\n')).not.toContain('[pii-propagation]');
    expect([...out, ...err].join('\n')).not.toContain('[policy-entries]');
  });

  it('keeps the common four for a --policy file whose classificationLevels ranks no words', async () => {
    const files = {
      'shop.mesh.json': JSON.stringify(sampleWithCityClassified('internal', 'confidential')),
      'org.yaml': 'classificationLevels: []\n',
    };
    const { io, out, err } = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml', '--rule', 'pii-propagation'], io)).toBe(
      EXIT.ok,
    );
    expect(out.join('\n')).not.toContain('[pii-propagation]');
    expect(err).toEqual([
      'org.yaml: note: the policy sets nothing (no rules, no classificationLevels), so it changes no finding',
    ]);
  });

  it("holds a contract file to an organisation's --policy, as it holds a design's contracts", async () => {
    const complaint = residentComplaint('confidental');
    const files = { 'complaint.odcs.yaml': complaint, 'org.yaml': 'rules:\n  contract-semantics: error\n' };
    const { io, out, err } = fakeIo(files);
    expect(await runCli(['validate', 'complaint.odcs.yaml', '--policy', 'org.yaml'], io)).toBe(EXIT.problems);
    expect(err).toContain(
      "complaint.odcs.yaml:18:25: schema[0].properties[2].classification: classification 'confidental' is not one of the known classifications: did you mean 'confidential'? [contract-semantics] (policy: required by the organisation's policy)",
    );
    // A contract file checked on its own has no design to know its words.
    expect(err.join('\n')).not.toContain('design');
    expect(out.join('\n')).not.toContain('warning:');
    const json = fakeIo(files);
    await runCli(['validate', 'complaint.odcs.yaml', '--policy', 'org.yaml', '--json'], json.io);
    expect(JSON.parse(json.out.join('\n'))[0].problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        rule: 'contract-semantics',
        policyReason: "required by the organisation's policy",
      }),
    );
  });

  it("ranks a contract file's classifications as an organisation's --policy does, against its --baseline and for its typos", async () => {
    const files = {
      'published.odcs.yaml': residentComplaint('pii'),
      'complaint.odcs.yaml': residentComplaint('restricted'),
      'typo.odcs.yaml': residentComplaint('sensitve'),
      'org.yaml': 'classificationLevels: [public, internal, confidential, pii, restricted, sensitive]\n',
    };
    const judged = fakeIo(files);
    const args = ['validate', 'complaint.odcs.yaml', '--baseline', 'published.odcs.yaml', '--policy', 'org.yaml'];
    expect(await runCli(args, judged.io)).toBe(EXIT.ok);
    expect(judged.out).toContain(
      "complaint.odcs.yaml:18:9: change: complaints.email: classification changed from 'pii' to 'restricted', stricter",
    );
    const typo = fakeIo(files);
    await runCli(['validate', 'typo.odcs.yaml', '--policy', 'org.yaml'], typo.io);
    expect(typo.out).toContainEqual(expect.stringContaining("did you mean 'sensitive'?"));
  });

  it('reports a design ranking public above other words as an error with --policy too, though the organisation ranks it first', async () => {
    const mesh = JSON.parse(sample);
    mesh.policies.classificationLevels = ['restricted', 'public'];
    const files = {
      'shop.mesh.json': JSON.stringify(mesh),
      'org.yaml': 'rules: {}\nclassificationLevels: [public, internal, confidential, restricted]\n',
    };
    const { io, err } = fakeIo(files);
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml'], io)).toBe(EXIT.problems);
    expect(err.join('\n')).toContain("The policies rank 'public' above 'restricted'");
  });

  it.each([
    ['missing.json', 'cannot read'],
    ['typo.json', "no rule 'pii-propogation'; did you mean 'pii-propagation'?"],
    ['levels.yaml', "levels.yaml: classificationLevels: 'public' is ranked above 'internal'"],
  ])('refuses a --policy file that cannot be applied (%s) as wrong usage', async (file, reason) => {
    const { io, err } = fakeIo({
      'shop.mesh.json': sample,
      'typo.json': '{ "rules": { "pii-propogation": "error" } }',
      'levels.yaml': 'rules:\n  pii-propagation: error\nclassificationLevels: [internal, public]\n',
    });
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', file], io)).toBe(EXIT.usage);
    expect(err[0]).toContain(`mesh-designer validate: --policy ${file}: `);
    expect(err[0]).toContain(reason);
  });

  it("places a --policy file's YAML syntax problem at its line and column, on one line, without the usage text", async () => {
    const { io, err } = fakeIo({
      'shop.mesh.json': sample,
      'org.yaml': 'rules:\n  pii-propagation: error\n  pii-propagation: warning\n',
    });
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml'], io)).toBe(EXIT.usage);
    expect(err).toEqual(["org.yaml:3:3: the key 'pii-propagation' appears twice in this mapping; keys must be unique"]);
    const json = fakeIo({ 'shop.mesh.json': sample, 'bad.json': '{ "rules": ' });
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', 'bad.json'], json.io)).toBe(EXIT.usage);
    expect(json.err).toEqual(['bad.json:1:1: this mapping opened with { is never closed; end it with }']);
  });

  it('refuses a --policy JSON file with a trailing comma at its line and column, and reads the same flow style in YAML', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample, 'org.json': '{"rules": {"owners": "error",}}\n' });
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', 'org.json'], io)).toBe(EXIT.usage);
    expect(err).toEqual(["org.json:1:30: not valid JSON: unexpected '}' after a comma; JSON allows no trailing comma"]);
    const yaml = fakeIo({ 'shop.mesh.json': sample, 'org.yaml': '{rules: {owners: error,}}\n' });
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml'], yaml.io)).not.toBe(EXIT.usage);
    expect(yaml.err).toEqual([]);
  });

  it('says what is wrong inside a --policy file without the usage text, kept for wrong command lines', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample, 'org.yaml': 'rules:\n  pii-propogation: error\n' });
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml'], io)).toBe(EXIT.usage);
    expect(err).toEqual([
      "mesh-designer validate: --policy org.yaml: rules.pii-propogation: no rule 'pii-propogation'; did you mean 'pii-propagation'?",
    ]);
  });

  it('notes a --policy file that sets nothing', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample, 'org.yaml': 'rules: {}\n' });
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml'], io)).toBe(EXIT.ok);
    expect(err).toEqual([
      'org.yaml: note: the policy sets nothing (no rules, no classificationLevels), so it changes no finding',
    ]);
  });

  it('notes a --policy file turning a rule off, which has no effect', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample, 'org.yaml': 'rules:\n  owners: off\n' });
    expect(await runCli(['validate', 'shop.mesh.json', '--policy', 'org.yaml'], io)).toBe(EXIT.ok);
    expect(err).toEqual([
      "org.yaml: note: rules.owners: 'off' has no effect: a design keeps its own severity where it is stricter, so a policy can only raise one",
    ]);
  });

  it("shows the policies' reason for a rule's changed severity, in words and in JSON", async () => {
    const mesh = JSON.parse(sample);
    mesh.products[0].owner = '';
    mesh.policies.rules = { owners: { severity: 'error', reason: 'Audit finding 2026-04' } };
    const human = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json'], human.io)).toBe(EXIT.problems);
    expect(human.err).toEqual([
      "shop.mesh.json:1:9889: products[0]: Data product 'orders' has no owner. [owners] (policy: Audit finding 2026-04)",
      OWNER_HINT,
    ]);
    const json = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    await runCli(['validate', 'shop.mesh.json', '--json'], json.io);
    expect(JSON.parse(json.out.join('\n'))[0].problems[0].policyReason).toBe('Audit finding 2026-04');
  });

  it('fails a design that export would refuse, with each of export’s problems as export prints it', async () => {
    const mesh = JSON.parse(sample);
    mesh.systems[0].messaging.topics[0].name = 'bad topic';
    mesh.systems[1].database.engine = 'cassandra';
    // Cassandra has no replica identity: the sample's would add a warning of its own.
    for (const table of mesh.systems[1].database.tables) delete table.replicaIdentity;
    const exported = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'out'], exported.io)).toBe(EXIT.problems);
    expect(exported.err).toHaveLength(2);
    const { io, out, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual(exported.err);
    expect(err[0]).toMatch(/^shop\.mesh\.json:1:\d+: systems\[0\]\.messaging\.topics\[0\]\.name: /);
    expect(out[0]).toMatch(/^shop\.mesh\.json:1:\d+: info: contracts\[3\]: /);
  });

  it('says once what both a governance rule and the export refuse, and the export’s refusal when a policy turns the rule off', async () => {
    const mesh = JSON.parse(sample);
    const topics = mesh.systems[0].messaging.topics;
    topics.push({ ...topics[0], id: 'again' });
    const twice = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json'], twice.io)).toBe(EXIT.problems);
    expect(twice.err).toEqual([
      "shop.mesh.json:1:21561: systems[0].messaging.topics[3]: Another topic of 'orders-service' is already called 'orders.public.orders' (systems[0].messaging.topics[0]). [unique-names]",
      '  hint: Rename this topic; names are compared ignoring case, surrounding spaces and how accents are encoded.',
    ]);
    mesh.policies.rules = { 'unique-names': { severity: 'off', reason: 'names are checked elsewhere' } };
    const off = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json'], off.io)).toBe(EXIT.problems);
    expect(off.err).toEqual([
      "shop.mesh.json:1:21653: systems[0].messaging.topics[3].name: Kafka on Kubernetes (Strimzi): system 'orders-service': topic 'orders.public.orders' is also the topic of system 'orders-service'",
    ]);
  });

  it('refuses an unknown rule or severity, naming the choices and the rule a typo meant, and an option given twice', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'owner'], io)).toBe(EXIT.usage);
    expect(err[0]).toMatch(
      /^mesh-designer validate: no rule 'owner'; did you mean 'owners'\? The rules are owners, output-contracts, /,
    );
    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'owners,pii-propogation'], io)).toBe(EXIT.usage);
    expect(err.at(-3)).toMatch(/^mesh-designer validate: no rule 'pii-propogation'; did you mean 'pii-propagation'\? /);
    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'zzz'], io)).toBe(EXIT.usage);
    expect(err.at(-3)).toMatch(/^mesh-designer validate: no rule 'zzz'; the rules are owners, /);
    expect(await runCli(['validate', 'shop.mesh.json', '--severity', 'fatal'], io)).toBe(EXIT.usage);
    expect(err).toContain("mesh-designer validate: --severity must be error, warning, info or off, not 'fatal'");
    // Read as the last one alone, a CI gate would check fewer rules than it names.
    expect(await runCli(['validate', 'shop.mesh.json', '--rule', 'owners', '--rule=pii-propagation'], io)).toBe(
      EXIT.usage,
    );
    expect(err).toContain("mesh-designer validate: --rule given twice ('owners' and 'pii-propagation'); give it once");
    expect(await runCli(['validate', 'shop.mesh.json', '--json', '--json'], io)).toBe(EXIT.usage);
    expect(err).toContain('mesh-designer validate: --json given twice; give it once');
  });

  it('explains its usage when called without files or with an unknown option', async () => {
    const { io, err } = fakeIo({});
    expect(await runCli(['validate'], io)).toBe(EXIT.usage);
    expect(err[0]).toBe('mesh-designer validate: no file to validate');
    expect(err[1]).toMatch(/^usage: mesh-designer validate/);
    expect(await runCli(['validate', '--strict', 'x.mesh.json'], io)).toBe(EXIT.usage);
    expect(err).toContain('mesh-designer validate: unknown option or missing value: --strict');
  });
});

/** A citizen complaint contract whose `email` (line 18) is classified `emailClassification`. */
function residentComplaint(emailClassification: string): string {
  return [
    'apiVersion: v3.1.0',
    'kind: DataContract',
    'id: complaint',
    'name: Complaint',
    'version: 1.0.0',
    'status: active',
    'schema:',
    '  - name: complaints',
    '    properties:',
    '      - name: complaint_id',
    '        logicalType: integer',
    '        required: true',
    '        primaryKey: true',
    '      - name: category',
    '        logicalType: string',
    '      - name: email',
    '        logicalType: string',
    `        classification: ${emailClassification}`,
    '',
  ].join('\n');
}
