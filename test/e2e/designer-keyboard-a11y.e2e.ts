import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { type Mesh, serializeMesh } from '../../shared/model';
import { aMesh, aPort, aSystem } from '../builders/mesh-builder';
import { describeInChromium, screenshot } from './app-driver';
import { caretAfter, EDIT_CONTEXT_SETTLE_MILLIS, yamlLinesStartingWith } from './contract-driver';
import { contrastOfText } from './contrast-driver';
import {
  addProductByKey,
  counts,
  domainNode,
  emptyCanvasPoint,
  focusedField,
  nameIt,
  nameOnceFocused,
  newBlankDesign,
  openByChooser,
  openSampleDesign,
  productNode,
  systemNode,
} from './designer-driver';

/** The contrast ratio (WCAG) of a menu item's key against what is drawn behind it. */
function contrastOfKeyOn(item: Locator): Promise<number> {
  return contrastOfText(item.locator('kbd'));
}

/** Orders in Sales feeds Revenue in Analytics: two products, one link, side by side. */
function ordersToRevenue(): string {
  const mesh = aMesh()
    .withDomain('sales', { name: 'Sales' })
    .withDomain('analytics', { name: 'Analytics' })
    .withProduct('orders', 'sales', { name: 'Orders', outputPorts: [aPort('orders-out', 'output')] })
    .withProduct('revenue', 'analytics', {
      name: 'Revenue',
      inputPorts: [aPort('orders-in', 'input'), aPort('refunds-in', 'input')],
    })
    .withLink(
      'orders-to-revenue',
      { nodeId: 'orders', portId: 'orders-out' },
      { nodeId: 'revenue', portId: 'orders-in' },
    )
    .build();
  mesh.layout.nodes = {
    sales: { x: 0, y: 0, width: 400, height: 300 },
    analytics: { x: 600, y: 0, width: 400, height: 300 },
    orders: { x: 40, y: 60 },
    revenue: { x: 40, y: 60 },
  };
  return serializeMesh(mesh);
}

/** Orders to Revenue, with a Work Order System in Sales whose CDC topic feeds nothing yet. */
function withShopSystem(): string {
  const mesh = JSON.parse(ordersToRevenue());
  const shop = aSystem('shop', 'sales', { name: 'Work Order System' });
  const [topic] = shop.messaging.topics;
  if (topic) topic.name = 'work_order_system.public.items';
  mesh.systems.push(shop);
  mesh.layout.nodes.shop = { x: 40, y: 160 };
  return JSON.stringify(mesh);
}

/**
 * Orders to Revenue, with a copy of Revenue pasted into Sales: it keeps its name there. Revenue
 * also sends, and Orders also receives: a link from Revenue back to Orders would close a loop.
 */
function withRevenueCopyInSales(): string {
  const mesh = JSON.parse(ordersToRevenue());
  const [orders, revenue] = mesh.products;
  orders.inputPorts.push(aPort('returns-in', 'input'));
  revenue.outputPorts.push(aPort('revenue-out', 'output'));
  const copy = aMesh()
    .withProduct('revenue-copy', 'sales', { name: 'Revenue', inputPorts: [aPort('orders-in', 'input')] })
    .build().products;
  mesh.products.push(...copy);
  mesh.layout.nodes['revenue-copy'] = { x: 200, y: 160 };
  return JSON.stringify(mesh);
}

/** Orders to Revenue, with the Work Order System, Revenue's one input fed by Orders: nothing left for a second source. */
function withRevenueFedFully(): string {
  const mesh = JSON.parse(withShopSystem());
  const revenue = mesh.products.find((product: { id: string }) => product.id === 'revenue');
  revenue.inputPorts = revenue.inputPorts.filter((port: { id: string }) => port.id === 'orders-in');
  return JSON.stringify(mesh);
}

/** A Work Order System beside Orders, which feeds the one input of each of twelve reports: every input the system could feed is fed. */
function withTwelveFedReports(): string {
  const builder = aMesh()
    .withDomain('sales', { name: 'Sales' })
    .withDomain('analytics', { name: 'Analytics' })
    .withSystem('shop', 'sales', { name: 'Work Order System' })
    .withProduct('orders', 'sales', { name: 'Orders', outputPorts: [aPort('orders-out', 'output')] });
  const layout: Mesh['layout']['nodes'] = {
    sales: { x: 0, y: 0, width: 400, height: 500 },
    analytics: { x: 600, y: 0, width: 1000, height: 900 },
    shop: { x: 40, y: 60 },
    orders: { x: 40, y: 300 },
  };
  for (let number = 1; number <= 12; number++) {
    const id = `report-${number}`;
    builder
      .withProduct(id, 'analytics', { name: `Report ${number}`, inputPorts: [aPort('orders-in', 'input')] })
      .withLink(`orders-to-${id}`, { nodeId: 'orders', portId: 'orders-out' }, { nodeId: id, portId: 'orders-in' });
    layout[id] = { x: 40 + ((number - 1) % 3) * 310, y: 60 + Math.floor((number - 1) / 3) * 200 };
  }
  const mesh = builder.build();
  mesh.layout.nodes = layout;
  return serializeMesh(mesh);
}

/** Whether a list's chosen text, in its own font, fits inside it beside the arrow. */
function fitsItsList(list: Locator): Promise<boolean> {
  return list.evaluate((select: HTMLSelectElement) => {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return false;
    const style = getComputedStyle(select);
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const arrowAndPadding = 32;
    return context.measureText(select.selectedOptions[0]?.text ?? '').width + arrowAndPadding <= select.clientWidth;
  });
}

