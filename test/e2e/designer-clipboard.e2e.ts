import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { fragmentToText } from '../../shared/editing/clipboard-text';
import { copyFragment } from '../../shared/editing/mesh-fragment';
import { serializeMesh } from '../../shared/model';
import { paymentsRiskFinance, salesPipeline, school, withNotesAt } from '../unit/editing/editing-fixtures';
import { describeInChromium, inEachColorScheme, overlappingOnScreen, screenshot } from './app-driver';
import { openContract, yamlLinesStartingWith } from './contract-driver';
import {
  box,
  centerOf,
  counts,
  domainNode,
  emptyCanvasPoint,
  flowPosition,
  openByChooser,
  openSampleDesign,
  productNode,
  selectDomain,
  systemNode,
  viewAtRest,
} from './designer-driver';

const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

async function allowClipboard(context: BrowserContext): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
}

/** Pastes with the pointer near the bottom right corner of a domain, once the view is at rest. */
async function pasteNearCornerOf(page: Page, domainName: string): Promise<void> {
  await viewAtRest(page);
  const box = (await domainNode(page, domainName).boundingBox())!;
  await page.mouse.move(box.x + box.width - 60, box.y + box.height - 30);
  await page.keyboard.press('Control+v');
}

/** Whether the node is drawn whole on the canvas, clear of the minimap and the zoom controls. */
async function isInView(page: Page, node: Locator): Promise<boolean> {
  const box = await node.boundingBox();
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!box || !canvas) return false;
  const overlays = await page
    .locator('.react-flow__minimap, .react-flow__controls')
    .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON()));
  const isInside =
    box.x >= canvas.x &&
    box.y >= canvas.y &&
    box.x + box.width <= canvas.x + canvas.width &&
    box.y + box.height <= canvas.y + canvas.height;
  const isCovered = overlays.some(
    (overlay) =>
      box.x < overlay.right &&
      overlay.left < box.x + box.width &&
      box.y < overlay.bottom &&
      overlay.top < box.y + box.height,
  );
  return isInside && !isCovered;
}

