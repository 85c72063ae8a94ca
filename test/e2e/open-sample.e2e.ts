import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, overlappingOnScreen, screenshot } from './app-driver';
import { openByChooser } from './designer-driver';

/** Domains drawn over each other, by id. */
const overlappingDomains = (page: Page) => overlappingOnScreen(page, '.react-flow__node-domain', 'data-id');

/** Products and systems drawn over each other, by id. */
const overlappingNodes = (page: Page) =>
  overlappingOnScreen(page, '.react-flow__node-product, .react-flow__node-system', 'data-id');

async function openRefused(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).first().click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page
    .getByRole('alert')
    .filter({ hasText: `Could not open ${name}` })
    .waitFor();
}

describeInChromium('opening a sample', (session) => {
  it('shows the e-commerce mesh on the canvas with its domains, products and systems', async () => {
    const page = await session.openApp();
    await page.getByTestId('sample-ecommerce').click();
    await page.waitForSelector('.react-flow__node-product');
    expect(await page.locator('.react-flow__node-domain').count()).toBe(4);
    expect(await page.locator('.react-flow__node-product').count()).toBe(5);
    expect(await page.locator('.react-flow__node-system').count()).toBe(3);
    expect(await page.locator('.react-flow__edge').count()).toBe(8);
    expect(await page.getByTestId('counts').textContent()).toBe('4 domains · 5 products · 3 systems · 8 links');
    await screenshot(page, 'ecommerce-canvas');
  });

  it('shows the logical view: two domains, five products', async () => {
    const page = await session.openApp();
    await page.getByTestId('sample-seed-logical-view').click();
    await page.waitForSelector('.react-flow__node-product');
    expect(await page.locator('.react-flow__node-domain').count()).toBe(2);
    expect(await page.locator('.react-flow__node-product').count()).toBe(5);
    await screenshot(page, 'logical-view-canvas');
  });

  it('names a picked file it cannot read, and says why (UTF-16)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.getByTestId('sample-seed-logical-view').click();
    await page.waitForSelector('.react-flow__node-product');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"schemaVersion": 1}', 'utf16le')]);
    await (await chooser).setFiles({ name: 'windows.mesh.json', mimeType: 'application/json', buffer: utf16 });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Could not open windows\.mesh\.json: the file is UTF-16 text/);
    expect(await page.locator('.react-flow__node-product').count()).toBe(5);
  });

  it('refuses a corrupt file with located problems and keeps the current design', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.getByTestId('sample-seed-logical-view').click();
    await page.waitForSelector('.react-flow__node-product');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles({
      name: 'broken.mesh.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"schemaVersion": 1, "id": "x", "name": ""}'),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Could not open broken.mesh.json');
    expect(await alert.textContent()).toContain('name:');
    expect(await page.locator('.react-flow__node-product').count()).toBe(5);
  });

  it('lists many problems in a bounded, scrollable list under a whole headline, the counts on one line', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.getByTestId('sample-ecommerce').click();
    await page.waitForSelector('.react-flow__node-product');
    const sample = JSON.parse(
      readFileSync(new URL('../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
    );
    await openRefused(page, 'many.mesh.json', JSON.stringify({ ...sample, products: Array(30).fill({}) }));

    const alert = page.getByRole('alert');
    expect(await alert.locator('.notice__text').textContent()).toBe(
      'Could not open many.mesh.json: 90 problems. Nothing was changed.',
    );
    expect(await alert.locator('.notice__details li').last().textContent()).toContain(
      'and 40 more problems, not listed here (90 in all)',
    );
    const box = (selector: string) =>
      page.locator(selector).evaluate((element) => ({
        height: element.getBoundingClientRect().height,
        isCut: element.scrollWidth > element.clientWidth,
        scrolls: element.scrollHeight > element.clientHeight,
      }));
    expect(await box('.notice__text')).toMatchObject({ isCut: false });
    expect((await box('[data-testid=counts]')).height).toBeLessThan(20);
    expect((await box('.status-bar')).height).toBeLessThan(200);
    expect(await box('.notice__details')).toMatchObject({ scrolls: true });
    await screenshot(page, 'problems-in-status-bar-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'problems-in-status-bar-dark');
  });

  it('lists a broken link beside refused coordinates and sizes, so one round of fixes mends both', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const mesh = JSON.parse(readFileSync(new URL('../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'));
    mesh.layout.nodes['orders-domain'].x = 1e308;
    mesh.layout.nodes['customers-domain'].width = -5;
    mesh.links[0].to.portId = 'nope';
    await openRefused(page, 'merged.mesh.json', JSON.stringify(mesh));

    const details = page.getByRole('alert').locator('.notice__details li');
    expect(await details.allTextContents()).toEqual([
      'layout.nodes["customers-domain"].width: must be more than 0',
      'layout.nodes["orders-domain"].x: must be at most 10000000',
      `links[0].to: no port 'nope' on '${mesh.links[0].to.nodeId}'`,
    ]);
  });

  it('counts one problem in the singular', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openRefused(page, 'one.mesh.json', '{"schemaVersion": 0}');
    expect(await page.getByRole('alert').locator('.notice__text').textContent()).toBe(
      'Could not open one.mesh.json: 1 problem. Nothing was changed.',
    );
    expect(await page.getByRole('alert').locator('.notice__details').textContent()).toBe(
      'schemaVersion: 0 is not a version this app reads (it reads 1 and 2)',
    );
  });

  it('lays a file written without any layout out by data flow: each domain right of the domains feeding it', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const text = readFileSync(new URL('../fixtures/mesh/charity.mesh.json', import.meta.url), 'utf8');
    const mesh = JSON.parse(text);
    await openByChooser(page, 'charity.mesh.json', text);

    const notice = page
      .getByRole('status')
      .filter({ hasText: 'Opened charity.mesh.json: 8 elements without a position in the file laid out by data flow' });
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Auto-layout' }).waitFor();
    const domainOf = new Map(
      [...mesh.products, ...mesh.systems].map((node: { id: string; domainId: string }) => [node.id, node.domainId]),
    );
    const boxOf = async (domainId: string) =>
      page.locator(`.react-flow__node-domain[data-id="${domainId}"]`).boundingBox();
    const crossDomain = mesh.links
      .map((link: { from: { nodeId: string }; to: { nodeId: string } }) => [
        domainOf.get(link.from.nodeId),
        domainOf.get(link.to.nodeId),
      ])
      .filter(([from, to]: string[]) => from !== to);
    expect(crossDomain.length).toBeGreaterThan(0);
    for (const [from, to] of crossDomain) {
      const [producer, consumer] = [await boxOf(from), await boxOf(to)];
      expect(consumer && producer && consumer.x >= producer.x + producer.width, `${to} right of ${from}`).toBe(true);
    }
    expect(await overlappingNodes(page)).toEqual([]);
  });

  it('opens a file written without any layout unchanged: laid out, yet nothing to save, undo nor ask about', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const text = readFileSync(new URL('../fixtures/mesh/charity.mesh.json', import.meta.url), 'utf8');
    await openByChooser(page, 'charity.mesh.json', text);
    await page.getByRole('status').filter({ hasText: 'laid out by data flow' }).waitFor();

    expect(await page.title()).toBe('charity.mesh.json — Data Mesh Designer');
    await page.keyboard.press('ControlOrMeta+z');
    expect(await overlappingNodes(page)).toEqual([]);
    expect(await page.getByRole('status').filter({ hasText: 'Undone' }).count()).toBe(0);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).first().click();
    await (await chooser).setFiles([]);
    expect(await page.getByRole('alertdialog').count()).toBe(0);

    await page.getByRole('button', { name: 'Domain', exact: true }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.title()).toBe('• charity.mesh.json — Data Mesh Designer');
  });

  it('opens a minimal hand-written design, domains, products and ports given by id and name, as the CLI accepts it', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const text = readFileSync(new URL('../fixtures/mesh/minimal-hand-written.mesh.json', import.meta.url), 'utf8');
    await openByChooser(page, 'minimal.mesh.json', text);

    await page.getByRole('status').filter({ hasText: 'laid out by data flow' }).waitFor();
    expect(await page.locator('.react-flow__node-domain').count()).toBe(2);
    expect(await page.locator('.react-flow__node-product').count()).toBe(2);
    expect(await overlappingDomains(page)).toEqual([]);
  });

  it('places the elements of a file written without positions apart, in their domains, unchanged; Auto-layout arranges them', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const mesh = JSON.parse(readFileSync(new URL('../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'));
    // The domains keep their places: only the elements in them were left without one.
    const domainIds = new Set(mesh.domains.map((domain: { id: string }) => domain.id));
    mesh.layout = {
      nodes: Object.fromEntries(Object.entries(mesh.layout.nodes).filter(([id]) => domainIds.has(id))),
    };
    await openByChooser(page, 'generated.mesh.json', JSON.stringify(mesh));
    await page.waitForSelector('.react-flow__node-product');

    const notice = page
      .getByRole('status')
      .filter({ hasText: '8 elements without a position in the file placed on a grid' });
    await notice.waitFor();
    expect(await overlappingNodes(page)).toEqual([]);
    expect(await page.locator('.react-flow__node-product').count()).toBe(5);
    await screenshot(page, 'placed-without-positions');

    const placed = await page.locator('.react-flow__node[data-id="customer-360"]').getAttribute('style');
    await notice.getByRole('button', { name: 'Auto-layout' }).click();
    await page.waitForFunction(
      (before) =>
        !document.querySelector('[data-testid=layout-busy]') &&
        document.querySelector('.react-flow__node[data-id="customer-360"]')?.getAttribute('style') !== before,
      placed,
    );
    expect(await overlappingNodes(page)).toEqual([]);

    // Undo takes back Auto-layout; the placing on open is the file as opened, no step of its own.
    await page.keyboard.press('ControlOrMeta+z');
    await expect
      .poll(() => page.locator('.react-flow__node[data-id="customer-360"]').getAttribute('style'))
      .toBe(placed);
    expect(await page.title()).toBe('generated.mesh.json — Data Mesh Designer');
  });

  it('says which domains a bad merge laid over each other and offers Auto-layout, which one Undo takes back', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const mesh = JSON.parse(readFileSync(new URL('../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'));
    for (const domain of mesh.domains) Object.assign(mesh.layout.nodes[domain.id], { x: 10, y: 10 });
    await openByChooser(page, 'merged.mesh.json', JSON.stringify(mesh));
    await page.waitForSelector('.react-flow__node-product');

    const notice = page.getByRole('status').filter({ hasText: 'Opened merged.mesh.json: 4 domains overlap' });
    await notice.waitFor();
    expect(await notice.locator('.notice__details').textContent()).toContain(
      "Domain 'Analytics' overlaps 'Orders', 'Customers' and 'Shipping' on the canvas.",
    );
    expect(await overlappingDomains(page)).not.toEqual([]);

    await notice.getByRole('button', { name: 'Auto-layout' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=layout-busy]'));
    await expect.poll(() => overlappingDomains(page)).toEqual([]);

    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => overlappingDomains(page)).not.toEqual([]);
  });

  it('says a design cut off inside a string ends early, at the one place where it ends', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const cut = readFileSync(new URL('../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8').slice(
      0,
      3000,
    );
    const lines = cut.split('\n');
    await openRefused(page, 'cut.mesh.json', cut);

    expect(await page.getByRole('alert').locator('.notice__details').textContent()).toBe(
      `(document): not valid JSON: the file ends early; was it cut off while being written or copied? (line ${lines.length}, column ${(lines.at(-1)?.length ?? 0) + 1})`,
    );
  });
});
