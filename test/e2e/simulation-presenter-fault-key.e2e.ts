import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { viewAtRest } from './designer-driver';
import { isNodeInView, openTab, runTo, simulateSample, traceOrder1000 } from './simulation-driver';

describeInChromium('a fault fired by key in presenter mode', (session) => {
  it('brings the system its fault hits into view as the key fires it, before it takes effect', async () => {
    const page = await session.openApp();
    await page.setViewportSize({ width: 1280, height: 800 });
    await simulateSample(page);
    await runTo(page, 6);
    await openTab(page, 'Faults');
    await page
      .getByTestId('fault-null-field')
      .getByLabel('Topic')
      .selectOption({ label: 'customers.public.customers' });
    await traceOrder1000(page);
    await page.getByRole('button', { name: 'Present' }).first().click();
    const presenter = page.getByTestId('presenter');
    await presenter.waitFor();
    await viewAtRest(page);
    expect(await isNodeInView(page, 'customers-service')).toBe(false);

    await page.keyboard.press('3');

    await presenter.getByTestId('presenter-fault').filter({ hasText: 'takes effect at tick 7' }).waitFor();
    await expect.poll(() => isNodeInView(page, 'customers-service')).toBe(true);
  });

  it('fires nothing by key while its card refuses the count typed on it, and says why', async () => {
    const page = await session.openApp();
    await page.setViewportSize({ width: 1280, height: 800 });
    await simulateSample(page);
    await runTo(page, 3);
    await openTab(page, 'Faults');
    await page.getByTestId('fault-consumer-offline').getByLabel('Ticks').fill('');
    await page.getByRole('button', { name: 'Present' }).first().click();
    const presenter = page.getByTestId('presenter');
    await presenter.waitFor();
    await viewAtRest(page);

    // On a busy machine a key can come while the presenter is still going full screen, and be lost.
    const failure = presenter.getByTestId('presenter-failure');
    await expect
      .poll(async () => {
        if ((await failure.count()) === 0) await page.keyboard.press('1');
        return failure.allTextContents();
      })
      .toEqual(["The fault did not fire: Ticks must be a whole number, at least 1 (got '')."]);
    expect(await presenter.getByTestId('presenter-fault').count()).toBe(0);
    expect(await presenter.getByTestId('fault-key-1').getAttribute('title')).toMatch(/ — does not fire: Ticks must be/);
  });
});