describeInChromium('copy and paste through the system clipboard', (session) => {
  it('says what Ctrl+C copied, counted, or that nothing is selected', async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'ecommerce');
    const notice = page.locator('.status-bar .notice__text');
    await page.keyboard.press('Control+c');
    await expect.poll(() => notice.allTextContents()).toEqual(['Copy: select something first']);

    await selectDomain(page, 'Orders');
    await page.keyboard.press('Control+c');
    await expect.poll(() => notice.allTextContents()).toEqual(['Copied 1 domain with 1 product and 1 system']);
    await expect.poll(() => readClipboard(page)).toContain('"orders-domain"');

    await productNode(page, 'customer-360').locator('.product-node__name').click();
    await productNode(page, 'shipments')
      .locator('.product-node__name')
      .click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+c');
    await expect.poll(() => notice.allTextContents()).toEqual(['Copied 2 products']);
  });

  it('pastes a domain with domains in the way at the free place nearest the pointer, above it, not past the domains below', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await allowClipboard(page.context());
    await openByChooser(page, 'school.mesh.json', serializeMesh(school()));
    await selectDomain(page, 'Enrolment');
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toContain('"format": "data-mesh-designer/elements"');
    await viewAtRest(page);
    // In the gap between Academics and Facilities, nearer Facilities: a copy at the pointer would cover it.
    const academics = (await domainNode(page, 'Academics').boundingBox())!;
    const facilities = (await domainNode(page, 'Facilities').boundingBox())!;
    const gapTop = academics.y + academics.height;
    const pointer = { x: academics.x + academics.width * 0.47, y: gapTop + (facilities.y - gapTop) * 0.7 };
    await page.mouse.move(pointer.x, pointer.y);
    await page.keyboard.press('Control+v');
    const copy = domainNode(page, 'Enrolment 2');
    await copy.waitFor();
    await viewAtRest(page);

    expect(await overlappingOnScreen(page, '.react-flow__node-domain', 'data-id')).toEqual([]);
    // Measured again: were the copy off screen, the view would follow it.
    const [above, below] = [await box(domainNode(page, 'Academics')), await box(domainNode(page, 'Facilities'))];
    const pasted = await box(copy);
    expect(pasted.y).toBeGreaterThanOrEqual(above.y + above.height);
    expect(pasted.y + pasted.height).toBeLessThanOrEqual(below.y);
    expect(await isInView(page, copy)).toBe(true);
  });

  it('copies as JSON text, and pastes at the pointer in free space', async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'seed-logical-view');
    await productNode(page, 'Data product 1a').locator('.product-node__name').click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toContain('"format": "data-mesh-designer/elements"');
    expect(JSON.parse(await readClipboard(page)).products[0].name).toBe('Data product 1a');

    await viewAtRest(page);
    const target = domainNode(page, 'Domain 2');
    const box = (await target.boundingBox())!;
    const pointer = { x: box.x + box.width - 60, y: box.y + box.height - 30 };
    await page.mouse.move(pointer.x, pointer.y);
    await page.keyboard.press('Control+v');
    await expect.poll(() => counts(page)).toBe('2 domains · 6 products · 0 systems · 4 links');
    expect(await page.getByTestId('product-inspector').getByLabel('Domain').inputValue()).toBe('domain-2');
    await viewAtRest(page);
    const pasted = await centerOf(page.locator('.react-flow__node-product.selected'));
    expect(Math.hypot(pasted.x - pointer.x, pasted.y - pointer.y)).toBeLessThan(200);
  });

  it('pastes what another window copied, and text edited in a text editor', async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'customer-360').locator('.product-node__name').click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toContain('customer-360');

    // Another window of the app, on another design, reads the same system clipboard.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await openSampleDesign(other, 'seed-logical-view');
    const text = JSON.parse(await readClipboard(other));
    text.products[0].name = 'Edited in a text editor';
    await other.evaluate((edited) => navigator.clipboard.writeText(edited), JSON.stringify(text));
    const domain = (await domainNode(other, 'Domain 1').boundingBox())!;
    await other.mouse.move(domain.x + domain.width / 2, domain.y + domain.height - 20);
    await other.keyboard.press('Control+v');
    await productNode(other, 'Edited in a text editor').waitFor();
    expect(await counts(other)).toBe('2 domains · 6 products · 0 systems · 4 links');
  });

  it('pastes nothing from broken text, and says where it is broken', async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'seed-logical-view');
    await page.evaluate(() =>
      navigator.clipboard.writeText(JSON.stringify({ format: 'data-mesh-designer/elements', version: 1, products: 7 })),
    );
    await page.keyboard.press('Control+v');
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('Nothing was pasted');
    expect(await alert.textContent()).toContain('products:');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');

    // Text edited by hand to link to an element it does not hold: named, not indexed, never 'undefined'.
    await productNode(page, 'Data product 1a').locator('.product-node__name').click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toContain('"format": "data-mesh-designer/elements"');
    const edited = JSON.parse(await readClipboard(page));
    edited.links = [{ id: 'nowhere', from: { nodeId: 'ghost', portId: 'out' }, to: { nodeId: 'ghost', portId: 'in' } }];
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(edited));
    await page.keyboard.press('Control+v');
    await expect.poll(() => alert.textContent()).toContain('the copied elements have 2 problems.');
    expect(await alert.textContent()).toContain("link 'nowhere': no port or topic 'out' on 'ghost'");
    expect(await alert.textContent()).not.toMatch(/undefined|\[\d+\]/);
  });

  it('pastes with Ctrl+V what another page put on the clipboard, with no permission to read it', async () => {
    const page = await session.openApp();
    await page.context().clearPermissions();
    await openSampleDesign(page, 'seed-logical-view');
    const copied = fragmentToText(copyFragment(salesPipeline(), new Set(['revenue'])));

    // Another browser profile (another app, as far as this page knows) writes the system clipboard.
    const elsewhere = await page.context().browser()!.newContext();
    try {
      await elsewhere.grantPermissions(['clipboard-write']);
      const writer = await elsewhere.newPage();
      await writer.goto(page.url());
      await writer.evaluate((text) => navigator.clipboard.writeText(text), copied);
    } finally {
      await elsewhere.close();
    }

    await page.bringToFront();
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+v');
    await productNode(page, 'Revenue').waitFor();
    expect(await counts(page)).toContain('· 6 products ·');
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('says why Ctrl+V on the canvas pasted nothing when the clipboard is empty', async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'seed-logical-view');
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+v');
    const notice = page.locator('.status-bar .notice__text');
    await expect.poll(() => notice.textContent()).toContain('Nothing to paste: the clipboard holds no copied domains');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');
  });

  it('says from the menu’s Paste that the app was not allowed to read the clipboard when the browser refuses, not that it holds nothing', async () => {
    const page = await session.openApp();
    await page.context().clearPermissions();
    await openSampleDesign(page, 'seed-logical-view');
    // No paste event brings the clipboard's text here: the app has to read it, which the browser refuses.
    const empty = await emptyCanvasPoint(page);
    await page.mouse.click(empty.x, empty.y, { button: 'right' });
    await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Paste', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('the app was not allowed to read the clipboard');
    expect(await alert.textContent()).toContain('Allow this page clipboard access');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');
  });

  it('pastes products copied from different domains side by side, as they were on the canvas', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await allowClipboard(page.context());
    await openByChooser(page, 'payments.mesh.json', serializeMesh(paymentsRiskFinance()));
    await productNode(page, 'Card Transactions').locator('.product-node__name').click();
    await productNode(page, 'Revenue Ledger')
      .locator('.product-node__name')
      .click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toContain('revenue-ledger');
    const centre = (id: string) => centerOf(page.locator(`.react-flow__node[data-id="${id}"]`));
    const apart = async (from: string, to: string) => {
      const [a, b] = [await centre(from), await centre(to)];
      return { x: Math.round(b.x - a.x), y: Math.round(b.y - a.y) };
    };
    const originalsApart = await apart('card-transactions', 'revenue-ledger');
    const risk = (await domainNode(page, 'Risk').boundingBox())!;
    await page.mouse.move(risk.x + risk.width - 80, risk.y + risk.height - 40);
    await page.keyboard.press('Control+v');
    await expect.poll(() => counts(page)).toBe('3 domains · 5 products · 0 systems · 2 links');
    await page.waitForTimeout(500);

    // Risk grows to hold the copies and pushes Finance aside, so the originals are measured as copied.
    expect(await apart('risk-card-transactions', 'risk-revenue-ledger')).toEqual(originalsApart);
    expect(await overlappingOnScreen(page, '.react-flow__node-product', 'data-id')).toEqual([]);
    expect(await overlappingOnScreen(page, '.react-flow__node-domain', 'data-id')).toEqual([]);
    await page.mouse.move(0, 0);
    await screenshot(page, 'canvas-paste-from-two-domains-light');
  });

  it('moves aside the sticky notes that a domain growing to take a paste, or a neighbour it pushes, would cover', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await allowClipboard(page.context());
    // Sales (700 × 300) with Analytics right of it; one note just below Sales, one just right of Analytics.
    const mesh = withNotesAt(salesPipeline(), {
      'below-sales': { text: 'Workshop', x: 100, y: 340, width: 240, height: 120 },
      'beside-analytics': { text: 'Stock runs low on Fridays', x: 1240, y: 40, width: 240, height: 120 },
    });
    await openByChooser(page, 'pipeline.mesh.json', serializeMesh(mesh));
    const notes = '.react-flow__node-domain, .react-flow__node-note';
    expect(await overlappingOnScreen(page, notes, 'data-id')).toEqual([]);
    const note = (id: string) => page.locator(`.react-flow__node-note[data-id="${id}"]`);
    const before = {
      below: await flowPosition(note('below-sales')),
      beside: await flowPosition(note('beside-analytics')),
    };

    await productNode(page, 'Orders').locator('.product-node__name').click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toContain('"format": "data-mesh-designer/elements"');
    await viewAtRest(page);
    // Near Sales' bottom right corner, where the copy makes Sales grow down and right.
    const sales = (await domainNode(page, 'Sales').boundingBox())!;
    await page.mouse.move(sales.x + sales.width * 0.8, sales.y + sales.height * 0.87);
    await page.keyboard.press('Control+v');
    await expect.poll(() => counts(page)).toMatch(/^2 domains · 3 products/);

    await expect.poll(() => overlappingOnScreen(page, notes, 'data-id')).toEqual([]);
    expect(await flowPosition(note('below-sales'))).not.toEqual(before.below);
    expect(await flowPosition(note('beside-analytics'))).not.toEqual(before.beside);
    expect(await note('below-sales').textContent()).toContain('Workshop');
  });

  it("has a pasted product's contract name the domain it lands in, the original's still naming its own", async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    // The Shipment contract says `domain: shipping`, the slug of its domain's name (id shipping-domain).
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'shipments').locator('.product-node__name').click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toContain('"format": "data-mesh-designer/elements"');
    await pasteNearCornerOf(page, 'Customers');
    await expect
      .poll(() => page.getByTestId('product-inspector').getByLabel('Domain').inputValue())
      .toBe('customers-domain');
    await page.keyboard.press('Escape');
    await openContract(page, 'Shipment 2');
    await expect.poll(() => yamlLinesStartingWith(page, 'domain:')).toEqual(['domain: customers']);
    await openContract(page, 'Shipment');
    await expect.poll(() => yamlLinesStartingWith(page, 'domain:')).toEqual(['domain: shipping']);
  });

  it('numbers the service name chosen by hand of a copied system, after an underscore', async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'ecommerce');
    await systemNode(page, 'orders-service').locator('.system-node__name').click();
    const serviceName = page.getByTestId('system-inspector').getByLabel('Service name');
    await serviceName.fill('mnr-system');
    await serviceName.press('Enter');
    await page.keyboard.press('Escape');
    await systemNode(page, 'orders-service').locator('.system-node__name').click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toContain('"mnr-system"');

    await pasteNearCornerOf(page, 'Orders');

    await expect.poll(() => counts(page)).toMatch(/ 4 systems /);
    await expect.poll(() => serviceName.inputValue()).toBe('mnr-system_2');
  });

  it('cuts with Ctrl+X as one undo step, and pastes the cut back as it was, linked to the rest, then copies', async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'ecommerce');
    const notice = page.locator('.status-bar .notice__text');
    const whole = '4 domains · 5 products · 3 systems · 8 links';
    expect(await counts(page)).toBe(whole);
    await page.keyboard.press('Control+x');
    await expect.poll(() => notice.textContent()).toBe('Cut: select something first');

    // customer-360 reads customers and orders and feeds sales-dashboard: three links to the rest.
    await productNode(page, 'customer-360').locator('.product-node__name').click();
    await page.keyboard.press('Control+x');
    await expect.poll(() => notice.textContent()).toBe('Cut customer-360, 3 links and its contract CustomerProfile');
    expect(await counts(page)).toBe('4 domains · 4 products · 3 systems · 5 links');
    await expect.poll(() => readClipboard(page)).toContain('"customer-360"');
    await page.keyboard.press('Control+z');
    await expect.poll(() => counts(page)).toBe(whole);

    await productNode(page, 'customer-360').locator('.product-node__name').click();
    await page.keyboard.press('Control+x');
    await expect.poll(() => counts(page)).toBe('4 domains · 4 products · 3 systems · 5 links');
    await pasteNearCornerOf(page, 'Analytics');
    await expect.poll(() => counts(page)).toBe(whole);
    expect(await notice.textContent()).toBe('Pasted customer-360, 3 links and its contract CustomerProfile');
    expect(await productNode(page, 'customer-360').getAttribute('data-id')).toBe('customer-360');

    await page.keyboard.press('Control+v');
    await productNode(page, 'customer-360 2').waitFor();
    expect(await counts(page)).toBe('4 domains · 6 products · 3 systems · 8 links');
  });

  it('pastes with Ctrl+V on the canvas after a dialog closed by one of its buttons, which leaves the page’s caret outside the canvas', async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'ecommerce');
    await page.getByRole('button', { name: 'Image of the canvas…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('Escape');

    await productNode(page, 'customer-360').locator('.product-node__name').click();
    await page.keyboard.press('Control+x');
    await expect.poll(() => counts(page)).toBe('4 domains · 4 products · 3 systems · 5 links');
    await pasteNearCornerOf(page, 'Analytics');
    await expect.poll(() => counts(page)).toBe('4 domains · 5 products · 3 systems · 8 links');
  });

  it('pastes with Ctrl+V onto the canvas while a toolbar button has the focus, as Ctrl+C copies from there', async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'shipments').locator('.product-node__name').click();
    const toolbarButton = page.getByRole('toolbar', { name: 'Commands' }).getByRole('button', { name: /^Export/ });
    await toolbarButton.focus();
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toContain('"shipments"');

    await page.keyboard.press('Control+v');
    await expect.poll(() => counts(page)).toContain('· 6 products ·');
  });

  it("says what a paste put back in place of the cut's notice, its Undo taking back the paste", async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'shipments').locator('.product-node__name').click();
    await page.keyboard.press('Control+d');
    await productNode(page, 'shipments 2').locator('.product-node__name').waitFor();
    await page.keyboard.press('Control+x');
    const notice = page.locator('.status-bar .notice__text');
    await expect.poll(() => notice.textContent()).toBe('Cut shipments 2 and its contract Shipment 2');
    await expect.poll(() => readClipboard(page)).toContain('"format": "data-mesh-designer/elements"');

    await pasteNearCornerOf(page, 'Customers');
    await expect.poll(() => notice.textContent()).toBe('Pasted shipments 2 and its contract Shipment 2');
    await page.locator('.status-bar').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => productNode(page, 'shipments 2').count()).toBe(0);
  });

  it('pastes with the pointer over empty canvas into the nearest domain, in view and clear of the rest, light and dark', async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'orders').locator('.product-node__name').click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toContain('"format": "data-mesh-designer/elements"');
    // Empty canvas just below Shipping: the copies go into Shipping, as near the pointer as it reaches.
    const shipping = (await domainNode(page, 'Shipping').boundingBox())!;
    const pointer = { x: shipping.x + shipping.width / 2, y: shipping.y + shipping.height + 30 };
    const selected = page.locator('.react-flow__node-product.selected');
    const pasteAtPointer = async (name: string) => {
      await page.mouse.move(pointer.x, pointer.y);
      await page.keyboard.press('Control+v');
      const inspector = page.getByTestId('product-inspector');
      const shown = async () =>
        `${await inspector.getByLabel('Product name', { exact: true }).inputValue()} in ${await inspector.getByLabel('Domain').inputValue()}`;
      await expect.poll(shown).toBe(`${name} in shipping-domain`);
      return `.react-flow__node[data-id="${await selected.getAttribute('data-id')}"]`;
    };
    // Free among Shipping's products, the first copy keeps its name.
    const copies = [await pasteAtPointer('orders'), await pasteAtPointer('orders 2')];
    const first = await centerOf(page.locator(copies[0] as string));
    expect(Math.hypot(first.x - pointer.x, first.y - pointer.y)).toBeLessThan(300);
    await page.waitForTimeout(500);
    await inEachColorScheme(page, async (colorScheme) => {
      for (const copy of copies) expect(await isInView(page, page.locator(copy))).toBe(true);
      const children = '.react-flow__node-product, .react-flow__node-system';
      expect(await overlappingOnScreen(page, children, 'data-id')).toEqual([]);
      expect(await overlappingOnScreen(page, '.react-flow__node-domain', 'data-id')).toEqual([]);
      await screenshot(page, `canvas-paste-over-empty-canvas-${colorScheme}`);
    });
  });

  /** Copies the e-commerce sample's Orders domain and pastes it over empty canvas: Orders 2, selected with its nodes. */
  async function pasteCopyOfOrders(page: Page): Promise<void> {
    await allowClipboard(page.context());
    await openSampleDesign(page, 'ecommerce');
    await selectDomain(page, 'Orders');
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toContain('"format": "data-mesh-designer/elements"');
    const empty = await emptyCanvasPoint(page);
    await page.mouse.move(empty.x, empty.y);
    await page.keyboard.press('Control+v');
    await domainNode(page, 'Orders 2').waitFor();
  }

  it('selects a pasted domain with the products and systems it holds, so they can be arranged at once', async () => {
    const page = await session.openApp();
    await pasteCopyOfOrders(page);
    const inspector = page.getByTestId('selection-inspector');
    expect(await inspector.locator('.inspector__title').textContent()).toBe('3 nodes and 2 links selected');
    expect(await page.locator('.react-flow__node.selected').count()).toBe(3);
    expect(await inspector.getByRole('button', { name: 'Align left' }).isEnabled()).toBe(true);
  });

  it('offers no Domain field for a pasted domain selected with its nodes, which would move them into their own domain', async () => {
    const page = await session.openApp();
    await pasteCopyOfOrders(page);
    const inspector = page.getByTestId('selection-inspector');
    await inspector.getByRole('button', { name: 'Group into new domain' }).waitFor();
    expect(await inspector.getByLabel('Domain', { exact: true }).count()).toBe(0);
  });

  it('follows a duplicated domain with the view when the copy lands off screen', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await selectDomain(page, 'Orders');
    await page.keyboard.press('Shift+2');
    await page.waitForTimeout(500);
    await page.keyboard.press('Control+d');
    const copy = domainNode(page, 'Orders 2');
    await copy.waitFor();
    await expect.poll(() => isInView(page, copy), { timeout: 3_000 }).toBe(true);
    expect(await overlappingOnScreen(page, '.react-flow__node-domain', 'data-id')).toEqual([]);
    await screenshot(page, 'canvas-duplicate-domain-light');
  });
});
