import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { openContract, showView } from './contract-driver';
import { openSampleDesign } from './designer-driver';

/** The values a form field's list offers. */
async function offered(field: Locator): Promise<string[]> {
  const listId = await field.getByRole('combobox').getAttribute('list');
  return field
    .page()
    .locator(`datalist[id="${listId}"] option`)
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
}

describeInChromium('the values the contract form offers', (session) => {
  it("offers a Kafka server's format its message formats, not a file store's", async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    await showView(page, 'Form');
    await page.locator('.form-section > summary', { hasText: 'Servers' }).click();
    await page.getByRole('button', { name: 'Add server' }).click();
    await page.locator('[data-path="servers[0].type"]').getByRole('combobox').fill('kafka');
    await expect
      .poll(() => offered(page.locator('[data-path="servers[0].format"]')))
      .toEqual(['json', 'avro', 'protobuf', 'xml']);
  });
});
