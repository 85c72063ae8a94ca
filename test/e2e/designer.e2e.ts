import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Mesh } from '../../shared/model';
import { describeInChromium } from './app-driver';
import {
  addProductByKey,
  connectPorts,
  counts,
  domainNode,
  flowPosition,
  nameIt,
  newBlankDesign,
  openByChooser,
  portHandle,
  productNode,
  saveByDownload,
  selectDomain,
} from './designer-driver';

const SEED = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../assets/samples/seed-logical-view.mesh.json'), 'utf8'),
) as Mesh;

/** What the logical view is about: domains, products with kind and domain, and who feeds whom. */
function logicalView(mesh: Mesh) {
  const domainName = new Map(mesh.domains.map((domain) => [domain.id, domain.name]));
  const productName = new Map(mesh.products.map((product) => [product.id, product.name]));
  return {
    domains: mesh.domains.map((domain) => domain.name).sort(),
    products: mesh.products
      .map((product) => `${product.name} (${product.kind}) in ${domainName.get(product.domainId)}`)
      .sort(),
    links: mesh.links.map((link) => `${productName.get(link.from.nodeId)} → ${productName.get(link.to.nodeId)}`).sort(),
  };
}

describeInChromium('designing a mesh', (session) => {
  it('builds the logical view by mouse and keyboard, undoes, lays out, saves and reopens the same document', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);

    // Two domains: one dragged from the palette, one added with D.
    await page.getByTestId('palette-domain').dragTo(page.getByTestId('canvas'), { targetPosition: { x: 420, y: 120 } });
    await nameIt(page, 'Domain 1');
    await page.keyboard.press('d');
    await nameIt(page, 'Domain 2');
    expect(await counts(page)).toBe('2 domains · 0 products · 0 systems · 0 links');

    // Five products, added with P into the selected domain, named as they are added.
    await selectDomain(page, 'Domain 1');
    await addProductByKey(page, 'Data product 1a');
    await page.getByRole('button', { name: 'Remove input port input' }).click();
    await addProductByKey(page, 'Data product 1b', 'aggregate');
    await selectDomain(page, 'Domain 2');
    await addProductByKey(page, 'Data product 2a');
    await page.getByRole('button', { name: 'Remove input port input' }).click();
    await addProductByKey(page, 'Data product 2b', 'aggregate');
    await page.getByRole('button', { name: 'Add input port' }).click();
    // The new port's name has the cursor: Enter keeps the name it was given.
    await page.keyboard.press('Enter');
    await addProductByKey(page, 'Data product 2c', 'consumer-aligned');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 0 links');

    // Links, dragged from output handles to input handles.
    await page.keyboard.press('Shift+1');
    await page.waitForTimeout(400);
    const port = (product: string, portId: string) => portHandle(productNode(page, product), portId);
    await connectPorts(page, port('Data product 1a', 'out'), port('Data product 1b', 'in'));
    await connectPorts(page, port('Data product 2a', 'out'), port('Data product 2b', 'in'));
    await connectPorts(page, port('Data product 1b', 'out'), port('Data product 2b', 'input-2'));
    await connectPorts(page, port('Data product 2b', 'out'), port('Data product 2c', 'in'));
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');

    // Undo and redo, by both redo chords.
    await page.keyboard.press('Control+z');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 3 links');
    await page.keyboard.press('Control+Shift+z');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');

    // Auto-layout: left to right by data flow in each domain, domains in reading order (a grid shaped like
    // the view), each product still in its domain; one undo step.
    const before = await flowPosition(productNode(page, 'Data product 2c'));
    await page.keyboard.press('l');
    await expect.poll(() => flowPosition(productNode(page, 'Data product 2c'))).not.toEqual(before);
    await page.waitForTimeout(600);
    const x = async (name: string) => (await flowPosition(productNode(page, name))).x;
    expect(await x('Data product 1a')).toBeLessThan(await x('Data product 1b'));
    const domain1 = (await domainNode(page, 'Domain 1').boundingBox())!;
    const domain2Box = (await domainNode(page, 'Domain 2').boundingBox())!;
    expect(domain1.x + domain1.width <= domain2Box.x || domain1.y + domain1.height <= domain2Box.y).toBe(true);
    expect(await x('Data product 2a')).toBeLessThan(await x('Data product 2b'));
    expect(await x('Data product 2b')).toBeLessThan(await x('Data product 2c'));
    const domain2 = await domainNode(page, 'Domain 2').boundingBox();
    const product2c = await productNode(page, 'Data product 2c').boundingBox();
    expect(product2c!.x).toBeGreaterThan(domain2!.x);
    expect(product2c!.x + product2c!.width).toBeLessThan(domain2!.x + domain2!.width);
    const laidOut = await flowPosition(productNode(page, 'Data product 2c'));
    await page.keyboard.press('Control+z');
    expect(await flowPosition(productNode(page, 'Data product 2c'))).toEqual(before);
    await page.keyboard.press('Control+Shift+z');
    expect(await flowPosition(productNode(page, 'Data product 2c'))).toEqual(laidOut);
    // Laying out a laid-out mesh changes nothing and adds no undo step (the toolbar button does the same).
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.waitForTimeout(700);
    expect(await flowPosition(productNode(page, 'Data product 2c'))).toEqual(laidOut);
    await page.keyboard.press('Control+z');
    expect(await flowPosition(productNode(page, 'Data product 2c'))).toEqual(before);
    await page.keyboard.press('Control+Shift+z');

    // Save, reopen, and the document is the one saved; it is the seed's logical view.
    const saved = await saveByDownload(page);
    expect(saved.name).toBe('untitled-mesh.mesh.json');
    const savedMesh = JSON.parse(saved.text) as Mesh;
    expect(logicalView(savedMesh)).toEqual(logicalView(SEED));
    // Each element's id comes from the first name it was given, not from its placeholder's.
    expect(savedMesh.domains.map((domain) => domain.id)).toEqual(['domain-1', 'domain-2']);
    expect(savedMesh.products.map((product) => product.id)).toEqual([
      'domain-1-data-product-1a',
      'domain-1-data-product-1b',
      'domain-2-data-product-2a',
      'domain-2-data-product-2b',
      'domain-2-data-product-2c',
    ]);
    await openByChooser(page, saved.name, saved.text);
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');
    expect((await saveByDownload(page)).text).toBe(saved.text);

    // The result, in both themes, with a product in the inspector, on a wide screen.
    await page.setViewportSize({ width: 1680, height: 820 });
    await page.keyboard.press('Shift+1');
    await page.waitForTimeout(400);
    await productNode(page, 'Data product 2b').locator('.product-node__name').click();
    await page.getByRole('button', { name: /^Theme:/ }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.getByRole('button', { name: /^Theme:/ }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });

  it('offers a new design’s file under the name the user gave the design', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    await page.getByTestId('canvas').click({ position: { x: 600, y: 500 } });
    const designName = page.getByRole('textbox', { name: 'Name' }).first();
    await designName.fill('Retail mesh');
    await designName.press('Enter');

    expect((await saveByDownload(page)).name).toBe('retail-mesh.mesh.json');
  });
});
