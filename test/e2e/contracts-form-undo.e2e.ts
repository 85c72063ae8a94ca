import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { caretAfter, copyOfYaml, openContract, showView } from './contract-driver';
import { openSampleDesign } from './designer-driver';

/** Presses `keys` in the YAML editor, which has the focus, and waits for its text to be `expected`. */
async function pressInYaml(page: Page, keys: string, expected: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press(keys);
  // Monaco's own undo is applied to the design after a pause in typing: wait for it before the next key.
  await expect.poll(() => copyOfYaml(page)).toBe(expected);
}

describeInChromium('undo in the YAML editor after an edit in the form', (session) => {
  it('takes back one form edit typed key by key with one Ctrl+Z, and redoes it with Ctrl+Y and Ctrl+Shift+Z', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    const typedInYaml = (await copyOfYaml(page)).replace(
      'kind: DataContract',
      'kind: DataContract  # checked by finance',
    );
    // Typed in the YAML just before: the one Ctrl+Z must not take this back with the form's edit.
    await caretAfter(page, 'kind: DataContract');
    await page.keyboard.type('  # checked by finance');

    await showView(page, 'Form');
    await page.getByRole('button', { name: 'Details of total' }).click();
    const description = page.getByRole('region', { name: 'Field details' }).getByLabel('Description', { exact: true });
    await description.click();
    await description.press('End');
    // Slow enough for each key to reach the design on its own, as a user types.
    await description.pressSequentially(' taxes included', { delay: 80 });
    await description.press('Tab');
    await showView(page, 'YAML');
    await expect.poll(() => copyOfYaml(page)).toContain('taxes included');
    const afterForm = await copyOfYaml(page);

    await pressInYaml(page, 'Control+z', typedInYaml);
    await pressInYaml(page, 'Control+y', afterForm);
    await pressInYaml(page, 'Control+z', typedInYaml);
    await pressInYaml(page, 'Control+Shift+z', afterForm);
  });
});

describeInChromium('undo in the YAML editor mixed with the toolbar Undo and Redo', (session) => {
  it('steps through one history: Ctrl+Z then Ctrl+Y in the editor keep what the toolbar can still redo', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    const toolbarButton = (name: 'Undo' | 'Redo') =>
      page.getByRole('toolbar').getByRole('button', { name, exact: true });
    const original = await copyOfYaml(page);
    const bumped = original.replace('version: 1.0.0', 'version: 1.0.1');
    const renamed = bumped.replace('name: Order\n', 'name: Order history\n');

    await caretAfter(page, 'version: 1.0.0');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('1');
    await showView(page, 'Form');
    const name = page.getByLabel('Name', { exact: true }).first();
    await name.fill('Order history');
    await name.press('Tab');
    await showView(page, 'YAML');
    await expect.poll(() => copyOfYaml(page)).toBe(renamed);

    await toolbarButton('Undo').click();
    await expect.poll(() => copyOfYaml(page)).toBe(bumped);
    await toolbarButton('Undo').click();
    await expect.poll(() => copyOfYaml(page)).toBe(original);
    await toolbarButton('Redo').click();
    await expect.poll(() => copyOfYaml(page)).toBe(bumped);

    await caretAfter(page, 'kind: DataContract');
    await pressInYaml(page, 'Control+z', original);
    await pressInYaml(page, 'Control+y', bumped);
    // Longer than a pause in typing: nothing the editor did may reach the design as a new edit.
    await page.waitForTimeout(600);
    await expect.poll(() => toolbarButton('Redo').isEnabled()).toBe(true);
    await toolbarButton('Redo').click();
    // Read through the editor, which keeps the focus for the next key.
    await expect.poll(() => copyOfYaml(page)).toBe(renamed);
    await pressInYaml(page, 'Control+z', bumped);
    await expect.poll(() => toolbarButton('Redo').isEnabled()).toBe(true);
  });
});
