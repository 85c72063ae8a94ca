import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Scenario } from '../../shared/model';
import type { SimulationMetrics } from '../../shared/simulation';
import { ecommerceSample, simulate } from '../unit/simulation/builders';
import { describeInChromium, overlappingOnScreen, screenshot } from './app-driver';
import { clickLink, expectInside, openSampleDesign, productNode, systemNode } from './designer-driver';
import {
  currentTick,
  engineMetrics,
  enterSimulate,
  fireConsumerOffline,
  fireNullField,
  fireRedelivery,
  gridColumn,
  newestChangeOnLink,
  openEditedSample,
  openSampleWithProfileSql,
  openTab,
  presentOrder1000,
  runQuery,
  runTo,
  setStepBudget,
  simulateSample,
  step,
  traceOrder1000,
  waitForTick,
} from './simulation-driver';

/** Loops forever once the orders table passes `orders` rows: user SQL that never ends. */
const loopingProfileSql = (orders: number) => `WITH RECURSIVE spin(n) AS (
  SELECT 1 UNION ALL SELECT n + 1 FROM spin WHERE (SELECT count(*) FROM orders) > ${orders}
)
SELECT customer_id, city, country, 0 AS order_count, 0 AS lifetime_value, NULL AS last_order_at
FROM customers WHERE (SELECT max(n) FROM spin) > 0`;

const LARGE_TABLE_ROWS = 300_000;

/** The sample with a warehouse whose stock table, read by no product, starts with `rows` rows. */
async function openSampleWithLargeTable(page: Page, rows: number): Promise<void> {
  await openEditedSample(page, 'large-table.mesh.json', (mesh) => {
    const file = mesh as unknown as { systems: Record<string, unknown>[]; scenarios: { data: unknown[] }[] };
    const shipping = file.systems.find((system) => system.id === 'shipping-service');
    file.systems.push({
      ...shipping,
      id: 'warehouse-service',
      name: 'warehouse-service',
      database: {
        name: 'warehouse',
        engine: 'postgres',
        tables: [
          {
            name: 'stock',
            cdc: false,
            columns: [
              { name: 'item_id', nullable: false, type: 'integer' },
              { name: 'supplier', nullable: false, type: 'text' },
              { name: 'email', nullable: false, type: 'text' },
              { name: 'city', nullable: false, type: 'text' },
            ],
            primaryKey: ['item_id'],
          },
        ],
      },
      messaging: { broker: 'kafka', topics: [] },
    });
    file.scenarios[0]?.data.push({
      systemId: 'warehouse-service',
      table: 'stock',
      initialRows: rows,
      generators: {
        item_id: { kind: 'sequence', start: 1 },
        supplier: { kind: 'fake', what: 'fullName' },
        email: { kind: 'fake', what: 'email' },
        city: { kind: 'fake', what: 'city' },
      },
    });
  });
}

