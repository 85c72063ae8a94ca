import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { largeMesh } from '../../bench/cases/canvas';
import { openChromiumDrawer } from '../../cli/render/mermaid-images';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/content-security-policy';
import type { DrawnPng } from '../../shared/export';
import { type Mesh, serializeMesh } from '../../shared/model';
import { aMesh, aPort, placedOnAGrid } from '../builders/mesh-builder';
import { cspViolations, describeInChromium, SCREENSHOT_DIR, screenshot } from './app-driver';
import {
  emptyCanvasPoint,
  flowPosition,
  openByChooser,
  openSampleDesign,
  productNode,
  systemNode,
} from './designer-driver';
import {
  drawnByResvg,
  labelPixelsDrawnByResvg,
  svgBoxLabelLines,
  svgTextLabels,
  withoutSpaces,
} from './svg-outside-browser';

const NOTE_LOGICAL_VIEW = readFileSync(
  join(import.meta.dirname, '../unit/diagrams/design-note/logical-view.mmd'),
  'utf8',
);

async function openLogicalView(page: Page): Promise<void> {
  await page.getByTestId('mesh-inspector').getByRole('button', { name: 'Logical view…' }).click();
  await page.getByTestId('diagram-picture').locator('svg').waitFor();
}

const pictureText = (page: Page) => page.getByTestId('diagram-picture').textContent();

