import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, overlappingOnScreen, screenshot } from './app-driver';
import { clickLink, openByChooser, openSampleDesign, ordersServiceEvents } from './designer-driver';
import {
  engineMetrics,
  enterSimulate,
  fireRedelivery,
  holdStepAnswers,
  isNodeInView,
  openEditedSample,
  openSampleWithProfileSql,
  openTab,
  presentOrder1000,
  releaseStepAnswers,
  replaceEditorText,
  runKeyChangeTo5000,
  runQuery,
  runTo,
  simulateSample,
  step,
  traceOrder1000,
  waitForHeldStepAnswer,
  waitForTick,
} from './simulation-driver';

const workshop = () =>
  JSON.parse(readFileSync(new URL('../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8')).scenarios[0];

/** What a run shows on screen beyond its numbers: a record's headers, the presenter's controls, the seed after an undo. */
describeInChromium('Simulate mode on screen', (session) => {
  /** The sample running in Simulate, its first step's answer held back by the worker: a step in flight. */
  async function runWithAStepInFlight() {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await holdStepAnswers(page);
    await enterSimulate(page);
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForHeldStepAnswer(page);
    return page;
  }

  it('shows the Kafka headers of a primary-key change on its cards and in their JSON', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await runKeyChangeTo5000(page);

    await page.getByLabel('Filter by key').fill('5000');
    const created = page.getByTestId('message').filter({ has: page.locator('.op--c'), hasText: '{"order_id":5000}' });
    await created.waitFor();
    expect(await created.getByTestId('message-headers').textContent()).toBe('__debezium.oldkey{"order_id":1000}');
    await created.getByText('JSON').click();
    expect(JSON.parse((await created.locator('pre').textContent()) ?? '').headers).toEqual({
      '__debezium.oldkey': { order_id: 1000 },
    });

    await page.getByLabel('Filter by key').fill('1000');
    const tombstone = page
      .getByTestId('message')
      .filter({ has: page.locator('.op--tombstone'), hasText: '{"order_id":1000}' });
    const deletion = page.getByTestId('message').filter({ has: page.locator('.op--d'), hasText: '{"order_id":1000}' });
    expect(await tombstone.getByTestId('message-headers').textContent()).toBe('__debezium.newkey{"order_id":5000}');
    expect(await deletion.getByTestId('message-headers').textContent()).toBe('__debezium.newkey{"order_id":5000}');
    await tombstone.getByText('JSON').click();
    expect(JSON.parse((await tombstone.locator('pre').textContent()) ?? '')).toEqual({
      key: { order_id: 1000 },
      headers: { '__debezium.newkey': { order_id: 5000 } },
      value: null,
    });
    await screenshot(page, 'simulate-key-change-headers');
  });

  it("shows an outbox event's id header, as Debezium's outbox event router sends it, on its card and in its JSON", async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 5);
    await openTab(page, 'Inspect');
    await clickLink(page, 'l-order-placed');

    await page.getByLabel('Filter by key').fill('1023');
    const event = page.getByTestId('message').filter({ hasText: '"1023"' });
    await event.waitFor();
    expect(await event.getByTestId('message-headers').textContent()).toBe('id"OrderPlaced-14"');
    await event.getByText('JSON').click();
    const json = JSON.parse((await event.locator('pre').textContent()) ?? '');
    expect(json.headers).toEqual({ id: 'OrderPlaced-14' });
    expect(json.value.event_id).toBe('OrderPlaced-14');
  });

  it('keys an outbox event by the column chosen under Keyed by (aggregateid) in the system inspector', async () => {
    const page = await session.openApp();
    const system = await ordersServiceEvents(page);
    await system.getByLabel('Keyed by (aggregateid)').selectOption('customer_id');
    await enterSimulate(page);
    await step(page);
    await openTab(page, 'Inspect');
    await clickLink(page, 'l-order-placed');

    const event = page.getByTestId('message').first();
    await event.getByText('JSON').click();
    const json = JSON.parse((await event.locator('pre').textContent()) ?? '');
    expect(json.value.event_id).toMatch(/^OrderPlaced-/);
    expect(json.key).toBe(String(json.value.customer_id));
    expect(await event.locator('.message-card__key').textContent()).toBe(JSON.stringify(json.key));
    expect(json.key).not.toBe(String(json.value.order_id));
  });

  it('lists a scenario step that matched no row under Warnings during the run, by its scenario and what it does, and runs on past it', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'no-such-order.mesh.json', (mesh) => {
      const scenario = mesh.scenarios[0];
      if (scenario) scenario.steps = [{ ...(scenario.steps[0] as object), where: { order_id: 99999 } }];
    });
    await enterSimulate(page);
    await runTo(page, 6);
    await openTab(page, 'Inspect');

    const warnings = page.getByRole('region', { name: 'Run warnings' });
    expect(await warnings.getByRole('heading').textContent()).toBe('Warnings during the run');
    expect(await warnings.getByRole('listitem').allTextContents()).toEqual([
      "scenario 'Workshop day', update step at tick 5 on table 'orders': update changed no row: no row of orders has order_id = 99999 (tick 5)",
    ]);
    expect(await warnings.getByRole('listitem').locator('[title]').getAttribute('title')).toBe('scenarios[0].steps[0]');
    expect(await page.getByRole('region', { name: 'Run problems' }).count()).toBe(0);
  });

  it('undoes a scenario applied while simulating, and the run bar’s seed follows the design’s scenario', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    const seed = page.getByLabel('Seed');
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    expect(await undo.isDisabled()).toBe(true);
    await openTab(page, 'Scenario');
    await replaceEditorText(page, 'scenario-editor', JSON.stringify({ ...workshop(), seed: 11 }, null, 2));
    await page.getByRole('button', { name: 'Apply' }).click();
    expect(await seed.inputValue()).toBe('11');
    await page.getByRole('button', { name: 'Reset the run' }).click();
    await waitForTick(page, 0);
    await step(page);

    await undo.click();
    await expect.poll(() => seed.inputValue()).toBe('42');
    await page.getByTestId('scenario-editor').locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+Home');
    await expect
      .poll(async () =>
        ((await page.getByTestId('scenario-editor').locator('.view-lines').textContent()) ?? '').replace(/\s+/g, ' '),
      )
      .toContain('"seed": 42,');
    expect(await page.getByText('The design is read-only while simulating.').count()).toBe(0);
    expect(await undo.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Reset the run' }).click();
    await waitForTick(page, 0);
    expect(await seed.inputValue()).toBe('42');

    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect.poll(() => seed.inputValue()).toBe('11');
    await seed.fill('8');
    await page.getByRole('button', { name: "not the scenario's 11" }).waitFor();
    await screenshot(page, 'simulate-seed-override');
    await page.getByRole('button', { name: "not the scenario's 11" }).click();
    expect(await seed.inputValue()).toBe('11');
  });

  it('runs, pauses and steps the run by keyboard in presenter mode, showing its clock and which fault a key fired and when it takes effect', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 6);
    await traceOrder1000(page);
    // The trace's Present says what the bar's does: what presenter mode is, and its keys.
    const presentTitles = await page
      .getByRole('button', { name: 'Present' })
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('title')));
    expect(presentTitles).toHaveLength(2);
    expect(presentTitles[1]).toBe(presentTitles[0]);
    expect(presentTitles[0]).toMatch(/^Full screen, large text: .*Esc ends$/);
    await page.getByRole('button', { name: 'Present' }).first().click();
    const presenter = page.getByTestId('presenter');
    const tick = presenter.getByTestId('presenter-tick');
    await presenter.waitFor();
    expect(await tick.textContent()).toBe('6');
    expect(await presenter.getByTestId('presenter-clock').textContent()).toContain('09:06:00');
    // Each key says which fault it fires, and at what.
    expect(await presenter.getByTestId('fault-key-2').getAttribute('title')).toBe('2 redeliver · orders.public.orders');
    expect(await presenter.getByTestId('fault-key-1').getAttribute('aria-label')).toMatch(/^1 offline · \S/);

    await page.keyboard.press('2');
    await presenter
      .getByTestId('presenter-fault')
      .filter({
        hasText: 'Key 2 fired “Redelivery of the last records” on orders.public.orders: it takes effect at tick 7.',
      })
      .waitFor();
    await page.keyboard.press('s');
    await tick.filter({ hasText: '7' }).waitFor();
    await presenter.getByTestId('presenter-fault').filter({ hasText: 'it took effect at tick 7' }).waitFor();
    await screenshot(page, 'simulate-presenter-fault-stepped');

    await page.keyboard.press(' ');
    await presenter.getByText('Space pauses').waitFor();
    await expect.poll(async () => Number(await tick.textContent())).toBeGreaterThan(8);
    await page.keyboard.press(' ');
    await presenter.getByText('Space runs').waitFor();
    // The ticks the worker was already computing when Space was pressed still land (on a busy
    // machine, a second or more later); none after them. At speed 10 a run moves every second.
    await expect
      .poll(async () => {
        const before = await tick.textContent();
        await page.waitForTimeout(1000);
        return (await tick.textContent()) === before;
      })
      .toBe(true);
    const pausedAt = await tick.textContent();
    await page.waitForTimeout(1000);
    expect(await tick.textContent()).toBe(pausedAt);
    await page.keyboard.press('Escape');
    await presenter.waitFor({ state: 'detached' });
    expect(await page.getByTestId('tick').textContent()).toBe(pausedAt);
  });

  it('takes the focus into presenter mode when Enter opens it, keeps its keys there, and gives the focus back to the Present that opened it on Escape', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 6);
    await traceOrder1000(page);
    const presenter = page.getByTestId('presenter');
    const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
    const [barPresent, traceTabPresent] = [
      page.getByRole('button', { name: 'Present' }).first(),
      page.getByRole('button', { name: 'Present' }).last(),
    ];

    for (const opener of [barPresent, traceTabPresent]) {
      await opener.focus();
      await page.keyboard.press('Enter');
      await presenter.waitFor();
      // Focused as a whole, the region is announced by its name: a screen reader knows where it is.
      await expect.poll(() => hasFocus(presenter)).toBe(true);
      expect(await presenter.getAttribute('aria-label')).toBe('Presenter mode');

      const tick = presenter.getByTestId('presenter-tick');
      await page.keyboard.press('s');
      await tick.filter({ hasText: '7' }).waitFor();
      await page.keyboard.press('b');
      await tick.filter({ hasText: '6' }).waitFor();
      const position = await page.getByTestId('presenter-position').textContent();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('presenter-position').textContent()).not.toBe(position);
      expect(await hasFocus(presenter)).toBe(true);

      await page.keyboard.press('Escape');
      await presenter.waitFor({ state: 'detached' });
      await expect.poll(() => hasFocus(opener)).toBe(true);
    }
  });

  it('keeps a fault’s system and its consumer in view on the step the fault takes effect, then follows the walk again', async () => {
    const page = await session.openApp();
    await page.setViewportSize({ width: 1280, height: 800 });
    await simulateSample(page);
    await runTo(page, 6);
    await openTab(page, 'Faults');
    const nullField = page.getByTestId('fault-null-field');
    await nullField.getByLabel('Topic').selectOption({ label: 'customers.public.customers' });
    await nullField.getByLabel('Column').selectOption('email');
    await traceOrder1000(page);
    await page.getByRole('button', { name: 'Present' }).first().click();
    const presenter = page.getByTestId('presenter');
    await presenter.waitFor();

    await page.keyboard.press('3');
    await presenter.getByTestId('presenter-fault').filter({ hasText: 'takes effect at tick 7' }).waitFor();
    await page.keyboard.press('s');
    await presenter.getByTestId('presenter-fault').filter({ hasText: 'took effect at tick 7' }).waitFor();
    await page.waitForTimeout(800);
    expect(await isNodeInView(page, 'customers-service')).toBe(true);
    expect(await isNodeInView(page, 'customers')).toBe(true);
    await screenshot(page, 'simulate-presenter-fault-in-view-1280');

    // The next stage brings the walk back into view.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => isNodeInView(page, 'orders-service')).toBe(true);
  });

  it('keeps a link’s count off another link’s port while a consumer is offline (the QA’s zoo at tick 6)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openByChooser(
      page,
      'zoo.mesh.json',
      readFileSync(new URL('../fixtures/mesh/qa-zoo.mesh.json', import.meta.url), 'utf8'),
    );
    await page.waitForSelector('.react-flow__node-product');
    await enterSimulate(page);
    await openTab(page, 'Faults');
    const offline = page.getByTestId('fault-consumer-offline');
    await offline.getByLabel('Product').selectOption({ label: 'Visitor Flows' });
    await offline.getByRole('button', { name: 'Fire' }).click();
    await step(page, 6);
    const count = page.getByTestId('link-count-animal-care-animal-health-records-to-visitor-services-zoo-kpi-da');
    const port = page.locator('.react-flow__handle[data-nodeid="visitor-services-visitor-flows"][data-handleid="out"]');
    const zoom = await page
      .locator('.react-flow__viewport')
      .evaluate((viewport) => new DOMMatrix(getComputedStyle(viewport).transform).a);
    const [label, dot] = [await count.boundingBox(), await port.boundingBox()];
    if (!label || !dot) throw new Error('the count or the port is not drawn');
    const portAt = { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 };
    const gap = Math.hypot(
      Math.max(label.x - portAt.x, portAt.x - (label.x + label.width), 0),
      Math.max(label.y - portAt.y, portAt.y - (label.y + label.height), 0),
    );
    // 24 px on the canvas, as a count keeps from another link's ends, less a pixel or two for the count's border.
    expect(gap).toBeGreaterThanOrEqual(22 * zoom);
  });

  it('keeps the view fitted on entering Simulate at 1280 × 800, so the minimap covers no port (the QA’s zoo)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    // Without a scenario, as the QA had it: entering Simulate shows a banner that takes more of the canvas.
    const zoo = JSON.parse(readFileSync(new URL('../fixtures/mesh/qa-zoo.mesh.json', import.meta.url), 'utf8'));
    await openByChooser(page, 'zoo.mesh.json', JSON.stringify({ ...zoo, scenarios: [] }));
    await page.waitForSelector('.react-flow__node-product');
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    await page.getByText('This design has no scenario to simulate').waitFor();
    const minimap = await page.locator('.react-flow__minimap').boundingBox();
    await expect
      .poll(() =>
        page.locator('.react-flow__handle').evaluateAll(
          (handles, map) =>
            handles.filter((handle) => {
              const box = handle.getBoundingClientRect();
              return (
                !!map &&
                box.right > map.x &&
                box.left < map.x + map.width &&
                box.bottom > map.y &&
                box.top < map.y + map.height
              );
            }).length,
          minimap,
        ),
      )
      .toBe(0);
  });

  it('shows an update’s changed field first in the presenter’s CDC record at 1280 × 800, above the unchanged ones', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openEditedSample(page, 'wide-orders.mesh.json', (mesh) => {
      const columns = mesh.systems.find((system) => system.id === 'orders-service')?.database.tables[0]?.columns;
      const extra = Array.from({ length: 16 }, (_, index) => ({ name: `note_${index}`, type: 'text', nullable: true }));
      columns?.splice(2, 0, ...extra);
    });
    await enterSimulate(page);
    const presenter = await presentOrder1000(page);
    const stage = presenter.locator('[data-testid=trace-stage][data-stage=cdc-record]');
    for (let presses = 0; presses < 6 && (await stage.count()) === 0; presses++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(200);
    }
    const rows = stage.locator('.record-table--diff tbody tr');
    expect(await rows.first().getAttribute('class')).toBe('is-changed');
    expect(await rows.first().getByRole('rowheader').textContent()).toBe('status');
    const [shown, panel] = [await rows.first().boundingBox(), await page.locator('#presenter-panel').boundingBox()];
    expect(shown && panel && shown.y + shown.height <= Math.min(panel.y + panel.height, 800)).toBe(true);
    await screenshot(page, 'simulate-presenter-update-changed-first-1280');
  });

  it('scrolls a stage taller than the presenter panel by keyboard at 1280 × 800: ↓ ↑ a little, Page Down / Page Up a panel, then on to the next or back', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    const note = 'Daily sales counts each order once, on the day it was placed: the revenue is what the window sums.';
    await openEditedSample(page, 'long-last-stage.mesh.json', (mesh) => {
      if (mesh.scenarios[0]) mesh.scenarios[0].presenterNotes = { 'output-port': note };
    });
    await enterSimulate(page);
    const presenter = await presentOrder1000(page);
    const position = page.getByTestId('presenter-position');
    const total = Number((await position.textContent())?.split('/')[1]);
    for (let index = 1; index < total; index++) await page.keyboard.press('ArrowRight');
    await position.filter({ hasText: `${total} / ${total}` }).waitFor();
    await presenter.locator('[data-testid=trace-stage][data-stage=output-port]').waitFor();
    const stageBody = page.locator('#presenter-panel');
    const scrolled = () =>
      stageBody.evaluate((panel) => ({
        top: Math.round(panel.scrollTop),
        atEnd: panel.scrollTop + panel.clientHeight >= panel.scrollHeight - 1,
      }));
    const notes = presenter.locator('.presenter__notes').filter({ hasText: note });
    const isInsidePanel = async () => {
      const [shown, panel] = [await notes.boundingBox(), await presenter.boundingBox()];
      return !!shown && !!panel && shown.y + shown.height <= panel.y + panel.height;
    };
    expect(await scrolled()).toEqual({ top: 0, atEnd: false });
    expect(await isInsidePanel()).toBe(false);

    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await scrolled()).top).toBeGreaterThan(0);
    const afterArrow = (await scrolled()).top;
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await scrolled()).top).toBeLessThan(afterArrow);
    for (let presses = 0; presses < 6 && !(await scrolled()).atEnd; presses++) {
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(200);
    }
    expect((await scrolled()).atEnd).toBe(true);
    expect(await isInsidePanel()).toBe(true);
    // Only the stage's body scrolls: its title and the walk's place stay on screen.
    const isShownInPanel = async (shown: typeof position) => {
      const [box, panel] = [await shown.boundingBox(), await presenter.boundingBox()];
      return !!box && !!panel && box.y >= panel.y && box.y + box.height <= Math.min(panel.y + panel.height, 800);
    };
    expect(await isShownInPanel(position)).toBe(true);
    expect(await isShownInPanel(presenter.locator('.trace-stage__title'))).toBe(true);
    expect(await position.textContent()).toBe(`${total} / ${total}`);
    await screenshot(page, 'simulate-presenter-scrolled-to-the-end-1280');

    // A stage opens at its top, whatever the panel was scrolled to before.
    await page.keyboard.press('ArrowLeft');
    await position.filter({ hasText: `${total - 1} / ${total}` }).waitFor();
    await page.keyboard.press('ArrowRight');
    await position.filter({ hasText: `${total} / ${total}` }).waitFor();
    await expect.poll(async () => (await scrolled()).top).toBe(0);

    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await scrolled()).top).toBeGreaterThan(0);
    for (let presses = 0; presses < 6 && (await scrolled()).top > 0; presses++) {
      await page.keyboard.press('PageUp');
      await page.waitForTimeout(200);
    }
    expect((await scrolled()).top).toBe(0);
    expect(await position.textContent()).toBe(`${total} / ${total}`);
    await page.keyboard.press('PageUp');
    await position.filter({ hasText: `${total - 1} / ${total}` }).waitFor();
  });

  it('shows the tick the engine is at when Pause lands while a step runs, keeps every tick in Metrics, and fires a fault at once', async () => {
    const page = await runWithAStepInFlight();
    await page.getByRole('button', { name: '❚❚ Pause' }).click();
    await page.getByRole('button', { name: '▶ Run' }).waitFor();
    await releaseStepAnswers(page);

    const { tick: engineTick } = await engineMetrics(page);
    expect(engineTick).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('tick').textContent(), { timeout: 2000 }).toBe(String(engineTick));
    await openTab(page, 'Metrics');
    // One point for tick 0 and one for each tick run.
    await page.getByText(`${engineTick + 1} points`).waitFor({ timeout: 2000 });

    await fireRedelivery(page, 'orders.public.orders', 1);
    await page
      .getByTestId('fired-faults')
      .getByText(`tick ${engineTick + 1}: redeliver`)
      .waitFor({ timeout: 2000 });
  });

  it('fires a fault card at the engine’s next tick while the screen still shows the tick before a running step', async () => {
    const page = await runWithAStepInFlight();
    const { tick: engineTick } = await engineMetrics(page);
    expect(await page.getByTestId('tick').textContent()).toBe('0');

    await fireRedelivery(page, 'orders.public.orders', 1);
    await page
      .getByTestId('fired-faults')
      .getByText(`tick ${engineTick + 1}: redeliver`)
      .waitFor({ timeout: 2000 });
    await page.getByRole('button', { name: '❚❚ Pause' }).click();
    await releaseStepAnswers(page);
  });

  it('follows the run in a trace and in presenter mode: a stage that reads a table shows it at the run’s tick', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 8);
    await traceOrder1000(page);
    await page.locator('.trace-tab__stages button', { hasText: 'Clean zone' }).first().click();
    const moment = page.getByTestId('trace-moment');
    expect(await moment.textContent()).toMatch(/^Now, at tick 8 \(/);

    await step(page, 2);
    await expect.poll(() => moment.textContent()).toMatch(/^Now, at tick 10 \(.*09:10:00/);
    await page.getByRole('button', { name: 'Present' }).first().click();
    const presenter = page.getByTestId('presenter');
    await presenter.waitFor();
    await page.keyboard.press('s');
    await presenter.getByTestId('presenter-tick').filter({ hasText: '11' }).waitFor();
    await expect.poll(() => presenter.getByTestId('trace-moment').textContent()).toMatch(/^Now, at tick 11 \(/);
  });

  it('says at its place that a table drawn after the scenario was written stays empty, in the run’s problems and beside the scenario', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'grading.mesh.json', (mesh) => {
      const station = structuredClone(mesh.systems[2]) as unknown as Record<string, unknown>;
      Object.assign(station, {
        id: 'grading-station',
        name: 'Grading Station',
        database: {
          name: 'grading',
          engine: 'postgres',
          tables: [
            {
              name: 'grades',
              cdc: true,
              primaryKey: ['grade_id'],
              columns: [
                { name: 'grade_id', type: 'integer', nullable: false },
                { name: 'grade', type: 'text', nullable: false },
              ],
            },
          ],
        },
        messaging: { broker: 'kafka', topics: [] },
        service: { name: 'grading-station' },
      });
      mesh.systems.push(station as unknown as (typeof mesh.systems)[number]);
    });
    await enterSimulate(page);
    const finding = "system 'Grading Station', table 'grades': has no data or rates in the scenario; it stays empty";
    await openTab(page, 'Inspect');
    const problems = page.getByRole('region', { name: 'Run problems' }).getByRole('listitem');
    await expect.poll(() => problems.allTextContents()).toContainEqual(expect.stringContaining(finding));
    await openTab(page, 'Scenario');
    expect(await page.getByTestId('scenario-notes').textContent()).toBe(finding);
  });

  it('labels a SQL result with the tick it was read at, and marks it as older once the run has moved on', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 3);
    await runQuery(page, 'orders', 'SELECT count(*) AS n FROM orders');
    const result = page.getByTestId('sql-result');
    const age = page.getByTestId('sql-result-age');
    await age.waitFor();
    expect(await age.textContent()).toMatch(/^as of tick 3 \(.*09:03:00.*\)$/);
    expect(await result.getAttribute('class')).not.toContain('older');

    await step(page, 2);
    await expect.poll(() => age.textContent()).toMatch(/^as of tick 3 \(.*\) — the run is at tick 5; run again$/);
    expect(await result.getAttribute('class')).toContain('sql-console__result--older');
    await screenshot(page, 'simulate-sql-result-older');

    await page.getByRole('button', { name: 'Run query' }).click();
    await expect.poll(() => age.textContent()).toMatch(/^as of tick 5 \(.*09:05:00.*\)$/);
    expect(await result.getAttribute('class')).not.toContain('older');
  });

  it('marks a product on the canvas while its transformation fails, and lists the problem as one that keeps failing', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleWithProfileSql(page, 'SELECT customer_id FROM no_such_table');
    await enterSimulate(page);
    await step(page, 3);

    const failing = page.getByTestId('failing-customer-360');
    await failing.waitFor();
    expect(await failing.getAttribute('title')).toContain(
      "transformation 'customer_profile' failed: no such table: no_such_table",
    );
    await openTab(page, 'Inspect');
    const problem = page.getByRole('region', { name: 'Run problems' }).getByRole('listitem');
    expect(await problem.textContent()).toContain('(ticks 0–3, 4 times)');
    await screenshot(page, 'simulate-failing-transformation');
  });

  it('shows a long product name whole in the SQL console’s storage picker at 1440 and 1280 px', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const longName = 'consumption-insights-per-customer';
    await openEditedSample(page, 'long-names.mesh.json', (mesh) => {
      const product = mesh.products.find((candidate) => candidate.id === 'customer-360');
      if (product) product.name = longName;
    });
    await enterSimulate(page);
    await openTab(page, 'SQL');
    const picker = page.getByLabel('Node to query');
    await picker.selectOption({ label: longName });

    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: width === 1440 ? 900 : 800 });
      const room = await picker.evaluate((select: HTMLSelectElement) => {
        const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
        context.font = getComputedStyle(select).font;
        // The arrow and padding take about 24 px of the box.
        return select.clientWidth - 24 - context.measureText(select.selectedOptions[0]?.text ?? '').width;
      });
      expect(room, `at ${width} px`).toBeGreaterThanOrEqual(0);
      await screenshot(page, `simulate-sql-storage-picker-${width}`);
    }
  });

  it('counts a system table’s rows in words that fit the number: 1 row, 10 rows', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'one-customer.mesh.json', (mesh) => {
      const customers = mesh.scenarios[0]?.data.find((table) => table.table === 'customers');
      if (customers) customers.initialRows = 1;
    });
    await enterSimulate(page);

    await expect.poll(() => page.getByTestId('rows-customers-service-customers').textContent()).toBe('1 row');
    expect(await page.getByTestId('rows-orders-service-orders').textContent()).toBe('10 rows');
  });

  it('keeps apart the counts of two links that run round under the product they both feed', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'fed-from-the-right.mesh.json', (mesh) => {
      // customer-360 (fed by orders and customers) drawn below and left of both: both links come
      // back round under it, a lane apart.
      const analytics = mesh.layout.nodes['analytics-domain'];
      if (analytics) Object.assign(analytics, { x: 0, y: 1100 });
    });
    await enterSimulate(page);
    await runTo(page, 5);

    const counts = ['l-orders-360', 'l-customers-360'].map((linkId) => page.getByTestId(`link-count-${linkId}`));
    for (const count of counts) await count.waitFor();
    const [orders, customers] = await Promise.all(counts.map((count) => count.boundingBox()));
    expect(Math.abs((orders?.y ?? 0) - (customers?.y ?? 0))).toBeLessThan(20);
    expect(await overlappingOnScreen(page, '[data-testid^="link-count-"]', 'data-testid')).toEqual([]);
    await screenshot(page, 'simulate-counts-of-two-links-into-one-product');
  });
});
