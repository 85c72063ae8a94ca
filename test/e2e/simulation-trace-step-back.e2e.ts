import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { runTo, simulateSample, step, stepBack, traceOrder1000 } from './simulation-driver';

describeInChromium('A trace stepped back before its change', (session) => {
  it('says at which tick the change happens, claims no deletion, and follows it again a step on', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 5);
    await traceOrder1000(page);
    const position = page.getByTestId('trace-position');
    await page.getByRole('button', { name: 'Next stage' }).click();
    const stagesAtFive = await position.textContent();

    await stepBack(page);
    const upcoming = page.locator('.trace-tab [data-testid=trace-upcoming]');
    await upcoming.waitFor();
    expect(await upcoming.textContent()).toMatch(/^This change happens at tick 5 \(.+\): step forward to follow it\.$/);
    expect(await page.locator('.trace-tab [data-testid=trace-stage]').count()).toBe(0);
    expect(await page.locator('.trace-tab').textContent()).not.toMatch(/since/);

    await page.getByRole('button', { name: 'Present' }).first().click();
    const presenter = page.getByTestId('presenter');
    expect(await presenter.getByTestId('trace-upcoming').textContent()).toMatch(/^This change happens at tick 5/);
    await page.keyboard.press('ArrowRight');
    expect(await presenter.textContent()).not.toMatch(/deleted since|removed this record since|dropped since/);
    await page.keyboard.press('Escape');

    await step(page);
    await upcoming.waitFor({ state: 'detached' });
    expect(await position.textContent()).toBe(stagesAtFive);
  });
});
