import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { type AppSession, describeInChromium, screenshot } from './app-driver';
import { caretAfter, openContract, savePickerInPrivateFiles } from './contract-driver';
import { openSampleDesign } from './designer-driver';
import { privateFileText, writeBehindTheApp } from './private-files-driver';

const THEIR_PURPOSE = 'purpose: Rewritten by a colleague.';

/** The e-commerce sample's OrderPlaced contract saved with Save contract as…, so it is linked to its file; that file's name. */
async function aContractLinkedToItsFile(session: AppSession): Promise<{ page: Page; fileName: string }> {
  const page = await session.openApp();
  await savePickerInPrivateFiles(page);
  await openSampleDesign(page, 'ecommerce');
  await openContract(page, 'OrderPlaced');
  await page.getByRole('button', { name: 'Save contract as…' }).click();
  const saveTo = page.getByRole('button', { name: /^Save to / });
  await saveTo.waitFor();
  const fileName = ((await saveTo.textContent()) ?? '').replace('Save to ', '');
  return { page, fileName };
}

const purposeRewritten = (text: string) => text.replace(/purpose: .*/, 'purpose: Rewritten by a colleague.');

const yamlLine = (page: Page, text: string) => page.locator('.yaml-editor .view-line', { hasText: text });

describeInChromium('a contract file another program changed, in the browser', (session) => {
  it('says so when the page is back in front, and Reload contract puts that version in the editor, which Undo takes back', async () => {
    const { page, fileName } = await aContractLinkedToItsFile(session);
    await writeBehindTheApp(page, fileName, purposeRewritten);

    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const notice = page.getByRole('status').filter({ hasText: `${fileName} was changed by another program.` });
    await notice.waitFor();
    await screenshot(page, 'contract-file-changed-notice');
    await notice.getByRole('button', { name: 'Reload contract' }).click();

    await yamlLine(page, THEIR_PURPOSE).waitFor();
    await page.getByText(`Reloaded OrderPlaced from ${fileName}.`).waitFor();
    await page.keyboard.press('ControlOrMeta+z');
    await yamlLine(page, 'purpose: One event per order placed').waitFor();
    expect(await yamlLine(page, THEIR_PURPOSE).count()).toBe(0);
  });

  it('asks first when the contract has edits not saved to its file, and Save asks nothing once that version is loaded', async () => {
    const { page, fileName } = await aContractLinkedToItsFile(session);
    await caretAfter(page, 'version: 1.0.0');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('1');
    await writeBehindTheApp(page, fileName, purposeRewritten);

    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const notice = page.getByRole('alert').filter({
      hasText: `${fileName} was changed by another program, and you have edits to OrderPlaced not saved to it.`,
    });
    await notice.getByRole('button', { name: 'Reload contract' }).click();
    await page
      .getByRole('alertdialog', {
        name: `Discard your unsaved edits to OrderPlaced and load the version of ${fileName} on disk?`,
      })
      .getByRole('button', { name: 'Discard and Reload' })
      .click();
    await yamlLine(page, THEIR_PURPOSE).waitFor();
    expect(await yamlLine(page, 'version: 1.0.1').count()).toBe(0);

    await page.getByRole('button', { name: `Save to ${fileName}` }).click();
    await page.getByText(`Saved OrderPlaced to ${fileName}.`).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
  });

  it('reports a version that no longer reads as a contract, and changes nothing', async () => {
    const { page, fileName } = await aContractLinkedToItsFile(session);
    await writeBehindTheApp(page, fileName, (text) => text.replace('version: 1.0.0', 'version: [1.0.0'));

    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.getByRole('button', { name: 'Reload contract' }).click();

    const report = page.getByRole('alert').filter({ hasText: `Could not reload OrderPlaced from ${fileName}:` });
    await report.waitFor();
    expect(await report.textContent()).toMatch(/Nothing was changed\./);
    expect(await yamlLine(page, 'version: 1.0.0').count()).toBe(1);
    expect(await privateFileText(page, fileName)).toContain('version: [1.0.0');
  });
});