async function savedDownload(page: Page, button: string | RegExp): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  const path = join(SCREENSHOT_DIR, file.suggestedFilename());
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describeInChromium('the Diagram view', (session) => {
  it('draws the picture before it loads the text editor, whose load would hold the first picture back', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    // A string, not a function: tsx would wrap a named function in a helper the page does not have.
    // The plain text shows only while the editor loads, which on a quiet machine is a moment: noted when first seen.
    await page.evaluate(`
      new MutationObserver((_, observer) => {
        window.plainTextShown ??= document.querySelector('.diagram-text__plain')?.textContent ?? undefined;
        if (!document.querySelector('[data-testid="diagram-picture"] svg')) return;
        window.pictureShownAt ??= performance.now();
        if (window.plainTextShown !== undefined) observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true });
    `);
    await openLogicalView(page);
    expect(await page.evaluate('window.plainTextShown')).toContain('flowchart LR');
    await page.locator('.diagram-text .view-lines').getByText('flowchart LR').waitFor();

    const editorRequestedAt = (await page.evaluate(
      "performance.getEntriesByType('resource').find((entry) => entry.name.includes('editor.api'))?.startTime",
    )) as number | undefined;
    expect(editorRequestedAt).toBeGreaterThan((await page.evaluate('window.pictureShownAt')) as number);
  });

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

  it('shows a name holding fa:fa-… as written, not as a Font Awesome icon in place of those words', async () => {
    const mesh = placedOnAGrid(
      aMesh()
        .withDomain('league', { name: 'fab:fa-github League' })
        .withProduct('trophies', 'league', { name: 'fa:fa-trophy Trophies' })
        .build(),
    );
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'league.mesh.json', serializeMesh(mesh));
    await openLogicalView(page);
    const picture = page.getByTestId('diagram-picture');
    expect(await picture.locator('i, .label-icon').count()).toBe(0);
    expect(await pictureText(page)).toContain('fa:fa-trophy Trophies');
    expect(await pictureText(page)).toContain('fab:fa-github League');
  });

  it('lays the diagram out left to right or top to bottom, as chosen', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openLogicalView(page);
    const layout = page.getByRole('group', { name: 'Layout' });
    await layout.getByRole('button', { name: 'Left to right' }).click();
    await page.locator('.diagram-text .view-lines').getByText('flowchart LR').waitFor();
    await layout.getByRole('button', { name: 'Top to bottom' }).click();
    await page.locator('.diagram-text .view-lines').getByText('flowchart TB').waitFor();
    expect(await layout.getByRole('button', { name: 'Top to bottom' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows the diagrams of a product and of a system, picked in the view', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'customers').click();
    await page.keyboard.press('m');
    await page.getByTestId('diagram-picture').getByText('Core: customers (source-aligned)').waitFor();
    await page.keyboard.press('Escape');
    await productNode(page, 'orders').click();
    await page.getByTestId('product-inspector').getByRole('button', { name: 'Data product architecture…' }).click();
    await page.getByTestId('diagram-picture').getByText('Core: orders (source-aligned)').waitFor();
    expect(await pictureText(page)).toContain('Storage: sqlite');
    expect(await pictureText(page)).toContain('OrderPlaced v1.0.0 (event)');

    await page.getByRole('button', { name: 'Lineage', exact: true }).click();
    await page.getByTestId('diagram-picture').getByText('orders.public.orders').waitFor();

    await page.getByLabel('Diagram of').selectOption({ label: 'orders-service' });
    await page.getByTestId('diagram-picture').getByText('Microservice: orders-service (Java)').waitFor();
    expect(await pictureText(page)).toContain('History: Order');

    await page.getByLabel('Diagram of').selectOption({ label: 'Orders' });
    await page.getByRole('button', { name: 'Lineage', exact: true }).click();
    await page.getByTestId('diagram-picture').getByText('Lineage: Orders').waitFor();
    for (const port of ['orders.public.order_lines', 'orders CDC', 'OrderPlaced events']) {
      expect(await pictureText(page)).toContain(port);
    }
  });

  it("centres each line of a frame's title in its frame, as the saved pictures do", async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'customers').click();
    const name = page.getByTestId('product-inspector').getByLabel('Name').first();
    await name.fill('Climate <monitoring> & "vault"');
    await name.press('Enter');
    await page.getByTestId('product-inspector').getByRole('button', { name: 'Data product architecture…' }).click();
    await page.getByRole('button', { name: 'Lineage', exact: true }).click();
    await page.getByTestId('diagram-picture').locator('.cluster-label').getByText('"vault"').waitFor();
    await page.getByRole('button', { name: 'Actual size' }).click();
    // How far, in pixels, the middle of each line of each frame's title is from its frame's.
    const offCentre =
      (await page.evaluate(`[...document.querySelectorAll('[data-testid="diagram-picture"] g.cluster')].flatMap((cluster) => {
      const frame = cluster.querySelector(':scope > rect').getBoundingClientRect();
      const walker = document.createTreeWalker(cluster.querySelector('.cluster-label'), NodeFilter.SHOW_TEXT);
      const lines = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const line of range.getClientRects()) {
          lines.push([node.textContent.trim(), Math.abs(line.left + line.width / 2 - (frame.left + frame.width / 2))]);
        }
      }
      return lines;
    })`)) as Array<[string, number]>;
    await screenshot(page, 'diagram-view-two-line-frame-title');
    expect(offCentre.map(([line]) => line)).toEqual(expect.arrayContaining(['Climate <monitoring> &', '"vault"']));
    for (const [line, offset] of offCentre) expect(offset, line).toBeLessThan(1);
  });

  it('copies the text and the image, and saves .mmd, .svg and .png', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openSampleDesign(page, 'seed-logical-view');
    await openLogicalView(page);

    await page.getByRole('button', { name: 'Copy text' }).click();
    await page.getByText('Copied the Mermaid text').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('subgraph domain_domain-1["Domain 1"]');

    await page.getByRole('button', { name: 'Copy image' }).click();
    await page.getByText('Copied the diagram as an image').waitFor();
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
    expect(types).toContain('image/png');

    const mmd = await savedDownload(page, 'Save .mmd');
    expect(mmd.name).toBe('logical-view-logical-view.mmd');
    expect(mmd.bytes.toString('utf8')).toMatch(/^---\ntitle: "Logical view: Logical view"/);
    const svg = await savedDownload(page, 'Save .svg');
    expect(svg.bytes.toString('utf8')).toContain('<svg');
    expect(svgTextLabels(svg.bytes.toString('utf8'))).toContain(withoutSpaces('Data product 2b'));
    const png = await savedDownload(page, 'Save .png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(400);
  });

  it('saves a diagram too tall for a 2× PNG at the largest scale that fits, and says its size and scale (a depot of 100 parcel streams)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    let depot = aMesh('tall-depot').withDomain('depot', { name: 'Depot' });
    for (let index = 0; index < 100; index++) {
      depot = depot.withProduct(`parcel-stream-${index}`, 'depot', { name: `Parcel Stream ${index}` });
    }
    await openByChooser(page, 'tall-depot.mesh.json', serializeMesh(placedOnAGrid(depot.build())));
    await openLogicalView(page);

    const png = await savedDownload(page, 'Save .png');
    const size = { width: png.bytes.readUInt32BE(16), height: png.bytes.readUInt32BE(20) };
    expect(size.height).toBe(16_384);
    const notice = await page
      .getByRole('status')
      .filter({ hasText: `Saved ${png.name}` })
      .textContent();
    expect(notice).toContain(`(${size.width} × ${size.height} px, at 1.`);
    expect(notice).toMatch(/at 1\.\d\d× rather than 2×: no side of a PNG can pass 16384 px\)/);
  });

  // How fast it draws is measured by `npm run bench diagrams` on an idle machine, not here.
  it('shows a mesh too large for Mermaid as the export’s domain overview, each domain in detail from there', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'large.mesh.json', serializeMesh(largeMesh()));
    await page.locator('.react-flow__node-domain-block').first().waitFor();
    await page.keyboard.press('m');
    const picture = page.getByTestId('diagram-picture');
    await picture.locator('svg').waitFor({ timeout: 30_000 });
    const overview = page.getByRole('region', { name: 'Domain overview' });
    await overview.getByText('past the 500 Mermaid draws by default').waitFor();
    await picture.getByText('Domain 7 · 50 products').waitFor();
    expect(await picture.locator('.node').count()).toBe(20);
    await screenshot(page, 'diagram-view-large-mesh-overview');
    await overview.getByRole('button', { name: 'Domain 7', exact: true }).click();
    await expect.poll(() => page.getByLabel('Diagram of').inputValue()).toBe('domain/d7');
    await picture.getByText('Product 7.12').waitFor({ timeout: 30_000 });
    expect(await overview.count()).toBe(0);
  }, 90_000);

  it('shows a long chain of products no smaller than half size, to scroll along its flow, rather than a thin strip', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'chain.mesh.json', serializeMesh(aLongChain(40)));
    await page.getByTestId('mesh-inspector').getByRole('button', { name: 'Logical view…' }).click();
    // Fitted to a slide, a long chain runs top to bottom (docs/diagrams.md): the pane scrolls down it.
    await expectReadableChain(page, 'down');
    await screenshot(page, 'diagram-view-long-chain');
    await page.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'Left to right' }).click();
    await expectReadableChain(page, 'across');
  });

  it('saves the .png the Export dialog and the command line draw of its text, byte for byte', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleDesign(page, 'ecommerce');
    await page.keyboard.press('m');
    await page.getByTestId('diagram-picture').locator('svg').waitFor();
    // On screen Mermaid breaks no line the text did not, as in the files: a name stays on one line.
    const screenLinesOfName =
      await page.evaluate(`[...document.querySelectorAll('[data-testid="diagram-picture"] foreignObject span')]
      .filter((label) => label.textContent.trim() === 'sales-dashboard')
      .map((label) => { const range = document.createRange(); range.selectNodeContents(label.firstChild); return range.getClientRects().length; })`);
    expect(screenLinesOfName).toEqual([1]);
    const mmd = (await savedDownload(page, 'Save .mmd')).bytes.toString('utf8');
    const png = (await savedDownload(page, 'Save .png')).bytes;
    const opened = await openChromiumDrawer();
    if (!opened.ok) throw new Error(opened.reason);
    try {
      const drawnByCli = Buffer.from(((await opened.drawer.draw(mmd, 'png')) as DrawnPng).bytes);
      expect(png.equals(drawnByCli)).toBe(true);
    } finally {
      await opened.drawer.close();
    }
  });

  it('saves an .svg whose labels are SVG text, which renderers other than browsers draw', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleDesign(page, 'ecommerce');
    await systemNode(page, 'orders-service').click();
    await page.keyboard.press('m');
    const shown = page.getByTestId('diagram-picture');
    await shown.getByText('Microservice: orders-service (Java)').waitFor();
    // On screen each box, frame and edge label is HTML in a foreignObject.
    const shownTexts = await shown.locator('foreignObject').allTextContents();
    const labels = shownTexts.map(withoutSpaces).filter(Boolean);
    expect(labels).toEqual(expect.arrayContaining(['orders-service', 'persist', 'CDC', 'Clean']));

    const saved = (await savedDownload(page, 'Save .svg')).bytes.toString('utf8');
    expect(saved).not.toContain('foreignObject');
    const texts = svgTextLabels(saved);
    for (const label of labels) expect(texts, label).toContain(label);
    // A box's lines are those the Mermaid text breaks it into, between words or after a name's dots:
    // Mermaid cut none of them inside a topic's name (`orders.public.order` / `s`). See svg-labels.e2e.ts.
    const mmd = (await savedDownload(page, 'Save .mmd')).bytes.toString('utf8');
    const written = [...mmd.matchAll(/label: "([^"]*)", labelType: string \}/g)].flatMap((match) =>
      (match[1] as string).split('\\n').map((line) => line.trim()),
    );
    expect(written).toEqual(expect.arrayContaining(['orders.public.', 'order_lines, orders.', 'events.order-placed']));
    expect(
      svgBoxLabelLines(saved)
        .map((line) => line.trim())
        .sort(),
    ).toEqual(written.sort());
    const drawn = drawnByResvg(saved);
    writeFileSync(join(SCREENSHOT_DIR, 'diagram-svg-drawn-by-resvg.png'), drawn.asPng());
    // Each label draws a few dozen pixels at least.
    expect(labelPixelsDrawnByResvg(saved)).toBeGreaterThan(labels.length * 30);
  });
});

