import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import {
  addProductByKey,
  box,
  centerOf,
  connectPorts,
  counts,
  emptyCanvasPoint,
  expectLinkBetween,
  linksThroughNodes,
  nameIt,
  newBlankDesign,
  openByChooser,
  openSampleDesign,
  portHandle,
  productNode,
  selectDomain,
  systemNode,
  viewAtRest,
  zoomLevel,
} from './designer-driver';

/** Five fitness-club domains; Memberships & Contracts → Invoices passes Live Club Occupancy and Turnstile Controller. */
const fitnessClub = readFileSync(
  new URL('../fixtures/mesh/fitness-club-crossing-link.mesh.json', import.meta.url),
  'utf8',
);

/** A postal service whose Network Analytics, made by Ctrl+G, reads from Sorting & Logistics and Counter Services. */
const postal = readFileSync(new URL('../fixtures/mesh/postal-grouped-analytics.mesh.json', import.meta.url), 'utf8');

const port = (page: Page, productId: string, portId: string) =>
  portHandle(page.getByTestId(`product-${productId}`).locator('xpath=..'), portId);

/** Drags from one port over another; returns what the canvas says there, before letting go. */
async function reasonShownWhileDragging(page: Page, from: Locator, over: Locator): Promise<string> {
  const start = await centerOf(from);
  const end = await centerOf(over);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 10 });
  const shown = (await page.locator('.connection-refusal').textContent()) ?? '';
  await page.mouse.up();
  return shown;
}

/** Removes the link into product 2c's only input port: an input port takes one source, so a new link needs it free. */
async function freeInputOfProduct2c(page: Page): Promise<void> {
  await page.getByTestId('rf__edge-product-2b-to-product-2c').click();
  await page.keyboard.press('Delete');
  expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 3 links');
}

