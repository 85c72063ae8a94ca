import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { MIN_DOMAIN_SIZE } from '../../shared/editing/node-placement';
import { type Mesh, serializeMesh } from '../../shared/model';
import { paymentsRiskFinance, salesPipeline, withNotesAt } from '../unit/editing/editing-fixtures';
import { describeInChromium, inEachColorScheme, screenshot } from './app-driver';
import { openContract, yamlLinesStartingWith } from './contract-driver';
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
  nameOnceFocused,
  newBlankDesign,
  openByChooser,
  openSampleDesign,
  productNode,
  saveByDownload,
  selectDomain,
  viewAtRest,
} from './designer-driver';

/** Policy above Claims, Finance beside Claims; `policies` right above `claims`. */
const INSURANCE = readFileSync(join(import.meta.dirname, '../fixtures/mesh/insurance.mesh.json'), 'utf8');

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return box;
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const apart = (a: Box, b: Box) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

/** Every product and system on the page is drawn inside a domain's box. */
async function everyChildInsideADomain(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const domains = [...document.querySelectorAll('.react-flow__node-domain')].map((node) =>
      node.getBoundingClientRect(),
    );
    const children = [...document.querySelectorAll('.react-flow__node-product, .react-flow__node-system')];
    return children.every((child) => {
      const box = child.getBoundingClientRect();
      return domains.some(
        (domain) =>
          box.left >= domain.left && box.top >= domain.top && box.right <= domain.right && box.bottom <= domain.bottom,
      );
    });
  });
}

/** No two domains drawn over each other. */
async function domainsApart(page: Page): Promise<boolean> {
  const boxes = await domainBoxes(page);
  return boxes.every((a, index) => boxes.slice(index + 1).every((b) => apart(a, b)));
}

async function domainBoxes(page: Page): Promise<Box[]> {
  return page
    .locator('.react-flow__node-domain')
    .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON() as Box));
}

