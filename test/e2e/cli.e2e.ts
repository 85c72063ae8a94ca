import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { EXPORT_MANIFEST_PATH } from '../../shared/files/export-manifest';

/** The built command line as npm installs it: the package's `bin`, run by Node as a child process. */
const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, packageJson.bin['mesh-designer']);
const FIXTURES = join(ROOT, 'test/fixtures/export');
const workspace = mkdtempSync(join(tmpdir(), 'mesh-designer-cli-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function meshDesigner(...args: string[]) {
  // From another folder, as CI would run it: nothing may depend on the working directory.
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: workspace, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface TransactionEvent {
  status: 'BEGIN' | 'END';
  id: string;
  event_count: number | null;
  data_collections: { data_collection: string; event_count: number }[] | null;
}

describe('the built mesh-designer command line', () => {
  it('is the package bin, built by npm run build', () => {
    expect(existsSync(BIN)).toBe(true);
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    expect(meshDesigner('--version')).toEqual({ status: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it.each(['ecommerce', 'seed-logical-view'])(
    'exports the %s sample to every format, as the golden files have it',
    (sample) => {
      const out = join(workspace, `${sample}-bundle`);
      const run = meshDesigner('export', join(FIXTURES, sample, 'input.mesh.json'), '--out', out);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      // The listing the next export reads is the folder's, not the bundle's: no golden file has it.
      const written = readdirSync(out, { recursive: true, withFileTypes: true }).filter(
        (entry) => entry.isFile() && entry.name !== EXPORT_MANIFEST_PATH,
      );
      expect(written.length).toBeGreaterThan(10);
      for (const entry of written) {
        const path = join(entry.parentPath, entry.name);
        const golden = join(FIXTURES, sample, path.slice(out.length + 1));
        expect(readFileSync(path, 'utf8'), path).toBe(readFileSync(golden, 'utf8'));
      }
      const again = meshDesigner('export', join(FIXTURES, sample, 'input.mesh.json'), '--out', out);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/is not empty .*--force/);
    },
  );

  it('says so when --out names a file rather than a folder', () => {
    const run = meshDesigner(
      'export',
      join(FIXTURES, 'ecommerce/input.mesh.json'),
      '--out',
      join(FIXTURES, 'README.md'),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `mesh-designer export: cannot write to ${join(FIXTURES, 'README.md')}: it is a file, not a folder; move it away or choose another path (export writes a folder of files)\n`,
    );
  });

  it('validates, and fails with exit code 1 and a located message, never a stack trace', () => {
    expect(meshDesigner('validate', join(FIXTURES, 'ecommerce/input.mesh.json')).status).toBe(0);
    const broken = join(workspace, 'broken.mesh.json');
    writeFileSync(broken, '{ "schemaVersion": 1 ');
    for (const run of [
      meshDesigner('validate', broken),
      meshDesigner('simulate', join(workspace, 'missing.mesh.json')),
    ]) {
      expect(run.status).toBe(1);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stderr.trim().length).toBeGreaterThan(0);
    }
  });

  it('imports a contract into a design file, and refuses one whose table the product already has', () => {
    const design = join(workspace, 'shop.mesh.json');
    const saved = readFileSync(join(FIXTURES, 'ecommerce/input.mesh.json'), 'utf8');
    writeFileSync(design, saved);
    const shipment = readFileSync(join(ROOT, 'test/fixtures/odcs/batch/shipment.odcs.yaml'), 'utf8');
    const again = join(workspace, 'shipment.odcs.yaml');
    writeFileSync(again, shipment);
    const clash = meshDesigner('import', again, '--into', design, '--on-conflict', 'rename');
    expect(clash.status).toBe(1);
    expect(clash.stderr).toContain("'shipments' would name both table 'shipments' of contract 'Shipment'");
    expect(readFileSync(design, 'utf8')).toBe(saved);
    const parcels = join(workspace, 'parcels.odcs.yaml');
    writeFileSync(parcels, shipment.replace('  - name: shipments', '  - name: parcels'));
    const run = meshDesigner('import', parcels, '--into', design, '--on-conflict', 'rename');
    // The new port publishes table 'parcels', which nothing in the product makes yet: import says so.
    expect(run.stderr).toContain("publishes table 'parcels'");
    expect(run.stderr).toContain('the import brought 1 error (product-tables)');
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(design, 'utf8')).contracts.length).toBe(7);
  });

  it('simulates in a worker thread within a time budget, and stops a transformation that never ends', () => {
    const sample = join(ROOT, 'assets/samples/ecommerce.mesh.json');
    expect(meshDesigner('simulate', sample, '--ticks', '3', '--budget-ms', '60000')).toMatchObject({ status: 0 });
    const mesh = JSON.parse(readFileSync(sample, 'utf8'));
    mesh.products[4].transformations[0].sql =
      'WITH RECURSIVE spin(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM spin) SELECT count(*) AS day, NULL AS country, 0 AS orders, 0 AS revenue FROM spin';
    const spinning = join(workspace, 'spinning.mesh.json');
    writeFileSync(spinning, JSON.stringify(mesh));
    const run = meshDesigner('simulate', spinning, '--budget-ms', '3000');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /transformation 'daily_sales' of product 'sales-dashboard' at tick 0 ran longer than the budget of 3000 ms/,
    );
  });

  it("prints a CDC topic's records as Debezium writes them, the sample's orders moving on through their statuses", () => {
    const sample = join(ROOT, 'assets/samples/ecommerce.mesh.json');
    const run = meshDesigner('simulate', sample, '--ticks', '20', '--messages', 'orders-service/orders-cdc');
    expect(run.status).toBe(0);
    const envelopes = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).value)
      .filter(Boolean);
    for (const { ts_ms, ts_us, ts_ns, source } of envelopes) {
      expect([ts_us, ts_ns, source.ts_us, source.ts_ns]).toEqual([
        ts_ms * 1000,
        ts_ms * 1_000_000,
        source.ts_ms * 1000,
        source.ts_ms * 1_000_000,
      ]);
    }
    const moves = new Set(
      envelopes.filter((value) => value.op === 'u').map((value) => `${value.before.status} → ${value.after.status}`),
    );
    // Each update moves an order one stage on, or leaves it at the last; tick 5 cancels order 1000.
    const stages = ['placed', 'paid', 'shipped', 'delivered'];
    const isForward = (move: string) => {
      const [before = '', after = ''] = move.split(' → ');
      const next = stages[Math.min(stages.indexOf(before) + 1, stages.length - 1)];
      return after === 'cancelled' || (before === 'cancelled' ? after === before : after === next);
    };
    expect([...moves].filter((move) => !isForward(move))).toEqual([]);
    expect([...moves]).toEqual(expect.arrayContaining(['placed → paid', 'paid → shipped', 'shipped → delivered']));
  });

  it('prints a connector’s transaction topic, whose END events count the records its CDC topics carry and the outbox rows written with them', () => {
    const sample = JSON.parse(readFileSync(join(ROOT, 'assets/samples/ecommerce.mesh.json'), 'utf8'));
    sample.scenarios[0].connector = { transactionMetadata: true };
    const file = join(workspace, 'transactions.mesh.json');
    writeFileSync(file, JSON.stringify(sample));
    const records = (log: string) => {
      const run = meshDesigner('simulate', file, '--ticks', '6', '--messages', log);
      // The sample's fault at tick 10 comes after these 6 ticks, and the command says so.
      expect(run.stderr).toBe(
        "note: after the last tick (6), so not run: redeliver fault at tick 10 on topic 'orders.events.order-placed' (faults[0])\n",
      );
      return run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
    };
    const events: TransactionEvent[] = records('orders-service/orders.transaction').map((record) => record.value);
    const changes = [...records('orders-service/orders-cdc'), ...records('orders-service/order-lines-cdc')];
    const placedOrders = records('orders-service/order-placed-events').map(({ value }) => value.order_id);
    // PostgreSQL's transaction ids are `<txId>:<LSN>`, each with the LSN of its own record: the txId ties them.
    const txIdOf = (id: string) => Number(id.split(':')[0]);
    const changesOf = (id: string, table: string) =>
      changes.filter(
        ({ value }) => value?.transaction && value.source.txId === txIdOf(id) && value.source.table === table,
      );
    // A routed event carries no transaction block: its outbox row is the one written with its order's insert.
    const outboxRows = (id: string) =>
      changesOf(id, 'orders').filter(({ value }) => value.op === 'c' && placedOrders.includes(value.after.order_id))
        .length;

    expect(events.length).toBeGreaterThan(4);
    events.forEach((event, index) => {
      expect(event.status).toBe(index % 2 === 0 ? 'BEGIN' : 'END');
      if (event.status === 'BEGIN') return;
      expect(txIdOf(event.id)).toBe(txIdOf(events[index - 1]?.id ?? ''));
      const perCollection = [
        ...['orders', 'order_lines'].map((table) => ({
          data_collection: `public.${table}`,
          event_count: changesOf(event.id, table).length,
        })),
        { data_collection: 'public.outbox', event_count: outboxRows(event.id) },
      ].filter(({ event_count }) => event_count > 0);
      expect(event.data_collections).toHaveLength(perCollection.length);
      expect(event.data_collections).toEqual(expect.arrayContaining(perCollection));
      expect(event.event_count).toBe(perCollection.reduce((sum, { event_count }) => sum + event_count, 0));
    });
    const collections = events.flatMap((event) => event.data_collections ?? []);
    expect(collections.map(({ data_collection }) => data_collection)).toContain('public.outbox');
  });

  it('refuses unknown commands and options with exit code 2 on stderr', () => {
    for (const run of [meshDesigner('deploy'), meshDesigner('export', '--zip'), meshDesigner('validate')]) {
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/mesh-designer/);
    }
  });
});
