import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/cli-io';
import { runCli } from '../../../cli/run-cli';
import { editYamlText } from '../../../shared/contracts/yaml-text-edit';
import { serializeMesh } from '../../../shared/model';
import { aBigKeyCustomerInsert, aShopMesh, BIG_CUSTOMER_ID, offlinePastRetention } from '../simulation/builders';
import { fakeIo } from './fake-io';

const sample = readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8');

/** The sample with the Order contract's allowed statuses replaced, in its text (the file holds contracts as ODCS YAML). */
function withOrderStatuses(statuses: string[]) {
  const mesh = JSON.parse(sample);
  const order = mesh.contracts.find((contract: { odcs: string[] }) => contract.odcs.includes('id: order'));
  const statusValues = ['schema', 0, 'properties', 2, 'quality', 0, 'arguments', 'validValues'];
  order.odcs = editYamlText(order.odcs.join('\n'), [{ op: 'set', path: statusValues, value: statuses }]).split('\n');
  return mesh;
}

/** The CLI's output lines for the sample with these options. */
async function fakeRun(options: string[]): Promise<string[]> {
  const { io, out } = fakeIo({ 'shop.mesh.json': sample });
  await runCli(['simulate', 'shop.mesh.json', ...options], io);
  return out;
}

describe('mesh-designer simulate', () => {
  it('runs the sample scenario and reports what each output port published', async () => {
    const { io, out, err } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['simulate', 'shop.mesh.json', '--ticks', '20'], io)).toBe(EXIT.ok);
    expect(err).toEqual([]);
    expect(out[0]).toMatch(/^tick 20 \(2026-01-05T09:20:00\.000Z\): \d+ source changes$/);
    expect(out).toContainEqual(expect.stringMatching(/^ {2}orders\/orders-out: [1-9]\d* published, 0 quarantined$/));
    expect(out).toContain('  customer-360/customer_profile: incremental; runs: 21 incremental, 0 full, 0 unchanged');
    // Under each step that ran in full by exception, why, with how often.
    const dailySales = out.findIndex((line) => line.startsWith('  sales-dashboard/daily_sales: incremental; runs:'));
    expect(out[dailySales + 1]).toBe('    in full 1×: the first run, which builds its groups from every row');
  });

  it('leads with what happened when a step planned incremental ran in full on every tick, and how to avoid it', async () => {
    const latestOrder = '(SELECT MAX(placed_at) FROM orders x WHERE x.customer_id = c.customer_id) AS last_order_at';
    const { io, out } = fakeIo({ 'shop.mesh.json': sample.replace('MAX(o.placed_at) AS last_order_at', latestOrder) });
    expect(await runCli(['simulate', 'shop.mesh.json', '--ticks', '2'], io)).toBe(EXIT.ok);
    expect(out).toContain(
      "  customer-360/customer_profile: full on every run of this simulation (3 of 3): each of those ticks changed 'orders', which a subquery or CTE reads; " +
        "to recompute only what a tick touched, read 'orders' only where the main query joins it, not also in a subquery or CTE; " +
        "planned: incremental (in full on a tick that changes 'orders', which a subquery or CTE reads; only a tick that changes 'customers' and none of those recomputes what it touched); " +
        'runs: 0 incremental, 3 full, 0 unchanged',
    );
  });

  it('warns of a step that deleted no row, named by its scenario and what it does, and the run goes on and passes (exit 0)', async () => {
    const mesh = JSON.parse(sample);
    mesh.scenarios[0].steps.push({
      tick: 2,
      systemId: 'orders-service',
      table: 'orders',
      op: 'delete',
      where: { order_id: -1 },
    });
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['simulate', 'shop.mesh.json', '--ticks', '4'], io)).toBe(EXIT.ok);
    expect(out.slice(-2)).toEqual([
      'warnings:',
      "  scenario 'Workshop day', delete step at tick 2 on table 'orders' (scenarios[0].steps[1]): delete changed no row: no row of orders has order_id = -1 (1×)",
    ]);
    const json = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['simulate', 'shop.mesh.json', '--ticks', '4', '--json'], json.io)).toBe(EXIT.ok);
    expect(JSON.parse(json.out.join('\n'))).toMatchObject({
      errors: [],
      warnings: [{ path: 'scenarios[0].steps[1]', firstTick: 2, count: 1 }],
    });
  });

  it('traces a row’s latest change hop by hop with --trace, as the app’s trace does, and in --json', async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': sample });
    const trace = ['--ticks', '6', '--trace', 'orders-service/orders=1000'];
    expect(await runCli(['simulate', 'shop.mesh.json', ...trace], io)).toBe(EXIT.ok);
    expect(out[0]).toBe('trace {"order_id":1000}, tables read at tick 6 (2026-01-05T09:06:00.000Z)');
    const hops = out.flatMap(
      (line) => /^\d+\. .* \[([a-z-]+)\] at ([\w-]+): /.exec(line)?.slice(1, 3).join(' at ') ?? [],
    );
    expect(hops.slice(0, 7)).toEqual([
      'service-write at orders-service',
      'table-row at orders-service',
      'cdc-record at orders-service',
      'raw at orders',
      'clean at orders',
      'history at orders',
      'output-port at orders',
    ]);
    expect(hops).toContain('transformation at customer-360');
    expect(hops).toContain('raw at sales-dashboard');
    // The CDC record's place in its topic, under its hop.
    expect(out[out.findIndex((line) => line.includes('[cdc-record]')) + 1]).toMatch(/^ {3}partition 0, offset \d+$/);
    const json = fakeIo({ 'shop.mesh.json': sample });
    await runCli(['simulate', 'shop.mesh.json', ...trace, '--json'], json.io);
    const traced = JSON.parse(json.out.join('\n')).trace;
    expect(traced.key).toEqual({ order_id: 1000 });
    expect(traced.stages[2]).toMatchObject({ kind: 'cdc-record', message: { partition: 0 } });
  });

  it.each(['orders', 'orders=1000', '/orders=1000', 'orders-service/=1000', 'orders-service/orders='])(
    'refuses a --trace not written <system>/<table>=<key> (%j) as wrong usage (exit 2), as a --query without its = is',
    async (trace) => {
      const { io, out, err } = fakeIo({ 'shop.mesh.json': sample });
      expect(await runCli(['simulate', 'shop.mesh.json', '--json', '--trace', trace], io)).toBe(EXIT.usage);
      expect(out).toEqual([]);
      expect(err[0]).toBe(
        `mesh-designer simulate: --trace takes <system>/<table>=<key>, e.g. orders-service/orders=1003 (got '${trace}')`,
      );
      expect(err[1]).toMatch(/^usage: mesh-designer simulate /);
    },
  );

  it('refuses a --trace that names no table, naming the tables its system has', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['simulate', 'shop.mesh.json', '--trace', 'orders-service/nowhere=1'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "shop.mesh.json: --trace: no table 'nowhere' in system 'orders-service' (has: orders, order_lines)",
    ]);
  });

  it('refuses a --trace that names no system, naming the systems the design has', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['simulate', 'shop.mesh.json', '--trace', 'orders/orders=1000'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "shop.mesh.json: --trace: no system 'orders' (has: orders-service, customers-service, shipping-service)",
    ]);
  });

  it('refuses a --trace of a table without a primary key, saying no key names its rows', async () => {
    const mesh = JSON.parse(sample);
    mesh.systems[0].database.tables[1].primaryKey = [];
    for (const key of ['1', '{"order_id":1000,"line_no":1}']) {
      const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
      const trace = ['--ticks', '1', '--trace', `orders-service/order_lines=${key}`];
      expect(await runCli(['simulate', 'shop.mesh.json', ...trace], io)).toBe(EXIT.problems);
      expect(err).toEqual([
        'shop.mesh.json: --trace: order_lines has no primary key, so no key names one of its rows: give the table a primary key to trace its rows by it',
      ]);
    }
  });

  it('says a --trace key never appeared in the run, where retention dropped nothing', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample });
    const trace = ['--ticks', '2', '--trace', 'orders-service/orders=99999'];
    expect(await runCli(['simulate', 'shop.mesh.json', ...trace], io)).toBe(EXIT.problems);
    expect(err).toEqual(['shop.mesh.json: trace: no row of orders has order_id 99999 in this run']);
  });

  it('prints the full metrics as JSON on request', async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': sample });
    await runCli(['simulate', 'shop.mesh.json', '--ticks', '2', '--json'], io);
    expect(JSON.parse(out.join('\n')).tick).toBe(2);
  });

  it('fails when a record lands in quarantine, naming the port, the rule, the count and the first record', async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(withOrderStatuses(['placed'])) });
    expect(await runCli(['simulate', 'shop.mesh.json', '--ticks', '10'], io)).toBe(EXIT.problems);
    const port = out.findIndex((line) => /^ {2}orders\/orders-out: \d+ published, [1-9]\d* quarantined$/.test(line));
    expect(out[port + 1]).toMatch(
      /^ {4}enum on status: [1-9]\d*×, first at tick \d+: status must be one of placed, got '\w+'; record \{"order_id":\d+,.*\}$/,
    );
  });

  describe('quarantined records are errors of the design, at the contract check that quarantined them', () => {
    const text = JSON.stringify(withOrderStatuses(['placed']), null, 2);
    const lines = text.split('\n');
    const checkLine = lines.findIndex((line) => line.endsWith('- placed",')) + 1;
    const checkColumn = (lines[checkLine - 1] ?? '').indexOf('placed') + 1;
    const at = `shop.mesh.json:${checkLine}:${checkColumn}:`;

    it('says each on stderr at its line, and closes the summary with why the run failed', async () => {
      const { io, out, err } = fakeIo({ 'shop.mesh.json': text });
      expect(await runCli(['simulate', 'shop.mesh.json', '--ticks', '10'], io)).toBe(EXIT.problems);
      expect(err).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${at} contracts\\[\\d+\\]\\.schema\\[0\\]\\.properties\\[2\\]\\.enum\\[0\\]: quarantined at orders/orders-out: enum on status: [1-9]\\d*×, first at tick \\d+: status must be one of placed, got '\\w+'; record \\{"order_id":`,
          ),
        ),
      ]);
      expect(out.at(-1)).toMatch(
        new RegExp(`^failed: [1-9]\\d* records quarantined at orders/orders-out \\(${at.slice(0, -1)}\\)$`),
      );
    });

    it('lists each in --json errors with its place, rule, count and first record', async () => {
      const { io, out } = fakeIo({ 'shop.mesh.json': text });
      await runCli(['simulate', 'shop.mesh.json', '--ticks', '10', '--json'], io);
      expect(JSON.parse(out.join('\n')).errors).toEqual([
        expect.objectContaining({
          severity: 'error',
          rule: 'quarantine',
          port: 'orders/orders-out',
          line: checkLine,
          column: checkColumn,
          count: expect.any(Number),
          first: expect.objectContaining({ record: expect.objectContaining({ order_id: expect.any(Number) }) }),
        }),
      ]);
    });

    it('places the quarantined: block of --messages the same way', async () => {
      const { io, err } = fakeIo({ 'shop.mesh.json': text });
      await runCli(['simulate', 'shop.mesh.json', '--ticks', '10', '--messages', 'orders/orders-out'], io);
      expect(err.slice(0, 2)).toEqual(['quarantined:', expect.stringMatching(new RegExp(`^${at} `))]);
    });
  });

  it('lists the quarantined records by rule in --json', async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(withOrderStatuses(['placed'])) });
    await runCli(['simulate', 'shop.mesh.json', '--ticks', '10', '--json'], io);
    const [violation] = JSON.parse(out.join('\n')).ports['orders/orders-out'].violations;
    expect(violation).toMatchObject({
      rule: 'enum',
      property: 'status',
      first: { record: { order_id: expect.any(Number) } },
    });
  });

  it('shows a consumer behind its topic partition by partition, and the changes it skipped', async () => {
    const mesh = JSON.parse(sample);
    mesh.scenarios[0].faults = [
      { kind: 'consumer-offline', tick: 3, productId: 'shipments', ticks: 10 },
      { kind: 'redeliver', tick: 2, systemId: 'customers-service', topicId: 'customers-cdc', records: 2 },
    ];
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    await runCli(['simulate', 'shop.mesh.json', '--ticks', '6'], io);

    const consumers = out.slice(out.indexOf('consumers:') + 1);
    const behind = consumers.findIndex((line) => line.startsWith('  shipments/shipments-cdc-in:'));
    expect(consumers[behind]).toMatch(/^ {2}shipments\/shipments-cdc-in: offset \d+, lag [1-9]\d*$/);
    expect(consumers[behind + 1]).toMatch(/^ {4}partition 0: offset \d+ of \d+, lag [1-9]\d*$/);
    expect(consumers).toContainEqual(
      expect.stringMatching(/^ {2}customers\/customers-cdc-in: offset \d+, lag 0, 2 skipped \(redelivered or older\)$/),
    );
    expect(consumers.filter((line) => line.startsWith('    partition'))).toHaveLength(1);
  });

  it('says what compaction removed before a consumer behind a compacted topic read it, and that it lost no row', async () => {
    const mesh = JSON.parse(sample);
    mesh.scenarios[0].faults = [{ kind: 'consumer-offline', tick: 1, productId: 'shipments', ticks: 8 }];
    mesh.scenarios[0].retention = { records: 3 };
    const run = async (json: string[]) => {
      const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
      await runCli(['simulate', 'shop.mesh.json', '--ticks', '12', ...json], io);
      return out;
    };

    const consumers = (await run([])).filter((line) => line.startsWith('  shipments/shipments-cdc-in:'));
    expect(consumers).toEqual([
      expect.stringMatching(
        /^ {2}shipments\/shipments-cdc-in: offset \d+, lag 0, [1-9]\d* compacted away \(replaced by later records of their keys\)$/,
      ),
    ]);
    const { tables } = JSON.parse((await run(['--json'])).join('\n'));
    expect(tables.shipments.shipments).toBe(tables['shipping-service'].shipments);
  });

  it('runs with another seed on request, the same seed giving the same output', async () => {
    const runWith = async (seed: string) => {
      const { io, out } = fakeIo({ 'shop.mesh.json': sample });
      await runCli(['simulate', 'shop.mesh.json', '--ticks', '5', '--seed', seed, '--json'], io);
      return out.join('\n');
    };
    expect(await runWith('1')).toBe(await runWith('1'));
    expect(await runWith('2')).not.toBe(await runWith('1'));
  });

  it('says a file cannot be read, without a stack trace', async () => {
    const { io, out, err } = fakeIo({});
    expect(await runCli(['simulate', 'missing.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual(['missing.mesh.json: cannot read: no such file']);
    expect(out).toEqual([]);
  });

  it('runs within a time budget in a worker, with the same results', { timeout: 60_000 }, async () => {
    const inProcess = fakeIo({ 'shop.mesh.json': sample });
    const inWorker = fakeIo({ 'shop.mesh.json': sample });
    await runCli(['simulate', 'shop.mesh.json', '--ticks', '3', '--json'], inProcess.io);
    expect(
      await runCli(['simulate', 'shop.mesh.json', '--ticks', '3', '--json', '--budget-ms', '60000'], inWorker.io),
    ).toBe(EXIT.ok);
    expect(inWorker.out).toEqual(inProcess.out);
  });

  it('stops a transformation that never ends once over its budget, naming the product and the step', {
    timeout: 60_000,
  }, async () => {
    const mesh = JSON.parse(sample);
    const dashboard = mesh.products.find((product: { id: string }) => product.id === 'sales-dashboard');
    dashboard.transformations[0].sql =
      'WITH RECURSIVE spin(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM spin) SELECT count(*) AS day, NULL AS country, 0 AS orders, 0 AS revenue FROM spin';
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });

    expect(await runCli(['simulate', 'shop.mesh.json', '--budget-ms', '3000'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "shop.mesh.json:1:17147: products[4].transformations[0]: transformation 'daily_sales' of product 'sales-dashboard' at tick 0 ran longer than the budget of 3000 ms; the run stopped",
    ]);
  });

  it('blames a --query that never ends, not the last unit of the run, once over its budget', {
    timeout: 60_000,
  }, async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample });
    const spin =
      'orders=WITH RECURSIVE spin(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM spin) SELECT count(*) FROM spin';

    const options = ['--ticks', '2', '--budget-ms', '3000', '--query', spin];
    expect(await runCli(['simulate', 'shop.mesh.json', ...options], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "note: after the last tick (2), so not run: update step at tick 5 on table 'orders' (steps[0]), redeliver fault at tick 10 on topic 'orders.events.order-placed' (faults[0])",
      "shop.mesh.json: query: the query on 'orders' after tick 2 ran longer than the budget of 3000 ms; the run stopped",
    ]);
  });

  it('keeps the metrics of every tick when a --query after the last one runs over its budget, in --json and in the summary', {
    timeout: 60_000,
  }, async () => {
    const spin =
      'orders=WITH RECURSIVE spin(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM spin) SELECT count(*) FROM spin';
    const options = ['--ticks', '2', '--budget-ms', '1500', '--query', spin];
    const asJson = fakeIo({ 'shop.mesh.json': sample });
    const summary = fakeIo({ 'shop.mesh.json': sample });

    expect(await runCli(['simulate', 'shop.mesh.json', ...options, '--json'], asJson.io)).toBe(EXIT.problems);
    expect(await runCli(['simulate', 'shop.mesh.json', ...options], summary.io)).toBe(EXIT.problems);

    const metrics = JSON.parse(asJson.out.join('\n'));
    expect(metrics.stopped).toMatchObject({ tick: 2, path: 'query', kind: 'query', nodeId: 'orders' });
    expect(metrics.tick).toBe(2);
    expect(metrics.ports['orders/orders-out'].published).toBeGreaterThan(0);
    expect(metrics.errors).toContainEqual(expect.objectContaining({ path: 'query', message: metrics.stopped.message }));
    expect(summary.out[0]).toMatch(/^metrics as of tick 2 \(.+\), the last tick completed: \d+ source changes$/);
    expect(summary.out.at(-1)).toMatch(/stopped over budget at query$/);
  });

  it('keeps the metrics of the ticks before a stop over budget, in --json and in the summary', {
    timeout: 60_000,
  }, async () => {
    const mesh = JSON.parse(sample);
    const dashboard = mesh.products.find((product: { id: string }) => product.id === 'sales-dashboard');
    // Quick while few orders were placed, then a count that never ends in time.
    dashboard.transformations[0].sql =
      'WITH RECURSIVE spin(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM spin WHERE n < (CASE WHEN (SELECT count(*) FROM order_placed) > 3 THEN 1000000000000 ELSE 1 END)) SELECT (SELECT count(*) FROM spin) AS day, NULL AS country, 0 AS orders, 0 AS revenue';
    const file = JSON.stringify(mesh);
    const asJson = fakeIo({ 'shop.mesh.json': file });
    const summary = fakeIo({ 'shop.mesh.json': file });

    const options = ['--ticks', '40', '--budget-ms', '1500'];
    expect(await runCli(['simulate', 'shop.mesh.json', ...options, '--json'], asJson.io)).toBe(EXIT.problems);
    expect(await runCli(['simulate', 'shop.mesh.json', ...options], summary.io)).toBe(EXIT.problems);

    const metrics = JSON.parse(asJson.out.join('\n'));
    expect(metrics.stopped).toMatchObject({ path: 'products[4].transformations[0]', kind: 'transformation' });
    // As of the last tick before the one that ran long.
    expect(metrics.tick).toBe(metrics.stopped.tick - 1);
    expect(metrics.ports['orders/orders-out'].published).toBeGreaterThan(0);
    expect(metrics.tables['orders-service'].orders).toBeGreaterThan(0);
    expect(metrics.errors).toContainEqual(expect.objectContaining({ message: metrics.stopped.message }));
    expect(summary.out[0]).toBe(
      `metrics as of tick ${metrics.tick} (${metrics.time}), the last tick completed: ${metrics.sourceChanges} source changes`,
    );
    expect(summary.out).toContainEqual(expect.stringMatching(/^ {2}orders\/orders-out: [1-9]\d* published/));
    expect(summary.out.at(-2)).toBe(`stopped: ${metrics.stopped.message}`);
    expect(summary.out.at(-1)).toMatch(/stopped over budget at products\[4\]\.transformations\[0\]$/);
    expect(summary.err).toContain(`shop.mesh.json: products[4].transformations[0]: ${metrics.stopped.message}`);
  });

  it("prints a topic's records after the last tick as a consumer reads them, one JSON object per line", async () => {
    const run = async (...options: string[]) => {
      const { io, out, err } = fakeIo({ 'shop.mesh.json': sample });
      const exit = await runCli(['simulate', 'shop.mesh.json', '--ticks', '3', ...options], io);
      return { exit, err, records: out.map((line) => JSON.parse(line)) };
    };
    const { exit, err, records } = await run('--messages', 'customers-service/customers-cdc');
    const metrics = JSON.parse((await fakeRun(['--ticks', '3', '--json'])).join('\n'));

    expect(exit).toBe(EXIT.ok);
    expect(err.filter((line) => !line.startsWith('note:'))).toEqual([]);
    expect(records).toHaveLength(metrics.logs['customers-service/customers-cdc'].records);
    // The snapshot of the 20 customers, then the changes of ticks 1 to 3, in Debezium's envelope.
    expect(records[0]).toEqual({
      partition: expect.any(Number),
      offset: 0,
      timestamp: expect.any(Number),
      key: { customer_id: 1 },
      value: expect.objectContaining({
        before: null,
        after: expect.objectContaining({ customer_id: 1 }),
        op: 'r',
        source: expect.objectContaining({ name: 'customers', table: 'customers', snapshot: 'first' }),
      }),
    });
    expect(records.slice(20).map((record) => record.value.op)).not.toContain('r');
    // Offsets count per partition (the topic has three), in the order the records were written.
    const offsetsOf = (partition: number) =>
      records.filter((record) => record.partition === partition).map((record) => record.offset);
    expect(new Set(records.map((record) => record.partition))).toEqual(new Set([0, 1, 2]));
    for (const partition of [0, 1, 2]) {
      expect(offsetsOf(partition)).toEqual(offsetsOf(partition).map((_, index) => index));
    }

    const last = await run('--messages', 'customers-service/customers-cdc', '--last', '2');
    expect(last.records).toEqual(records.slice(-2));
    // The topic by its Kafka name, under its system or alone, as a Kafka consumer names it.
    for (const name of ['customers-service/customers.public.customers', 'customers.public.customers']) {
      expect((await run('--messages', name, '--last', '2')).records).toEqual(records.slice(-2));
    }
  });

  it("prints a SQL Server datetime2's seventh fractional digit exactly, past 2^53, with --messages, --trace and --json", async () => {
    // Hand-checked: 2026-03-02T22:01:59Z is 20514 days × 86,400 s + 79,319 s = 1,772,488,919 s since 1970, so
    // .1234567 s on is 1,772,488,919,123,456,700 ns (io.debezium.time.NanoTimestamp); a double rounds it to …456,768.
    const exactly = '1772488919123456700';
    const mesh = JSON.parse(sample);
    const customers = mesh.systems.find((system: { id: string }) => system.id === 'customers-service');
    customers.database.engine = 'sqlserver';
    mesh.scenarios[0].steps.push({
      tick: 1,
      systemId: 'customers-service',
      table: 'customers',
      op: 'update',
      values: { updated_at: '2026-03-02T22:01:59.1234567Z' },
      where: { customer_id: 7 },
    });
    const run = async (...options: string[]) => {
      const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
      await runCli(['simulate', 'shop.mesh.json', '--ticks', '1', ...options], io);
      return out.join('\n');
    };

    const messages = await run('--messages', 'customers-service/customers-cdc', '--last', '1');
    expect(messages).toContain(`"updated_at":${exactly}}`);
    const trace = await run('--trace', 'customers-service/customers=7');
    expect(trace).toContain(`"updated_at":${exactly}}`);
    const json = await run('--trace', 'customers-service/customers=7', '--json');
    expect(json).toContain(`"updated_at": ${exactly}`);
    expect(`${messages}${trace}${json}`).not.toContain('1772488919123456800');
  });

  it('prints an integer past 2^53 of a quarantined record exactly, in the summary, --json and --trace', async () => {
    // Hand-checked: SQLite adds 1772488919123456700 + 0 orders exactly; a double would round it to …456800.
    const exactly = '1772488919123456700';
    const mesh = JSON.parse(sample);
    const profile = mesh.contracts.find((contract: { odcs: string[] }) =>
      contract.odcs.includes('id: customer-profile'),
    );
    const noCountry = [{ metric: 'invalidValues', arguments: { validValues: ['XX'] }, mustBe: 0 }];
    const countryQuality = ['schema', 0, 'properties', 2, 'quality'];
    profile.odcs = editYamlText(profile.odcs.join('\n'), [{ op: 'set', path: countryQuality, value: noCountry }]).split(
      '\n',
    );
    const customer360 = mesh.products.find((product: { id: string }) => product.id === 'customer-360');
    const step = customer360.transformations[0];
    step.sql = step.sql.replace('COUNT(o.order_id) AS order_count', `${exactly} + COUNT(o.order_id) AS order_count`);
    const run = async (...options: string[]) => {
      const { io, out, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
      await runCli(['simulate', 'shop.mesh.json', '--ticks', '1', ...options], io);
      return [...out, ...err].join('\n');
    };

    const summary = await run();
    expect(summary).toMatch(new RegExp(`enum on country: \\d+×, .*"order_count":${exactly},`));
    const json = await run('--json');
    expect(json).toContain(`"order_count": ${exactly}`);
    const trace = await run('--trace', 'customers-service/customers=7');
    expect(trace).toMatch(
      new RegExp(
        `\\(Quarantined at tick \\d+\\)\\n.*failed enum on country.*\\n {3}\\{"customer_id":7,.*"order_count":${exactly},`,
      ),
    );
    expect(`${summary}${json}${trace}`).not.toContain('1772488919123456800');
  });

  it('prints a key past 2^53 as the same unquoted digits in every stage of --trace and in --query, text and --json', async () => {
    // Hand-checked: BIG_CUSTOMER_ID, 1772488919123456700, is past 2^53; a double would print it …456800.
    const exactly = String(BIG_CUSTOMER_ID);
    const mesh = JSON.parse(sample);
    mesh.scenarios[0].steps.push(aBigKeyCustomerInsert(1));
    const run = async (...options: string[]) => {
      const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
      await runCli(['simulate', 'shop.mesh.json', '--ticks', '1', ...options], io);
      return out.join('\n');
    };
    const bigCustomer = `customers-service=SELECT customer_id FROM customers WHERE customer_id = ${exactly}`;

    const trace = await run('--trace', `customers-service/customers=${exactly}`);
    const query = await run('--query', bigCustomer);
    const json = await run('--query', bigCustomer, '--json');

    expect(trace).toContain('[clean] at customers: customers');
    expect(trace).not.toContain('later changes reached it since');
    expect(new Set(trace.match(/"customer_id":[^,}]*/g))).toEqual(new Set([`"customer_id":${exactly}`]));
    expect(query.split('\n')).toEqual(['customer_id', '-------------------', exactly, '(1 row)']);
    expect(json).toMatch(new RegExp(`"rows": \\[\\s*\\[\\s*${exactly}\\s*\\]\\s*\\]`));
  });

  it('says on stderr why it fails when --messages prints records, as a run without it says', async () => {
    const mesh = withOrderStatuses(['placed']);
    mesh.products[0].transformations = [{ name: 'orders', sql: 'SELECT * FROM orders' }];
    const files = { 'shop.mesh.json': JSON.stringify(mesh) };
    const summary = fakeIo(files);
    await runCli(['simulate', 'shop.mesh.json', '--ticks', '3'], summary.io);
    const reasons = summary.out.slice(summary.out.indexOf('errors:'), -1);
    const quarantine = summary.err.filter((line) => !line.startsWith('note:'));
    const records = fakeIo(files);

    expect(
      await runCli(['simulate', 'shop.mesh.json', '--ticks', '3', '--messages', 'orders/orders-out'], records.io),
    ).toBe(EXIT.problems);
    expect(reasons).toContain(
      "  product 'orders', transformation 'orders' (products[0].transformations[0]): table name 'orders' is already taken by products[0].inputPorts[0] (1×)",
    );
    expect(quarantine).toEqual([
      expect.stringMatching(/^shop\.mesh\.json:1:\d+: .*: quarantined at orders\/orders-out: /),
    ]);
    expect(records.err.filter((line) => !line.startsWith('note:'))).toEqual([
      'quarantined:',
      ...quarantine,
      ...reasons,
    ]);
  });

  describe('--query NODE=SQL, a query on a node’s tables after the last tick, as the app’s SQL console runs it', () => {
    const orderCount = 'orders-service=SELECT count(*) AS orders, NULL AS missing FROM orders';

    it('prints its result as a text table instead of the summary', async () => {
      const { io, out, err } = fakeIo({ 'shop.mesh.json': sample });
      const exit = await runCli(['simulate', 'shop.mesh.json', '--ticks', '3', '--query', orderCount], io);
      const count = JSON.parse((await fakeRun(['--ticks', '3', '--json', '--query', orderCount])).join('\n')).query
        .rows[0][0];

      expect(exit).toBe(EXIT.ok);
      expect(err.filter((line) => !line.startsWith('note:'))).toEqual([]);
      const width = Math.max('orders'.length, String(count).length);
      expect(out).toEqual([
        `${'orders'.padEnd(width)}  missing`,
        `${'-'.repeat(width)}  -------`,
        `${String(count).padEnd(width)}  NULL`,
        '(1 row)',
      ]);
    });

    it('adds its result to the metrics with --json', async () => {
      const report = JSON.parse((await fakeRun(['--ticks', '3', '--json', '--query', orderCount])).join('\n'));

      expect(report.tick).toBe(3);
      expect(report.query).toEqual({
        node: 'orders-service',
        sql: 'SELECT count(*) AS orders, NULL AS missing FROM orders',
        columns: ['orders', 'missing'],
        rows: [[expect.any(Number), null]],
        isTruncated: false,
      });
    });

    it.each([
      ['orders-service=DELETE FROM orders', /^shop\.mesh\.json: query: .+/],
      ['orders-service=SELECT * FROM nowhere', /^shop\.mesh\.json: query: no such table: nowhere/],
      ['warehouse=SELECT 1', /^shop\.mesh\.json: query: .*'warehouse'.*/],
    ])('fails (exit 1) on %j, saying why', async (query, message) => {
      const { io, out, err } = fakeIo({ 'shop.mesh.json': sample });

      expect(await runCli(['simulate', 'shop.mesh.json', '--ticks', '1', '--query', query], io)).toBe(EXIT.problems);
      expect(out).toEqual([]);
      expect(err.filter((line) => !line.startsWith('note:'))[0]).toMatch(message);
    });
  });

  it('refuses a --query on a node the design lacks before the run, naming the systems and products it has', async () => {
    const { io, out, err } = fakeIo({ 'shop.mesh.json': sample });
    const query = ['--ticks', '1', '--json', '--query', 'warehouse=SELECT 1'];
    expect(await runCli(['simulate', 'shop.mesh.json', ...query], io)).toBe(EXIT.problems);
    const has =
      'orders-service, customers-service, shipping-service, orders, customers, shipments, customer-360, sales-dashboard';
    const message = `no system or product 'warehouse' (has: ${has})`;
    expect(err).toEqual([`shop.mesh.json: query: ${message}`]);
    // Refused before the run: no metrics, only the error.
    expect(JSON.parse(out.join('\n'))).toEqual({ errors: [{ severity: 'error', path: 'query', message }] });
  });

  it('names the logs a design has when asked for another', async () => {
    const { io, out, err } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['simulate', 'shop.mesh.json', '--ticks', '1', '--messages', 'orders'], io)).toBe(
      EXIT.problems,
    );
    expect(out).toEqual([]);
    expect(err[0]).toMatch(
      /^shop\.mesh\.json: messages: no topic or port log 'orders' \(has: orders-service\/orders-cdc, .*customers\/customers-out.*\)$/,
    );
  });

  it('reports a step named like its input’s table in other capitals at the step, as SQLite takes them for one table, and runs the rest', async () => {
    const mesh = JSON.parse(sample);
    mesh.products[0].transformations = [{ name: 'ORDERS', sql: 'SELECT * FROM orders' }];
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['simulate', 'shop.mesh.json', '--ticks', '2', '--json'], io)).toBe(EXIT.problems);
    const metrics = JSON.parse(out.join('\n'));
    expect(metrics.tick).toBe(2);
    expect(metrics.errors).toContainEqual(
      expect.objectContaining({
        path: 'products[0].transformations[0]',
        message:
          "table name 'ORDERS' is already taken by products[0].inputPorts[0] (as 'orders', one name to SQLite, which ignores the case of letters A to Z)",
      }),
    );
  });

  it('fails (exit 1) on ports that publish nothing, listing them by name under errors in the summary and in --json', async () => {
    const mesh = { ...JSON.parse(sample), scenarios: [] };
    const [orders] = mesh.products;
    delete orders.outputPorts[0].contractId;
    const order = mesh.contracts[1];
    order.odcs = order.odcs.map((line: string) => (line === '  - name: orders' ? '  - name: order_list' : line));
    const options = ['simulate', 'shop.mesh.json', '--scenario', 'starter', '--ticks', '3'];
    const unpublished = [
      {
        path: 'products[0].outputPorts[0].contractId',
        message: 'no contract, so the port publishes nothing',
      },
      {
        path: 'products[0].outputPorts[1]',
        message:
          "nothing produces table 'order_list' to publish: name a transformation 'order_list' or consume a stream that yields it",
      },
    ];

    const text = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(options, text.io)).toBe(EXIT.problems);
    const errors = text.out.slice(text.out.indexOf('errors:') + 1);
    const ports = ["product 'orders', output port 'OrderPlaced'", "product 'orders', output port 'Orders'"];
    unpublished.forEach(({ path, message }, index) => {
      expect(errors).toContain(`  ${ports[index]} (${path}): ${message} (1×)`);
    });

    const json = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli([...options, '--json'], json.io)).toBe(EXIT.problems);
    const report = JSON.parse(json.out.join('\n'));
    expect(report.errors).toEqual(
      expect.arrayContaining(unpublished.map((problem) => expect.objectContaining(problem))),
    );
    expect(report.warnings).toEqual([]);
  });

  it('names the scenarios a file has when asked for another', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['simulate', 'shop.mesh.json', '--scenario', 'nope'], io)).toBe(EXIT.problems);
    expect(err).toEqual(["shop.mesh.json:950:7: scenarios: no scenario 'nope' (has: workshop, or starter)"]);
  });

  it('prints with --json, as a failed run does, why there is nothing to run: a design it cannot read, no such scenario', async () => {
    const missing = fakeIo({});
    expect(await runCli(['simulate', 'missing.mesh.json', '--json'], missing.io)).toBe(EXIT.problems);
    expect(JSON.parse(missing.out.join('\n'))).toEqual({
      errors: [{ severity: 'error', path: '(file)', message: 'cannot read: no such file' }],
    });
    expect(missing.err).toEqual(['missing.mesh.json: cannot read: no such file']);

    const other = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['simulate', 'shop.mesh.json', '--scenario', 'nope', '--json'], other.io)).toBe(EXIT.problems);
    expect(JSON.parse(other.out.join('\n'))).toEqual({
      errors: [
        {
          severity: 'error',
          path: 'scenarios',
          message: "no scenario 'nope' (has: workshop, or starter)",
          line: 950,
          column: 7,
        },
      ],
    });
  });

  it('prints with --json a design cut short as validate and export do: severity, and line and column at the top level', async () => {
    const { io, out } = fakeIo({ 'cut.mesh.json': sample.slice(0, 200) });
    expect(await runCli(['simulate', 'cut.mesh.json', '--json'], io)).toBe(EXIT.problems);
    const [error] = JSON.parse(out.join('\n')).errors;
    expect(error).toEqual({
      severity: 'error',
      path: '(document)',
      message: expect.stringMatching(/^not valid JSON: /),
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });

  const throwing = (message: string) => () => {
    throw new Error(message);
  };
  it.each([
    ['SQLite cannot be opened', 'cannot load sql.js', (message: string) => Promise.reject(new Error(message))],
    [
      'the engine throws mid-run',
      'table "titles" already exists',
      async (message: string) => () => ({ connect: throwing(message), close: () => {} }),
    ],
  ])(
    'prints with --json, as a failed run does, why the run stopped when %s, with the file',
    async (_, message, open) => {
      const { io, out, err } = fakeIo({ 'shop.mesh.json': sample });
      const failing = { ...io, openSqlite: () => open(message) as ReturnType<typeof io.openSqlite> };
      expect(await runCli(['simulate', 'shop.mesh.json', '--json'], failing)).toBe(EXIT.problems);
      expect(JSON.parse(out.join('\n'))).toEqual({ errors: [{ severity: 'error', path: '(engine)', message }] });
      expect(err).toEqual([`shop.mesh.json: (engine): ${message}`]);
    },
  );

  it('prints with --json why a scenario whose clock runs past the year 9999 does not run, at its tickMillis', async () => {
    const mesh = JSON.parse(sample);
    mesh.scenarios[0].tickMillis = Number.MAX_SAFE_INTEGER;
    const { io, out, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });

    expect(await runCli(['simulate', 'shop.mesh.json', '--json'], io)).toBe(EXIT.problems);

    expect(JSON.parse(out.join('\n')).errors).toEqual([
      {
        severity: 'error',
        path: 'scenarios[0].tickMillis',
        line: 1,
        column: 20076,
        message: expect.stringMatching(/^tick \d+.* would come after 9999-12-31T23:59:59\.999Z/),
      },
    ]);
    expect(err).toEqual([
      expect.stringMatching(/^shop\.mesh\.json:1:20076: scenarios\[0\]\.tickMillis: tick \d+.* would come after/),
    ]);
  });

  it('says where to get a scenario when the design has none', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify({ ...JSON.parse(sample), scenarios: [] }) });
    expect(await runCli(['simulate', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "shop.mesh.json:1:17431: scenarios: the design has no scenario to simulate: run the one the app's Scenario tab makes from the design's tables with --scenario starter, or add one there",
    ]);
  });

  it("runs the scenario the app's Scenario tab would make, with --scenario starter, on a design without one", async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify({ ...JSON.parse(sample), scenarios: [] }) });
    expect(await runCli(['simulate', 'shop.mesh.json', '--scenario', 'starter', '--ticks', '5', '--json'], io)).toBe(
      EXIT.ok,
    );
    const report = JSON.parse(out.join('\n'));
    // The starter inserts and updates rows of every table feeding a topic each tick: orders flow to the port.
    expect(report.ports['orders/orders-out'].published).toBeGreaterThan(0);
  });

  it('explains its usage on bad options', async () => {
    const { io, err } = fakeIo({});
    expect(await runCli(['simulate', 'x.mesh.json', '--ticks', 'many'], io)).toBe(EXIT.usage);
    expect(await runCli(['simulate', 'x.mesh.json', '--speed', '2'], io)).toBe(EXIT.usage);
    expect(err).toContain('mesh-designer simulate: unknown option or missing value: --speed');
  });

  it.each([
    [['--ticks', 'many'], "--ticks must be a whole number from 1 to 1000000 (got 'many')"],
    [['--ticks', '0'], "--ticks must be a whole number from 1 to 1000000 (got '0')"],
    [['--seed', '1.5'], "--seed must be a whole number between -9007199254740991 and 9007199254740991 (got '1.5')"],
    [['--budget-ms', '-3'], "--budget-ms must be a whole number of milliseconds from 1 to 2147483647 (got '-3')"],
    // Node's timers wait at most 2^31 - 1 ms: a longer one fires at once and stops every run.
    [
      ['--budget-ms', '2147483648'],
      "--budget-ms must be a whole number of milliseconds from 1 to 2147483647 (got '2147483648')",
    ],
    [['--ticks', '0x10'], "--ticks takes plain decimal digits, such as 16 (got '0x10')"],
    [['--ticks', '1e3'], "--ticks takes plain decimal digits, such as 1000 (got '1e3')"],
    [['--ticks', ' 5'], "--ticks takes plain decimal digits, such as 5 (got ' 5')"],
    [['--ticks', ''], "--ticks must be a whole number from 1 to 1000000 (got '')"],
    [['--seed', '0b11'], "--seed takes plain decimal digits, such as 3 (got '0b11')"],
    [['--budget-ms', '1e4'], "--budget-ms takes plain decimal digits, such as 10000 (got '1e4')"],
    [['--messages', 'a/b', '--last', '5 '], "--last takes plain decimal digits, such as 5 (got '5 ')"],
    [['--ticks', '5.0'], "--ticks takes plain decimal digits, such as 5 (got '5.0')"],
    [['other.mesh.json'], 'one design at a time (also given: other.mesh.json)'],
    [['--last', '3'], '--last goes with --messages'],
    [['--messages', 'a/b', '--last', '0'], "--last must be a whole number, at least 1 (got '0')"],
    [['--messages', 'a/b', '--json'], '--json and --messages print different things: choose one'],
    [
      ['--query', 'SELECT 1'],
      "--query takes <node>=<SQL>, e.g. orders-service=SELECT count(*) FROM orders (got 'SELECT 1')",
    ],
    [['--query', 'a=SELECT 1', '--messages', 'a/b'], '--query and --messages print different things: choose one'],
  ])('says what is wrong with %j', async (options, problem) => {
    const { io, err } = fakeIo({});
    expect(await runCli(['simulate', 'x.mesh.json', ...options], io)).toBe(EXIT.usage);
    expect(err[0]).toBe(`mesh-designer simulate: ${problem}`);
  });
});

describe('mesh-designer simulate, its limits', () => {
  it('names the biggest seed it takes', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['simulate', 'shop.mesh.json', '--seed', '99999999999999999999'], io)).toBe(EXIT.usage);
    expect(err.join('\n')).toContain(
      "--seed must be a whole number between -9007199254740991 and 9007199254740991 (got '99999999999999999999')",
    );
  });

  it('refuses more ticks than it runs, naming the limit', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['simulate', 'shop.mesh.json', '--ticks', '99999999999'], io)).toBe(EXIT.usage);
    expect(err.join('\n')).toContain("--ticks must be a whole number from 1 to 1000000 (got '99999999999')");
  });

  it('takes plain decimal numbers, negative seeds too', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample });
    const options = ['--ticks', '2', '--seed', '-7', '--json'];
    expect(await runCli(['simulate', 'shop.mesh.json', ...options], io)).toBe(EXIT.ok);
    expect(err.filter((line) => !line.startsWith('note:'))).toEqual([]);
  });

  it('says which steps and faults come after the last tick and do not run', async () => {
    const mesh = JSON.parse(sample);
    const scenario = mesh.scenarios[0];
    scenario.steps.push({
      tick: 5000,
      systemId: 'orders-service',
      table: 'orders',
      op: 'delete',
      where: { order_id: 1 },
    });
    scenario.faults = [
      { kind: 'redeliver', tick: 9999, systemId: 'customers-service', topicId: 'customers-cdc', records: 2 },
    ];
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    await runCli(['simulate', 'shop.mesh.json', '--ticks', '20'], io);
    expect(err).toContain(
      `note: after the last tick (20), so not run: delete step at tick 5000 on table 'orders' (steps[${scenario.steps.length - 1}]), redeliver fault at tick 9999 on topic 'customers.public.customers' (faults[0])`,
    );
  });

  it('counts the steps after the last tick of a generated script of 20,000 and names only the first few', async () => {
    const mesh = JSON.parse(sample);
    const scenario = mesh.scenarios[0];
    const firstLate = scenario.steps.length + 40;
    // 40 inserts over the ticks the run reaches, then 19,960 over ticks 4 to 10.
    for (let index = 0; index < 20_000; index++) {
      const tick = index < 40 ? 1 + (index % 3) : 4 + ((index - 40) % 7);
      scenario.steps.push({
        tick,
        systemId: 'orders-service',
        table: 'orders',
        op: 'insert',
        values: { order_id: 50_000 + index },
      });
    }
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    await runCli(['simulate', 'shop.mesh.json', '--ticks', '3'], io);
    expect(err).toEqual([
      `note: 19,961 steps and 1 fault after the last tick (3), so not run: update step at tick 5 on table 'orders' (steps[0]), insert step at tick 4 on table 'orders' (steps[${firstLate}]), insert step at tick 5 on table 'orders' (steps[${firstLate + 1}]) and 19,959 more`,
    ]);
  });

  it('names a consumer that lost records under incomplete inputs, and fails on it only with --fail-on-lost', async () => {
    const mesh = { ...aShopMesh({ keyless: true }).build(), scenarios: [offlinePastRetention('catalog')] };
    const run = async (options: string[]) => {
      const { io, out } = fakeIo({ 'squeeze.mesh.json': serializeMesh(mesh) });
      return { exit: await runCli(['simulate', 'squeeze.mesh.json', '--ticks', '6', ...options], io), out };
    };

    const summary = await run([]);
    const gate = await run(['--fail-on-lost']);

    expect(summary.exit).toBe(EXIT.ok);
    const gaps = summary.out.slice(summary.out.indexOf('incomplete inputs:'));
    expect(gaps[1]).toMatch(
      /^ {2}catalog\/items-in: 5 records lost to retention before it read them: its entity table 'items' may now miss keys/,
    );
    expect(gate.exit).toBe(EXIT.problems);
    expect(gate.out).toEqual([...summary.out, 'failed: a consumer lost records to retention (--fail-on-lost)']);
    expect(JSON.parse((await run(['--json'])).out.join('\n')).inputGaps).toEqual([
      expect.objectContaining({ consumer: 'catalog/items-in', firstTick: 2, lastTick: 4 }),
    ]);
  });
});
