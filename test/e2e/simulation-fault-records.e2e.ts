import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { fireNullField, fireRedelivery, openTab, runTo, simulateSample, step, stepBack } from './simulation-driver';

/** The Inspect cards of customers' CDC link whose email is null: the records a null-field fault made, not re-sent. */
function nulledEmailCards(page: Page) {
  return page
    .getByTestId('message')
    .filter({ hasNot: page.getByTestId('message-resent') })
    .filter({
      has: page
        .locator('tr', { has: page.getByRole('rowheader', { name: 'email', exact: true }) })
        .locator('td >> nth=1', { hasText: /^null$/ }),
    });
}

describeInChromium('Records a fault made or sent again', (session) => {
  it('tells a null-field fault’s record, a burst’s copies and what the burst sent, once its tick has run', async () => {
    const page = await session.openApp();
    await page.setViewportSize({ width: 1280, height: 900 });
    await simulateSample(page);
    await runTo(page, 3);
    await fireNullField(page, 'customers.public.customers', 'email');
    const burst = page.getByTestId('fault-out-of-order');
    await burst.getByLabel('Topic').selectOption({ label: 'customers.public.customers' });
    await burst.getByLabel('Records').fill('3');
    await burst.getByRole('button', { name: 'Fire' }).click();
    const fired = page.getByTestId('fired-faults').locator('li').filter({ hasText: 'out-of-order' });
    await fired.waitFor();
    expect(await fired.textContent()).toContain('are sent again, newest first.');

    await step(page);
    await fired
      .filter({ hasText: 'sent 3 records of customers.public.customers again at the end of tick 4' })
      .waitFor();
    expect(await fired.textContent()).toMatch(
      /newest first: the records first sent at partition \d+, offsets? \d+(, \d+)*(; partition \d+, offsets? \d+(, \d+)*)*\.$/,
    );
    await fired.scrollIntoViewIfNeeded();
    await screenshot(page, 'simulation-fault-records-fired');

    await openTab(page, 'Inspect');
    await page.getByTestId('rf__edge-l-customers-cdc').click();
    const copies = page.getByTestId('message-resent');
    await copies.first().waitFor();
    expect(await copies.allTextContents()).toEqual(
      Array(3).fill(expect.stringMatching(/^Re-sent out of order \(burst, newest first\): the same record as offset/)),
    );
    await copies.first().scrollIntoViewIfNeeded();
    await screenshot(page, 'simulation-fault-records-burst-card');

    const nulled = nulledEmailCards(page);
    // The row's last change was its create: the fault's record re-sends it as one.
    expect(await nulled.first().locator('.op').textContent()).toBe('create');
    expect(await nulled.first().getByTestId('message-fault-made').textContent()).toBe(
      "Injected by the null-field fault at tick 4: the service wrote nothing. It re-sends the row's last change record, a create (op c), with its transaction and log position, and email null.",
    );
    await nulled.first().scrollIntoViewIfNeeded();
    await screenshot(page, 'simulation-fault-records-null-card');
    await nulled.first().getByRole('button', { name: 'Trace' }).click();
    const stage = page.locator('.trace-tab [data-testid=trace-stage]');
    await stage.and(page.locator('[data-stage=service-write]')).waitFor();
    expect(await stage.locator('.trace-stage__title').textContent()).toBe(
      'No service write: the fault “A null in a required field” made this record, at tick 4',
    );
    expect(await stage.locator('.trace-stage__note').textContent()).toContain(
      "re-sending the row's last change, a create (op c), with email null",
    );
    await screenshot(page, 'simulation-fault-records-trace-write');

    await page.locator('.trace-tab button').filter({ hasText: 'Raw zone' }).first().click();
    const raw = stage.and(page.locator('[data-stage=raw]'));
    await raw.waitFor();
    const nulledRow = raw.locator('tr.is-changed', {
      has: page.getByRole('rowheader', { name: 'after_email', exact: true }),
    });
    expect(await nulledRow.locator('td').textContent()).toBe('null');
    expect(await raw.getByTestId('folded-columns').getByRole('rowheader', { name: 'after_email' }).count()).toBe(0);
    expect(await raw.locator('.trace-stage__note').textContent()).toContain(
      'after_email is null: nulled by the fault “A null in a required field” at tick 4',
    );
    await screenshot(page, 'simulation-fault-records-trace-raw');

    await page.locator('.trace-tab button').filter({ hasText: 'Clean zone' }).first().click();
    await stage.and(page.locator('[data-stage=clean]')).waitFor();
    expect(await stage.locator('.trace-stage__note').textContent()).toMatch(
      /The entity now disagrees with the source of record: customers-service's customers row has email "[^"]+", the entity email null\./,
    );
    await screenshot(page, 'simulation-fault-records-trace-clean');
  });

  it('says at the History stage which version the null-field fault’s record made, which history keeps', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 3);
    await fireNullField(page, 'customers.public.customers', 'email');
    await step(page);
    await openTab(page, 'Inspect');
    await page.getByTestId('rf__edge-l-customers-cdc').click();
    await nulledEmailCards(page).first().getByRole('button', { name: 'Trace' }).click();
    await page.locator('.trace-tab button').filter({ hasText: 'History' }).first().click();
    const history = page.locator('.trace-tab [data-testid=trace-stage]').and(page.locator('[data-stage=history]'));
    await history.waitFor();
    expect(await history.locator('.trace-stage__note').allTextContents()).toEqual([
      expect.stringMatching(
        /^Version \d+, with email null, came from the record the fault “A null in a required field” at tick 4 made: the entity applied it, so its history keeps it\.$/,
      ),
    ]);
  });

  it('says what a redelivery fired at the tick of the scenario’s own on that topic sent, not what the scenario’s sent', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    // The workshop sends the last 3 OrderPlaced events again at tick 10.
    await runTo(page, 9);
    await fireRedelivery(page, 'orders.events.order-placed', 1);
    await step(page);
    const fired = page.getByTestId('fired-faults').locator('li');
    const scenarios = fired.filter({ hasText: '(scenario)' });
    const decks = fired.filter({ hasNotText: '(scenario)' });
    await decks.filter({ hasText: 'sent 1 record of' }).waitFor();
    expect(await scenarios.textContent()).toMatch(
      /^tick 10: redeliver 3 records of orders\.events\.order-placed \(scenario\) — sent 3 records/,
    );
    // The scenario's went first, so the deck's last record is the scenario's copy of the topic's last.
    expect(await decks.textContent()).toMatch(
      /^tick 10: redeliver 1 record of orders\.events\.order-placed — sent 1 record of orders\.events\.order-placed again at the end of tick 10, those tick 10 published included: the records first sent at partition \d+, offset \d+\.$/,
    );
    const lastOfScenario = (await scenarios.textContent())?.match(/partition (\d+), offsets? (?:\d+, )*(\d+)\.$/);
    expect(await decks.textContent()).toContain(`partition ${lastOfScenario?.[1]}, offset ${lastOfScenario?.[2]}.`);
    await decks.scrollIntoViewIfNeeded();
    await screenshot(page, 'simulation-fault-records-two-redeliveries');

    // Rebuilt by a step back and run on again, the run fires them in the same order and says so alike.
    const said = await fired.allTextContents();
    await stepBack(page);
    await step(page);
    await decks.filter({ hasText: 'sent 1 record of' }).waitFor();
    expect(await fired.allTextContents()).toEqual(said);
  });
});
