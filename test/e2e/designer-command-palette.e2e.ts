import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { counts, focusedField, openSampleDesign, productNode } from './designer-driver';

const palette = (page: Page) => page.getByTestId('dialog-commands');
const options = (dialog: Locator) => dialog.getByRole('option');

describeInChromium('the command palette', (session) => {
  it('lists commands with their keys, says why one cannot run, and closes back to where the focus was', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await save.focus();
    await page.keyboard.press('Control+Shift+P');

    expect(await palette(page).getByLabel('Search the commands').inputValue()).toBe('>');
    expect(await options(palette(page)).count()).toBeGreaterThan(40);
    await page.keyboard.type('zoom sel');
    const first = options(palette(page)).first();
    expect(await first.textContent()).toContain('Zoom to Selection');
    expect(await first.textContent()).toContain('Shift+2');
    expect(await first.getAttribute('aria-disabled')).toBe('true');
    expect(await first.textContent()).toContain('select something first');
    await page.keyboard.press('Enter');
    expect(await palette(page).count()).toBe(1);

    await page.keyboard.press('Escape');
    await expect.poll(() => palette(page).count()).toBe(0);
    await expect.poll(() => save.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('runs the command picked with the arrow keys and Enter (F1, fuzzy letters)', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await page.keyboard.press('F1');
    await page.keyboard.type('add');
    const labels = await options(palette(page)).locator('.quick-search__label').allTextContents();
    expect(labels.slice(0, 4)).toEqual(['Add Domain', 'Add Data Product', 'Add Operational System', 'Add Note']);
    await screenshot(page, 'command-palette');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    expect(await palette(page).count()).toBe(0);
    await expect.poll(() => counts(page)).toBe('2 domains · 5 products · 1 system · 4 links');
    // The command runs as from a menu: the new system's name field takes the focus.
    await expect.poll(async () => (await focusedField(page))?.inspector).toBe('system-inspector');
  });

  it('finds Distribute by the words people know it by (“Space across”) and runs it on the selection', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await productNode(page, 'Data product 2c').locator('.product-node__name').click();
    for (let step = 0; step < 4; step++) await page.keyboard.press('Shift+ArrowRight');
    for (const name of ['Data product 2a', 'Data product 2b']) {
      await productNode(page, name)
        .locator('.product-node__name')
        .click({ modifiers: ['Control'] });
    }
    expect(await page.getByRole('toolbar', { name: 'Arrange' }).getByRole('button').allTextContents()).toContain(
      'Distribute horizontally',
    );

    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('Space across');
    const first = options(palette(page)).first();
    expect(await first.locator('.quick-search__label').textContent()).toBe('Distribute Horizontally');
    await page.keyboard.press('Enter');

    await expect.poll(() => palette(page).count()).toBe(0);
    await expect.poll(() => page.locator('.status-bar .notice__text').textContent()).toBe('Distributed 3 horizontally');
  });

  it('shows what a command needs instead of running it silently: a selection, Simulate mode', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await page.keyboard.press('Control+Shift+P');
    const field = palette(page).getByLabel('Search the commands');
    for (const [query, label, needs] of [
      ['>copy', 'Copy', 'select something first'],
      ['>delete', 'Delete', 'select something first'],
      ['>run or pause', 'Run or Pause', 'switch to Simulate first'],
    ] as const) {
      await field.fill(query);
      const row = options(palette(page)).filter({ hasText: label }).first();
      expect(await row.getAttribute('aria-disabled'), label).toBe('true');
      expect(await row.textContent(), label).toContain(`Unavailable: ${needs}`);
    }
    await field.fill('>copy');
    await page.keyboard.press('Enter');
    expect(await palette(page).count()).toBe(1);
  });

  it('keeps the first match active under a resting pointer, until the pointer really moves', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await page.keyboard.press('Control+Shift+P');
    const fourth = await options(palette(page)).nth(3).boundingBox();
    await page.keyboard.press('Escape');
    if (!fourth) throw new Error('the palette showed no fourth command');
    // The pointer rests where a row will appear when the palette opens.
    await page.mouse.move(fourth.x + 20, fourth.y + fourth.height / 2);

    await page.keyboard.press('Control+Shift+P');
    const field = palette(page).getByLabel('Search the commands');
    await options(palette(page)).nth(3).waitFor();
    expect(await field.getAttribute('aria-activedescendant')).toBe('quick-search-0');
    expect(await options(palette(page)).first().getAttribute('aria-selected')).toBe('true');

    await page.mouse.move(fourth.x + 30, fourth.y + fourth.height / 2, { steps: 2 });
    await expect.poll(() => field.getAttribute('aria-activedescendant')).toBe('quick-search-3');
  });

  it('opens with no design open too, offering what can run then', async () => {
    const page = await session.openApp();
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('save');
    const save = options(palette(page))
      .filter({ hasText: /^FileSave\b/i })
      .first();
    expect(await save.textContent()).toContain('open or create a design first');
    await page.getByLabel('Search the commands').fill('>new');
    await page.keyboard.press('Enter');
    await page.getByTestId('canvas').waitFor();
    expect(await counts(page)).toBe('0 domains · 0 products · 0 systems · 0 links');
  });

  it('is quick search after “>”, so Ctrl+K reaches the commands too', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await page.keyboard.press('Control+k');
    await page.getByLabel('Search the design').fill('>grp dom');
    const quickSearch = page.getByTestId('dialog-quick-search');
    expect(await options(quickSearch).first().textContent()).toContain('Group into Domain');
    expect(await options(quickSearch).first().textContent()).toContain('select one or more products or systems first');
  });
});
