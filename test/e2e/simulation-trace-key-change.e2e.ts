import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { runKeyChangeTo5000 } from './simulation-driver';

describeInChromium('A traced change of a row’s key', (session) => {
  it('shows the key column’s old and new value in the service write, from the old key’s delete', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await runKeyChangeTo5000(page);
    await page.getByLabel('Filter by key').fill('1000');
    const deletion = page.getByTestId('message').filter({ has: page.locator('.op--d'), hasText: '{"order_id":1000}' });
    await deletion.getByRole('button', { name: 'Trace' }).click();
    await page.getByTestId('trace-position').waitFor();

    const write = page.locator('.trace-tab [data-testid=trace-stage]').and(page.locator('[data-stage=service-write]'));
    await write.waitFor();
    expect(await write.textContent()).toContain('its key {"order_id":1000} becoming {"order_id":5000}');
    const keyRow = write.locator('tr.is-changed').filter({ has: page.getByRole('rowheader', { name: 'order_id' }) });
    expect(await keyRow.locator('td').textContent()).toBe('1000 → 5000');
  });
});
