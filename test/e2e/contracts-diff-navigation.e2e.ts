import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { caretAtEndOf, copyOfYaml, openContract, showView } from './contract-driver';
import { openSampleDesign } from './designer-driver';

async function topOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => element.getBoundingClientRect().top);
}

/** Removes Order's `updated_at` (a breaking change its version does not announce) and shows the diff, unified in the narrow pane. */
async function diffOrderWithoutUpdatedAt(page: Page): Promise<void> {
  await openSampleDesign(page, 'ecommerce');
  await openContract(page, 'Order');
  await showView(page, 'Form');
  await page.getByRole('button', { name: 'Remove updated_at' }).click();
  await showView(page, 'Diff');
}

describeInChromium('the contract diff in the built app', (session) => {
  it('opens the diff at its first change, below the fold, keeps it in view when Split is chosen, and jumps to a breaking change from the header', async () => {
    const page = await session.openApp();
    await diffOrderWithoutUpdatedAt(page);
    const editorBox = await page.getByTestId('contract-diff').boundingBox();
    const isInEditor = async (line: Locator) => {
      const top = await topOf(line);
      return Boolean(editorBox && top > editorBox.y && top < editorBox.y + editorBox.height);
    };
    // Unified: the removed lines show in the new text, where they were.
    const removedInUnified = page.locator('.contract-diff .modified .line-delete', { hasText: 'name: updated_at' });
    await removedInUnified.waitFor();
    expect(await isInEditor(removedInUnified)).toBe(true);

    // Split wraps the narrower sides onto more rows: the change stays in view all the same.
    await page.getByRole('button', { name: 'Split' }).click();
    const removed = page.locator('.contract-diff .original .view-line', { hasText: 'name: updated_at' });
    await removed.waitFor();
    expect(await isInEditor(removed)).toBe(true);
    await screenshot(page, 'contract-diff-first-change');

    // Scrolled back to the top, the header's breaking change brings its line back.
    await removed.click();
    await page.keyboard.press('Control+Home');
    await removed.waitFor({ state: 'detached' });
    await page.locator('.contract-diff__jump', { hasText: 'updated_at' }).click();
    await removed.waitFor();
  });

  it('jumps to a contract-level breaking change with its line shown from its start, though the pane was scrolled sideways', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    // History no longer kept: the last line of the contract, `value: true` under `keepHistory`.
    await caretAtEndOf(page, 'value: true');
    for (const _ of 'true') await page.keyboard.press('Backspace');
    await page.keyboard.insertText('false');
    // Applied after a pause in typing, when the panel of changes below the editor lists it.
    await page.getByText('history is no longer kept').first().waitFor();
    await showView(page, 'Diff');
    const jump = page.locator('.contract-diff__jump', { hasText: 'contract' });
    await jump.waitFor();
    // The end of a long line (line 10, the purpose) of the narrow new-text pane scrolls it sideways.
    await page
      .locator('.contract-diff .modified .view-line', { hasText: 'value: false' })
      .click({ position: { x: 4, y: 4 } });
    await page.keyboard.press('Control+Home');
    for (let line = 1; line < 10; line++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await jump.click();
    const changedLineInView = () =>
      page.evaluate(() => {
        const pane = document.querySelector('.contract-diff .modified .editor-scrollable')?.getBoundingClientRect();
        const line = [...document.querySelectorAll('.contract-diff .modified .view-line')].find((candidate) =>
          candidate.textContent?.replaceAll('\u00a0', ' ').includes('value: false'),
        );
        const start = line?.firstElementChild?.getBoundingClientRect();
        const glyph = document
          .querySelector('.contract-diff .modified .breaking-change-glyph')
          ?.getBoundingClientRect();
        if (!pane || !line || !start || !glyph) return 'not drawn';
        if (start.left < pane.left) return 'its start is scrolled out of view';
        const { top, bottom } = line.getBoundingClientRect();
        const glyphMiddle = (glyph.top + glyph.bottom) / 2;
        return glyphMiddle > top && glyphMiddle < bottom ? 'marked and shown' : 'marked elsewhere';
      });
    await expect.poll(changedLineInView).toBe('marked and shown');
  });

  it('names each of two breaking changes of one field by what changed, and jumps to the line of each', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    // customer_id: `logicalType: integer` to string, then `required: true` to false on the line below.
    await caretAtEndOf(page, '- name: customer_id');
    for (const [was, is] of [
      ['integer', 'string'],
      ['true', 'false'],
    ] as const) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      for (const _ of was) await page.keyboard.press('Backspace');
      await page.keyboard.insertText(is);
    }
    await page.getByText('required field made optional').first().waitFor();
    await showView(page, 'Diff');
    const jumps = page.locator('.contract-diff__jump', { hasText: 'customer_id' });
    await jumps.nth(1).waitFor();
    expect(await jumps.allTextContents()).toEqual([
      'orders.customer_id: type changed',
      'orders.customer_id: required field made optional',
    ]);
    // The line the cursor is on in the new text, where a jump puts it.
    const lineAtCursor = () =>
      page.evaluate(() => {
        const cursor = document
          .querySelector('.contract-diff .modified .cursors-layer .cursor')
          ?.getBoundingClientRect();
        if (!cursor) return 'no cursor';
        const middle = cursor.top + cursor.height / 2;
        const line = [...document.querySelectorAll('.contract-diff .modified .view-line')].find((candidate) => {
          const { top, bottom } = candidate.getBoundingClientRect();
          return middle > top && middle < bottom;
        });
        return line?.textContent?.replaceAll('\u00a0', ' ').trim() ?? 'no line';
      });
    await jumps.nth(0).click();
    await expect.poll(lineAtCursor).toBe('logicalType: string');
    await jumps.nth(1).click();
    await expect.poll(lineAtCursor).toBe('required: false');
  });

  it('says which version its breaking changes need, and sets it in one click', async () => {
    const page = await session.openApp();
    await diffOrderWithoutUpdatedAt(page);
    await page.getByTestId('breaking-count').waitFor();
    expect(await page.getByTestId('diff-needed-version').textContent()).toBe('needs version 2.0.0 instead of 1.0.0');

    await page.locator('.contract-diff__bar').getByRole('button', { name: 'Use version 2.0.0' }).click();
    await page.getByTestId('diff-needed-version').waitFor({ state: 'detached' });
    expect(await page.getByTestId('breaking-count').textContent()).toContain('1 breaking change');
    await showView(page, 'YAML');
    expect(await copyOfYaml(page)).toContain('\nversion: 2.0.0\n');
  });
});
