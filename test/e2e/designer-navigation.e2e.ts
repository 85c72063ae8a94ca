import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { serializeMesh } from '../../shared/model';
import { aMesh } from '../builders/mesh-builder';
import { describeInChromium, screenshot } from './app-driver';
import {
  centerOf,
  drag,
  emptyCanvasPoint,
  expectInside,
  newBlankDesign,
  openByChooser,
  openSampleDesign,
  productNode,
  systemNode,
  viewAtRest,
  zoomLevel,
} from './designer-driver';

/** Three domains of two products each, one above the other: a design about as tall as it is wide. */
function stackedDomains(): string {
  const builder = aMesh();
  const layout: Record<string, { x: number; y: number; width?: number; height?: number }> = {};
  for (const row of [1, 2, 3]) {
    builder.withDomain(`domain-${row}`, { name: `Domain ${row}` });
    layout[`domain-${row}`] = { x: 0, y: (row - 1) * 360, width: 900, height: 300 };
    for (const column of [1, 2]) {
      builder.withProduct(`product-${row}-${column}`, `domain-${row}`, { name: `Product ${row}.${column}` });
      layout[`product-${row}-${column}`] = { x: 40 + (column - 1) * 520, y: 60 };
    }
  }
  const mesh = builder.build();
  mesh.layout.nodes = layout;
  return serializeMesh(mesh);
}

/**
 * Where the grid's dots are on screen, in grid steps from the canvas's origin: whole numbers when
 * they sit on the grid points snapping uses (the layer lands on whole pixels: within half a pixel).
 */
async function dotGridPlacement(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const [panX, panY, zoom] = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/
      .exec(viewport.style.transform)!
      .slice(1)
      .map(Number) as [number, number, number];
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const dots = document.querySelector('.canvas-grid__dots')!;
    const layer = dots.getBoundingClientRect();
    const pattern = dots.querySelector('pattern')!;
    const spacing = Number(pattern.getAttribute('width'));
    // The layer's first dot is at its top-left corner (the pattern is shifted by half a step).
    return {
      spacing,
      zoom,
      patternX: Number(pattern.getAttribute('x')),
      stepsX: (layer.left - pane.left - panX) / spacing,
      stepsY: (layer.top - pane.top - panY) / spacing,
      halfPixelInSteps: 0.5 / spacing,
      layerTransform: (dots as SVGElement).style.transform,
    };
  });
}

async function searchTheDesign(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.getByLabel('Search the design').fill(query);
}

const firstResult = (page: Page) => page.getByTestId('dialog-quick-search').getByRole('option').first();

/** A jump brought `node` into the middle of the canvas. */
async function expectInMiddleOfCanvas(page: Page, node: Locator): Promise<void> {
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const middle = await centerOf(node);
  expect(Math.abs(middle.x - (canvas.x + canvas.width / 2))).toBeLessThan(40);
  expect(Math.abs(middle.y - (canvas.y + canvas.height / 2))).toBeLessThan(40);
}

