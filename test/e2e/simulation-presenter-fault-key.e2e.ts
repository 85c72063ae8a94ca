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
});
