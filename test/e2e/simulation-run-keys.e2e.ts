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
});
