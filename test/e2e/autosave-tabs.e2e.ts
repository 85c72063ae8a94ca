import type { BrowserContext, Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { autosavedNames, renameDesign, waitForAutosave } from './autosave-driver';

/** Another tab of the same browser, on the app, its storage left as the other tabs have it. */
async function anotherTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(inject('appUrl'));
  await page.waitForSelector('.app');
  return page;
}

/** A tab that dies without the unload prompt, as in a crash. */
const crash = (page: Page) => page.close({ runBeforeUnload: false });

describeInChromium('two tabs of one design', (session) => {
  it('offers only work no open tab is keeping, and keeps each tab’s work when both crash', async () => {
    const closed = await session.openApp();
    const context = closed.context();
    await closed.getByTestId('sample-seed-logical-view').click();
    await renameDesign(closed, 'Left by a closed tab');
    await waitForAutosave(closed, 'Left by a closed tab');
    await crash(closed);

    const tabA = await anotherTab(context);
    await tabA.getByTestId('sample-seed-logical-view').click();
    await renameDesign(tabA, 'Edited in tab A');
    await waitForAutosave(tabA, 'Edited in tab A');

    const tabB = await anotherTab(context);
    const offered = tabB.getByTestId('recovered-work');
    await offered.waitFor();
    expect(await offered.textContent()).toContain('Left by a closed tab');
    // Tab A's copy is live work, not work from an earlier session: Restore or Discard here would fork or delete it.
    expect(await offered.textContent()).not.toContain('Edited in tab A');

    await offered.getByRole('button', { name: 'Restore' }).click();
    await tabB.waitForSelector('.react-flow__node-product');
    await renameDesign(tabB, 'Continued in tab B');
    await waitForAutosave(tabB, 'Continued in tab B');
    // Tab B keeps its own copy; the one it restored from is dropped once that copy is written.
    expect((await autosavedNames(tabB)).sort()).toEqual(['Continued in tab B', 'Edited in tab A']);

    const whileBothOpen = await anotherTab(context);
    await whileBothOpen.getByTestId('sample-seed-logical-view').waitFor();
    // The list is read after the start screen shows; give it the time it takes above.
    await whileBothOpen.waitForTimeout(1000);
    expect(await whileBothOpen.getByTestId('recovered-work').count()).toBe(0);
    await whileBothOpen.close();

    await crash(tabA);
    await crash(tabB);
    const afterCrash = await anotherTab(context);
    const recovered = afterCrash.getByTestId('recovered-work');
    await recovered.waitFor();
    expect(await recovered.getByRole('listitem').count()).toBe(2);
    expect((await autosavedNames(afterCrash)).sort()).toEqual(['Continued in tab B', 'Edited in tab A']);
  });
});
