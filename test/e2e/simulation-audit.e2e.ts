import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { productNode } from './designer-driver';
import {
  fireRedelivery,
  openEditedSample,
  openTab,
  runQuery,
  runTo,
  simulateNewScenarioOfSample,
  simulateSample,
  step,
  waitForTick,
} from './simulation-driver';

/** Inputs the other Simulate suites have not tried: a design of one's own, tabs in another order. */
describeInChromium('Simulate mode, audited', (session) => {
  it('opens the SQL console again after the scenario editor without errors on the page', async () => {
    const page = await session.openApp();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await simulateSample(page);
    await runQuery(page, 'orders', 'SELECT 1 AS one');
    await page.getByText('1 row in').waitFor();
    await openTab(page, 'Scenario');
    await page.getByTestId('scenario-editor').locator('.monaco-editor').waitFor();

    await runQuery(page, 'orders', 'SELECT 2 AS two');
    await page.getByText('1 row in').waitFor();
    await openTab(page, 'Scenario');
    await page.getByTestId('scenario-editor').locator('.monaco-editor').waitFor();

    expect(errors).toEqual([]);
  });

  it('forgets the read-only prompt of a refused edit once the user went back to Design by the mode switch', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await productNode(page, 'orders').click();
    await page.keyboard.press('Delete');
    const prompt = page.getByText('The design is read-only while simulating.');
    await prompt.waitFor();

    await page.getByRole('button', { name: 'Design', exact: true }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    await page.getByTestId('tick').waitFor();

    expect(await prompt.count()).toBe(0);
  });

  it('says a query returned more rows than it shows, not that it returned as many as it shows', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runQuery(
      page,
      'orders',
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) SELECT i FROM n',
    );
    const timing = page.getByTestId('sql-result').locator('.sql-console__timing');
    await timing.waitFor();

    expect(await timing.textContent()).toMatch(/^More than 1,000 rows \(the first 1,000 shown\) in \d+ ms$/);
    expect(await page.getByTestId('sql-result').locator('tbody tr').count()).toBe(1000);
  });

  it('drops the run of a scenario that an undo in Design removed, instead of stepping it on', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await simulateNewScenarioOfSample(page);
    await page.getByTestId('scenario-editor').locator('.monaco-editor').waitFor();
    await step(page, 2);

    await page.getByRole('button', { name: 'Design', exact: true }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();

    await page.getByRole('button', { name: 'New scenario' }).waitFor();
    expect(await page.getByTestId('tick').textContent()).toBe('—');
    expect(await page.getByRole('button', { name: 'Step', exact: true }).isDisabled()).toBe(true);
  });

  it('disables Run, Step and Reset, saying why, while the design has no scenario, and enables them once it has', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'no-scenario.mesh.json', (mesh) => {
      mesh.scenarios = [];
    });
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    const controls = ['▶ Run', 'Step', 'Reset'].map((name) => page.getByRole('button', { name, exact: true }));
    for (const control of controls) {
      expect(await control.isDisabled()).toBe(true);
      expect(await control.getAttribute('title')).toBe(
        'This design has no scenario to simulate: add one in the Scenario tab.',
      );
    }

    await openTab(page, 'Scenario');
    await page.getByRole('button', { name: 'New scenario' }).click();
    await waitForTick(page, 0);

    for (const control of controls) expect(await control.isEnabled()).toBe(true);
    expect(await controls[1]?.getAttribute('title')).toBe('Run one tick');
  });

  it('clears a "Pause at tick" that Step reached or passed, and keeps one still ahead', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    const pauseAt = page.getByLabel('Pause at tick');
    await pauseAt.fill('2');
    await step(page);
    expect(await pauseAt.inputValue()).toBe('2');
    await step(page);
    expect(await pauseAt.inputValue()).toBe('');

    await runTo(page, 4);
    expect(await pauseAt.inputValue()).toBe('4');
    await step(page);
    expect(await pauseAt.inputValue()).toBe('');
  });

  it('keeps the SQL console’s last result (bytes shown as SQLite quotes them) and error across tabs until the run is reset', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runQuery(page, 'customers', "SELECT customer_id, x'CAFE' AS tag FROM customers ORDER BY customer_id LIMIT 2");
    await page.getByTestId('sql-result').waitFor();

    await openTab(page, 'Metrics');
    await openTab(page, 'SQL');
    const rows = page.getByTestId('sql-result').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().locator('td').last().textContent()).toBe("X'CAFE'");

    await runQuery(page, 'customers', 'SELECT "prize" FROM customers');
    await page.getByTestId('sql-error').waitFor();
    await openTab(page, 'Faults');
    await openTab(page, 'SQL');
    expect(await page.getByTestId('sql-error').textContent()).toContain(
      `no such column: "prize" (SQLite would read it as the text 'prize'; write text in single quotes)`,
    );

    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByTestId('sql-error').waitFor({ state: 'detached' });
  });

  it('says a null fired at a column no contract requires is nulled in the change record, at the tick it reaches the topic, and quarantined nowhere', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await openTab(page, 'Faults');
    const card = page.getByTestId('fault-null-field');
    await card.getByLabel('Topic').selectOption({ label: 'customers.public.customers' });
    await card.getByLabel('Column').selectOption('street');
    expect(await card.getByTestId('fault-effect').textContent()).toContain(
      'no contract of a consumer of customers.public.customers requires street, so nothing is quarantined',
    );
    await card.getByRole('button', { name: 'Fire' }).click();

    // The deck's fault fires at the next tick; the sample's connector has no delay, so its record reaches the topic then.
    expect(await page.getByTestId('fired-faults').textContent()).toMatch(
      /tick (\d+): null-field customers\.public\.customers \(pending: fires at tick \1 when you step on\) — street is nulled in a change record that reaches customers\.public\.customers at tick \1; no consumer’s contract requires street, so nothing is quarantined\./,
    );
  });

  it('lists a redelivery that asked for more than its topic held by the records it sent', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await fireRedelivery(page, 'orders.public.orders', 1000);
    await step(page);
    const fired = page.getByTestId('fired-faults');
    await fired.filter({ hasText: 'asked' }).waitFor();
    expect(await fired.textContent()).toMatch(
      /^tick 1: redeliver (\d+) records \(all the topic held; 1000 asked\) of orders\.public\.orders — sent \1 records \(all the topic held; 1000 asked\) of orders\.public\.orders again at the end of tick 1/,
    );
  });

  it('lists the scenario’s own faults among those fired once their tick has come', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await openTab(page, 'Faults');
    await step(page);
    expect(await page.getByTestId('fired-faults').count()).toBe(0);

    await runTo(page, 10);
    expect(await page.getByTestId('fired-faults').textContent()).toMatch(
      /^tick 10: redeliver 3 records of orders\.events\.order-placed \(scenario\) — sent 3 records of orders\.events\.order-placed again at the end of tick 10, those tick 10 published included: the records first sent at partition \d+, offsets? \d+(, \d+)*(; partition \d+, offsets? \d+(, \d+)*)*\.$/,
    );
    await page.getByTestId('fired-faults').scrollIntoViewIfNeeded();
    await screenshot(page, 'simulate-fired-scenario-fault');
  });

  it('keeps the query typed in the SQL console, and its node, while another tab is looked at', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    const query = "SELECT customer_id, city FROM customers WHERE country = 'NL'";
    await runQuery(page, 'customers', query);
    await page.getByTestId('sql-result').waitFor();

    await openTab(page, 'Metrics');
    await openTab(page, 'SQL');
    const editor = page.getByTestId('sql-editor');
    await editor.locator('.monaco-editor').waitFor();

    // Monaco draws its lines a frame after it mounts, later still on a busy machine.
    await expect.poll(() => editor.locator('.view-lines').textContent()).toBe(query.replaceAll(' ', '\u00a0'));
    expect(await page.getByLabel('Node to query').inputValue()).toBe('customers');
  });

  it('labels the ticks of a metrics chart’s time axis with whole ticks only', async () => {
    const page = await session.openApp();
    // uPlot draws its labels on a canvas: the page notes what each chart's bottom axis writes.
    await page.addInitScript(() => {
      const labels: string[] = [];
      Reflect.set(window, '__xAxisLabels', labels);
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text, x, y, maxWidth) {
        if (this.canvas.closest('[data-testid="chart-Records per tick"]') && this.textAlign === 'center') {
          labels.push(String(text));
        }
        return fillText.call(this, text, x, y, maxWidth);
      };
    });
    await page.reload();
    await page.waitForSelector('.app');
    await simulateSample(page);
    await openTab(page, 'Metrics');
    await step(page, 3);
    await expect
      .poll(() => page.evaluate(() => (Reflect.get(window, '__xAxisLabels') as string[]).length))
      .toBeGreaterThan(0);

    const labels = await page.evaluate(() => [...new Set(Reflect.get(window, '__xAxisLabels') as string[])]);
    expect(labels.filter((label) => !/^\d+$/.test(label))).toEqual([]);
    await screenshot(page, 'simulate-metrics-whole-ticks-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByText('Records per tick').waitFor();
    await screenshot(page, 'simulate-metrics-whole-ticks-dark');
  });

  it('shows a link clicked while another tab is open in Inspect, as it shows a clicked node', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await step(page);
    const inspect = page.getByRole('tab', { name: 'Inspect', exact: true });

    await openTab(page, 'Scenario');
    await productNode(page, 'orders').locator('.product-node__name').click();
    expect(await inspect.getAttribute('aria-selected')).toBe('true');

    await openTab(page, 'Scenario');
    await page.getByTestId('rf__edge-l-orders-cdc').click();
    expect(await inspect.getAttribute('aria-selected')).toBe('true');
    await page.getByRole('region', { name: 'Link messages' }).waitFor();
  });
});