describeInChromium('finding one’s way', (session) => {
  it('offers a blank mesh, a file or a sample when nothing is open, then hints at the first step', async () => {
    const page = await session.openApp();
    const start = page.getByRole('region', { name: 'Start' });
    expect(await start.getByRole('button', { name: 'New blank mesh' }).count()).toBe(1);
    expect(await start.getByRole('button', { name: 'Open file…' }).count()).toBe(1);
    expect(await start.getByTestId('sample-ecommerce').count()).toBe(1);
    await newBlankDesign(page);
    expect(await page.locator('.canvas-hint').textContent()).toContain('Start with a domain');
    await page.keyboard.press('d');
    expect(await page.locator('.canvas-hint').count()).toBe(0);
  });

  it('jumps to any element with quick search (Ctrl+K), selecting it and bringing it into view', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await searchTheDesign(page, 'sales dash');
    await expect.poll(() => firstResult(page).textContent()).toContain('sales-dashboard');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('dialog-quick-search').count()).toBe(0);
    expect(await page.getByTestId('product-inspector').getByLabel('Name').first().inputValue()).toBe('sales-dashboard');
    await page.waitForTimeout(500);
    await expectInMiddleOfCanvas(page, productNode(page, 'sales-dashboard'));

    await searchTheDesign(page, 'orders.public.order_lines');
    await expect.poll(() => firstResult(page).textContent()).toContain('topic of orders-service');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('dialog-quick-search').count()).toBe(0);
  });

  it('moves the keyboard focus with F8 to the node of the problem it selects, so the ring and the next keys are there', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await page.getByTestId('rf__edge-l-customers-360').click();
    await page.keyboard.press('Delete');
    await page.keyboard.press('Escape');
    const focusedNode = () =>
      page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null);
    const selectedNodes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.react-flow__node.selected')].map((node) => node.getAttribute('data-id')),
      );
    // The ring on the orders-service, which has no problem, selected as Enter selects it.
    await systemNode(page, 'orders-service').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+ArrowLeft');
    await page.keyboard.press('Enter');
    const start = await focusedNode();
    expect(start).not.toBeNull();

    await page.keyboard.press('F8');
    await expect.poll(selectedNodes).not.toEqual([start]);
    const [problemNode] = await selectedNodes();
    await expect.poll(focusedNode).toBe(problemNode);
  });

  it('finds a table’s column with quick search, and selects its system and brings it into view', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await searchTheDesign(page, 'full_name');
    await expect.poll(() => firstResult(page).textContent()).toBe('columnfull_namecustomers-service › customers');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('system-inspector').getByLabel('Name').first().inputValue()).toBe(
      'customers-service',
    );
    await viewAtRest(page);
    await expectInMiddleOfCanvas(page, systemNode(page, 'customers-service'));
  });

  it('finds a contract’s property with quick search, and opens the contract with the property selected', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await searchTheDesign(page, 'email customers');
    const options = page.getByTestId('dialog-quick-search').getByRole('option');
    await expect
      .poll(() => options.allTextContents())
      .toEqual(['columnemailcustomers-service › customers', 'propertyemailcustomers › Customers › customers']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('product-inspector').getByLabel('Name').first().inputValue()).toBe('customers');
    await page.locator('.yaml-editor .monaco-editor.focused').waitFor();
    // Brought into view in the canvas the contract panel leaves, not behind the panel.
    await viewAtRest(page);
    await expectInside(productNode(page, 'customers'), page.getByTestId('canvas'));
    expect(await page.getByTestId('contract-workspace').getByRole('tab', { selected: true }).textContent()).toContain(
      'Customer',
    );
    // The property's name is selected: copying takes it.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.keyboard.press('Control+c');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('email');
    const line = page.locator('.yaml-editor .view-line', { hasText: '- name: email' }).first();
    const top = (locator: typeof line) => locator.evaluate((element) => element.getBoundingClientRect().top);
    // Monaco reveals the property after it opens: the cursor reaches its line once the scroll settles.
    await expect
      .poll(async () => Math.abs((await top(page.locator('.yaml-editor .cursor').first())) - (await top(line))), {
        timeout: 5000,
      })
      .toBeLessThan(4);
  });

  it('finds a sticky note by the words it holds with quick search, and jumps to it', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await page.keyboard.press('n');
    // Keys typed before the note's text takes the focus go to the canvas's shortcuts.
    const noteText = page.getByTestId('note-inspector').getByLabel('Text (Markdown)');
    await expect.poll(() => noteText.evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.type('Allergen labels must come from the POS, never from the menu board');
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    for (let step = 0; step < 4; step++) await page.keyboard.press('=');

    await page.keyboard.press('Control+k');
    await page.getByLabel('Search the design').fill('menu board');
    const first = page.getByTestId('dialog-quick-search').getByRole('option').first();
    await expect
      .poll(() => first.textContent())
      .toBe('noteAllergen labels must come from the POS, never from the menu…sticky note');
    await page.keyboard.press('Enter');
    const note = page.locator('.react-flow__node-note');
    await expect.poll(() => note.getAttribute('class')).toContain('selected');
    await viewAtRest(page);
    await expectInMiddleOfCanvas(page, note);
  });

  it('says what a key’s command needs when it cannot run on what is selected (F with nothing selected)', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('f');
    const notice = page.getByRole('status').filter({ hasText: 'Focus on Lineage' });
    expect(await notice.textContent()).toContain('Focus on Lineage: select a product, a system or a link first');
    expect(await page.getByTestId('lineage-bar').count()).toBe(0);
  });

  it('zooms in, out and to fit, with keys and controls; shows a minimap', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const fitted = await zoomLevel(page);
    await page.keyboard.press('+');
    await expect.poll(() => zoomLevel(page)).toBeGreaterThan(fitted);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(() => zoomLevel(page)).toBeLessThan(fitted);
    await page.keyboard.press('Shift+1');
    await expect.poll(() => zoomLevel(page)).toBeCloseTo(fitted, 2);
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await expect.poll(() => zoomLevel(page)).toBeGreaterThan(fitted);
    expect(await page.getByTestId('rf__minimap').count()).toBe(1);
    // A small mesh's minimap shows each product and system inside its domain.
    const drawn = (kind: string) => page.locator(`.react-flow__minimap .minimap-node--${kind}:visible`).count();
    expect([await drawn('domain'), await drawn('product'), await drawn('system')]).toEqual([4, 5, 3]);
  });

  it('zooms to fit clear of the minimap and the zoom controls, where a drag from a port would pan instead of connecting', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openByChooser(page, 'stacked.mesh.json', stackedDomains());
    // Away from the view the design opened with, so the fit below is Shift+1's own.
    await page.keyboard.press('+');
    await page.keyboard.press('Shift+1');
    await page.waitForTimeout(600);
    const underOverlays = await page.evaluate(() => {
      const overlays = [...document.querySelectorAll('.react-flow__minimap, .react-flow__controls')].map((overlay) =>
        overlay.getBoundingClientRect(),
      );
      return [...document.querySelectorAll('.react-flow__node')].flatMap((node) => {
        const box = node.getBoundingClientRect();
        const isUnder = overlays.some(
          (overlay) =>
            box.left < overlay.right &&
            overlay.left < box.right &&
            box.top < overlay.bottom &&
            overlay.top < box.bottom,
        );
        return isUnder ? [node.getAttribute('data-id')] : [];
      });
    });
    expect(underOverlays).toEqual([]);
    expect(await page.locator('.react-flow__node-product').count()).toBe(6);
    await screenshot(page, 'canvas-zoom-to-fit-clear-of-minimap-light');
  });

  it('keeps the dot grid on the points snapping uses while the view pans, moving it without redrawing it', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const expectOnGridPoints = (placement: Awaited<ReturnType<typeof dotGridPlacement>>) => {
      expect(placement.spacing).toBeCloseTo(16 * placement.zoom, 3);
      for (const steps of [placement.stepsX, placement.stepsY]) {
        expect(Math.abs(steps - Math.round(steps))).toBeLessThanOrEqual(placement.halfPixelInSteps + 1e-6);
      }
    };
    const before = await dotGridPlacement(page);
    expectOnGridPoints(before);

    const from = await emptyCanvasPoint(page);
    await drag(page, from, { x: from.x + 37, y: from.y + 23 });
    const after = await dotGridPlacement(page);
    expectOnGridPoints(after);
    // A pan moves the layer; the dots it holds are the same (drawn once per zoom).
    expect(after.layerTransform).not.toBe(before.layerTransform);
    expect([after.spacing, after.patternX]).toEqual([before.spacing, before.patternX]);

    await page.keyboard.press('+');
    await expect.poll(async () => (await dotGridPlacement(page)).spacing).toBeGreaterThan(before.spacing);
    expectOnGridPoints(await dotGridPlacement(page));
  });

  it('lists every shortcut on ? and closes with Escape', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await page.keyboard.press('?');
    const sheet = page.getByTestId('dialog-shortcuts');
    expect(await sheet.textContent()).toContain('Undo');
    expect(await sheet.textContent()).toContain('Quick search');
    expect(await sheet.locator('kbd', { hasText: 'Ctrl+Shift+Z' }).count()).toBe(1);
    // A key is drawn one line high, however many lines its description takes.
    const keyHeights = await sheet.locator('kbd').evaluateAll((keys) => keys.map((key) => key.clientHeight));
    expect(Math.max(...keyHeights)).toBe(Math.min(...keyHeights));
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect.poll(() => sheet.count()).toBe(1);
  });

  it('follows the system’s dark theme, switches theme, and remembers the choice', async () => {
    const page = await session.openApp({ colorScheme: 'dark' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    expect(await background()).toBe('rgb(20, 23, 28)');
    await page.getByRole('button', { name: 'Theme: system' }).click();
    expect(await background()).toBe('rgb(246, 247, 249)');
    await page.reload();
    await page.waitForSelector('.app');
    expect(await page.getByRole('button', { name: 'Theme: light' }).count()).toBe(1);
    expect(await background()).toBe('rgb(246, 247, 249)');
  });

  it('resizes the side panel by its border and remembers the width', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const panel = page.getByRole('complementary', { name: 'Side panel' });
    const before = (await panel.boundingBox())!.width;
    const splitter = await centerOf(page.getByTestId('panel-splitter'));
    await page.mouse.move(splitter.x, splitter.y);
    await page.mouse.down();
    await page.mouse.move(splitter.x - 120, splitter.y, { steps: 6 });
    await page.mouse.up();
    const wider = (await panel.boundingBox())!.width;
    expect(wider).toBeGreaterThan(before + 100);
    await page.reload();
    await openSampleDesign(page, 'seed-logical-view');
    expect(Math.round((await panel.boundingBox())!.width)).toBe(Math.round(wider));
    expect(await panel.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected')).toBe('true');
  });
});
