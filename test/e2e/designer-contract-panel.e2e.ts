import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, isOnScreen, screenshot } from './app-driver';
import { caretAfter, openContract, savePickerInPrivateFiles } from './contract-driver';
import { box, emptyCanvasPoint, expectInside, openContractFromList, openSampleDesign } from './designer-driver';

const ORDERS_TO_CUSTOMER_360 = '[data-testid="rf__edge-l-orders-360"]';

async function openOrderContract(page: Page): Promise<void> {
  await openSampleDesign(page, 'ecommerce');
  await openContractFromList(page, 'Order');
  await page.getByTestId('contract-panel').waitFor();
}

/** Drags the contract panel's border `by` pixels: to the right narrows the panel. */
async function dragSplitter(page: Page, by: number): Promise<void> {
  const splitter = (await page.getByTestId('contract-splitter').boundingBox())!;
  await page.mouse.move(splitter.x + 2, splitter.y + 200);
  await page.mouse.down();
  await page.mouse.move(splitter.x + 2 + by, splitter.y + 200, { steps: 8 });
  await page.mouse.up();
}

const widthOf = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())?.width ?? 0;

describeInChromium('the contract editor beside the canvas', (session) => {
  it('hides the minimap while the canvas beside the contract is too narrow for it to stay off the nodes', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await page.locator('.react-flow__minimap').waitFor();

    await openContractFromList(page, 'Order');
    await page.getByTestId('contract-panel').waitFor();
    expect(await widthOf(page, 'canvas')).toBeLessThan(700);
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(0);

    await page.getByRole('button', { name: 'In side panel' }).click();
    await page.getByTestId('contract-panel').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(1);
  });

  it('keeps the canvas usable: a panel the user resizes, maximizes or moves into the side panel', async () => {
    const page = await session.openApp();
    await openOrderContract(page);
    // The canvas gets room back by dragging the panel's border, and the panel by dragging it back.
    await dragSplitter(page, 150);
    await expect.poll(() => widthOf(page, 'canvas')).toBeGreaterThan(640);
    const narrow = await widthOf(page, 'contract-panel');
    await dragSplitter(page, -300);
    await expect.poll(() => widthOf(page, 'contract-panel')).toBeGreaterThan(narrow + 250);

    await page.getByRole('button', { name: 'Maximize' }).click();
    const workspace = (await page.locator('.workspace').boundingBox())!;
    await expect.poll(() => widthOf(page, 'contract-panel')).toBeCloseTo(workspace.width, -1);

    await page.getByRole('button', { name: 'In side panel' }).click();
    await page.getByTestId('contract-panel').waitFor({ state: 'detached' });
    expect(await page.getByRole('tab', { name: 'Contract' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('.side-panel .yaml-editor').count()).toBe(1);
    await page.getByRole('button', { name: 'Beside canvas' }).click();
    await page.getByTestId('contract-panel').waitFor();
  });

  it('lists the links a change breaks; a click selects the link and brings it into view', async () => {
    const page = await session.openApp();
    await openOrderContract(page);
    await page.getByRole('button', { name: 'Form' }).click();
    await page.getByRole('button', { name: 'Remove status' }).click();
    const broken = page.getByTestId('broken-links');
    await broken.waitFor();
    expect(await broken.textContent()).toContain('customer-360 · Orders');
    expect(await broken.textContent()).toContain('missing field status');

    await page.getByRole('button', { name: 'Maximize' }).click();
    await broken.getByRole('button').first().click();
    // The canvas comes back from behind the maximized editor to show the link.
    await expect.poll(() => page.getByTestId('contract-panel').getAttribute('data-mode')).toBe('docked');
    await expect.poll(() => page.locator(ORDERS_TO_CUSTOMER_360).getAttribute('class')).toContain('selected');
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    await expect
      .poll(async () => {
        const link = (await page.locator(`${ORDERS_TO_CUSTOMER_360} .react-flow__edge-path`).boundingBox())!;
        return link.x >= canvas.x && link.x + link.width <= canvas.x + canvas.width && link.width > 40;
      })
      .toBe(true);
  });

  it('keeps every contract tab clear of the Beside/Maximize/Side panel switch, and clickable', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const names = ['OrderPlaced', 'Order', 'Customer', 'Shipment', 'CustomerProfile'];
    for (const name of names) {
      await page.keyboard.press('Escape');
      const empty = await emptyCanvasPoint(page);
      await page.mouse.click(empty.x, empty.y);
      await openContractFromList(page, name);
      await page.getByRole('tab', { name, exact: true }).waitFor();
    }
    await screenshot(page, 'contract-tabs-beside-switch');
    const tabsUnderTheSwitch = () =>
      page.getByTestId('contract-panel').evaluate((panel) => {
        const placement = panel.querySelector('[aria-label="Where the contract editor is"]')!.getBoundingClientRect();
        const row = panel.querySelector('[role="tablist"]')!.getBoundingClientRect();
        return [...panel.querySelectorAll('[role="tab"]')].flatMap((tab) => {
          const box = tab.getBoundingClientRect();
          // Only the part of a tab the row shows can be covered; the rest is scrolled out of view.
          const left = Math.max(box.left, row.left);
          const right = Math.min(box.right, row.right);
          const isUnder =
            left < right && left < placement.right && placement.left < right && box.top < placement.bottom;
          return isUnder ? [tab.textContent] : [];
        });
      });
    expect(await tabsUnderTheSwitch()).toEqual([]);
    for (const name of names) {
      const tab = page.getByRole('tab', { name, exact: true });
      await tab.click({ timeout: 3000 });
      expect(await tab.getAttribute('aria-selected')).toBe('true');
      expect(await tab.getAttribute('title')).toBe(name);
      expect(await tabsUnderTheSwitch()).toEqual([]);
    }
  });

  it('keeps a draft tab’s marker and its count whole beside the switch, the name ellipsized', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'CustomerProfile');
    await caretAfter(page, 'apiVersion');
    await page.keyboard.type('\nbroken: [');
    const marker = page.locator('.contract-tab--active .contract-tab__draft');
    await marker.waitFor();
    await screenshot(page, 'contract-draft-tab-beside-switch');

    expect(await marker.textContent()).toBe('⚠ Draft: 1 problem');
    const expectMarkerBesideSwitch = async () => {
      const switchBox = await box(page.getByRole('group', { name: 'Where the contract editor is' }));
      expect((await box(marker)).x + (await box(marker)).width).toBeLessThanOrEqual(switchBox.x);
      await expectInside(marker, page.getByTestId('contract-panel').getByRole('tablist'));
      expect(await isOnScreen(marker)).toBe(true);
    };
    await expectMarkerBesideSwitch();
    // The name gives way first, yet keeps a few letters to tell the tab by.
    expect((await box(page.locator('.contract-tab--active .contract-tab__label'))).width).toBeGreaterThan(40);

    await dragSplitter(page, 100);
    await screenshot(page, 'contract-draft-tab-beside-switch-narrow');
    await expectMarkerBesideSwitch();
  });
});

