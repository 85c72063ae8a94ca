import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { ordersServiceEvents } from './designer-driver';

describeInChromium('an outbox event’s Only when condition in the system inspector', (session) => {
  it('shows the check of a condition under its field, naming a column the table lacks, and none once it is right', async () => {
    const page = await session.openApp();
    const system = await ordersServiceEvents(page);
    const onlyWhen = system.getByLabel('Only when (SQL over new. and old. columns)');

    await onlyWhen.fill("new.state = 'cancelled'");
    const check = system.locator('.field__warning');
    await check
      .filter({ hasText: "the condition names new.state, but table 'orders' has no column 'state'" })
      .waitFor();
    expect(await onlyWhen.getAttribute('aria-describedby')).toBe(await check.getAttribute('id'));

    await onlyWhen.fill("new.status = 'cancelled' AND old.status IS NOT 'cancelled'");
    await expect.poll(() => check.count()).toBe(0);
    expect(await onlyWhen.inputValue()).toBe("new.status = 'cancelled' AND old.status IS NOT 'cancelled'");
  });
});