describeInChromium('connecting ports', (session) => {
  it('refuses forbidden links and says why, while dragging and on release', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const cases: Array<[Locator, Locator, string]> = [
      [port(page, 'product-1a', 'out'), port(page, 'product-1b', 'out'), 'Both ends send data'],
      [
        port(page, 'product-1b', 'from-product-1a'),
        port(page, 'product-2b', 'from-product-2a'),
        'Both ends are input ports',
      ],
      [
        port(page, 'product-1b', 'out'),
        port(page, 'product-1b', 'from-product-1a'),
        'A product cannot feed its own input port',
      ],
      [
        port(page, 'product-1a', 'out'),
        port(page, 'product-1b', 'from-product-1a'),
        'These two ports are already linked',
      ],
      [port(page, 'product-1a', 'out'), port(page, 'product-2c', 'discovery'), 'A discovery port publishes metadata'],
      [
        port(page, 'product-2a', 'out'),
        port(page, 'product-1b', 'from-product-1a'),
        "'Data product 1b · from product-1a' is already fed by 'Data product 1a · dataset'; add another input port for a second source.",
      ],
    ];
    for (const [from, to, reason] of cases) {
      expect(await reasonShownWhileDragging(page, from, to)).toContain(reason);
      expect(await page.getByRole('alert').textContent()).toContain(`Link refused: ${reason}`);
    }
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');
  });

  it('lets a link refusal go at the next selection change, edit or undo', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const refusal = page.locator('.status-bar .notice__text', { hasText: 'Link refused' });
    const refusalGoes = () => expect.poll(() => refusal.count()).toBe(0);
    const refuseSecondSourceByDrag = async () => {
      await connectPorts(page, port(page, 'product-2a', 'out'), port(page, 'product-1b', 'from-product-1a'));
      await refusal.waitFor();
      // The refusal shows while dragging: the drag is over once its line is gone.
      await page.locator('.connection-line').waitFor({ state: 'detached' });
    };

    await refuseSecondSourceByDrag();
    await productNode(page, 'Data product 1a').locator('.product-node__name').click();
    await refusalGoes();

    // An edit to undo, whatever Escape left selected: the nudge of a product chosen now.
    await productNode(page, 'Data product 1a').locator('.product-node__name').click();
    await page.keyboard.press('Shift+ArrowDown');
    await refuseSecondSourceByDrag();
    await page.keyboard.press('Control+z');
    await refusalGoes();
  });

  it('links an output to an input dragged either way', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await freeInputOfProduct2c(page);
    await connectPorts(page, port(page, 'product-2c', 'from-product-2b'), port(page, 'product-1a', 'out'));
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');
    expect(await page.getByTestId('link-inspector').textContent()).toContain(
      'FromData product 1a · datasetToData product 2c',
    );
  });

  it('links to the free input of the product a link is dropped on, off its dot; undo takes it back; empty canvas says nothing was linked', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const notice = page.locator('.status-bar .notice__text');
    await freeInputOfProduct2c(page);
    const from = await centerOf(port(page, 'product-1a', 'out'));
    const onName = await centerOf(productNode(page, 'Data product 2c').locator('.product-node__name'));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(onName.x, onName.y, { steps: 10 });
    await page.mouse.up();
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');
    expect(await page.getByTestId('link-inspector').textContent()).toContain(
      'FromData product 1a · datasetToData product 2c',
    );

    await page.keyboard.press('Control+z');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 3 links');

    const empty = await emptyCanvasPoint(page);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(empty.x, empty.y, { steps: 10 });
    await page.mouse.up();
    await expect
      .poll(() => notice.textContent())
      .toBe("Nothing linked: drop the link on a port's dot, or on a product.");
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 3 links');
  });

  it('tells in the status line what a drag linked, Auto-layout laid out and a deletion took, links counted', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const notice = page.locator('.status-bar .notice__text');
    await freeInputOfProduct2c(page);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => notice.textContent()).toBe('Redone: Deleted 1 link');

    await connectPorts(page, port(page, 'product-1a', 'out'), port(page, 'product-2c', 'from-product-2b'));
    await expect.poll(() => notice.textContent()).toMatch(/^Linked Data product 1a · dataset to Data product 2c · /);

    await page.keyboard.press('Escape');
    await page.keyboard.press('l');
    await expect.poll(() => notice.textContent()).toMatch(/^Laid out \d+ elements$/);

    await productNode(page, 'Data product 2c').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => notice.textContent()).toMatch(/^Deleted Data product 2c(,| and) 1 link/);
  });

  it('selects a link, deletes it with the Delete key, and undoes that', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await page.getByTestId('rf__edge-product-2b-to-product-2c').click();
    expect(await page.getByTestId('link-inspector').textContent()).toContain('Data product 2b · dataset');
    await page.keyboard.press('Delete');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 3 links');
    await page.keyboard.press('Control+z');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');
  });

  it('re-routes a link by dragging its end to another port, under the same rules', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await freeInputOfProduct2c(page);
    const link = page.getByTestId('rf__edge-product-1a-to-product-1b');
    await link.click();
    const end = link.locator('.react-flow__edgeupdater-target');
    await connectPorts(page, end, port(page, 'product-2c', 'from-product-2b'));
    expect(await page.getByTestId('link-inspector').textContent()).toContain('ToData product 2c · from product-2b');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 3 links');

    // Moved to another product, the link is named after its new ends, as a new link is, and stays selected.
    const moved = page.getByTestId('rf__edge-product-1a-to-product-2c');
    await connectPorts(page, moved.locator('.react-flow__edgeupdater-target'), port(page, 'product-2b', 'out'));
    expect(await page.getByRole('alert').textContent()).toContain('Link refused: Both ends send data');
    expect(await page.getByTestId('link-inspector').textContent()).toContain('ToData product 2c · from product-2b');
    await page.keyboard.press('Control+z');
    expect(await page.getByTestId('link-inspector').textContent()).toContain('ToData product 1b · from product-1a');
  });

  it('keeps the keyboard focus on a link re-routed by dragging its end, as Move Link End… does', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await freeInputOfProduct2c(page);
    const link = page.getByTestId('rf__edge-product-1a-to-product-1b');
    await link.click();
    await connectPorts(
      page,
      link.locator('.react-flow__edgeupdater-target'),
      port(page, 'product-2c', 'from-product-2b'),
    );

    const focusedId = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? null);
    await expect.poll(focusedId).toBe('product-1a-to-product-2c');
    await page.keyboard.press('Delete');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 2 links');
  });

  it('re-routes a link whose end is dropped on a product, off its dot, to that product’s free input', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const notice = page.locator('.status-bar .notice__text');
    await freeInputOfProduct2c(page);
    const link = page.getByTestId('rf__edge-product-1a-to-product-1b');
    await link.click();
    const end = await centerOf(link.locator('.react-flow__edgeupdater-target'));
    const onName = await centerOf(productNode(page, 'Data product 2c').locator('.product-node__name'));
    await page.mouse.move(end.x, end.y);
    await page.mouse.down();
    await page.mouse.move(onName.x, onName.y, { steps: 10 });
    await page.mouse.up();

    await expect.poll(() => notice.textContent()).toMatch(/^Relinked Data product 1a · dataset to Data product 2c/);
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 3 links');
    expect(await page.getByTestId('rf__edge-product-1a-to-product-2c').getAttribute('aria-label')).toContain(
      'to Data product 2c',
    );
  });

  it('draws every link as a visible line between its ports', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    for (const linkId of ['product-1b-to-product-2b', 'product-2b-to-product-2c']) {
      const link = page.getByTestId(`rf__edge-${linkId}`);
      const clip = (await link.boundingBox())!;
      const drawn = await page.screenshot({ clip });
      await link.evaluate((element) => {
        (element as SVGElement).style.visibility = 'hidden';
      });
      expect(Buffer.compare(drawn, await page.screenshot({ clip }))).not.toBe(0);
    }
  });

  it('draws handles for every port, labelled, inputs left and outputs right and discovery on top', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    const product = productNode(page, 'Data product 2b');
    const box = (await product.boundingBox())!;
    const input = await centerOf(portHandle(product, 'from-product-1b'));
    const output = await centerOf(portHandle(product, 'out'));
    const discovery = await centerOf(portHandle(product, 'discovery'));
    expect(Math.abs(input.x - box.x)).toBeLessThan(3);
    expect(Math.abs(output.x - (box.x + box.width))).toBeLessThan(3);
    expect(Math.abs(discovery.y - box.y)).toBeLessThan(3);
    expect(await product.locator('.port--input').allTextContents()).toEqual(['from product-2a', 'from product-1b']);
  });

  it("draws a user's first CDC link, from a system to the product added beside it, between the two and through neither", async () => {
    const page = await session.openApp();
    await newBlankDesign(page);
    await page.keyboard.press('d');
    await nameIt(page, 'Farms');
    await page.keyboard.press('s');
    await nameIt(page, 'Farm Management');
    await selectDomain(page, 'Farms');
    await page.keyboard.press('p');
    await nameIt(page, 'Field Registry');
    const system = systemNode(page, 'Farm Management');
    const product = productNode(page, 'Field Registry');

    const [systemBox, productBox] = [await system.boundingBox(), await product.boundingBox()];
    if (!systemBox || !productBox) throw new Error('nodes not drawn');
    // 40 px on the canvas between them, room for the link to bend (soft: the link is checked as well).
    const gapOnCanvas = (productBox.x - (systemBox.x + systemBox.width)) / (await zoomLevel(page));
    expect.soft(gapOnCanvas).toBeGreaterThanOrEqual(39);

    const topic = system.locator('.port--output .react-flow__handle').first();
    await connectPorts(page, topic, product.locator('.react-flow__handle[data-handleid="in"]'));
    await page.locator('.react-flow__edge').first().waitFor();
    expect(await linksThroughNodes(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await screenshot(page, 'first-cdc-link');
  });

  it('places a system added with the product selected left of it, so its CDC link runs straight into the input', async () => {
    const page = await session.openApp();
    await newBlankDesign(page);
    await page.keyboard.press('d');
    await nameIt(page, 'Stores');
    await page.keyboard.press('p');
    await nameIt(page, 'Store Sales');
    await page.keyboard.press('s');
    await nameIt(page, 'POS Tills');
    const system = systemNode(page, 'POS Tills');
    const product = productNode(page, 'Store Sales');

    const topic = system.locator('.port--output .react-flow__handle').first();
    await connectPorts(page, topic, product.locator('.react-flow__handle[data-handleid="in"]'));
    const link = await box(page.locator('.react-flow__edge path').first());
    const [systemBox, productBox] = [await box(system), await box(product)];
    expect(systemBox.x + systemBox.width).toBeLessThan(productBox.x);
    // The link runs between the two: out of the system's right side and into the product's left.
    expect(link.x).toBeGreaterThanOrEqual(systemBox.x + systemBox.width - 2);
    expect(link.x + link.width).toBeLessThanOrEqual(productBox.x + 2);
  });

  it('routes a link between domains round the products and systems of a domain it passes, not into their ports', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openByChooser(page, 'fitness-club.mesh.json', fitnessClub);
    await productNode(page, 'Memberships & Contracts').locator('.product-node__name').click();
    await page.getByTestId('rf__edge-members-memberships-contracts-to-billing-invoices').waitFor();

    expect(await linksThroughNodes(page)).toEqual([]);
    await screenshot(page, 'link-round-another-domains-nodes');
  });

  it('lays a consuming domain out right of the domains feeding it, an empty domain after them (postal service)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openByChooser(page, 'postal.mesh.json', postal);
    await page.keyboard.press('l');
    await expect.poll(() => page.locator('.status-bar .notice__text').textContent()).toMatch(/^Laid out \d+ elements$/);
    await viewAtRest(page);

    const consumer = await box(page.getByTestId('domain-network-analytics'));
    for (const producer of ['sorting-logistics', 'counter-services']) {
      const feeder = await box(page.getByTestId(`domain-${producer}`));
      expect(feeder.x + feeder.width).toBeLessThanOrEqual(consumer.x);
    }
    const empty = await box(page.getByTestId('domain-delivery-rounds-zustellung'));
    expect(empty.x >= consumer.x + consumer.width || empty.y >= consumer.y + consumer.height).toBe(true);
    expect(await linksThroughNodes(page)).toEqual([]);
    await screenshot(page, 'postal-layered-domains');
  });
});