describeInChromium('importing a Mermaid flowchart', (session) => {
  it("turns the design note's logical view into 2 domains with 2 and 3 products, undone in one step", async () => {
    const page = await session.openApp();
    await page.getByRole('button', { name: 'New blank mesh' }).click();
    await page.getByTestId('mesh-inspector').getByRole('button', { name: 'Import Mermaid…' }).click();
    await page.getByRole('textbox', { name: 'Mermaid flowchart' }).fill(`${NOTE_LOGICAL_VIEW}  style A fill:#f00\n`);
    await page.getByText('Adds 2 domains, 5 data products and 4 links.').waitFor();
    expect(await page.getByTestId('import-warnings').textContent()).toContain(
      'Line 15: Styles and classes are not imported',
    );
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('.react-flow__node-product');
    expect(await page.locator('.react-flow__node-domain').count()).toBe(2);
    expect(await page.locator('.react-flow__node-product').count()).toBe(5);
    expect(await page.locator('.react-flow__edge').count()).toBe(4);
    await screenshot(page, 'mermaid-import-canvas');

    // The import's own notice offers Undo, beside the toolbar's.
    await page.locator('.status-bar').getByRole('button', { name: 'Undo' }).click();
    await page.waitForSelector('.react-flow__node-domain', { state: 'detached' });
    expect(await page.locator('.toolbar').getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
  });

  it('refuses a flowchart file that is not UTF-8, keeping the text typed so far', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await page.getByTestId('mesh-inspector').getByRole('button', { name: 'Import Mermaid…' }).click();
    const flowchart = page.getByRole('textbox', { name: 'Mermaid flowchart' });
    await flowchart.fill('flowchart LR\n  A --> B');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open a .mmd file…' }).click();
    // "Café" in Windows-1252: 0xE9 is no UTF-8.
    const latin1 = Buffer.from([...Buffer.from('flowchart LR\n  A[Caf'), 0xe9, ...Buffer.from(']\n')]);
    await (await chooser).setFiles({ name: 'cafes.mmd', mimeType: 'text/plain', buffer: latin1 });

    await page.getByText(/cafes\.mmd was not opened: .*not UTF-8/).waitFor();
    expect(await flowchart.inputValue()).toBe('flowchart LR\n  A --> B');
  });

  it('imports the same flowchart again by updating what matches, unless asked to add all as new', async () => {
    const page = await session.openApp();
    await page.getByRole('button', { name: 'New blank mesh' }).click();
    const importNote = async (text: string) => {
      // Nothing selected, so the inspector is the design's, where Import Mermaid is.
      const empty = await emptyCanvasPoint(page);
      await page.mouse.click(empty.x, empty.y);
      await page.getByTestId('mesh-inspector').getByRole('button', { name: 'Import Mermaid…' }).click();
      await page.getByRole('textbox', { name: 'Mermaid flowchart' }).fill(text);
    };
    await importNote(NOTE_LOGICAL_VIEW);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('.react-flow__node-product');

    await importNote(NOTE_LOGICAL_VIEW.replace('end\n', '  Z[Returns]\nend\n'));
    const update = page.getByLabel('Update the 7 matching elements and add 1 new');
    const addAll = page.getByLabel('Add all as new');
    // Something is new: the diagram may be another design's, so adding all is the default.
    expect(await addAll.isChecked()).toBe(true);
    await update.check();
    await page.getByText('Updates 7 elements and adds 0 domains, 1 data product and 0 links.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('[data-testid="dialog-mermaid-import"]', { state: 'detached' });
    expect(await page.locator('.react-flow__node-domain').count()).toBe(2);
    expect(await page.locator('.react-flow__node-product').count()).toBe(6);

    await importNote(NOTE_LOGICAL_VIEW);
    expect(await page.getByLabel('Update the 7 matching elements and add 0 new').isChecked()).toBe(true);
    await addAll.check();
    await page.getByText('Adds 2 domains, 5 data products and 4 links.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('[data-testid="dialog-mermaid-import"]', { state: 'detached' });
    expect(await page.locator('.react-flow__node-domain').count()).toBe(4);

    await page.locator('.toolbar').getByRole('button', { name: 'Undo' }).click();
    expect(await page.locator('.react-flow__node-domain').count()).toBe(2);
  });

  it('says where a text is not a flowchart and imports nothing', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await page.getByTestId('mesh-inspector').getByRole('button', { name: 'Import Mermaid…' }).click();
    await page.getByRole('textbox', { name: 'Mermaid flowchart' }).fill('sequenceDiagram\n  A->>B: hi');
    expect(await page.getByTestId('import-errors').textContent()).toContain('Line 1: Only flowcharts can be imported');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
  });

  it('adds an erDiagram as a new contract, served from a new port of the selected product, and lists what it skipped', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'shipments').click();
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('import mermaid');
    await page.keyboard.press('Enter');
    const teaEr = readFileSync(join(import.meta.dirname, '../fixtures/import/mermaid-er/tea-er.mmd'), 'utf8');
    await page.getByRole('textbox', { name: 'Mermaid flowchart' }).fill(teaEr);

    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toContain('Adds a contract of 2 schema objects');
    expect(await page.getByRole('dialog').getByRole('heading', { level: 2 }).textContent()).toBe(
      'Import a Mermaid erDiagram as a contract',
    );
    expect(await page.getByTestId('import-warnings').textContent()).toContain(
      'not mapped: 4:24 AUCTION_LOT: AUCTION_LOT has no attributes',
    );
    await page.getByRole('button', { name: 'Add as a new contract', exact: true }).click();

    await page.getByRole('tab', { name: /^er-diagram\b/ }).waitFor();
    const notice = page.locator('.status-bar .notice__text');
    await expect.poll(() => notice.textContent()).toContain('Served from shipments by a new output port.');
  });

  it('lists the warnings of the contract an erDiagram makes, each with its place, before it is added', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await page.getByTestId('mesh-inspector').getByRole('button', { name: 'Import Mermaid…' }).click();
    const keyless = [
      'erDiagram',
      '  ESTATE {',
      '    string estate_id PK',
      '  }',
      '  TASTING {',
      '    int score',
      '  }',
    ];
    await page.getByRole('textbox', { name: 'Mermaid flowchart' }).fill(keyless.join('\n'));

    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toContain('Adds a contract of 2 schema objects');
    const warning = page.getByTestId('import-warnings').locator('.problem--warning');
    expect(await warning.textContent()).toMatch(/^5:3 TASTING: entity 'TASTING' has no primary key: /);
    expect(await page.getByRole('button', { name: 'Add as a new contract', exact: true }).isEnabled()).toBe(true);
  });
});

