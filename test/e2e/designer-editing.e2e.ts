import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { serializeMesh } from '../../shared/model';
import { aMesh } from '../builders/mesh-builder';
import { describeInChromium } from './app-driver';
import {
  addProductByKey,
  centerOf,
  counts,
  domainNode,
  drag,
  emptyCanvasPoint,
  flowPosition,
  focusedField,
  nameIt,
  openByChooser,
  openSampleDesign,
  productNode,
  selectDomain,
  shiftDrag,
} from './designer-driver';

/** A domain of two products, and a sticky note beside it. */
function concessionsWithNote(): string {
  const mesh = aMesh()
    .withDomain('concessions', { name: 'Concessions' })
    .withProduct('menu-items', 'concessions', { name: 'Menu Items' })
    .withProduct('prices', 'concessions', { name: 'Prices' })
    .withNote('note-1', 'Allergen labels must come from the POS')
    .build();
  mesh.layout.nodes = {
    concessions: { x: 0, y: 0, width: 700, height: 260 },
    'menu-items': { x: 40, y: 60 },
    prices: { x: 380, y: 60 },
    'note-1': { x: 0, y: 320, width: 240, height: 160 },
  };
  return serializeMesh(mesh);
}

const productName = (page: Page, name: string) => productNode(page, name).locator('.product-node__name');
const undoButton = (page: Page) => page.getByRole('button', { name: 'Undo' });
const selectionTitle = (page: Page) => page.getByTestId('selection-inspector').locator('h2').textContent();

