import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { enterSimulate, newestChangeOnLink, openEditedSample, step } from './simulation-driver';

describeInChromium('A run whose ticks are shorter than a second', (session) => {
  it('shows each tick’s own time on the clock and on its records, not the second it falls in', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'half-second-ticks.mesh.json', (mesh) => {
      const scenario = mesh.scenarios[0];
      if (scenario) scenario.tickMillis = 500;
    });
    await enterSimulate(page);
    const clock = page.getByTestId('simulated-clock');
    expect(await clock.textContent()).toContain('09:00:00.0 · tick 0');

    await step(page);

    expect(await clock.getAttribute('title')).toBe('2026-01-05T09:00:00.500Z');
    expect(await clock.textContent()).toContain('09:00:00.5 · tick 1');
    const newest = await newestChangeOnLink(page, 'l-orders-cdc');
    expect(await newest.locator('.message-card__header time').textContent()).toBe('09:00:00.5');
  });
});