describeInChromium('images of the canvas', (session) => {
  async function saveImage(page: Page, choices: string[]) {
    await page.getByRole('button', { name: /^Image( of the canvas)?…$/ }).click();
    for (const choice of choices)
      await page.getByTestId('dialog-canvas-image').getByLabel(choice, { exact: true }).check();
    return savedDownload(page, /^Save \.(png|svg)…$/);
  }

  /** The e-commerce sample with a link from customer-360 back into itself: a cycle, an error at the link. */
  async function openShopWithLoop(page: Page): Promise<void> {
    const mesh = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../assets/samples/ecommerce.mesh.json'), 'utf8'),
    );
    mesh.links.push({
      id: 'loop',
      from: { nodeId: 'customer-360', portId: 'profiles-out' },
      to: { nodeId: 'customer-360', portId: 'customers-in' },
    });
    await openByChooser(page, 'shop.mesh.json', JSON.stringify(mesh));
  }

  async function openMeshFixture(page: Page, name: string): Promise<void> {
    const mesh = readFileSync(join(import.meta.dirname, `../fixtures/mesh/${name}.mesh.json`), 'utf8');
    await openByChooser(page, `${name}.mesh.json`, mesh);
  }

  /** A light SVG of the whole mesh, opened on its own in a new page as a viewer shows it. */
  async function wholeMeshSvgViewed(page: Page): Promise<Page> {
    const svg = await saveImage(page, ['SVG', 'The whole mesh', 'Light']);
    const viewer = await page.context().newPage();
    await viewer.goto(`data:image/svg+xml;base64,${svg.bytes.toString('base64')}`);
    return viewer;
  }

  const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

  it('offers Cancel after the buttons that do the work, and Cancel closes the dialog', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleDesign(page, 'ecommerce');
    await page.getByRole('button', { name: /^Image( of the canvas)?…$/ }).click();
    const dialog = page.getByTestId('dialog-canvas-image');

    expect(await dialog.locator('.dialog-form__row--end button').allTextContents()).toEqual([
      'Copy PNG',
      'Save .png…',
      'Cancel',
    ]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('saves PNGs of the whole mesh in light and dark at 1× and 2×, and an SVG', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleDesign(page, 'ecommerce');

    const light = await saveImage(page, ['PNG', 'The whole mesh', 'Light', '1×']);
    expect(light.name).toBe('e-commerce-mesh-canvas.png');
    const lightSize = pngSize(light.bytes);
    expect(lightSize.width).toBeGreaterThan(800);
    await page.getByTestId('dialog-canvas-image').waitFor({ state: 'detached' });

    const dark = await saveImage(page, ['PNG', 'The whole mesh', 'Dark', '2× (sharp on high-density screens)']);
    expect(pngSize(dark.bytes)).toEqual({ width: lightSize.width * 2, height: lightSize.height * 2 });
    copyAs(dark, 'canvas-image-dark-2x.png');
    copyAs(light, 'canvas-image-light-1x.png');

    const svg = await saveImage(page, ['SVG', 'The whole mesh', 'Light']);
    const svgText = svg.bytes.toString('utf8');
    expect(svgText).toMatch(/^<svg/);
    expect(svgText).toContain('customer-360');
    const viewer = await page.context().newPage();
    await viewer.setContent(`<img src="data:image/svg+xml;base64,${svg.bytes.toString('base64')}">`);
    await viewer.locator('img').evaluate((image: HTMLImageElement) => image.decode());
    await viewer.locator('img').screenshot({ path: join(SCREENSHOT_DIR, 'canvas-image-svg-rendered.png') });
  });

  it('shows every domain name whole in the image, which has no tooltip to read a cut name in (postal service)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openMeshFixture(page, 'postal-grouped-analytics');
    const cutOnCanvas = page.getByTestId('domain-delivery-rounds-zustellung').locator('.domain-node__name');
    expect(await cutOnCanvas.evaluate((name) => name.scrollWidth > name.clientWidth)).toBe(true);

    const viewer = await wholeMeshSvgViewed(page);
    const names = await viewer
      .locator('.domain-node__name')
      .evaluateAll((elements) =>
        elements.map((name) => ({ text: name.textContent, isCut: name.scrollWidth > name.clientWidth })),
      );
    expect(names).toContainEqual({ text: 'Delivery Rounds — Zustellung 配達', isCut: false });
    expect(names.filter((name) => name.isCut)).toEqual([]);
    await page.getByTestId('dialog-canvas-image').waitFor({ state: 'detached' });
    copyAs(await saveImage(page, ['PNG', 'The whole mesh', 'Light', '1×']), 'canvas-image-whole-domain-names.png');
  });

  it('shows every port name whole in the image, wrapped in its node, and leaves the canvas cutting them (tea estate)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openMeshFixture(page, 'tea-estate-long-port-names');
    const cutPortNames = () =>
      page
        .locator('.port__name')
        .evaluateAll((names) =>
          names.filter((name) => name.scrollWidth > name.clientWidth).map((name) => name.textContent),
        );
    expect(await cutPortNames()).toContain('to Green-Leaf Yield (kg/ha)');

    const viewer = await wholeMeshSvgViewed(page);
    const ports = await viewer.locator('.port__name').evaluateAll((names) =>
      names.map((name) => {
        const box = name.getBoundingClientRect();
        const node = (name.closest('.product-node, .system-node') as HTMLElement).getBoundingClientRect();
        return {
          text: name.textContent,
          isCut: name.scrollWidth > name.clientWidth || name.scrollHeight > name.clientHeight + 4,
          isInsideNode: box.left >= node.left && box.right <= node.right && box.bottom <= node.bottom,
        };
      }),
    );
    expect(ports).toContainEqual({ text: 'to Green-Leaf Yield (kg/ha)', isCut: false, isInsideNode: true });
    expect(ports.filter((port) => port.isCut || !port.isInsideNode)).toEqual([]);
    await page.getByTestId('dialog-canvas-image').waitFor({ state: 'detached' });
    expect(await cutPortNames()).toContain('to Green-Leaf Yield (kg/ha)');
    copyAs(
      await saveImage(page, ['PNG', 'The whole mesh', 'Light', '2× (sharp on high-density screens)']),
      'canvas-image-whole-port-names.png',
    );
  });

  it('shows every product and system name whole in the image, where the canvas cuts them at two lines (rail freight)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const mesh = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../assets/samples/ecommerce.mesh.json'), 'utf8'),
    );
    const systemName = 'Track Access Charging System for Freight Paths (TACS)';
    const productName = 'Engineering Possessions & Line Closures on the Freight Corridors of the National Rail Network';
    mesh.systems[0].name = systemName;
    mesh.products[0].name = productName;
    await openByChooser(page, 'rail.mesh.json', JSON.stringify(mesh));
    const cutNames = (root: Page) =>
      root
        .locator('.product-node__name, .system-node__name')
        .evaluateAll((names) =>
          names.filter((name) => name.scrollHeight > name.clientHeight + 4).map((name) => name.textContent),
        );
    expect(await cutNames(page)).toEqual(expect.arrayContaining([systemName, productName]));

    const viewer = await wholeMeshSvgViewed(page);
    expect(await cutNames(viewer)).toEqual([]);
    await page.getByTestId('dialog-canvas-image').waitFor({ state: 'detached' });
    expect(await cutNames(page)).toEqual(expect.arrayContaining([systemName, productName]));
  });

  it('moves the nodes under one grown to show its names whole down, so none is drawn over another (rail network)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openMeshFixture(page, 'rail-network-long-names');
    const placesOnCanvas = () =>
      page
        .locator('.react-flow__node-product, .react-flow__node-system, .react-flow__node-domain')
        .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).style.transform));
    const placedBefore = await placesOnCanvas();
    const viewer = await wholeMeshSvgViewed(page);
    const drawn = await viewer.evaluate(() => {
      const boxOf = (node: Element) => ({ id: (node as HTMLElement).dataset.id, box: node.getBoundingClientRect() });
      const nodes = [...document.querySelectorAll('.react-flow__node-product, .react-flow__node-system')].map(boxOf);
      const domains = [...document.querySelectorAll('.react-flow__node-domain')].map(boxOf);
      const meet = (a: DOMRect, b: DOMRect) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const holds = (outer: DOMRect, inner: DOMRect) =>
        inner.left >= outer.left &&
        inner.right <= outer.right &&
        inner.top >= outer.top &&
        inner.bottom <= outer.bottom;
      return {
        count: nodes.length,
        overlapping: nodes.flatMap((a, index) =>
          nodes.slice(index + 1).flatMap((b) => (meet(a.box, b.box) ? [`${a.id} over ${b.id}`] : [])),
        ),
        outsideDomains: nodes
          .filter((node) => !domains.some((domain) => holds(domain.box, node.box)))
          .map((node) => node.id),
      };
    });
    expect(drawn).toEqual({ count: 5, overlapping: [], outsideDomains: [] });
    // Only the image moves them: the canvas draws them where the design places them again.
    await page.getByTestId('dialog-canvas-image').waitFor({ state: 'detached' });
    await expect.poll(placesOnCanvas).toEqual(placedBefore);
  });

  it('holds every link whole, also those routed around the domains, with the margin (hydro)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openMeshFixture(page, 'hydro-links-around-domains');
    const viewer = await wholeMeshSvgViewed(page);
    const outside = await viewer.evaluate(() => {
      const picture = document.documentElement.getBoundingClientRect();
      return [...document.querySelectorAll('.react-flow__edge-path, .link-label')].flatMap((drawn) => {
        const box = drawn.getBoundingClientRect();
        const isInside =
          box.left >= picture.left + 1 &&
          box.top >= picture.top + 1 &&
          box.right <= picture.right - 1 &&
          box.bottom <= picture.bottom - 1;
        return isInside ? [] : [`${drawn.closest('[data-id]')?.getAttribute('data-id')}: ${JSON.stringify(box)}`];
      });
    });
    expect(await viewer.locator('.react-flow__edge-path').count()).toBeGreaterThan(10);
    expect(outside).toEqual([]);
  });

  it('leaves editing chrome and repeated default styles out of the image', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openShopWithLoop(page);
    await productNode(page, 'customer-360').click();
    await page.locator('.governance-badge').first().waitFor();
    await page.getByTestId('link-problems-loop').waitFor();
    const svg = (await saveImage(page, ['SVG', 'The whole mesh', 'Light'])).bytes.toString('utf8');
    expect(svg).toContain('customer-360');
    expect(svg).toContain('port__name');
    for (const chrome of [
      'governance-badge',
      'link-badge',
      'react-flow__handle',
      'react-flow__edgeupdater',
      'edge-interaction',
    ])
      expect(svg, chrome).not.toContain(chrome);
    // The selected product's outline is the editor's, not the design's.
    expect(svg).not.toMatch(/outline: [^;]*solid/);
    // Each element carried every computed property (some 6 kB): only those the app's CSS sets are kept.
    expect(svg.length / (svg.match(/style="/g) ?? []).length).toBeLessThan(2_000);
  });

  it('leaves link problem badges out of the PNG: no pixel of the badge’s colour where the canvas draws it', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openShopWithLoop(page);
    const badge = page.getByTestId('link-problems-loop');
    const where = await badgeInImage(page, badge);
    const colour = await badge.locator('circle').evaluate((circle) => getComputedStyle(circle).fill);

    const png = (await saveImage(page, ['PNG', 'The whole mesh', 'Light', '1×'])).bytes;
    expect(await pixelsOfColour(page, png, where, colour)).toBe(0);
  });

  it('says the size and scale a PNG too tall for 2× was drawn at, as the file has them (a postal service 9,000 units tall)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const mesh = aMesh('tall-post')
      .withDomain('collection', { name: 'Mail Collection' })
      .withDomain('delivery', { name: 'Last-Mile Delivery' })
      .withProduct('counter-transactions', 'collection', { name: 'Counter Transactions' })
      .withProduct('delivery-attempts', 'delivery', { name: 'Delivery Attempts' })
      .build();
    mesh.layout.nodes = {
      collection: { x: 0, y: 0, width: 400, height: 240 },
      'counter-transactions': { x: 40, y: 60 },
      delivery: { x: 0, y: 9_000, width: 400, height: 240 },
      'delivery-attempts': { x: 40, y: 60 },
    };
    await openByChooser(page, 'tall-post.mesh.json', serializeMesh(mesh));

    const png = pngSize(
      (await saveImage(page, ['PNG', 'The whole mesh', 'Light', '2× (sharp on high-density screens)'])).bytes,
    );
    // No side of a browser's image passes 16,384 pixels: the picture is drawn smaller than 2×, and the notice says so.
    expect(png.height).toBe(16_384);
    const notice = await page.getByRole('status').filter({ hasText: 'Saved test-mesh-canvas.png' }).textContent();
    expect(notice).toContain(`(${png.width} × ${png.height} px,`);
    expect(notice).toMatch(/at 1\.\d\d× rather than 2×/);
  });

  it('saves the selection only, and copies a PNG', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openSampleDesign(page, 'ecommerce');
    const whole = pngSize((await saveImage(page, ['PNG', 'The whole mesh', 'Light', '1×'])).bytes);
    await page.getByTestId('dialog-canvas-image').waitFor({ state: 'detached' });

    await productNode(page, 'customer-360').click();
    const selection = await saveImage(page, ['PNG', 'The selection', 'Light', '1×']);
    copyAs(selection, 'canvas-image-selection.png');
    const size = pngSize(selection.bytes);
    expect(size.width).toBeLessThan(whole.width / 2);
    expect(size.height).toBeLessThan(whole.height);
    await page.getByTestId('dialog-canvas-image').waitFor({ state: 'detached' });

    await page.getByTestId('product-inspector').getByRole('button', { name: 'Image…' }).click();
    await page.getByRole('button', { name: 'Copy PNG' }).click();
    await page.getByText('Copied the image of the canvas').waitFor();
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
    expect(types).toContain('image/png');
  });
});