describeInChromium('the drawing tells the truth', (session) => {
  it('sends a product dragged onto empty canvas back into its domain, and says why', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const product = productNode(page, 'Data product 1b');
    const before = await boxOf(product);
    await drag(page, await centerOf(product.locator('.product-node__name')), await emptyCanvasPoint(page));
    expect(await page.getByRole('alert').textContent()).toContain('every product and system belongs to a domain');
    await expect.poll(() => boxOf(product)).toEqual(before);
    expect(inside(await boxOf(product), await boxOf(domainNode(page, 'Domain 1')))).toBe(true);
  });

  it('grows a domain to hold a product dragged half out of it', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const product = productNode(page, 'Data product 1a');
    const domain = await boxOf(domainNode(page, 'Domain 1'));
    const start = await centerOf(product.locator('.product-node__name'));
    // The product's middle stays inside the domain; its left half goes past the left edge.
    await drag(page, start, { x: domain.x + 40, y: start.y });
    expect(inside(await boxOf(product), await boxOf(domainNode(page, 'Domain 1')))).toBe(true);
    expect(await page.getByTestId('product-inspector').getByLabel('Domain').inputValue()).toBe('domain-1');
  });

  it('stops a domain resized smaller than its children at its children', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await selectDomain(page, 'Domain 1');
    const domain = domainNode(page, 'Domain 1');
    const corner = await centerOf(domain.locator('.react-flow__resize-control.bottom.right'));
    const box = await boxOf(domain);
    await drag(page, corner, { x: box.x + 60, y: box.y + 60 });
    await page.keyboard.press('Escape');
    expect(await everyChildInsideADomain(page)).toBe(true);
    for (const name of ['Data product 1a', 'Data product 1b']) {
      expect(inside(await boxOf(productNode(page, name)), await boxOf(domain))).toBe(true);
    }
  });

  it('keeps an empty domain drawn at its smallest size through auto-layout, a save and a reopen', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    await page.keyboard.press('d');
    await nameIt(page, 'Water Quality');
    await addProductByKey(page, 'Lab Samples');
    await page.keyboard.press('Escape');
    await page.keyboard.press('d');
    await nameIt(page, 'Field Operations');
    await page.keyboard.press('Escape');
    const pane = await emptyCanvasPoint(page);
    await page.mouse.click(pane.x, pane.y);
    await page.keyboard.press('l');
    // Laid out in a worker, which a busy machine slows: the notice says the design holds the layout.
    await page.locator('.status-bar .notice__text', { hasText: /^Laid out/ }).waitFor();
    // The layout animates for 400 ms.
    await page.waitForTimeout(1000);
    const empty = domainNode(page, 'Field Operations');
    expect((await boxOf(empty)).width).toBeGreaterThan(0);
    expect(await domainsApart(page)).toBe(true);
    const saved = await saveByDownload(page);
    const file = JSON.parse(saved.text) as Mesh;
    const emptyId = file.domains.find((domain) => domain.name === 'Field Operations')?.id ?? '';
    expect(file.layout.nodes[emptyId]).toMatchObject(MIN_DOMAIN_SIZE);
    await openByChooser(page, saved.name, saved.text);
    expect(await counts(page)).toMatch(/^2 domains · 1 product/);
    expect(await empty.isVisible()).toBe(true);
  });

  /** Opens the insurance design with its domains moved right and a note in the free space left of them, where auto-layout starts its grid. */
  async function openWithNoteWhereLayoutStarts(page: Page, noteLayout: Mesh['layout']['nodes'][string]): Promise<void> {
    const mesh = JSON.parse(INSURANCE) as Mesh;
    for (const domain of mesh.domains) {
      const layout = mesh.layout.nodes[domain.id];
      if (layout) layout.x += 1400;
    }
    mesh.notes = [{ id: 'workshop', text: 'Workshop 1: reefer plugs' }];
    mesh.layout.nodes.workshop = noteLayout;
    await openByChooser(page, 'noted.mesh.json', JSON.stringify(mesh));
  }

  it('moves a sticky note aside that auto-layout would put a domain under, so its title shows', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openWithNoteWhereLayoutStarts(page, { x: 20, y: 10, width: 240, height: 140 });
    await page.setViewportSize({ width: 1280, height: 800 });
    const pane = await emptyCanvasPoint(page);
    await page.mouse.click(pane.x, pane.y);
    await page.keyboard.press('l');
    // The layout animates for 400 ms.
    await page.waitForTimeout(1000);
    await page.keyboard.press('Shift+1');
    await page.waitForTimeout(600);
    const note = await boxOf(page.locator('.react-flow__node-note'));
    expect((await domainBoxes(page)).every((domain) => apart(note, domain))).toBe(true);
    await screenshot(page, 'auto-layout-note-aside');
  });

  it('fits the view after auto-layout around a note saved without a size, which the layout moved aside', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openWithNoteWhereLayoutStarts(page, { x: 20, y: 10 });
    await page.setViewportSize({ width: 1280, height: 800 });
    const note = page.locator('.react-flow__node-note');
    const before = await flowPosition(note);
    const pane = await emptyCanvasPoint(page);
    await page.mouse.click(pane.x, pane.y);
    await page.keyboard.press('l');
    await expect.poll(() => flowPosition(note)).not.toEqual(before);
    await viewAtRest(page);
    // The layout places domains in a worker: the note may be moved before the last domain lands.
    const isNoteApart = async () => {
      const noteBox = await boxOf(note);
      return (await domainBoxes(page)).every((domain) => apart(noteBox, domain));
    };
    await expect.poll(isNoteApart).toBe(true);
    expect(inside(await boxOf(note), await boxOf(page.getByTestId('canvas')))).toBe(true);
  });

  it('opens a file an earlier version saved with an empty domain of 0×0, drawing it at the default size and saying so', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const file = JSON.parse(INSURANCE) as Mesh;
    const domainId = file.domains[0]?.id ?? '';
    file.layout.nodes[domainId] = { ...file.layout.nodes[domainId], x: 0, y: 0, width: 0, height: 0 };
    await openByChooser(page, 'zero.mesh.json', JSON.stringify(file));
    expect(await page.getByRole('status').textContent()).toContain('repaired: 2 sizes of 0 or less');
    expect((await boxOf(page.locator(`.react-flow__node-domain[data-id="${domainId}"]`))).width).toBeGreaterThan(0);
    // Saved, the repair is a file the app reads again.
    const saved = await saveByDownload(page);
    await openByChooser(page, saved.name, saved.text);
    expect(await page.getByRole('status').textContent()).not.toContain('repaired');
  });

  it('pastes a domain in free space, overlapping no other domain', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await selectDomain(page, 'Orders');
    await page.keyboard.press('Control+d');
    await expect.poll(() => page.locator('.react-flow__node-domain').count()).toBe(5);
    const boxes = await domainBoxes(page);
    for (const [index, a] of boxes.entries()) {
      for (const b of boxes.slice(index + 1)) expect(apart(a, b)).toBe(true);
    }
    expect(await everyChildInsideADomain(page)).toBe(true);
  });

  it('lines up products of two domains without a domain over another or a product over another, light and dark', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'insurance.mesh.json', INSURANCE);
    const claims = productNode(page, 'claims');
    const policies = productNode(page, 'policies');
    const before = { claims: await flowPosition(claims), policies: await flowPosition(policies) };
    await claims.locator('.product-node__name').click();
    await policies.locator('.product-node__name').click({ modifiers: ['Shift'] });
    const inspector = await page.locator('.side-panel').boundingBox();
    for (const button of await page.getByRole('toolbar', { name: 'Arrange' }).getByRole('button').all()) {
      const box = await button.boundingBox();
      expect(box && inspector && box.x + box.width <= inspector.x + inspector.width).toBe(true);
    }
    await page.keyboard.press('Alt+Shift+T');

    await expect.poll(async () => (await boxOf(claims)).y).toBeCloseTo((await boxOf(policies)).y, 0);
    await page.keyboard.press('Shift+1');
    await page.waitForTimeout(500);
    await inEachColorScheme(page, async (colorScheme) => {
      expect(apart(await boxOf(claims), await boxOf(policies))).toBe(true);
      expect(await domainsApart(page)).toBe(true);
      expect(await everyChildInsideADomain(page)).toBe(true);
      await screenshot(page, `canvas-align-across-domains-${colorScheme}`);
    });

    // One undo step takes the alignment, the grown domain and the domain moved aside back at once.
    await page.keyboard.press('Control+z');
    await expect.poll(() => flowPosition(claims)).toEqual(before.claims);
    expect(await flowPosition(policies)).toEqual(before.policies);
    await inEachColorScheme(page, async () => expect(await domainsApart(page)).toBe(true));
  });

  it('carries the notes lying wholly on a dragged domain along, in the same undo step; a note only partly over it stays', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    // Sales is 700 × 300 at the origin: one note lies inside it, one hangs over its bottom right corner.
    const mesh = withNotesAt(salesPipeline(), {
      'on-sales': { text: 'Allergen labels', x: 40, y: 225, width: 200, height: 60 },
      'half-over-sales': { text: 'Workshop', x: 560, y: 250, width: 200, height: 100 },
    });
    await openByChooser(page, 'noted.mesh.json', serializeMesh(mesh));
    const note = (id: string) => page.locator(`.react-flow__node-note[data-id="${id}"]`);
    const positions = async () => ({
      sales: await flowPosition(domainNode(page, 'Sales')),
      on: await flowPosition(note('on-sales')),
      halfOver: await flowPosition(note('half-over-sales')),
    });
    const before = await positions();

    const title = await centerOf(domainNode(page, 'Sales').locator('.domain-node__title'));
    await drag(page, title, { x: title.x + 30, y: title.y + 250 });
    await expect.poll(async () => (await positions()).sales).not.toEqual(before.sales);
    const after = await positions();
    const moved = (from: { x: number; y: number }, to: { x: number; y: number }) => ({
      x: Math.round(to.x - from.x),
      y: Math.round(to.y - from.y),
    });
    expect(moved(before.on, after.on)).toEqual(moved(before.sales, after.sales));
    expect(after.halfOver).toEqual(before.halfOver);

    await page.keyboard.press('Control+z');
    await expect.poll(positions).toEqual(before);
  });

  it('selects with a Shift-drag box without selecting the text of the panels it passes', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const start = await emptyCanvasPoint(page);
    const statusBar = await boxOf(page.locator('.status-bar'));
    const inspector = await boxOf(page.locator('.side-panel'));
    await page.keyboard.down('Shift');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(inspector.x + 60, statusBar.y + 8, { steps: 12 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
  });
});