/** Opens Connect… on the Work Order System of a design that has one. */
async function connectWorkOrderSystem(page: Page, design: string): Promise<Locator> {
  await openByChooser(page, 'shop.mesh.json', design);
  await page.locator('.react-flow__node[data-id="shop"]').click();
  await page.keyboard.press('c');
  const dialog = page.getByTestId('dialog-connect');
  await dialog.waitFor();
  return dialog;
}

/** Opens Connect… on Orders in a design where Sales holds a copy of Revenue (two products named Revenue). */
async function connectOrdersBesideRevenueCopy(page: Page): Promise<Locator> {
  await openByChooser(page, 'orders.mesh.json', withRevenueCopyInSales());
  await page.locator('.react-flow__node[data-id="orders"]').click();
  await page.keyboard.press('c');
  const dialog = page.getByTestId('dialog-connect');
  await dialog.waitFor();
  return dialog;
}

/** What has the focus: its data-id on the canvas, its test id or aria-label elsewhere, or `body`. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    return element.dataset.id ?? element.dataset.testid ?? element.getAttribute('aria-label') ?? element.tagName;
  });
}

const selectedNodes = (page: Page) =>
  page
    .locator('.react-flow__node.selected')
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.id));

/** The outline drawn around the focused node's body (its first child), as the eye sees it. */
const focusedNodeOutline = (page: Page) =>
  page.evaluate(() => {
    const body = document.activeElement?.firstElementChild;
    return body ? getComputedStyle(body).outlineStyle : 'none';
  });

/** The regions F6 takes the focus to, press after press, by their class. */
async function regionsF6Visits(page: Page, presses: number): Promise<string[]> {
  const visited: string[] = [];
  for (let press = 0; press < presses; press++) {
    await page.keyboard.press('F6');
    visited.push(
      await page.evaluate(() => {
        const regions = ['toolbar', 'palette', 'mesh-canvas', 'contract-panel', 'side-panel', 'status-bar'];
        return regions.find((region) => document.activeElement?.closest(`.${region}`)) ?? 'body';
      }),
    );
  }
  return visited;
}

/** A new design with one product in one domain, and a new contract for it open in the editor. */
async function productWithNewContract(page: Page, name: string): Promise<void> {
  await newBlankDesign(page);
  await page.keyboard.press('d');
  await nameIt(page, 'Tenancies');
  await addProductByKey(page, name);
  await page.getByTestId('product-inspector').getByRole('button', { name: 'New contract' }).click();
}