describeInChromium('Simulate mode on the e-commerce sample', (session) => {
  it('runs 50 ticks and shows on each link the count the engine reports', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await page.getByLabel('Speed').fill('61');
    await runTo(page, 50);

    const metrics = await engineMetrics(page);
    expect(metrics.tick).toBe(50);
    const shown = await page
      .locator('[data-testid^="link-count-"]')
      .evaluateAll((labels) =>
        Object.fromEntries(
          labels.map((label) => [
            label.getAttribute('data-testid')?.slice('link-count-'.length),
            Number(label.getAttribute('data-records')),
          ]),
        ),
      );
    expect(shown).toEqual(Object.fromEntries(Object.entries(metrics.links).map(([id, link]) => [id, link.records])));
    expect(Object.keys(shown)).toHaveLength(8);
    expect(await page.getByTestId('simulated-clock').textContent()).toContain('09:50:00');
    expect(await overlappingOnScreen(page, '[data-testid^="link-count-"]', 'data-testid')).toEqual([]);
  });

  it('pauses and steps deterministically: the same seed gives the same tables', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 4);
    await step(page, 3);
    const ordersAfterSteps = await queryResult(
      page,
      'orders',
      'SELECT order_id, status, total FROM orders ORDER BY order_id',
    );

    await page.getByRole('button', { name: 'Reset' }).click();
    await waitForTick(page, 0);
    await step(page, 7);
    const ordersAfterReset = await queryResult(
      page,
      'orders',
      'SELECT order_id, status, total FROM orders ORDER BY order_id',
    );

    expect(ordersAfterReset).toBe(ordersAfterSteps);
    expect(ordersAfterSteps).toContain('1000');
  });

  it('steps back a tick to the run as it was there, from the bar and by key, and not from tick 0', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    const stepBack = page.getByRole('button', { name: 'Step back' });
    expect(await stepBack.isDisabled()).toBe(true);
    const orders = () => queryResult(page, 'orders', 'SELECT order_id, status, total FROM orders ORDER BY order_id');
    await step(page, 6);
    const atSix = await orders();
    const metricsAtSix = await engineMetrics(page);
    await step(page, 1);

    await stepBack.click();
    await waitForTick(page, 6);
    expect(await orders()).toBe(atSix);
    expect(await engineMetrics(page)).toEqual(metricsAtSix);
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('b');
    await waitForTick(page, 5);
    await step(page, 1);
    expect(await orders()).toBe(atSix);
  });

  it('answers a SQL query at the run’s time, and shows a broken one’s error at its place while the app keeps working', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 10);
    const metrics = await engineMetrics(page);

    await runQuery(page, 'customers', 'SELECT count(*) AS customers FROM customers');
    const result = page.getByTestId('sql-result');
    await result.waitFor();
    expect(await result.locator('td').textContent()).toBe(String(metrics.tables.customers?.customers));
    expect(await result.textContent()).toMatch(/1 row in \d+ ms/);

    await runQuery(page, 'customers', 'SELECT full_name\nFORM customers');
    const error = page.getByTestId('sql-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('syntax error');
    await page.locator('.sql-console .squiggly-error').waitFor();

    await runQuery(page, 'customers', 'SELECT 41 + 1 AS answer');
    await page.getByTestId('sql-result').filter({ hasText: '42' }).waitFor();

    // The run's clock, not the machine's: tick 10 of a scenario starting at 09:00 with a tick a minute.
    await runQuery(page, 'customers', "SELECT datetime('now') AS now");
    await page.getByTestId('sql-result').filter({ hasText: '2026-01-05 09:10:00' }).waitFor();
    await step(page);
  });

  it('stops a looping transformation, names it, and restarts the worker; the app stays usable', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleWithProfileSql(page, loopingProfileSql(15));
    await enterSimulate(page);
    await page.getByRole('button', { name: '▶ Run' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Stopped at tick' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(
      /Stopped at tick [1-9]\d*: transformation 'customer_profile' of product 'customer-360' ran longer than 4000 ms .*restarted/,
    );
    await page.getByText('stopped', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Reset' }).click();
    await waitForTick(page, 0);
    await page.getByRole('button', { name: 'Design', exact: true }).click();
    await productNode(page, 'orders').click();
    await page.getByTestId('product-inspector').waitFor();
  });

  it('runs a Step pressed while a console query overruns once the run is rebuilt, and then shows no progress', async () => {
    const page = await session.openApp();
    await sendNeverEndingQueryAtTick3(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();

    await page.getByText(QUERY_REBUILT).waitFor();
    await waitForTick(page, 4);
    await page.getByText('paused', { exact: true }).waitFor();
    expect(await page.getByTestId('run-progress').count()).toBe(0);
    expect(await page.locator('.simulation-bar__failure').count()).toBe(0);
  });

  it('shows no progress once the run is rebuilt after a console query overran', async () => {
    const page = await session.openApp();
    await sendNeverEndingQueryAtTick3(page);

    await page.getByText(QUERY_REBUILT).waitFor();
    expect(await page.getByTestId('run-progress').count()).toBe(0);
    expect(await currentTick(page)).toBe(3);
  });

  it('keeps building a run whose initial rows take longer than the budget, batch by batch, saying how far it is', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleWithLargeTable(page, LARGE_TABLE_ROWS);
    // Loading the rows takes seconds: longer than this budget, while no batch of them comes near it.
    await setStepBudget(page, 1000);
    const started = Date.now();
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();

    await page
      .getByTestId('run-progress')
      .filter({ hasText: /^Loading the initial rows of stock: [1-9][\d,]* of 300,000 rows$/ })
      .waitFor();
    await page.getByText('paused', { exact: true }).waitFor({ timeout: 60_000 });
    expect(Date.now() - started).toBeGreaterThan(1000);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect((await engineMetrics(page)).tables['warehouse-service']?.stock).toBe(LARGE_TABLE_ROWS);
    expect(await page.getByTestId('run-progress').count()).toBe(0);
    await step(page, 1);
  });

  it('says so when the simulation engine cannot load, and starts it again on the next try', async () => {
    const page = await session.openApp();
    // The Problems tab's own SQLite check loads the same worker script once the design opens: let it.
    const checkLoaded = page.waitForRequest(/simulation\.worker/);
    await openSampleDesign(page, 'ecommerce');
    await checkLoaded;
    let refusals = 0;
    await page.context().route('**/*simulation.worker*', async (route) => {
      if (refusals++ === 0) await route.abort();
      else await route.continue();
    });
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'could not start' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('Your design is not affected');

    await page.getByRole('button', { name: 'Reset' }).click();
    await waitForTick(page, 0);
    expect(refusals).toBe(2);
  });

  it('handles a transformation that loops at tick 0 the same way', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleWithProfileSql(page, loopingProfileSql(0));
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Stopped at tick 0' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain("transformation 'customer_profile' of product 'customer-360'");
    expect(await page.getByTestId('tick').textContent()).toBe('—');
    await page.getByRole('button', { name: 'Design', exact: true }).click();
    await page.getByRole('button', { name: 'Simulate', exact: true }).waitFor();
  });

  it('pauses where the simulated clock ends, the last time a timestamp can show, saying why at tickMillis', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'late.mesh.json', (mesh) => {
      const [scenario] = mesh.scenarios;
      if (scenario) scenario.startTime = '9999-12-31T23:48:00.000Z';
    });
    await enterSimulate(page);
    await page.getByLabel('Speed').fill('61');
    await page.getByRole('button', { name: '▶ Run' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'tickMillis' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'scenarios[0].tickMillis: tick 12 would come after 9999-12-31T23:59:59.999Z',
    );
    await page.getByRole('button', { name: '▶ Run' }).waitFor();
    expect(await currentTick(page)).toBe(11);
  });

  it('runs a negative seed typed in the bar, keeping its - while typed, as simulate --seed runs it', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await step(page);
    const seed = page.getByLabel('Seed');

    await seed.selectText();
    await page.keyboard.type('-');
    expect(await seed.inputValue()).toBe('-');
    await page.keyboard.type('1');
    expect(await seed.inputValue()).toBe('-1');
    await page.getByRole('button', { name: 'Reset' }).click();
    await waitForTick(page, 0);
    await step(page, 3);

    const { logs } = await engineMetrics(page);
    expect(logs).toEqual(await sampleLogsAfter(3, -1));
    expect(logs).not.toEqual(await sampleLogsAfter(3, 1));
    expect(await seed.inputValue()).toBe('-1');
  });

  it.each([
    [
      '9007199254740993',
      "Seed must be a whole number between -9007199254740991 and 9007199254740991 (got '9007199254740993')",
    ],
    ['', "Seed must be a whole number between -9007199254740991 and 9007199254740991 (got '')"],
  ])(
    'refuses the seed %j as simulate --seed does, with its message, and resets to no other seed',
    async (typed, message) => {
      const page = await session.openApp();
      await simulateSample(page);
      await step(page);

      await page.getByLabel('Seed').fill(typed);
      await page.getByRole('button', { name: 'Reset' }).click();

      await page.getByRole('alert').filter({ hasText: message }).waitFor();
      expect(await page.getByLabel('Seed').getAttribute('aria-invalid')).toBe('true');
      expect(await currentTick(page)).toBe(1);
    },
  );

  it('refuses a negative Pause at tick with its message, as the Seed field does, and takes a tick of 1 or more', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    const pauseAt = page.getByLabel('Pause at tick');

    await pauseAt.fill('-5');

    await page
      .getByRole('alert')
      .filter({ hasText: "Pause at tick must be a whole number, at least 1 (got '-5')" })
      .waitFor();
    expect(await pauseAt.inputValue()).toBe('-5');
    expect(await pauseAt.getAttribute('aria-invalid')).toBe('true');
    await pauseAt.fill('3');
    expect(await page.getByRole('alert').filter({ hasText: 'Pause at tick must' }).count()).toBe(0);
  });

  it('traces one order through every stage with its record, and presents it by keyboard, firing a fault by key', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 6);
    const { place } = await traceOrder1000(page);

    const position = page.getByTestId('trace-position');
    const total = Number((await position.textContent())?.split('/')[1]);
    const stages: string[] = [];
    for (let index = 1; index <= total; index++) {
      await position.filter({ hasText: `${index} / ${total}` }).waitFor();
      const stage = page.locator('.trace-tab [data-testid=trace-stage]');
      stages.push(
        `${await stage.getAttribute('data-stage')} ${await page.locator('.react-flow__node:has(.node-traced)').getAttribute('data-id')}`,
      );
      const text = await stage.textContent();
      if (index === 3) expect(text).toContain(place);
      if (index <= 9) expect(text).toContain('1000');
      await page.keyboard.press('ArrowRight');
    }
    expect(stages).toEqual([
      'service-write orders-service',
      'table-row orders-service',
      'cdc-record orders-service',
      'raw orders',
      'clean orders',
      'history orders',
      'output-port orders',
      'raw customer-360',
      'clean customer-360',
      'transformation customer-360',
      'output-port customer-360',
      'raw sales-dashboard',
      'clean sales-dashboard',
      'transformation sales-dashboard',
      'output-port sales-dashboard',
    ]);
    expect(await page.getByTestId('contract-check').first().textContent()).toContain('✓ Kept contract');

    const viewBefore = await viewTransform(page);
    await page.getByRole('button', { name: 'Present' }).first().click();
    const presenter = page.getByTestId('presenter');
    await presenter.waitFor();
    for (let index = total; index > 1; index--) await page.keyboard.press('ArrowLeft');
    await page
      .getByTestId('presenter-position')
      .filter({ hasText: `1 / ${total}` })
      .waitFor();
    expect(await presenter.locator('[data-testid=trace-stage]').getAttribute('data-stage')).toBe('service-write');
    for (let index = 2; index <= total; index++) {
      await page.keyboard.press('ArrowRight');
      await page
        .getByTestId('presenter-position')
        .filter({ hasText: `${index} / ${total}` })
        .waitFor();
      if (stages[index - 1]?.startsWith('history ')) {
        // Two versions share the width in large type, rather than squeezing into narrow columns.
        const versions = await presenter.locator('.trace-stage__rows > li').all();
        expect(versions.length).toBeGreaterThanOrEqual(2);
        for (const version of versions) expect((await version.boundingBox())?.width).toBeGreaterThan(420);
        await screenshot(page, 'simulate-presenter-history');
      }
    }
    expect(await presenter.locator('[data-testid=trace-stage]').getAttribute('data-stage')).toBe('output-port');
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    expect(await page.locator('.react-flow__controls').isVisible()).toBe(false);
    expect(await page.locator('.react-flow__minimap').isVisible()).toBe(false);
    await screenshot(page, 'simulate-presenter-mode');
    const keys = presenter.locator('.presenter__keys');
    expect(await keys.textContent()).toContain('S steps · B steps back');
    const tick = presenter.getByTestId('presenter-tick');
    const tickBefore = await tick.textContent();
    await page.keyboard.press('s');
    await expect.poll(() => tick.textContent()).not.toBe(tickBefore);
    await page.keyboard.press('b');
    await expect.poll(() => tick.textContent()).toBe(tickBefore);
    await page.keyboard.press('2');
    await presenter.getByTestId('presenter-fault').filter({ hasText: 'Key 2 fired' }).waitFor();
    await page.keyboard.press('Escape');
    await presenter.waitFor({ state: 'detached' });
    expect(await page.locator('.toolbar').isVisible()).toBe(true);
    expect(await page.locator('.react-flow__controls').isVisible()).toBe(true);
    await expect.poll(() => viewTransform(page), { timeout: 5_000 }).toBe(viewBefore);
  });

  it('restores the view on Escape even while a stage’s move of the view is still waiting for its frame', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 6);
    await traceOrder1000(page);
    const viewBefore = await viewTransform(page);
    await page.getByRole('button', { name: 'Present' }).first().click();
    const presenter = page.getByTestId('presenter');
    await presenter.waitFor();
    await page.waitForTimeout(500);
    // A loaded machine draws late: the frames the app waits for are held until the presentation has ended.
    await page.evaluate(() => {
      const held: FrameRequestCallback[] = [];
      Reflect.set(window, '__heldFrames', held);
      window.requestAnimationFrame = (callback) => held.push(callback);
    });
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(200);
    await page.keyboard.press('Escape');
    await presenter.waitFor({ state: 'detached' });
    await expect.poll(() => viewTransform(page), { timeout: 5_000 }).toBe(viewBefore);
    const released = await page.evaluate(() => {
      const held = Reflect.get(window, '__heldFrames') as FrameRequestCallback[];
      for (const callback of held) callback(performance.now());
      return held.length;
    });
    expect(released).toBeGreaterThan(0);
    await page.waitForTimeout(600);
    expect(await viewTransform(page)).toBe(viewBefore);
  });

  it('presents the raw zone’s row payload first at 1280 × 800, the engine’s and the empty columns folded away', async () => {
    const page = await session.openApp();
    await page.setViewportSize({ width: 1280, height: 800 });
    await simulateSample(page);
    const presenter = await presentOrder1000(page);
    for (let press = 0; press < 3; press++) await page.keyboard.press('ArrowRight');
    const raw = presenter.locator('[data-testid=trace-stage][data-stage=raw]');
    await raw.waitFor();

    const shownFields = await raw.getByRole('rowheader').allTextContents();
    expect(shownFields[0]).toBe('before_order_id');
    expect(shownFields.filter((name) => name.startsWith('_'))).toEqual([]);
    expect(await raw.getByRole('row').filter({ hasText: 'after_status' }).boundingBox()).toMatchObject({
      y: expect.toSatisfy((y: number) => y < 800),
    });
    await raw
      .getByTestId('folded-columns')
      .getByText(/engine and empty columns/)
      .click();
    expect(await raw.getByRole('rowheader', { name: '_position', exact: true }).isVisible()).toBe(true);
  });

  it('shows the scenario’s speaker notes beside their stage in presenter mode', async () => {
    const note = 'Debezium reads the write-ahead log: the service runs no extra query.';
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'notes.mesh.json', (mesh) => {
      if (mesh.scenarios[0]) mesh.scenarios[0].presenterNotes = { 'cdc-record': note };
    });
    await enterSimulate(page);
    await runTo(page, 6);
    await traceOrder1000(page);
    await page.getByRole('button', { name: 'Present' }).first().click();
    const presenter = page.getByTestId('presenter');
    const stage = presenter.locator('[data-testid=trace-stage]');
    await presenter.waitFor();

    expect(await stage.getAttribute('data-stage')).toBe('service-write');
    expect(await presenter.locator('.presenter__notes').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await presenter.locator('[data-testid=trace-stage][data-stage=cdc-record]').waitFor();
    expect(await presenter.locator('.presenter__notes').textContent()).toBe(note);
    await page.keyboard.press('ArrowRight');
    await presenter.locator('[data-testid=trace-stage][data-stage=raw]').waitFor();
    expect(await presenter.locator('.presenter__notes').count()).toBe(0);
  });

  it('fires a redelivery and a null in a required field from the fault deck, and the canvas shows both', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 3);
    const before = await engineMetrics(page);
    await fireRedelivery(page, 'customers.public.customers', 4);
    const nullField = page.getByTestId('fault-null-field');
    await nullField.getByLabel('Topic').selectOption({ label: 'customers.public.customers' });
    await nullField.getByLabel('Column').selectOption('email');
    expect(await nullField.getByTestId('fault-effect').textContent()).toBe(
      'A record with customers.email = null is published on customers.public.customers, as a faulty producer would (the table itself keeps its value); a consumer whose contract requires email quarantines it (rule required, property email), and its badge lights up.',
    );
    await nullField.getByRole('button', { name: 'Fire' }).click();
    await page.getByTestId('fired-faults').filter({ hasText: 'null-field' }).waitFor();
    await step(page);

    const after = await engineMetrics(page);
    const link = page.getByTestId('link-count-l-customers-cdc');
    // Four records again, one broken record, and whatever the tick changed on its own.
    const carried = (after.links['l-customers-cdc']?.records ?? 0) - (before.links['l-customers-cdc']?.records ?? 0);
    expect(carried).toBeGreaterThanOrEqual(5);
    expect(Number(await link.getAttribute('data-records'))).toBe(after.links['l-customers-cdc']?.records);
    const badge = page.getByTestId('quarantine-customers');
    await badge.waitFor();
    expect(await badge.textContent()).toContain(`${after.ports['customers/customers-out']?.quarantined} quarantined`);
    expect(after.ports['customers/customers-out']?.quarantined).toBe(1);
    expect(await page.locator('.react-flow__edge-path.edge--violations').count()).toBeGreaterThan(0);
    expect(await currentTick(page)).toBe(4);

    // The four records sent again are read and skipped, on the link and in the consumer's offsets.
    const consumer = after.consumers['customers/customers-cdc-in'];
    expect(consumer?.skipped).toBe(4);
    expect(await link.locator('.link-activity__skipped').textContent()).toBe('skipped 4');
    await openTab(page, 'Metrics');
    const offsets = page.getByTestId('consumer-customers/customers-cdc-in');
    // A row per partition, then one for all of them, which carries the consumer's skipped changes.
    expect(await offsets.locator('tr').count()).toBe((consumer?.partitions.length ?? 0) + 1);
    const first = consumer?.partitions[0];
    expect(await offsets.locator('tr').first().locator('td').allTextContents()).toEqual(
      [first?.partition, first?.offset, first?.end, first?.lag, first?.lost, first?.compacted, '', ''].map(String),
    );
    expect(await offsets.locator('tr.consumer-offsets__total td').allTextContents()).toEqual(
      ['', '', consumer?.lag, consumer?.lost, consumer?.compacted, consumer?.staleKeys, consumer?.skipped].map(String),
    );
    await expectQuarantined(page, 'customers', { rule: 'required', property: 'email' });
    // The port by the name the canvas shows, not its id `customers-out`.
    expect(await gridColumn(page, 'grid-quarantine', 'port')).toEqual(['Customers']);
  });

  it('refuses Ticks a consumer cannot go offline for, and lists the one fired with how long and when it is back', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 3);
    await openTab(page, 'Faults');
    const offline = page.getByTestId('fault-consumer-offline');
    const fire = offline.getByRole('button', { name: 'Fire' });
    await offline.getByLabel('Ticks').fill('0');
    expect(await offline.getByRole('alert').textContent()).toBe("Ticks must be a whole number, at least 1 (got '0')");
    expect(await fire.isDisabled()).toBe(true);
    await offline.getByLabel('Ticks').fill('100000');
    expect(await offline.getByRole('alert').textContent()).toBe("Ticks must be at most 1000 (got '100000')");
    await offline.getByLabel('Ticks').fill('3');
    expect(await offline.getByRole('alert').count()).toBe(0);
    await fire.click();
    const fired = page.getByTestId('fired-faults').filter({ hasText: 'consumer-offline' });
    expect(await fired.textContent()).toContain('offline for 3 ticks, back at tick 7.');
  });

  it('badges a product a consumer-offline fault took offline with the tick it is back at, while it is offline', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 3);
    await fireConsumerOffline(page, 'customer-360', 2);
    const badge = page.getByTestId('offline-customer-360');
    expect(await badge.count()).toBe(0);

    await step(page);
    expect(await badge.textContent()).toBe('offline · back at tick 6');
    await screenshot(page, 'simulate-consumer-offline-badge');
    await step(page);
    expect(await badge.textContent()).toBe('offline · back at tick 6');
    await step(page);
    expect(await badge.count()).toBe(0);
  });

  it('shows at 1280 × 800 the record that broke its contract by its key, first in the quarantine, and the whole message beside it, without scrolling sideways', async () => {
    const page = await session.openApp();
    await page.setViewportSize({ width: 1280, height: 800 });
    await simulateSample(page);
    await runTo(page, 3);
    await fireNullField(page, 'customers.public.customers', 'email');
    await step(page);
    await expectQuarantined(page, 'customers', { rule: 'required', property: 'email' });

    await screenshot(page, 'simulate-quarantine-at-1280');
    const grid = page.getByTestId('grid-quarantine');
    const shown = grid.locator('.data-grid__scroller');
    await expectInside(grid.locator('.data-grid__row--head button', { hasText: /^record/ }), shown);
    // The record is told by its key, whole in its tooltip (the cell before it holds the row's Trace).
    const record = grid.locator('.data-grid__row:not(.data-grid__row--head) > td[title]').first();
    const whole = JSON.parse((await record.getAttribute('title')) ?? '{}');
    expect(whole).toMatchObject({ email: null });
    expect(await record.textContent()).toBe(String(whole.customer_id));
    await expectInside(record, shown);
    for (const column of ['rule', 'property', 'message']) {
      await expectInside(grid.locator('.data-grid__row--head button', { hasText: new RegExp(`^${column}`) }), shown);
    }
    // The message wraps: all of its text is in view, none of it cut off.
    const message = grid.locator('.data-grid__row:not(.data-grid__row--head) > td', { hasText: 'is required' });
    await expectInside(message, shown);
    expect(
      await message.evaluate((cell) => cell.scrollWidth <= cell.clientWidth && cell.scrollHeight <= cell.clientHeight),
    ).toBe(true);
    expect(await message.textContent()).toBe(await message.getAttribute('title'));
    // One quarantined record is counted in the singular.
    await expect.poll(() => grid.locator('.data-grid__count').textContent()).toBe('1 row');
  });

  it('shows the records a consumer lost to retention on an event topic, and those compaction removed on a compacted one', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'short-retention.mesh.json', (mesh) => {
      const [scenario] = mesh.scenarios;
      if (!scenario) return;
      scenario.retention = { records: 10 };
      scenario.faults = [{ kind: 'consumer-offline', tick: 1, productId: 'orders', ticks: 12 }];
    });
    await enterSimulate(page);
    await runTo(page, 14);

    // The OrderPlaced events' topic keeps the delete policy: what retention removed unread is lost.
    const { consumers } = await engineMetrics(page);
    const events = consumers['orders/order-placed-in'];
    expect(events?.lost).toBeGreaterThan(0);
    const eventsLink = page.getByTestId('link-count-l-order-placed');
    expect(await eventsLink.locator('.link-activity__lost').textContent()).toBe(`lost ${events?.lost}`);
    // The orders' CDC topic is compacted: older records of its keys went, no key was lost.
    const changes = consumers['orders/orders-cdc-in'];
    expect(changes).toMatchObject({ lost: 0, compacted: expect.any(Number) });
    expect(changes?.compacted).toBeGreaterThan(0);
    const changesLink = page.getByTestId('link-count-l-orders-cdc');
    expect(await changesLink.locator('.link-activity__compacted').textContent()).toBe(
      `compacted ${changes?.compacted}`,
    );
    expect(await changesLink.locator('.link-activity__lost').count()).toBe(0);

    await openTab(page, 'Metrics');
    const lostCells = page.getByTestId('consumer-orders/order-placed-in').locator('tr.is-lost .consumer-offsets__lost');
    const lostPerPartition = (await lostCells.allTextContents()).map(Number);
    expect(lostPerPartition.reduce((sum, lost) => sum + lost, 0)).toBe(events?.lost);
    const compactedTotal = page
      .getByTestId('consumer-orders/orders-cdc-in')
      .locator('.consumer-offsets__total .consumer-offsets__compacted');
    expect(await compactedTotal.textContent()).toBe(String(changes?.compacted));

    // Order 1010, placed at tick 1, was among the first events; filtering by its key says retention removed them.
    await openTab(page, 'Inspect');
    await clickLink(page, 'l-order-placed');
    await page.getByLabel('Filter by key').fill('1010');
    const empty = page.locator('.log-messages .simulation-panel__hint');
    await expect
      .poll(() => empty.textContent())
      .toMatch(/^No messages with this key among the 10 the log keeps; retention removed \d+ older ones\.$/);
    await screenshot(page, 'simulate-messages-filtered-after-retention');
  });

  it('fires a column rename at the source: envelopes carry the new name, and the contract check quarantines', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 3);
    await openTab(page, 'Faults');
    const rename = page.getByTestId('fault-rename-column');
    await rename.getByLabel('Topic').selectOption({ label: 'customers.public.customers' });
    await rename.getByLabel('Column').selectOption('email');
    expect(await rename.getByTestId('fault-effect').textContent()).toContain(
      'each change on customers.public.customers carries email_v2 and no email',
    );
    await rename.getByRole('button', { name: 'Fire' }).click();
    await page.getByTestId('fired-faults').filter({ hasText: 'rename-column' }).waitFor();
    await step(page, 2);

    const badge = page.getByTestId('quarantine-customers');
    await badge.waitFor();
    expect(await badge.getAttribute('title')).toContain('required email');
    await openTab(page, 'Inspect');
    await page.getByTestId('rf__edge-l-customers-cdc').click();
    const newest = page.getByTestId('message').first();
    await newest.locator('.record-table--diff').waitFor();
    const fields = await newest.locator('.record-table--diff th[scope=row]').allTextContents();
    expect(fields).toContain('email_v2');
    expect(fields).not.toContain('email');
    await expectQuarantined(page, 'customers', { rule: 'required', property: 'email' });
  });

  it('renames from the deck to a name no scenario rename gave the table, so both renamed columns keep their values', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'renamed-street.mesh.json', (mesh) => {
      const [workshop] = mesh.scenarios;
      if (!workshop) throw new Error('the sample has a scenario');
      const streetRename = {
        kind: 'rename-column',
        tick: 1,
        systemId: 'customers-service',
        topicId: 'customers-cdc',
        column: 'street',
        renamedTo: 'city_v2',
      };
      workshop.faults = [...(workshop.faults ?? []), streetRename];
    });
    await enterSimulate(page);
    await runTo(page, 2);
    await openTab(page, 'Faults');
    const rename = page.getByTestId('fault-rename-column');
    await rename.getByLabel('Topic').selectOption({ label: 'customers.public.customers' });
    const columnsOffered = () => rename.getByLabel('Column').locator('option').allTextContents();
    // The scenario renamed street away at tick 1: a column is renamed once in a run.
    expect(await columnsOffered()).not.toContain('street');
    await rename.getByLabel('Column').selectOption('city');

    expect(await rename.getByTestId('fault-effect').textContent()).toContain(
      'each change on customers.public.customers carries city_v3 and no city',
    );
    await rename.getByRole('button', { name: 'Fire' }).click();
    await page.getByTestId('fired-faults').filter({ hasText: 'city is called city_v3' }).waitFor();
    expect(await columnsOffered()).not.toContain('city');
    await step(page, 2);

    await openTab(page, 'Inspect');
    await page.getByTestId('rf__edge-l-customers-cdc').click();
    const newest = page.getByTestId('message').first();
    await newest.locator('.record-table--diff').waitFor();
    const fields = await newest.locator('.record-table--diff th[scope=row]').allTextContents();
    expect(fields).toEqual(expect.arrayContaining(['city_v2', 'city_v3']));
  });

  it('lists a connector’s transaction topic under its system when transaction metadata is on, its records not traced; a change shows its place in the log', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'transactions.mesh.json', (mesh) => {
      for (const scenario of mesh.scenarios) scenario.connector = { transactionMetadata: true };
    });
    await enterSimulate(page);
    await step(page, 2);
    await openTab(page, 'Inspect');
    await systemNode(page, 'orders-service').click();
    await page.getByRole('tab', { name: 'topics orders.transaction' }).click();
    const end = page.getByTestId('message').first();
    await end.waitFor();
    const fields = await end.locator('.record-table th[scope=row]').allTextContents();
    expect(fields).toEqual(['status', 'id', 'event_count', 'data_collections', 'ts_ms']);
    expect(await end.locator('.record-table td').first().textContent()).toBe('END');
    expect(await end.textContent()).toContain('public.order_lines');
    expect(await end.getByRole('button', { name: 'Trace' }).count()).toBe(0);
    await screenshot(page, 'simulation-transaction-topic');

    await page.getByRole('tab', { name: 'topics orders.public.orders' }).click();
    const change = page.getByTestId('message').first();
    await change.getByRole('button', { name: 'Trace' }).waitFor();
    expect(await change.locator('.message-card__log-place').textContent()).toMatch(/^txId \d+ · lsn \d+$/);
  });

  it('shows a MongoDB system’s record as the document its after text holds, with its place in the oplog, and traces it', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'mongodb.mesh.json', (mesh) => {
      const customers = mesh.systems.find((system) => system.id === 'customers-service');
      if (customers) customers.database.engine = 'mongodb';
    });
    await enterSimulate(page);
    await step(page, 2);
    const newest = await newestChangeOnLink(page, 'l-customers-cdc');
    const fields = await newest.locator('.record-table--diff th[scope=row]').allTextContents();
    expect(fields.slice(0, 2)).toEqual(['_id', 'customer_id']);
    expect(await newest.locator('.message-card__key').textContent()).toMatch(/^\{"id":"\d+"\}$/);
    expect(await newest.locator('.message-card__log-place').textContent()).toMatch(/^ord \d+$/);
    await newest.getByRole('button', { name: 'Trace' }).click();
    await page.getByTestId('trace-position').waitFor();
    // The write, the row, the record, then the consumer's raw and clean rows at least.
    const stages = Number((await page.getByTestId('trace-position').textContent())?.split('/')[1]);
    expect(stages).toBeGreaterThan(4);
  });

  it('shows a MongoDB delete’s card as the _id its key holds, saying the document is deleted', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'mongodb-delete.mesh.json', (mesh) => {
      const customers = mesh.systems.find((system) => system.id === 'customers-service');
      if (customers) customers.database.engine = 'mongodb';
      mesh.scenarios[0]?.steps.push({
        tick: 1,
        systemId: 'customers-service',
        table: 'customers',
        op: 'delete',
        where: { customer_id: 3 },
      });
    });
    await enterSimulate(page);
    await step(page, 1);
    await openTab(page, 'Inspect');
    await page.getByTestId('rf__edge-l-customers-cdc').click();
    await page.getByLabel('Filter by key').fill('3');

    const deletion = page.locator('.message-card--d').first();
    await deletion.waitFor();
    expect(await deletion.locator('.message-card__key').textContent()).toBe('{"id":"3"}');
    expect(await deletion.locator('.message-card__note').textContent()).toBe(
      'Document deleted: MongoDB’s record carries only its _id, in the key.',
    );
    expect(await deletion.locator('.record-table--diff th[scope=row]').allTextContents()).toEqual(['_id']);
    expect(await deletion.locator('.record-table--diff td').allTextContents()).toEqual(['3', '']);
    await screenshot(page, 'simulation-mongodb-delete-card');
  });

  it('shows a MySQL DATETIME and DATE in a card as the numbers the connector wrote, each with the date or time it stands for beside it', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'mysql-dates.mesh.json', (mesh) => {
      const orders = mesh.systems.find((system) => system.id === 'orders-service');
      if (orders) orders.database.engine = 'mysql';
      orders?.database.tables[0]?.columns.push({ name: 'placed_on', type: 'date', nullable: false });
      const data = mesh.scenarios[0]?.data.find((table) => table.table === 'orders');
      if (data) data.generators.placed_on = { kind: 'now' };
    });
    await enterSimulate(page);
    await step(page, 1);
    const newest = await newestChangeOnLink(page, 'l-orders-cdc');
    const after = (field: string) =>
      newest
        .locator('.record-table--diff tr')
        .filter({ has: page.getByRole('rowheader', { name: field, exact: true }) })
        .locator('td')
        .last();
    // DATETIME(3): milliseconds since 1970; DATE: days since 1970-01-01 (the sample starts at 2026-01-05T09:00Z).
    const placedAt = after('placed_at').locator('.encoded-temporal');
    expect(await placedAt.textContent()).toMatch(/^\d+ 2026-01-05 09:0\d:00$/);
    const [millis] = (await placedAt.textContent())?.split(' ') ?? [];
    const time = new Date(Number(millis)).toISOString();
    expect(await placedAt.locator('time').getAttribute('datetime')).toBe(time);
    expect(await placedAt.getAttribute('title')).toBe(`${millis} = ${time} (milliseconds since 1970, UTC)`);
    expect(await after('placed_on').locator('.encoded-temporal').textContent()).toBe('20458 2026-01-05');
    expect(await after('placed_on').locator('.encoded-temporal').getAttribute('title')).toBe(
      '20458 = 2026-01-05 (days since 1970-01-01)',
    );
    // Other numbers show as they are, and the JSON keeps what the connector wrote.
    expect(await after('order_id').locator('.encoded-temporal').count()).toBe(0);
    await newest.locator('.message-card__raw summary').click();
    expect(await newest.locator('.message-card__raw pre').textContent()).toContain('"placed_on": 20458');
    await screenshot(page, 'simulation-mysql-dates-card');
  });
});