/** A blank design with the domain Access Control holding the products Gate Scans and Attendance. */
async function gateScansAndAttendance(page: Page): Promise<{ gateScans: Locator; attendance: Locator }> {
  await newBlankDesign(page);
  await page.keyboard.press('d');
  await nameIt(page, 'Access Control');
  await addProductByKey(page, 'Gate Scans');
  await addProductByKey(page, 'Attendance');
  return { gateScans: productNode(page, 'Gate Scans'), attendance: productNode(page, 'Attendance') };
}

/** Names the port now called `name` in the product inspector, as a user types it. */
async function renamePort(page: Page, name: string, newName: string): Promise<void> {
  await page.getByTestId('product-inspector').getByLabel(`Name of port ${name}`, { exact: true }).fill(newName);
  await page.keyboard.press('Enter');
}

const outputHandle = (node: Locator, index: number) => node.locator('.port--output .react-flow__handle').nth(index);
const inputHandle = (node: Locator, index: number) => node.locator('.port--input .react-flow__handle').nth(index);

describeInChromium('links to ports that change', (session) => {
  it("draws a link from a port renamed in the inspector, from that port's handle to the other's", async () => {
    const page = await session.openApp();
    const { gateScans, attendance } = await gateScansAndAttendance(page);
    await gateScans.click();
    await renamePort(page, 'dataset', 'Scan Feed');
    await page.keyboard.press('c');
    await page.getByRole('dialog').getByRole('button', { name: 'Connect' }).click();

    expect(await counts(page)).toBe('1 domain · 2 products · 0 systems · 1 link');
    await expectLinkBetween(page.locator('.react-flow__edge'), outputHandle(gateScans, 0), inputHandle(attendance, 0));
  });

  it('draws a link dragged between ports added and named in the inspector, and follows a port moved up', async () => {
    const page = await session.openApp();
    const { gateScans, attendance } = await gateScansAndAttendance(page);
    await attendance.click();
    await page.getByRole('button', { name: '+ Add input port' }).click();
    await renamePort(page, 'input 2', 'Turnstiles');
    await gateScans.click();
    await page.getByRole('button', { name: '+ Add output port' }).click();
    await renamePort(page, 'output', 'Entries');

    await connectPorts(page, outputHandle(gateScans, 1), inputHandle(attendance, 1));
    expect(await counts(page)).toBe('1 domain · 2 products · 0 systems · 1 link');
    const link = page.locator('.react-flow__edge');
    await expectLinkBetween(link, outputHandle(gateScans, 1), inputHandle(attendance, 1));

    await gateScans.click();
    await page.getByRole('button', { name: 'Move output port Entries up' }).click();
    await expectLinkBetween(link, outputHandle(gateScans, 0), inputHandle(attendance, 1));
  });

  it("follows a system's topic moved up in the inspector", async () => {
    const page = await session.openApp();
    const { attendance } = await gateScansAndAttendance(page);
    await selectDomain(page, 'Access Control');
    await page.keyboard.press('s');
    await nameIt(page, 'Turnstile Service');
    const system = systemNode(page, 'Turnstile Service');
    await page.getByRole('button', { name: '+ Add topic' }).click();
    await connectPorts(page, outputHandle(system, 1), inputHandle(attendance, 0));
    expect(await counts(page)).toBe('1 domain · 2 products · 1 system · 1 link');
    const link = page.locator('.react-flow__edge');
    await expectLinkBetween(link, outputHandle(system, 1), inputHandle(attendance, 0));

    await system.click();
    await page.getByRole('button', { name: /^Move topic .*Event up$/ }).click();
    await expectLinkBetween(link, outputHandle(system, 0), inputHandle(attendance, 0));
  });
});