/** Holds back the app's request for Monaco, as on a slow first load, until the returned function is called. */
async function holdMonaco(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/editor\.api-[^/]*\.js(\?.*)?$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

async function openDesign(page: Page): Promise<void> {
  await openByChooser(page, 'orders.mesh.json', ordersToRevenue());
  await page.waitForSelector('.react-flow__node-product');
}

describeInChromium('the canvas from the keyboard alone', (session) => {
  it('keeps the focus on a selected node through Undo and Redo of a paste', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openDesign(page);
    await page.locator('.react-flow__node-product').first().click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => selectedNodes(page)).toHaveLength(1);
    const [pasted] = await selectedNodes(page);

    await page.keyboard.press('Control+z');
    await expect.poll(() => focused(page)).not.toBe('body');
    expect(await focused(page)).not.toBe(pasted);

    await page.keyboard.press('Control+y');
    await expect.poll(() => focused(page)).toBe(pasted);
  });

  it('gives the focus to a product at once when Enter ends its first name', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('p');
    await page.keyboard.type('Ticket Sales');
    await page.evaluate(() => {
      document.addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'Enter')
            setTimeout(() => {
              const focused = document.activeElement as HTMLElement;
              document.body.dataset.focusAfterEnter = focused === document.body ? 'body' : focused.className;
            }, 0);
        },
        { once: true, capture: true },
      );
    });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.body.dataset.focusAfterEnter)).toBeDefined();
    expect(await page.evaluate(() => document.body.dataset.focusAfterEnter)).toContain('react-flow__node');
  });

  it('names nodes and links by their names, and rings, selects and inspects the node the keys reach', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    expect(await page.locator('.react-flow__node[data-id="orders"]').getAttribute('aria-label')).toBe(
      'Product Orders in Sales',
    );
    expect(await page.locator('.react-flow__edge[data-id="orders-to-revenue"]').getAttribute('aria-label')).toBe(
      'Link from Orders (orders-out) to Revenue (orders-in)',
    );

    // The arrow keys' highlight and the focus move together, and the focus is seen.
    await page.keyboard.press('Alt+ArrowLeft');
    await page.keyboard.press('Alt+ArrowLeft');
    expect(await focused(page)).toBe('orders');
    expect(await focusedNodeOutline(page)).not.toBe('none');

    // Tab goes on to the next node as the page reads: the Analytics domain, then Revenue inside it.
    // Enter selects it and opens its inspector, as a click does.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('analytics');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('revenue');
    expect(await focusedNodeOutline(page)).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await selectedNodes(page)).toEqual(['revenue']);
    expect(await page.getByTestId('product-inspector').getByLabel('Name').first().inputValue()).toBe('Revenue');

    // Space too, on the node that has the focus.
    await page.keyboard.press('Escape');
    expect(await selectedNodes(page)).toEqual([]);
    await page.keyboard.press(' ');
    expect(await selectedNodes(page)).toEqual(['revenue']);
  });

  it('tabs from the toolbar to the nodes in reading order, each domain before its nodes, then to the links', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'shop.mesh.json', withShopSystem());
    await page.waitForSelector('.react-flow__node-system');
    await page.getByRole('toolbar', { name: 'Commands' }).getByRole('button').last().focus();
    const reached: string[] = [];
    for (let press = 0; press < 40 && reached.length < 6; press++) {
      await page.keyboard.press('Tab');
      const onCanvas = await page.evaluate(() => document.activeElement?.closest('[data-testid="canvas"]') !== null);
      if (onCanvas) reached.push(await focused(page));
    }
    expect(reached).toEqual(['sales', 'orders', 'shop', 'analytics', 'revenue', 'orders-to-revenue']);

    // Shift+Tab goes back the same way, and out of the canvas before its first node.
    for (const back of ['revenue', 'analytics', 'shop', 'orders', 'sales']) {
      await page.keyboard.press('Shift+Tab');
      expect(await focused(page)).toBe(back);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="canvas"]') ?? null)).toBeNull();
  });

  it('opens the context menu with Shift+F10 or the menu key, at the selection, on its first item', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.locator('.react-flow__node[data-id="revenue"]').click();
    await page.keyboard.press('Shift+F10');
    const menu = page.getByTestId('context-menu');
    await menu.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    const node = (await page.locator('.react-flow__node[data-id="revenue"]').boundingBox())!;
    const at = (await menu.boundingBox())!;
    expect(at.x).toBeGreaterThanOrEqual(node.x - 1);
    expect(at.x).toBeLessThanOrEqual(node.x + node.width);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    await page.keyboard.press('Escape');
    await page.keyboard.press('ContextMenu');
    await menu.waitFor();
    // Nothing selected: the canvas's own menu.
    expect(await menu.getByRole('menuitem', { name: 'Select All' }).count()).toBe(1);
  });

  it('shows the key of the menu item the keyboard is on, readable on its highlight', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.locator('.react-flow__node[data-id="revenue"]').click();
    await page.keyboard.press('Shift+F10');
    await page.getByTestId('context-menu').waitFor();
    await page.keyboard.press('ArrowDown');
    const highlighted = page.locator('[role="menuitem"]:focus');
    expect(await highlighted.locator('kbd').textContent()).not.toBe('');
    expect(await contrastOfKeyOn(highlighted)).toBeGreaterThanOrEqual(3);
  });

  it('gives the focus back to the node its menu was opened on, when Escape closes the menu or an item runs', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.locator('.react-flow__node[data-id="revenue"]').click();
    const menu = page.getByTestId('context-menu');
    await page.keyboard.press('Shift+F10');
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('revenue');

    await page.keyboard.press('Shift+F10');
    await menu.getByRole('menuitem', { name: 'Lock or Unlock' }).focus();
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('revenue');
  });

  it('links two ports from the keyboard alone: Connect, pick both ends, a fed input shown but not to pick', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.keyboard.press('Alt+ArrowLeft');
    await page.keyboard.press('Alt+ArrowLeft');
    await page.keyboard.press('Enter');
    expect(await selectedNodes(page)).toEqual(['orders']);

    await page.keyboard.press('c');
    const dialog = page.getByTestId('dialog-connect');
    await dialog.waitFor();
    // Each list's name starts with the label shown beside it (WCAG 2.5.3), so "click From" reaches it.
    const from = dialog.getByRole('combobox', { name: 'From: port of Orders to link' });
    const to = dialog.getByRole('combobox', { name: 'To: input port it feeds' });
    const chosen = (list: typeof from) => list.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text);
    expect(await focused(page)).toBe('Filter: product, port or domain to link to');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('From: port of Orders to link');
    expect(await chosen(from)).toBe('Orders · orders-out');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('To: input port it feeds');
    // A free input comes first; one already fed follows in its own group, saying what feeds it, not to pick.
    expect(await chosen(to)).toBe('Revenue · refunds-in');
    const fed = to.locator('optgroup[label^="Fed already: linking is refused"] option');
    expect(await fed.allTextContents()).toEqual(['Revenue · orders-in (fed by Orders · orders-out)']);
    expect(await fed.isDisabled()).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await chosen(to)).toBe('Revenue · refunds-in');

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Connect');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const newLink = page.locator(
      '.react-flow__edge[aria-label="Link from Orders (orders-out) to Revenue (refunds-in)"]',
    );
    expect(await newLink.count()).toBe(1);
    expect(await newLink.getAttribute('class')).toContain('selected');
    await expect.poll(() => focused(page)).toBe('orders');

    // One undo step takes the link away.
    await page.keyboard.press('Control+z');
    expect(await page.locator('.react-flow__edge').count()).toBe(1);
    expect(await newLink.count()).toBe(0);
  });

  it('moves an end of a link from the keyboard alone: Tab to it, Enter, R, pick where it goes; Undo puts it back', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    const linkTo = (port: string) =>
      page.locator(`.react-flow__edge[aria-label="Link from Orders (orders-out) to Revenue (${port})"]`);
    await page.keyboard.press('Alt+ArrowLeft');
    await page.keyboard.press('Alt+ArrowLeft');
    expect(await focused(page)).toBe('orders');
    // Tab takes the nodes in reading order, then the links.
    for (const _ of ['analytics', 'revenue', 'orders-to-revenue']) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('orders-to-revenue');
    await page.keyboard.press('Enter');
    await expect.poll(() => linkTo('orders-in').getAttribute('class')).toContain('selected');

    await page.keyboard.press('r');
    const dialog = page.getByTestId('dialog-move-link-end');
    await dialog.waitFor();
    const move = dialog.getByRole('combobox', { name: 'Move: the end of the link to move' });
    const to = dialog.getByRole('combobox', { name: 'To: input port it feeds' });
    const chosen = (list: typeof to) => list.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text);
    expect(await focused(page)).toBe('Filter: product, port or domain to link to');
    expect(await chosen(move)).toBe('Its target, Revenue · orders-in');
    // The port it is on now is not offered; the one it could move to is picked first.
    expect(await to.locator('option').allTextContents()).toEqual(['Revenue · refunds-in']);
    await page.keyboard.press('Enter');

    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('.react-flow__edge').count()).toBe(1);
    expect(await linkTo('refunds-in').getAttribute('class')).toContain('selected');
    await expect.poll(() => focused(page)).toBe('orders-to-revenue');
    expect(await page.locator('.status-bar .notice__text').textContent()).toContain('Relinked');

    // One undo step puts it back where it was.
    await page.keyboard.press('Control+z');
    await expect.poll(() => linkTo('orders-in').count()).toBe(1);
    expect(await linkTo('refunds-in').count()).toBe(0);
  });

  it("offers Move link end… in a selected link's inspector, opening the same picker", async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.locator('.react-flow__edge').first().focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('link-inspector').getByRole('button', { name: 'Move link end…' }).click();
    await page.getByTestId('dialog-move-link-end').waitFor();
  });

  it('links a system with the documented keys: Tab to From, ↓, Tab, the free input first in To, Tab, Enter; Enter on a list links too', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1024, height: 700 });
    await openByChooser(page, 'shop.mesh.json', withShopSystem());
    await page.locator('.react-flow__node[data-id="shop"]').click();
    const linkToRefunds = page.locator(
      '.react-flow__edge[aria-label^="Link from Work Order System"][aria-label$="to Revenue (refunds-in)"]',
    );

    await page.keyboard.press('c');
    const dialog = page.getByTestId('dialog-connect');
    await dialog.waitFor();
    const from = dialog.getByRole('combobox', { name: 'From: port of Work Order System to link' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await linkToRefunds.count()).toBe(1);

    await page.keyboard.press('Control+z');
    expect(await linkToRefunds.count()).toBe(0);
    await page.locator('.react-flow__node[data-id="shop"]').click();
    await page.keyboard.press('c');
    await dialog.waitFor();
    // The longest choice is read whole at 1024 px, not cut off by the list's edge.
    expect(await fitsItsList(from)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await linkToRefunds.count()).toBe(1);

    // refunds-in is fed now, as orders-in is: a second source would be refused, so nothing is to pick, and the dialog says what to do instead.
    await page.locator('.react-flow__node[data-id="orders"]').click();
    await page.keyboard.press('c');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Every input port it could feed is fed already');
    expect(await dialog.getByRole('button', { name: 'Connect', exact: true }).isDisabled()).toBe(true);
  });

  it('offers to add an input port to a product whose inputs are all fed and link to it, one undo step for both', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const dialog = await connectWorkOrderSystem(page, withRevenueFedFully());
    await page.keyboard.type('revenue');
    const linkToNewPort = page.locator(
      '.react-flow__edge[aria-label^="Link from Work Order System"][aria-label$="to Revenue (input)"]',
    );

    await dialog.getByRole('button', { name: 'Add an input port on Revenue and link' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await linkToNewPort.count()).toBe(1);
    expect(
      await page.locator('.react-flow__node[data-id="revenue"] .product-node__inputs .port').allTextContents(),
    ).toEqual(['orders-in', 'input']);

    await page.keyboard.press('Control+z');
    expect(await linkToNewPort.count()).toBe(0);
    expect(await page.locator('.react-flow__node[data-id="revenue"] .product-node__inputs .port').count()).toBe(1);
  });

  it('offers a new input port on the first few fed products only, and on the others once the filter names them', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const dialog = await connectWorkOrderSystem(page, withTwelveFedReports());
    const offers = dialog.getByRole('button', { name: /^Add an input port on / });

    expect(await offers.allTextContents()).toEqual([
      'Add an input port on Report 1 and link',
      'Add an input port on Report 2 and link',
      'Add an input port on Report 3 and link',
    ]);
    expect(await dialog.textContent()).toContain('9 more products: type a product’s name in the filter');
    await page.keyboard.type('Report 12');
    expect(await offers.allTextContents()).toEqual(['Add an input port on Report 12 and link']);
    expect(await dialog.textContent()).not.toContain('more products');
  });

  it('cuts a long name in the Connect heading at two lines, whole in its tooltip', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const name = 'Near Misses Reported At Level Crossings By Signallers And Train Crews '.repeat(5).trim();
    const mesh = JSON.parse(withShopSystem());
    mesh.products[0].name = name;
    await openByChooser(page, 'orders.mesh.json', JSON.stringify(mesh));
    await page.locator('.react-flow__node[data-id="orders"]').click();
    await page.keyboard.press('c');
    const heading = page.getByTestId('dialog-connect').getByRole('heading');
    await heading.waitFor();

    const { height, lineHeight } = await heading.evaluate((element) => ({
      height: element.getBoundingClientRect().height,
      lineHeight: Number.parseFloat(getComputedStyle(element).lineHeight),
    }));
    expect(height).toBeCloseTo(2 * lineHeight, 0);
    expect(await heading.getAttribute('title')).toBe(name);
  });

  it('puts the focus on the copy Ctrl+D makes, where the selection and the inspector go', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.keyboard.press('Alt+ArrowLeft');
    await page.keyboard.press('Alt+ArrowLeft');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('orders');

    await page.keyboard.press('Control+d');
    await expect.poll(() => selectedNodes(page)).toHaveLength(1);
    const [copy] = await selectedNodes(page);
    expect(copy).not.toBe('orders');
    await expect.poll(() => focused(page)).toBe(copy);
  });

  it('narrows the targets of Connect… to what the filter names, says when nothing matches, and links with ↓ and Enter from it', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const dialog = await connectOrdersBesideRevenueCopy(page);
    const to = dialog.getByRole('combobox', { name: 'To: input port it feeds' });
    const options = () => to.locator('option').allTextContents();
    expect(await focused(page)).toBe('Filter: product, port or domain to link to');

    await page.keyboard.type('LOCKERS');
    expect(await dialog.textContent()).toContain('No port matches “LOCKERS”');
    expect(await options()).toEqual([]);
    await page.getByLabel('Filter: product, port or domain to link to').fill('');
    await page.keyboard.type('sales');
    expect(await options()).toEqual(['Revenue (Sales) · orders-in']);
    await page.getByLabel('Filter: product, port or domain to link to').fill('');
    await page.keyboard.type('REVENUE');
    expect(await options()).toHaveLength(3);
    await page.keyboard.press('ArrowDown');
    expect(await to.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)).toBe(
      'Revenue (Sales) · orders-in',
    );
    const links = page.locator('.react-flow__edge');
    const linksBefore = await links.count();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => links.count()).toBe(linksBefore + 1);

    // From Revenue, Orders is upstream: its input comes last and marked; the fed one before it is not to pick, so the loop's is chosen.
    await page.locator('.react-flow__node[data-id="revenue"]').click();
    await page.keyboard.press('c');
    await dialog.waitFor();
    expect(await options()).toEqual([
      'Revenue (Sales) · orders-in (fed by Orders · orders-out)',
      'Orders · returns-in (upstream: makes a loop)',
    ]);
    await page.keyboard.press('ArrowUp');
    expect(await to.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)).toBe(
      'Orders · returns-in (upstream: makes a loop)',
    );
    // Linked anyway, the status line names the loop.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('.status-bar .notice__text').textContent())
      .toBe(
        'Linked Revenue (Analytics) · revenue-out to Orders · returns-in — this closes a loop: Revenue → Orders → Revenue',
      );
  });

  it('offers Connect… in a product’s right-click menu, and gives the focus back to it on Escape', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.locator('.react-flow__node[data-id="revenue"]').click();
    await page.keyboard.press('Shift+F10');
    await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Connect…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('dialog-connect');
    await dialog.waitFor();
    // An input port starts the list of Revenue, which sends nothing: the other end is an output or a topic.
    expect(await dialog.getByRole('combobox', { name: 'To: output port or topic that feeds it' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('revenue');
  });

  it('names the domain of products that share a name, in Connect… and in quick search', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const dialog = await connectOrdersBesideRevenueCopy(page);
    const to = dialog.getByRole('combobox', { name: 'To: input port it feeds' });
    const options = (list: Locator) => list.locator('option').allTextContents();
    expect(await options(to)).toEqual([
      'Revenue (Analytics) · refunds-in',
      'Revenue (Sales) · orders-in',
      'Revenue (Analytics) · orders-in (fed by Orders · orders-out)',
    ]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.keyboard.press('Control+k');
    await page.getByLabel('Search the design').fill('orders-in');
    const results = page.getByTestId('dialog-quick-search').locator('.quick-search__context');
    expect(await results.allTextContents()).toEqual([
      'input port of Revenue (Analytics)',
      'input port of Revenue (Sales)',
    ]);
  });

  it('shows the inspector of the node Ctrl+K jumps to, where the Problems tab was shown, so F6 goes to its Name', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.keyboard.press('Control+Shift+M');
    await expect.poll(() => page.getByRole('tab', { name: 'Problems' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Control+k');
    await page.getByLabel('Search the design').fill('Revenue');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('revenue');
    expect(await page.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('F6');
    expect(await focusedField(page)).toEqual({ inspector: 'product-inspector', text: 'Revenue' });
  });

  it('makes the side panel’s tabs one Tab stop, the arrow keys, Home and End moving between them and showing each', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    const tabs = page.locator('.side-panel [role="tab"]');
    const tabStops = () => tabs.evaluateAll((all) => all.map((tab) => (tab as HTMLElement).tabIndex));
    const shown = () => page.locator('.side-panel [role="tab"][aria-selected="true"]').textContent();
    expect(await tabStops()).toEqual([0, -1, -1]);
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Problems');
    expect(await shown()).toBe('Problems');
    expect(await tabStops()).toEqual([-1, 0, -1]);
    await page.keyboard.press('End');
    expect(await shown()).toBe('Impact');
    await page.keyboard.press('ArrowRight');
    expect(await shown()).toBe('Inspector');
    await page.keyboard.press('ArrowLeft');
    expect(await shown()).toBe('Impact');
    await page.keyboard.press('Home');
    expect(await shown()).toBe('Inspector');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Inspector');
  });

  it('makes a new contract for the selected product’s output port from the command palette, as the inspector’s New contract does', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    const palette = page.getByTestId('dialog-commands');
    const firstCommand = palette.getByRole('option').first();
    const searchNewContract = async (nodeId: string) => {
      await page.locator(`.react-flow__node[data-id="${nodeId}"]`).click();
      await page.keyboard.press('F1');
      await page.keyboard.type('new contract for');
      expect(await firstCommand.textContent()).toContain('New Contract for the Selected Output Port');
    };
    await searchNewContract('revenue');
    expect(await firstCommand.getAttribute('aria-disabled')).toBe('true');
    expect(await firstCommand.textContent()).toContain('select a product with an output port without a contract first');
    await page.keyboard.press('Escape');
    await searchNewContract('orders');
    expect(await firstCommand.getAttribute('aria-disabled')).not.toBe('true');
    await page.keyboard.press('Enter');
    await page.locator('.yaml-editor .view-line', { hasText: 'kind: DataContract' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true);
    const inspector = page.getByTestId('product-inspector');
    expect(await inspector.getByRole('button', { name: 'Edit contract' }).count()).toBe(1);
    expect(await inspector.getByRole('button', { name: 'New contract' }).count()).toBe(0);
  });

  it('puts the focus on a node just added and named with Enter, under the id its name gave it', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.locator('.react-flow__node[data-id="orders"]').click();
    await page.keyboard.press('d');
    await nameIt(page, 'Hazardous Waste');
    await expect.poll(() => focused(page)).toBe('hazardous-waste');
    await page.keyboard.press('p');
    await nameIt(page, 'Battery Returns');
    await expect.poll(() => focused(page)).toBe('hazardous-waste-battery-returns');
  });

  it('gives the focus back to the selected node on Escape in any inspector field, so the next key adds (the QA’s pools)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    await page.keyboard.press('d');
    await nameOnceFocused(page, 'domain-inspector', 'Leisure');
    await page.keyboard.press('s');
    await expect.poll(async () => (await focusedField(page))?.inspector).toBe('system-inspector');
    await page.keyboard.type('booking-service');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('leisure-booking-service');
    expect(await systemNode(page, 'booking-service').count()).toBe(1);
    await page.keyboard.press('p');
    await nameOnceFocused(page, 'product-inspector', 'Lane Bookings');
    await expect.poll(() => productNode(page, 'Lane Bookings').count()).toBe(1);
  });

  it('types into a new element’s name what was typed before its field took the focus', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.locator('.react-flow__node[data-id="orders"]').click();
    // P, its command run (a microtask later), then the name, before the inspector can render the
    // name field: as keys come on a busy machine.
    await page.evaluate(async () => {
      const press = (key: string) =>
        document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      press('p');
      await Promise.resolve();
      for (const key of 'Dm Sync') press(key);
    });
    await expect.poll(async () => (await focusedField(page))?.text).toBe('Dm Sync');
    await page.keyboard.press('Enter');
    expect(await productNode(page, 'Dm Sync').count()).toBe(1);
    // Not run as shortcuts: d a domain, m the Mermaid dialog, S a system.
    expect(await page.locator('.react-flow__node').count()).toBe(5);
    expect(await page.locator('dialog[open]').count()).toBe(0);
  });

  it('shows the inspector with the new element’s name field focused whatever the side panel showed, or hid', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    await page.getByRole('tab', { name: 'Problems' }).click();
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 100 } });
    await page.keyboard.press('d');
    await nameIt(page, 'Reefer Yard');
    // Typed into the name field, not run as shortcuts (d: a domain, M: Mermaid, p: a product).
    expect(await domainNode(page, 'Reefer Yard').count()).toBe(1);
    expect(await page.locator('.react-flow__node').count()).toBe(1);
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected')).toBe('true');
    await screenshot(page, 'add-domain-from-problems-tab');

    // With the side panel hidden, adding shows it: the name field is there to type into.
    await page.keyboard.press('F1');
    await page.keyboard.type('side panel');
    await page.keyboard.press('Enter');
    await page.getByRole('complementary', { name: 'Side panel' }).waitFor({ state: 'detached' });
    await page.keyboard.press('p');
    await nameIt(page, 'Reefer Plugs');
    expect(await productNode(page, 'Reefer Plugs').count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected')).toBe('true');
  });

  it('puts the focus in the contract editor that New contract opens, to type at once', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    await page.keyboard.press('d');
    await nameIt(page, 'Terminal Operations');
    await addProductByKey(page, 'Crane Moves');
    const newContract = page.getByTestId('product-inspector').getByRole('button', { name: 'New contract' });
    await newContract.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('product-inspector').getByRole('button', { name: 'Edit contract' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="yaml-editor"]')))
      .toBe(true);
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# typed at once');
    await expect.poll(() => page.locator('.view-line', { hasText: '# typed at once' }).count()).toBe(1);
    await screenshot(page, 'new-contract-focused');
  });

  it('puts the focus on the node quick search jumps to', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.keyboard.press('Control+k');
    await page.getByLabel('Search the design').fill('Revenue');
    await page.keyboard.press('Enter');
    await page.getByTestId('dialog-quick-search').waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('revenue');
  });

  it('keeps the focus off <body> after Enter or Escape in a name field and when a dialog closes', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.locator('.react-flow__node[data-id="revenue"]').click();
    const inspector = page.getByTestId('product-inspector');
    await inspector.getByLabel('Name').first().fill('Revenue 2');
    await inspector.getByLabel('Name').first().press('Enter');
    expect(await focused(page)).toBe('revenue');
    await inspector.getByLabel('Name of port orders-in').fill('orders');
    await inspector.getByLabel('Name of port orders').press('Escape');
    expect(await focused(page)).toBe('revenue');

    const exportButton = page.locator('button', { hasText: /^Export…$/ });
    await exportButton.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('dialog-export').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('dialog-export').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export…');

    const newButton = page.locator('button', { hasText: /^New$/ });
    await newButton.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('prompt').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('prompt').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('New');
  });

  it('puts the focus on the canvas when what had it goes: Delete, Ctrl+X, the right-click menu’s and the palette’s Delete, the inspector’s Delete', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openDesign(page);
    const revenue = page.locator('.react-flow__node[data-id="revenue"]');
    const removals: Record<string, () => Promise<void>> = {
      'Delete key': () => page.keyboard.press('Delete'),
      'Ctrl+X': () => page.keyboard.press('Control+x'),
      'right-click menu': async () => {
        await page.keyboard.press('Shift+F10');
        await page.getByRole('menuitem', { name: 'Delete' }).focus();
        await page.keyboard.press('Enter');
      },
      'command palette': async () => {
        await page.keyboard.press('Control+Shift+P');
        await page.keyboard.type('Delete');
        await page.keyboard.press('Enter');
      },
      'inspector’s Delete': async () => {
        await page.keyboard.press('Control+a');
        await page.getByTestId('selection-inspector').getByRole('button', { name: 'Delete' }).focus();
        await page.keyboard.press('Enter');
      },
    };
    const focusAfter: Record<string, string> = {};
    for (const [way, remove] of Object.entries(removals)) {
      await revenue.click();
      await remove();
      await revenue.waitFor({ state: 'detached' });
      await page.waitForTimeout(100);
      focusAfter[way] = await focused(page);
      await page.keyboard.press('Control+z');
      await revenue.waitFor();
    }
    expect(focusAfter).toEqual(Object.fromEntries(Object.keys(removals).map((way) => [way, 'canvas'])));

    await revenue.click();
    await page.keyboard.press('Delete');
    await expect.poll(() => focused(page)).toBe('canvas');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('sales');
  });

  it('keeps Tab inside a modal dialog, closes it on Escape wherever the focus is, and runs no design key behind it', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const products = await page.locator('.react-flow__node-product').count();
    await page.locator('.react-flow__node-product').first().click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node-product').count()).toBe(products - 1);
    // A contract pasted over a product: the import dialog asks which port serves it.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const contract = readFileSync(join(import.meta.dirname, '../fixtures/odcs/batch/shipment.odcs.yaml'), 'utf8');
    await page.evaluate((text) => navigator.clipboard.writeText(text), contract.replace(/^id: .*$/m, 'id: parcel'));
    await page.locator('.react-flow__node-product').first().click();
    await page.keyboard.press('Control+v');
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    const isFocusInDialog = () => dialog.evaluate((element) => element.contains(document.activeElement));
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await isFocusInDialog(), `after ${key}`).toBe(true);
    }
    for (const key of ['Control+z', 'Control+y', 'Control+Shift+z', 'p', 'Delete']) await page.keyboard.press(key);
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.keyboard.press('Control+z');
    expect(await page.locator('.react-flow__node-product').count()).toBe(products - 1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const exportButton = page.locator('button', { hasText: /^Export…$/ });
    await exportButton.focus();
    await page.keyboard.press('Enter');
    const exportDialog = page.getByTestId('dialog-export');
    await exportDialog.waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Escape');
    await exportDialog.waitFor({ state: 'detached' });
    expect(await page.locator('.react-flow__node-product').count()).toBe(products - 1);
  });

  it('keeps the focus off <body> after New blank mesh, New scenario and Apply, each of which takes its button away', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.getByRole('button', { name: 'New blank mesh' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('canvas');

    await openDesign(page);
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    await page.getByRole('tab', { name: 'Scenario', exact: true }).click();
    await page.getByRole('button', { name: 'New scenario' }).focus();
    await page.keyboard.press('Enter');
    const isInScenarioEditor = () =>
      page.evaluate(() => document.activeElement?.closest('[data-testid="scenario-editor"]') !== null);
    await expect.poll(isInScenarioEditor).toBe(true);

    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    const apply = page.getByRole('button', { name: 'Apply' });
    await expect.poll(() => apply.isEnabled()).toBe(true);
    await apply.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => apply.isEnabled()).toBe(false);
    expect(await isInScenarioEditor()).toBe(true);
  });

  it('takes back the whole visit of a list field with one Undo: ↓ ↓ on Kind, Escape, Ctrl+Z (the QA’s landlord statements)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    await page.keyboard.press('d');
    await nameIt(page, 'Tenancies');
    await addProductByKey(page, 'Landlord Statements');
    const kind = page.getByTestId('product-inspector').getByLabel('Kind');
    await kind.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await kind.inputValue()).toBe('consumer-aligned');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(() => kind.inputValue()).toBe('source-aligned');
    expect(await page.locator('.status-bar .notice__text').textContent()).toBe(
      'Undone: Edited product “Landlord Statements”',
    );
  });

  it('leaves the canvas’s letters to a focused toolbar button, and keeps Ctrl chords there (the QA’s letters on a button)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.locator('.react-flow__node[data-id="orders"]').click();
    await page.getByRole('toolbar').getByRole('button', { name: 'Save as…' }).focus();
    await page.keyboard.press('s');
    await page.keyboard.press('i');
    expect(await page.locator('.react-flow__node-system').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save as…');
    await page.keyboard.press('Control+d');
    await expect.poll(() => page.locator('.react-flow__node-product').count()).toBe(3);
  });

  it('goes round every region shown with F6, in screen order, the contract editor beside the canvas included', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await productWithNewContract(page, 'Landlord Statements');
    await page.getByTestId('contract-panel').waitFor();
    await productNode(page, 'Landlord Statements').click();
    expect(await regionsF6Visits(page, 6)).toEqual([
      'contract-panel',
      'side-panel',
      'status-bar',
      'toolbar',
      'palette',
      'mesh-canvas',
    ]);
  });

  it('puts the focus in the contract’s text with F6, where its cursor was, as VS Code does', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await productWithNewContract(page, 'Deposit Returns');
    await caretAfter(page, 'kind: DataContract');
    await productNode(page, 'Deposit Returns').click();
    await page.keyboard.press('F6');
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true);
    await page.waitForTimeout(EDIT_CONTEXT_SETTLE_MILLIS);
    await page.keyboard.type('X');
    await expect.poll(() => yamlLinesStartingWith(page, 'kind:')).toEqual(['kind: DataContractX']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => yamlLinesStartingWith(page, 'kind:')).toEqual(['kind: DataContract']);
  });

  it('puts the focus on the selected product when Ctrl+Shift+S hides the contract’s text it was in, going to Simulate and back', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await productWithNewContract(page, 'Deposit Returns');
    await page.locator('.yaml-editor .view-line', { hasText: 'kind: DataContract' }).waitFor();
    const product = productNode(page, 'Deposit Returns');
    await product.click();
    const productId = await product.getAttribute('data-id');
    await page.keyboard.press('F6');
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true);
    await page.keyboard.press('Control+Shift+S');
    await page.locator('.simulation-bar').waitFor();
    await expect.poll(() => focused(page)).toBe(productId);
    await page.keyboard.press('Control+Shift+S');
    await page.locator('.simulation-bar').waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe(productId);
  });

  it('leaves the focus where the user put it while the new contract’s editor was still loading', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const releaseMonaco = await holdMonaco(page);
    await productWithNewContract(page, 'Rent Arrears');
    await productNode(page, 'Rent Arrears').click();
    const node = await focused(page);
    releaseMonaco();
    await page.locator('.yaml-editor .view-line', { hasText: 'kind: DataContract' }).waitFor();
    expect(await focused(page)).toBe(node);
  });

  it('types into the new contract what was typed while its editor was still loading, running no shortcut', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const releaseMonaco = await holdMonaco(page);
    await productWithNewContract(page, 'Rent Arrears');
    // On the canvas, d adds a domain, s a system, n a note.
    await page.keyboard.type('description: late rent notes');
    releaseMonaco();
    await expect
      .poll(() => yamlLinesStartingWith(page, 'description: late rent notes'), { timeout: 15_000 })
      .toHaveLength(1);
    expect(await counts(page)).toMatch(/^1 domain · 1 product · 0 systems/);
    expect(await page.locator('.react-flow__node-note').count()).toBe(0);
  });

  it('goes from the canvas to the inspector’s first field with F6 and back on the selected node, and keeps the React Flow credit out of the Tab order', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDesign(page);
    await page.locator('.react-flow__node[data-id="revenue"]').click();
    await page.keyboard.press('F6');
    expect(await focusedField(page)).toEqual({ inspector: 'product-inspector', text: 'Revenue' });
    expect(await regionsF6Visits(page, 4)).toEqual(['status-bar', 'toolbar', 'palette', 'mesh-canvas']);
    expect(await focused(page)).toBe('revenue');
    expect(await page.locator('.react-flow__attribution a').getAttribute('tabindex')).toBe('-1');
    await expect.poll(() => page.locator('.react-flow__attribution').isVisible()).toBe(true);
  });

  it('renames the product clicked after an added system was undone, not a hidden selection of both (the QA’s Courses)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    await page.keyboard.press('d');
    await nameIt(page, 'Academics');
    await addProductByKey(page, 'Courses');
    const empty = await emptyCanvasPoint(page);
    await page.mouse.click(empty.x, empty.y);
    await page.keyboard.press('s');
    await nameIt(page, 'Ghost');
    await expect.poll(() => counts(page)).toContain('1 system');
    await page.keyboard.press('Control+z');
    await expect.poll(() => systemNode(page, 'Ghost').count()).toBe(0);
    await productNode(page, 'Courses').click({ position: { x: 20, y: 8 } });
    await page.keyboard.press('F2');
    await expect.poll(() => focusedField(page)).toEqual({ inspector: 'product-inspector', text: 'Courses' });
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Course Catalogue');
    await page.keyboard.press('Enter');
    await expect(productNode(page, 'Course Catalogue').count()).resolves.toBe(1);
    expect(await page.locator('.react-flow__node-system').count()).toBe(0);
  });

  it('comes back from the palette to the canvas with F6 after an added system was undone', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    await page.keyboard.press('d');
    await nameIt(page, 'Academics');
    await page.keyboard.press('s');
    await nameIt(page, 'Ghost');
    await expect.poll(() => counts(page)).toContain('1 system');
    await page.keyboard.press('Control+z');
    await expect.poll(() => systemNode(page, 'Ghost').count()).toBe(0);
    const empty = await emptyCanvasPoint(page);
    await page.mouse.click(empty.x, empty.y);
    const visited = await regionsF6Visits(page, 6);
    expect(visited[visited.indexOf('palette') + 1]).toBe('mesh-canvas');
  });

  it('keeps the focus on the toolbar’s Undo and Redo pressed from the keyboard, though the last step greys them out', async () => {
    const page = await session.openApp();
    await newBlankDesign(page);
    await page.keyboard.press('d');
    await nameIt(page, 'Lending');
    const toolbarButton = (name: string) =>
      page.getByRole('toolbar', { name: 'Commands' }).getByRole('button', { name, exact: true });
    const focusedControl = () =>
      page.evaluate(() => (document.activeElement === document.body ? '<body>' : document.activeElement?.textContent));

    await toolbarButton('Undo').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('counts').filter({ hasText: '0 domains' }).waitFor();
    const afterUndo = await focusedControl();
    await toolbarButton('Redo').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('counts').filter({ hasText: '1 domain' }).waitFor();
    const afterRedo = await focusedControl();

    expect([afterUndo, afterRedo]).toEqual(['Undo', 'Redo']);
  });
});