describeInChromium('editing on the canvas', (session) => {
  it('undoes adding a product and naming it as one step, redoes both, and keeps a later rename its own step', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await selectDomain(page, 'Domain 1');
    const before = await counts(page);

    await addProductByKey(page, 'Orders');
    expect(await productNode(page, 'Orders').count()).toBe(1);
    await page.keyboard.press('Control+z');
    expect(await counts(page)).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    expect(await productNode(page, 'Orders').count()).toBe(1);

    await productName(page, 'Orders').click();
    await page.getByTestId('product-inspector').getByLabel('Product name').click();
    await page.keyboard.press('Control+a');
    await nameIt(page, 'Order lines');
    expect(await productNode(page, 'Order lines').count()).toBe(1);
    await page.keyboard.press('Control+z');
    expect(await productNode(page, 'Orders').count()).toBe(1);
  });

  it('undoes adding a note and its first text as one step', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const notes = page.locator('.react-flow__node-note');
    const before = await notes.count();
    await page.keyboard.press('n');
    await page.keyboard.type('Ask the sales team');
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    expect(await notes.filter({ hasText: 'Ask the sales team' }).count()).toBe(1);
    await page.keyboard.press('Control+z');
    expect(await notes.count()).toBe(before);
  });

  it('renames the selected product with F2, its letters typed into the name, not run as shortcuts, as one undo step', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'concessions.mesh.json', concessionsWithNote());
    const before = await counts(page);
    await productName(page, 'Menu Items').click();

    await page.keyboard.press('F2');
    await nameIt(page, 'Popcorn and Snacks');

    expect(await productNode(page, 'Popcorn and Snacks').count()).toBe(1);
    expect(await counts(page)).toBe(before);
    expect(await page.locator('.react-flow__node-note').count()).toBe(1);
    await page.keyboard.press('Control+z');
    expect(await productNode(page, 'Menu Items').count()).toBe(1);
    expect(await counts(page)).toBe(before);
    await expect
      .poll(() => page.locator('.status-bar .notice__text').textContent())
      .toBe('Undone: Renamed product “Menu Items” to “Popcorn and Snacks”');
  });

  it('renames a domain from a double-click on its name or the right-click menu; Escape keeps the old name', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'concessions.mesh.json', concessionsWithNote());
    const before = await counts(page);

    await domainNode(page, 'Concessions').locator('.domain-node__name').dblclick();
    await expect.poll(() => focusedField(page)).toEqual({ inspector: 'domain-inspector', text: 'Concessions' });
    await page.keyboard.type('Snack Bar');
    await page.keyboard.press('Escape');
    expect(await domainNode(page, 'Concessions').count()).toBe(1);
    expect(await counts(page)).toBe(before);

    await domainNode(page, 'Concessions').locator('.domain-node__name').click({ button: 'right' });
    await page.getByRole('menuitem', { name: /Rename/ }).click();
    await nameIt(page, 'Snack Bar');
    expect(await domainNode(page, 'Snack Bar').count()).toBe(1);
  });

  it('renames a product from a double-click on its name, as draw.io edits a label: the letters typed go into the name', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'concessions.mesh.json', concessionsWithNote());
    const before = await counts(page);

    await productName(page, 'Menu Items').dblclick();
    await expect.poll(() => focusedField(page)).toEqual({ inspector: 'product-inspector', text: 'Menu Items' });
    await nameIt(page, 'Snacks');
    expect(await productNode(page, 'Snacks').count()).toBe(1);
    expect(await counts(page)).toBe(before);
  });

  it('names a deleted sticky note by the start of its text, and counts notes as the selection does', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'concessions.mesh.json', concessionsWithNote());
    const note = page.locator('.react-flow__node-note');
    const notice = page.locator('.status-bar .notice__text');

    await note.click();
    await page.keyboard.press('Delete');
    expect(await notice.textContent()).toBe("Deleted note 'Allergen labels must come from the POS'");
    await page.keyboard.press('Control+z');
    expect(await notice.textContent()).toBe("Undone: Deleted note 'Allergen labels must come from the POS'");

    await note.click();
    await productName(page, 'Menu Items').click({ modifiers: ['Shift'] });
    expect(await selectionTitle(page)).toBe('2 nodes selected');
    await page.keyboard.press('Delete');
    expect(await notice.textContent()).toBe("Deleted Menu Items, note 'Allergen labels must come from the POS'");
    await page.keyboard.press('Control+z');

    await page.keyboard.press('Control+a');
    expect(await selectionTitle(page)).toBe('4 nodes selected');
    await page.keyboard.press('Delete');
    expect(await notice.textContent()).toBe('Deleted 4 nodes');
  });

  it('moves a product into another domain by dragging it there, says so, and undoes it as one step', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const start = await centerOf(productName(page, 'Data product 1b'));
    const before = await flowPosition(productNode(page, 'Data product 1b'));
    const target = (await domainNode(page, 'Domain 2').boundingBox())!;
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width * 0.55, target.y + target.height * 0.72, { steps: 15 });
    expect(await page.locator('.domain-node--drop-target .domain-node__name').textContent()).toBe('Domain 2');
    await page.mouse.up();

    expect(await page.getByTestId('product-inspector').getByLabel('Domain').inputValue()).toBe('domain-2');
    expect(await page.locator('.domain-node--drop-target').count()).toBe(0);
    expect(await page.locator('.status-bar .notice__text').textContent()).toMatch(
      /^Moved Data product 1b to Domain 2\b/,
    );
    await page.locator('.notice').getByRole('button', { name: 'Undo' }).click();
    expect(await page.getByTestId('product-inspector').getByLabel('Domain').inputValue()).toBe('domain-1');
    expect(await flowPosition(productNode(page, 'Data product 1b'))).toEqual(before);
    expect(await undoButton(page).isDisabled()).toBe(true);
  });

  it('drops a product into the domain under the pointer, though the product hangs out past its edge', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    // Held by the left end of its name, so most of the product trails right of the pointer, out of Domain 2.
    const name = (await productName(page, 'Data product 1b').boundingBox())!;
    const target = (await domainNode(page, 'Domain 2').boundingBox())!;
    await page.mouse.move(name.x + 10, name.y + 5);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width - 40, target.y + target.height - 30, { steps: 20 });
    expect(await page.locator('.domain-node--drop-target .domain-node__name').textContent()).toBe('Domain 2');
    await page.mouse.up();

    expect(await page.getByTestId('product-inspector').getByLabel('Domain').inputValue()).toBe('domain-2');
    const domain = (await domainNode(page, 'Domain 2').boundingBox())!;
    const product = (await productNode(page, 'Data product 1b').boundingBox())!;
    expect(product.x + product.width).toBeLessThanOrEqual(domain.x + domain.width);
  });

  it('moves a product to another domain from the inspector too', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await productName(page, 'Data product 2c').click();
    await page.getByTestId('product-inspector').getByLabel('Domain').selectOption('domain-1');
    const domain = (await domainNode(page, 'Domain 1').boundingBox())!;
    const product = (await productNode(page, 'Data product 2c').boundingBox())!;
    expect(product.y).toBeGreaterThan(domain.y);
    expect(product.y + product.height).toBeLessThan(domain.y + domain.height);
  });

  it('selects with shift-click, a box and select-all; deletes with links; undoes', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await productName(page, 'Data product 1a').click();
    await productName(page, 'Data product 1b').click({ modifiers: ['Shift'] });
    expect(await selectionTitle(page)).toBe('2 nodes selected');

    await page.keyboard.press('Escape');
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    const last = (await productNode(page, 'Data product 2c').boundingBox())!;
    const first = (await productNode(page, 'Data product 2a').boundingBox())!;
    await shiftDrag(
      page,
      { x: first.x - 10, y: first.y - 30 },
      { x: last.x + last.width + 10, y: last.y + last.height + 10 },
    );
    // The box holds 2a and 2c, which do not feed each other: their links to 2b, not wholly in it, stay unselected.
    expect(await selectionTitle(page)).toBe('2 nodes selected');
    expect(canvas.width).toBeGreaterThan(0);
    // Ctrl+click adds the node alone, not its link to 1b.
    await productName(page, 'Data product 1a').click({ modifiers: ['Control'] });
    expect(await selectionTitle(page)).toBe('3 nodes selected');
    // A box around both ends of a link holds the link too.
    await page.keyboard.press('Escape');
    const source = (await productNode(page, 'Data product 1a').boundingBox())!;
    const target = (await productNode(page, 'Data product 1b').boundingBox())!;
    await shiftDrag(
      page,
      { x: source.x - 10, y: source.y - 10 },
      { x: target.x + target.width + 10, y: Math.max(source.y + source.height, target.y + target.height) + 10 },
    );
    expect(await selectionTitle(page)).toBe('2 nodes and 1 link selected');

    await page.keyboard.press('Control+a');
    expect(await selectionTitle(page)).toBe('7 nodes and 4 links selected');
    await page.keyboard.press('Delete');
    expect(await counts(page)).toBe('0 domains · 0 products · 0 systems · 0 links');
    await page.keyboard.press('Control+z');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');

    await page.keyboard.press('Escape');
    await productName(page, 'Data product 2b').click();
    await page.keyboard.press('Backspace');
    expect(await counts(page)).toBe('2 domains · 4 products · 0 systems · 1 link');
  });

  it('selects one node alone by a plain click on it among several selected, so Delete takes only it; a drag moves them all', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'concessions.mesh.json', concessionsWithNote());
    await productName(page, 'Menu Items').click();
    await productName(page, 'Prices').click({ modifiers: ['Shift'] });
    expect(await selectionTitle(page)).toBe('2 nodes selected');

    // A drag of one of them takes the whole selection along and keeps it selected.
    const from = await centerOf(productName(page, 'Prices'));
    await drag(page, from, { x: from.x + 30, y: from.y + 40 });
    await expect.poll(() => selectionTitle(page)).toBe('2 nodes selected');

    // As in draw.io and Figma, a click without Shift or Ctrl narrows the selection to what it hits.
    await productName(page, 'Menu Items').click();
    await expect
      .poll(() =>
        page.locator('.react-flow__node.selected').evaluateAll((nodes) => nodes.map((node) => node.ariaLabel)),
      )
      .toEqual(['Product Menu Items in Concessions']);
    await page.keyboard.press('Delete');
    await expect.poll(() => counts(page)).toBe('1 domain · 1 product · 0 systems · 0 links · 1 note');
  });

  it('selects the dragged product on undoing and redoing its drag, not what was selected before the press', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'concessions.mesh.json', concessionsWithNote());
    await productName(page, 'Menu Items').click();
    const from = await centerOf(productName(page, 'Prices'));
    await drag(page, from, { x: from.x + 30, y: from.y + 40 });
    const selectedNodes = () =>
      page.locator('.react-flow__node.selected').evaluateAll((nodes) => nodes.map((node) => node.ariaLabel));

    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(selectedNodes).toEqual(['Product Prices in Concessions']);
    expect(await centerOf(productName(page, 'Prices'))).toEqual(from);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(selectedNodes).toEqual(['Product Prices in Concessions']);
  });

  it('copies, pastes, cuts and duplicates with fresh ids, keeping the links between the copies', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await productName(page, 'Data product 1a').click();
    await productName(page, 'Data product 1b').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    // Paste reads the system clipboard, which answers asynchronously.
    await expect.poll(() => counts(page)).toBe('2 domains · 7 products · 0 systems · 5 links');
    expect(await productNode(page, 'Data product 1a 2').count()).toBe(1);
    expect(await page.getByTestId('product-domain-1-data-product-1a-2').count()).toBe(1);
    // React Flow draws a link once both its nodes' handles are measured, a frame or more later.
    await page.getByTestId('rf__edge-domain-1-data-product-1a-2-to-domain-1-data-product-1b-2').waitFor();

    await page.keyboard.press('Control+d');
    expect(await counts(page)).toBe('2 domains · 9 products · 0 systems · 6 links');
    await page.getByRole('status').filter({ hasText: 'Duplicated Data product 1a 3, Data product 1b 3' }).waitFor();

    await page.keyboard.press('Escape');
    await productName(page, 'Data product 2c').click();
    await page.keyboard.press('Control+x');
    // Cut deletes once the system clipboard has taken the text, which answers asynchronously too.
    await expect.poll(() => counts(page)).toBe('2 domains · 8 products · 0 systems · 5 links');
    // A cut pasted back into its design comes back as it was, linked again to what is still there.
    await page.keyboard.press('Control+v');
    await expect.poll(() => counts(page)).toBe('2 domains · 9 products · 0 systems · 6 links');
    expect(await productNode(page, 'Data product 2c').count()).toBe(1);
  });

  it('nudges with the arrow keys; a run of nudges is one undo step', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const product = productNode(page, 'Data product 1a');
    const before = await flowPosition(product);
    await productName(page, 'Data product 1a').click();
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await flowPosition(product)).toEqual({ x: before.x + 3, y: before.y + 10 });
    await page.keyboard.press('Control+z');
    expect(await flowPosition(product)).toEqual(before);
  });

  it('drags as one undo step, and snaps to the grid when asked', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const product = productNode(page, 'Data product 2a');
    const before = await flowPosition(product);
    const start = await centerOf(productName(page, 'Data product 2a'));
    await drag(page, start, { x: start.x + 23, y: start.y + 41 });
    expect(await flowPosition(product)).not.toEqual(before);
    await page.keyboard.press('Control+z');
    expect(await flowPosition(product)).toEqual(before);
    expect(await undoButton(page).isDisabled()).toBe(true);

    await page.keyboard.press('g');
    expect(await page.getByRole('button', { name: 'Snap to grid' }).getAttribute('aria-pressed')).toBe('true');
    await drag(page, start, { x: start.x + 23, y: start.y + 41 });
    const snapped = await flowPosition(product);
    expect([snapped.x % 16, snapped.y % 16]).toEqual([0, 0]);
  });

  it('moves a domain, with what it holds, by its title; a drag inside a domain pans the view', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const domain = domainNode(page, 'Domain 1');
    const product = productNode(page, 'Data product 1a');
    const [domainBefore, productBefore] = [await flowPosition(domain), await flowPosition(product)];
    const title = await centerOf(domain.locator('.domain-node__name'));
    await drag(page, title, { x: title.x + 60, y: title.y - 40 });
    const [domainAfter, productAfter] = [await flowPosition(domain), await flowPosition(product)];
    expect(domainAfter.x - domainBefore.x).toBeGreaterThan(40);
    expect(productAfter.x - productBefore.x).toBeCloseTo(domainAfter.x - domainBefore.x, 0);

    const box = (await domain.boundingBox())!;
    const viewport = () => page.locator('.react-flow__viewport').getAttribute('style');
    const before = await viewport();
    await drag(
      page,
      { x: box.x + box.width - 30, y: box.y + box.height - 20 },
      { x: box.x + box.width - 130, y: box.y + box.height - 60 },
    );
    expect(await viewport()).not.toBe(before);
    expect(await flowPosition(domain)).toEqual(domainAfter);
  });

  it('pans with Space held down wherever the drag starts, a product or a domain’s title, moving nothing', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const domain = domainNode(page, 'Domain 1');
    const product = productNode(page, 'Data product 1a');
    const [domainBefore, productBefore] = [await flowPosition(domain), await flowPosition(product)];
    const viewport = () => page.locator('.react-flow__viewport').getAttribute('style');
    const empty = await emptyCanvasPoint(page);
    await page.mouse.click(empty.x, empty.y);

    for (const start of [
      await centerOf(productName(page, 'Data product 1a')),
      await centerOf(domain.locator('.domain-node__name')),
    ]) {
      const before = await viewport();
      await page.keyboard.down('Space');
      await drag(page, start, { x: start.x + 80, y: start.y + 50 });
      await page.keyboard.up('Space');
      await expect.poll(viewport).not.toBe(before);
    }
    expect(await flowPosition(product)).toEqual(productBefore);
    expect(await flowPosition(domain)).toEqual(domainBefore);
    expect(await undoButton(page).isDisabled()).toBe(true);
  });

  it('resizes a domain by its corner, as one undo step', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await selectDomain(page, 'Domain 1');
    const before = (await domainNode(page, 'Domain 1').boundingBox())!;
    const corner = await centerOf(
      domainNode(page, 'Domain 1').locator('.react-flow__resize-control.bottom.right').first(),
    );
    await drag(page, corner, { x: corner.x + 120, y: corner.y + 60 });
    const after = (await domainNode(page, 'Domain 1').boundingBox())!;
    expect(after.width).toBeGreaterThan(before.width + 80);
    expect(after.height).toBeGreaterThan(before.height + 30);
    await page.keyboard.press('Control+z');
    const undone = (await domainNode(page, 'Domain 1').boundingBox())!;
    expect(Math.round(undone.width)).toBe(Math.round(before.width));
  });

  it('adds from the palette by click into the selected domain, by drag where dropped, and refuses a drop outside domains', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await selectDomain(page, 'Domain 2');
    await page.getByTestId('palette-product').click();
    expect(await page.getByTestId('product-inspector').getByLabel('Domain').inputValue()).toBe('domain-2');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await selectDomain(page, 'Domain 2');
    await page.keyboard.press('s');
    expect(await page.getByTestId('system-inspector').getByLabel('Domain').inputValue()).toBe('domain-2');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    const domain = (await domainNode(page, 'Domain 1').boundingBox())!;
    await page.getByTestId('palette-system').dragTo(page.getByTestId('canvas'), {
      targetPosition: { x: domain.x + domain.width - 200, y: domain.y + domain.height - 40 },
    });
    expect(await page.getByTestId('system-inspector').getByLabel('Domain').inputValue()).toBe('domain-1');
    expect(await counts(page)).toBe('2 domains · 6 products · 2 systems · 4 links');

    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    const empty = await emptyCanvasPoint(page);
    await page.getByTestId('palette-product').dragTo(page.getByTestId('canvas'), {
      targetPosition: { x: empty.x - canvas.x, y: empty.y - canvas.y },
    });
    expect(await page.getByRole('alert').textContent()).toContain('Drop the product inside a domain');
    expect(await counts(page)).toBe('2 domains · 6 products · 2 systems · 4 links');
  });
});