describeInChromium('the contract editor in the side panel', (session) => {
  it('shows every control of its header and view switch whole, each label on one line, inside the panel', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await session.openApp({ colorScheme });
      await savePickerInPrivateFiles(page);
      await openOrderContract(page);
      // The fullest header: linked to a file (Save to …) and written in an older ODCS (Upgrade to …).
      await page.getByRole('button', { name: 'Save contract as…' }).click();
      await page.getByRole('button', { name: /^Save to / }).waitFor();
      await page.getByRole('button', { name: 'In side panel' }).click();
      const workspace = page.getByRole('complementary', { name: 'Side panel' }).getByTestId('contract-workspace');
      await workspace.getByRole('button', { name: /^Upgrade to / }).waitFor();
      await screenshot(page, `contract-side-panel-header-${colorScheme}`);

      const misplaced = await workspace.evaluate((element) => {
        const pane = element.closest('.side-panel__content') as HTMLElement;
        const paneBox = pane.getBoundingClientRect();
        const visible = { left: paneBox.left, right: paneBox.left + pane.clientWidth };
        const controls = [
          ...element.querySelectorAll<HTMLElement>(
            '.contract-workspace__tab-row button:not([tabindex="-1"]), .contract-workspace__bar button, .sync-badge, .version-chip',
          ),
        ];
        // The lines of the control's own text, not of the buttons inside it (the version's Upgrade).
        const linesOf = (control: HTMLElement) => {
          const ownText = [...control.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE);
          const lines = ownText.flatMap((node) => {
            const text = document.createRange();
            text.selectNodeContents(node);
            return [...text.getClientRects()].map((line) => Math.round(line.bottom));
          });
          return new Set(lines).size;
        };
        return [
          ...controls.flatMap((control) => {
            const box = control.getBoundingClientRect();
            const name = control.textContent?.trim();
            return [
              ...(box.left < visible.left - 0.5 || box.right > visible.right + 0.5
                ? [`${name}: ${Math.round(box.left)}–${Math.round(box.right)} past ${visible.left}–${visible.right}`]
                : []),
              ...(linesOf(control) > 1 ? [`${name}: on ${linesOf(control)} lines`] : []),
            ];
          }),
          ...(pane.scrollWidth > pane.clientWidth ? ['the panel scrolls sideways'] : []),
        ];
      });
      expect(misplaced).toEqual([]);
      for (const view of ['YAML', 'Form', 'Preview', 'Diff', 'Diagram']) {
        expect(
          await isOnScreen(workspace.getByRole('group', { name: 'View' }).getByRole('button', { name: view })),
        ).toBe(true);
      }
      await page.close();
    }
  });

  it('keeps the view switch and the actions where they are while the status above them changes as the user types', async () => {
    const page = await session.openApp();
    await openOrderContract(page);
    const workspace = page.getByTestId('contract-workspace');
    const places = () =>
      workspace.evaluate((element) =>
        [...element.querySelectorAll('[aria-label="View"] button, .contract-workspace__actions button')].map(
          (control) => {
            const { left, top } = control.getBoundingClientRect();
            return `${control.textContent}@${Math.round(left)},${Math.round(top)}`;
          },
        ),
      );
    const status = () => workspace.locator('.sync-badge').textContent();
    const before = await places();
    // A breaking change the version does not follow: an error, the longest status the contract gets.
    await caretAfter(page, 'logicalType: number');
    await page.keyboard.press('Enter');
    await page.keyboard.type('logicalTypeOptions: {maximum: 0}');
    await expect.poll(status).toBe('In the design, with 1 error');
    expect(await places()).toEqual(before);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(status).toBe('In sync with the design');
    expect(await places()).toEqual(before);

    await page.getByRole('button', { name: 'In side panel' }).click();
    const inSidePanel = await places();
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(status).toBe('In the design, with 1 error');
    expect(await places()).toEqual(inSidePanel);
  });
});