/** The pixel of a 1× image of the whole mesh at a link badge's centre: its place on the canvas, off the nodes' bounds, past the image's margin. */
async function badgeInImage(page: Page, badge: Locator): Promise<{ x: number; y: number }> {
  const IMAGE_MARGIN = 24; // canvas-image.ts's MARGIN
  const transform = (await badge.getAttribute('transform')) ?? '';
  const [x, y] = (/translate\(([-\d.]+) ([-\d.]+)\)/.exec(transform) ?? []).slice(1).map(Number);
  if (x === undefined || y === undefined) throw new Error(`no translate in '${transform}'`);
  const nodes = await Promise.all((await page.locator('.react-flow__node').all()).map(flowPosition));
  const left = Math.min(...nodes.map((node) => node.x));
  const top = Math.min(...nodes.map((node) => node.y));
  return { x: x - left + IMAGE_MARGIN, y: y - top + IMAGE_MARGIN };
}

/** How many pixels of a PNG within 10 px of a point have the colour (CSS rgb()), each channel within 16. */
async function pixelsOfColour(page: Page, png: Buffer, at: { x: number; y: number }, colour: string): Promise<number> {
  const viewer = await page.context().newPage();
  try {
    await viewer.setContent(`<img src="data:image/png;base64,${png.toString('base64')}">`);
    return await viewer.locator('img').evaluate(
      async (image: HTMLImageElement, { at, colour }) => {
        await image.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [image.naturalWidth, image.naturalHeight];
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const wanted = (colour.match(/\d+/g) ?? []).map(Number);
        const { data } = context.getImageData(Math.round(at.x) - 10, Math.round(at.y) - 10, 21, 21);
        let count = 0;
        for (let index = 0; index < data.length; index += 4)
          if (wanted.every((channel, offset) => Math.abs((data[index + offset] ?? 0) - channel) <= 16)) count++;
        return count;
      },
      { at, colour },
    );
  } finally {
    await viewer.close();
  }
}