const QUERY_REBUILT = 'The query ran longer than 1000 ms and was stopped; the run was rebuilt.';

/** The sample run to tick 3 with a budget of 1000 ms, and a console query sent to it that never ends. */
async function sendNeverEndingQueryAtTick3(page: Page): Promise<void> {
  await simulateSample(page);
  await setStepBudget(page, 1000);
  await step(page, 3);
  await runQuery(
    page,
    'orders',
    'WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT max(x) FROM r',
  );
}

/** The logs of the e-commerce sample's scenario run headless with this seed, after this many ticks. */
async function sampleLogsAfter(ticks: number, seed: number): Promise<SimulationMetrics['logs']> {
  const mesh = ecommerceSample();
  const simulation = await simulate(mesh, { ...(mesh.scenarios[0] as Scenario), seed });
  try {
    return simulation.step(ticks).logs;
  } finally {
    simulation.dispose();
  }
}

async function queryResult(page: Page, nodeName: string, sql: string): Promise<string> {
  await runQuery(page, nodeName, sql);
  const result = page.getByTestId('sql-result');
  await result.waitFor();
  return (await result.locator('table').textContent()) ?? '';
}

/** The product's quarantine tab lists a record under this rule and property. */
async function expectQuarantined(
  page: Page,
  productName: string,
  violation: { rule: string; property: string },
): Promise<void> {
  await openTab(page, 'Inspect');
  await productNode(page, productName).click();
  await page.getByRole('tab', { name: 'quarantine quarantine' }).click();
  expect(await gridColumn(page, 'grid-quarantine', 'rule')).toContain(violation.rule);
  expect(await gridColumn(page, 'grid-quarantine', 'property')).toContain(violation.property);
}

/** Where the canvas is panned and zoomed to, as React Flow sets it. */
function viewTransform(page: Page): Promise<string> {
  return page.locator('.react-flow__viewport').evaluate((viewport) => (viewport as HTMLElement).style.transform);
}