describeInChromium('grouping products into a domain', (session) => {
  it('puts the selected products in a new domain from the right-click menu, as one undo step', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const before = await flowPosition(productNode(page, 'Data product 2c'));
    await productNode(page, 'Data product 2b').locator('.product-node__name').click();
    await productNode(page, 'Data product 2c')
      .locator('.product-node__name')
      .click({ modifiers: ['Shift'] });
    await productNode(page, 'Data product 2c').locator('.product-node__name').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Group into Domain' }).click();
    // The view pans to the new domain as an animation: boxes measured during it disagree.
    await viewAtRest(page);

    expect(await counts(page)).toBe('3 domains · 5 products · 0 systems · 4 links');
    expect(await domainsApart(page)).toBe(true);
    const group = domainNode(page, 'Domain');
    for (const name of ['Data product 2b', 'Data product 2c']) {
      expect(inside(await boxOf(productNode(page, name)), await boxOf(group))).toBe(true);
    }
    expect(inside(await boxOf(productNode(page, 'Data product 2a')), await boxOf(domainNode(page, 'Domain 2')))).toBe(
      true,
    );
    await expect.poll(() => focusedField(page)).toEqual({ inspector: 'domain-inspector', text: 'Domain' });

    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');
    expect(await flowPosition(productNode(page, 'Data product 2c'))).toEqual(before);
  });

  it('moves products of several domains into a chosen one from the inspector, as one undo step', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await productNode(page, 'Data product 1a').locator('.product-node__name').click();
    await productNode(page, 'Data product 2c')
      .locator('.product-node__name')
      .click({ modifiers: ['Shift'] });
    const domainChoice = page.getByTestId('selection-inspector').getByLabel('Domain');
    expect(await domainChoice.locator('option:checked').textContent()).toBe('Several domains');
    await domainChoice.selectOption('domain-2');

    const domain2 = domainNode(page, 'Domain 2');
    for (const name of ['Data product 1a', 'Data product 2c']) {
      expect(inside(await boxOf(productNode(page, name)), await boxOf(domain2))).toBe(true);
    }
    expect(await domainsApart(page)).toBe(true);
    expect(await domainChoice.inputValue()).toBe('domain-2');
    await page.locator('.toolbar').getByRole('button', { name: 'Undo' }).click();
    expect(inside(await boxOf(productNode(page, 'Data product 1a')), await boxOf(domainNode(page, 'Domain 1')))).toBe(
      true,
    );
  });

  it('groups with Ctrl+G, the name typed at once giving the domain its id, and keeps the links drawn', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await productNode(page, 'Data product 1b').locator('.product-node__name').click();
    await page.keyboard.press('Control+g');
    await page.keyboard.type('Reporting');
    await page.keyboard.press('Enter');

    const reporting = domainNode(page, 'Reporting');
    expect(await reporting.count()).toBe(1);
    await viewAtRest(page);
    expect(inside(await boxOf(productNode(page, 'Data product 1b')), await boxOf(reporting))).toBe(true);
    // As for a domain added with D: the first name gives the id the exports write.
    await expect.poll(() => reporting.getAttribute('data-id')).toBe('reporting');
    expect(await counts(page)).toBe('3 domains · 5 products · 0 systems · 4 links');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);
  });

  it('groups products of several domains with Ctrl+G in a row in flow order, shrinks the emptied domains, and gives their shared owner', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    // Finance drawn left of Payments: Revenue Ledger stands left of Card Transactions, which feeds it.
    const mesh = paymentsRiskFinance();
    mesh.layout.nodes.finance = { x: 0, y: 0, width: 700, height: 300 };
    mesh.layout.nodes.payments = { x: 1600, y: 0, width: 700, height: 300 };
    for (const product of mesh.products) product.owner = 'team-money';
    await openByChooser(page, 'payments.mesh.json', serializeMesh(mesh));
    await productNode(page, 'Revenue Ledger').locator('.product-node__name').click();
    await productNode(page, 'Card Transactions')
      .locator('.product-node__name')
      .click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+g');
    await nameOnceFocused(page, 'domain-inspector', 'Money Flow');
    await expect.poll(() => domainNode(page, 'Money Flow').count()).toBe(1);

    const card = await flowPosition(productNode(page, 'Card Transactions'));
    const ledger = await flowPosition(productNode(page, 'Revenue Ledger'));
    expect(ledger.y).toBe(card.y);
    expect(ledger.x).toBeGreaterThan(card.x);
    await viewAtRest(page);
    const group = domainNode(page, 'Money Flow');
    for (const name of ['Card Transactions', 'Revenue Ledger']) {
      expect(inside(await boxOf(productNode(page, name)), await boxOf(group))).toBe(true);
    }
    expect(await domainsApart(page)).toBe(true);
    await selectDomain(page, 'Money Flow');
    await expect
      .poll(() => page.getByTestId('domain-inspector').getByLabel('Owner (team)').inputValue())
      .toBe('team-money');
    const saved = JSON.parse((await saveByDownload(page)).text) as Mesh;
    for (const emptied of ['payments', 'finance']) expect(saved.layout.nodes[emptied]).toMatchObject(MIN_DOMAIN_SIZE);
  });

  it('selects the grouped products again on undoing Ctrl+G, the focus on the first, as before the grouping', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const first = productNode(page, 'Data product 1a');
    const second = productNode(page, 'Data product 2c');
    await first.locator('.product-node__name').click();
    await second.locator('.product-node__name').click({ modifiers: ['Control'] });
    const grouped = [await first.getAttribute('data-id'), await second.getAttribute('data-id')];
    await page.keyboard.press('Control+g');
    await nameIt(page, 'Reporting');
    await expect.poll(() => domainNode(page, 'Reporting').count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => domainNode(page, 'Reporting').count()).toBe(0);
    await expect
      .poll(() =>
        page
          .locator('.react-flow__node.selected')
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id'))),
      )
      .toEqual(expect.arrayContaining(grouped));
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe(grouped[0]);
  });

  it("has a grouped product's contract name the new domain in its domain: line, one Undo naming the old one again", async () => {
    const page = await session.openApp();
    // The Shipment contract says `domain: shipping`, the slug of its domain's name (id shipping-domain).
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'shipments').locator('.product-node__name').click();
    await page.keyboard.press('Control+g');
    await nameIt(page, 'Last Mile');
    await expect.poll(() => domainNode(page, 'Last Mile').getAttribute('data-id')).toBe('last-mile');
    const pane = await emptyCanvasPoint(page);
    await page.mouse.click(pane.x, pane.y);
    await openContract(page, 'Shipment');
    await expect.poll(() => yamlLinesStartingWith(page, 'domain:')).toEqual(['domain: last-mile']);
    const notice = page.getByRole('status');
    expect(await notice.textContent()).toContain('Grouped 1 product into Last Mile');

    // The status line's Undo, still there once the domain is named, takes the grouping back with its name.
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => yamlLinesStartingWith(page, 'domain:')).toEqual(['domain: shipping']);
    expect(await domainNode(page, 'Last Mile').count()).toBe(0);
  });

  it('gives a new domain and its product ids from their first names in a design whose contracts name domains', async () => {
    const page = await session.openApp();
    // The sample's contracts say `domain: orders` and so on: no reason for a new domain to keep the id `domain`.
    await openSampleDesign(page, 'ecommerce');
    await page.keyboard.press('d');
    await nameIt(page, 'Returns');
    await expect.poll(() => domainNode(page, 'Returns').getAttribute('data-id')).toBe('returns');
    await addProductByKey(page, 'Return Requests');
    await expect
      .poll(() => productNode(page, 'Return Requests').getAttribute('data-id'))
      .toBe('returns-return-requests');
  });
});