/** The chain's picture runs `flow`, is drawn at half size or more, and the pane scrolls along it. */
async function expectReadableChain(page: Page, flow: 'down' | 'across'): Promise<void> {
  const svg = page.getByTestId('diagram-picture').locator('svg');
  // Wait for the picture of this layout: the one before it is replaced once Mermaid is done.
  await expect
    .poll(() => svg.evaluate((drawn: SVGSVGElement) => drawn.viewBox.baseVal.height > drawn.viewBox.baseVal.width))
    .toBe(flow === 'down');
  // The drawing fits the box in both sides (preserveAspectRatio), so its scale is the smaller ratio.
  const scale = await svg.evaluate((drawn: SVGSVGElement) => {
    const box = drawn.getBoundingClientRect();
    return Math.min(box.width / drawn.viewBox.baseVal.width, box.height / drawn.viewBox.baseVal.height);
  });
  expect(scale).toBeGreaterThanOrEqual(0.5);
  const pane = page.locator('.diagram-view__picture-pane');
  const scrollsAlongFlow = await pane.evaluate(
    (element, isDown) =>
      isDown ? element.scrollHeight > element.clientHeight : element.scrollWidth > element.clientWidth,
    flow === 'down',
  );
  expect(scrollsAlongFlow).toBe(true);
}

function copyAs(saved: { bytes: Buffer }, name: string): void {
  writeFileSync(join(SCREENSHOT_DIR, name), saved.bytes);
}

/** One domain whose products feed each other in a line: a logical view far longer than broad, placed on the canvas. */
function aLongChain(length: number): Mesh {
  const builder = aMesh('chain').withDomain('line', { name: 'Line' });
  for (let index = 0; index < length; index++) {
    builder.withProduct(`p${index}`, 'line', {
      name: `Product ${index}`,
      inputPorts: [aPort('in', 'input')],
      outputPorts: [aPort('out', 'output')],
    });
    if (index > 0)
      builder.withLink(`l${index}`, { nodeId: `p${index - 1}`, portId: 'out' }, { nodeId: `p${index}`, portId: 'in' });
  }
  return placedOnAGrid(builder.build());
}
