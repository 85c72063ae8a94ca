import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/content-security-policy';
import { cspViolations, describeInChromium, SCREENSHOT_DIR, screenshot } from './app-driver';
import { openSampleDesign, productNode } from './designer-driver';

const NOTE_LOGICAL_VIEW = readFileSync(
  join(import.meta.dirname, '../unit/diagrams/design-note/logical-view.mmd'),
  'utf8',
);

async function openLogicalView(page: Page): Promise<void> {
  await page.getByTestId('mesh-inspector').getByRole('button', { name: 'Logical view…' }).click();
  await page.getByTestId('diagram-picture').locator('svg').waitFor();
}

const pictureText = (page: Page) => page.getByTestId('diagram-picture').textContent();

async function savedDownload(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  const path = join(SCREENSHOT_DIR, file.suggestedFilename());
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describeInChromium('the Diagram view', (session) => {
  it('draws the e-commerce logical view with Mermaid under the desktop CSP, its text beside it', async () => {
    const page = await session.openApp({ contentSecurityPolicy: CONTENT_SECURITY_POLICY });
    await openSampleDesign(page, 'ecommerce');
    await openLogicalView(page);
    for (const name of ['Orders', 'Analytics', 'orders', 'customer-360', 'sales-dashboard']) {
      expect(await pictureText(page)).toContain(name);
    }
    await page.locator('.diagram-text .view-lines').getByText('flowchart LR').waitFor();
    expect(await page.locator('.diagram-text .monaco-editor').getAttribute('class')).toContain('vs');
    expect(await cspViolations(page)).toEqual([]);
    await screenshot(page, 'diagram-view-logical');
  });

  it('shows each kind of diagram of a product, a system and the mesh, and follows edits of the design', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'orders').click();
    await page.getByTestId('product-inspector').getByRole('button', { name: 'Data product architecture…' }).click();
    await page.getByTestId('diagram-picture').locator('svg').waitFor();
    expect(await pictureText(page)).toContain('Storage: sqlite');
    expect(await pictureText(page)).toContain('OrderPlaced v1.0.0 (event)');

    await page.getByRole('button', { name: 'Lineage', exact: true }).click();
    await page.getByTestId('diagram-picture').getByText('orders.public.orders').waitFor();

    await page.getByLabel('Diagram of').selectOption({ label: 'orders-service' });
    await page.getByTestId('diagram-picture').getByText('Microservice: orders-service (Java)').waitFor();
    expect(await pictureText(page)).toContain('History: Order');
  });

  it('copies the text and the image, and saves .mmd, .svg and .png', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openSampleDesign(page, 'seed-logical-view');
    await openLogicalView(page);

    await page.getByRole('button', { name: 'Copy text' }).click();
    await page.getByText('Copied the Mermaid text').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('subgraph domain_domain_1["Domain 1"]');

    await page.getByRole('button', { name: 'Copy image' }).click();
    await page.getByText('Copied the diagram as an image').waitFor();
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
    expect(types).toContain('image/png');

    const mmd = await savedDownload(page, 'Save .mmd');
    expect(mmd.name).toBe('logical-view-logical-view.mmd');
    expect(mmd.bytes.toString('utf8')).toMatch(/^---\ntitle: "Logical view: Logical view"/);
    const svg = await savedDownload(page, 'Save .svg');
    expect(svg.bytes.toString('utf8')).toContain('<svg');
    expect(svg.bytes.toString('utf8')).toContain('Data product 2b');
    const png = await savedDownload(page, 'Save .png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(400);
  });
});

describeInChromium('importing a Mermaid flowchart', (session) => {
  it("turns the design note's logical view into 2 domains with 2 and 3 products, undone in one step", async () => {
    const page = await session.openApp();
    await page.getByRole('button', { name: 'New blank mesh' }).click();
    await page.getByTestId('mesh-inspector').getByRole('button', { name: 'Import Mermaid…' }).click();
    await page.getByRole('textbox', { name: 'Mermaid flowchart' }).fill(`${NOTE_LOGICAL_VIEW}  style A fill:#f00\n`);
    await page.getByText('Adds 2 domain(s), 5 data product(s) and 4 link(s).').waitFor();
    expect(await page.getByTestId('import-warnings').textContent()).toContain(
      'Line 15: Styles and classes are not imported',
    );
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('.react-flow__node-product');
    expect(await page.locator('.react-flow__node-domain').count()).toBe(2);
    expect(await page.locator('.react-flow__node-product').count()).toBe(5);
    expect(await page.locator('.react-flow__edge').count()).toBe(4);
    await screenshot(page, 'mermaid-import-canvas');

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForSelector('.react-flow__node-domain', { state: 'detached' });
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
  });

  it('says where a text is not a flowchart and imports nothing', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await page.getByTestId('mesh-inspector').getByRole('button', { name: 'Import Mermaid…' }).click();
    await page.getByRole('textbox', { name: 'Mermaid flowchart' }).fill('sequenceDiagram\n  A->>B: hi');
    expect(await page.getByTestId('import-errors').textContent()).toContain('Line 1: Only flowcharts can be imported');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
  });
});
