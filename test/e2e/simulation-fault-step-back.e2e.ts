import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { fireNullField, simulateSample, step, stepBack } from './simulation-driver';

describeInChromium('A fault stepped back past', (session) => {
  it('is listed as pending until the run steps on to its tick again', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await step(page, 3);
    await fireNullField(page, 'customers.public.customers', 'street');
    const fired = page.getByTestId('fired-faults').locator('li').filter({ hasText: 'null-field' });
    expect(await fired.textContent()).toContain('(pending: fires at tick 4 when you step on)');

    await step(page);
    expect(await fired.textContent()).not.toContain('pending');
    await stepBack(page);
    await fired.filter({ hasText: 'pending' }).waitFor();
    expect(await fired.textContent()).toMatch(
      /^tick 4: null-field customers\.public\.customers \(pending: fires at tick 4 when you step on\) — /,
    );
  });
});
