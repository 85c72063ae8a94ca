import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { currentTick, simulateSample, step, waitForTick } from './simulation-driver';

describeInChromium("The run's keys", (session) => {
  it('steps back with B after Step was clicked, and not from a tab of the panel', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await step(page, 3);

    await page.keyboard.press('b');
    await waitForTick(page, 2);
    await page.getByRole('tab', { name: 'Inspect', exact: true }).click();
    await page.keyboard.press('b');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForTick(page, 3);
    expect(await currentTick(page)).toBe(3);
  });

  it('keeps the focus on Reset, Step back and Step pressed from the keyboard, though each is greyed out a moment or more', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await step(page, 2);
    const focusedControl = () =>
      page.evaluate(() => {
        const focused = document.activeElement;
        if (!focused || focused === document.body) return '<body>';
        return focused.getAttribute('aria-label') ?? focused.textContent;
      });

    // Reset greys out while the run starts again; Step back once nothing is left to go back to.
    await page.getByRole('button', { name: 'Reset', exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitForTick(page, 0);
    const afterReset = await focusedControl();
    await step(page, 2);
    await page.getByRole('button', { name: 'Step back', exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitForTick(page, 1);
    const afterStepBack = await focusedControl();
    // B pressed on Step greys Step out while the run goes back.
    await step(page, 2);
    await page.getByRole('button', { name: 'Step', exact: true }).focus();
    await page.keyboard.press('b');
    await waitForTick(page, 2);
    await page.getByRole('button', { name: '▶ Run', exact: true }).waitFor();
    const afterBackFromStep = await focusedControl();

    expect([afterReset, afterStepBack, afterBackFromStep]).toEqual(['Reset', 'Step back', 'Step']);
  });
});

describeInChromium('What a screen reader hears of the run', (session) => {
  it('announces the tick a Step, a step back or a Reset left the run paused at', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    const announced = page.getByRole('toolbar', { name: 'Simulation' }).getByRole('status').filter({ hasText: /tick/ });
    const heard: (string | null)[] = [];

    await step(page, 2);
    heard.push(await announced.textContent());
    await page.keyboard.press('b');
    await waitForTick(page, 1);
    await page.getByRole('button', { name: '▶ Run', exact: true }).waitFor();
    heard.push(await announced.textContent());
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await waitForTick(page, 0);
    await page.getByRole('button', { name: '▶ Run', exact: true }).waitFor();
    heard.push(await announced.textContent());

    expect(heard).toEqual(['Paused at tick 2', 'Paused at tick 1', 'Paused at tick 0']);
  });
});

describeInChromium("A link's messages from the keyboard", (session) => {
  it('shows the messages of the link Tab reached when Enter or Space is pressed on it, as a click does', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await step(page, 2);
    await page.getByTestId('rf__node-shipments').focus();
    for (let press = 0; press < 20; press++) {
      await page.keyboard.press('Tab');
      const isOnLink = await page.evaluate(() => document.activeElement?.getAttribute('data-id') === 'l-orders-cdc');
      if (isOnLink) break;
    }

    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('l-orders-cdc');

    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Messages on orders.public.orders' }).waitFor();
    expect(
      await page
        .locator('.react-flow__edge.selected')
        .evaluateAll((links) => links.map((link) => link.getAttribute('data-id'))),
    ).toEqual(['l-orders-cdc']);
    await page.keyboard.press('Tab');
    await page.keyboard.press(' ');
    await page.getByRole('heading', { name: 'Messages on orders.events.order-placed' }).waitFor();
  });
});

describeInChromium('A trace started from the keyboard', (session) => {
  it('keeps the focus in the Trace tab, on the stage shown, once Trace pressed with Enter has opened it', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await step(page, 2);
    await page.getByTestId('rf__edge-l-orders-cdc').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('message').first().getByRole('button', { name: 'Trace' }).focus();

    await page.keyboard.press('Enter');
    await page.getByTestId('trace-position').waitFor();

    const focused = () =>
      page.evaluate(() => document.activeElement?.closest('button')?.getAttribute('aria-current') ?? 'elsewhere');
    await page.waitForFunction(() => document.activeElement !== document.body);
    expect(await focused()).toBe('step');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('trace-position').textContent()).toMatch(/^2 \/ /);
  });
});
