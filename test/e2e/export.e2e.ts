import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openChromiumDrawer } from '../../cli/render/mermaid-images';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/content-security-policy';
import { attachContracts, resolveContractConflicts } from '../../shared/contracts';
import { importContractSource } from '../../shared/contracts/import';
import type { DrawnPng } from '../../shared/export';
import { EXPORT_MANIFEST_PATH, exportManifestText } from '../../shared/files/export-manifest';
import { serializeMesh } from '../../shared/model';
import { aMesh, aTruncatingScenario, placedOnAGrid } from '../builders/mesh-builder';
import { fanOutMesh } from '../unit/export/unseen-meshes';
import { cspViolations, describeInChromium, SCREENSHOT_DIR } from './app-driver';
import { openByChooser, openSampleDesign, systemNode } from './designer-driver';
import { downloadBundle, downloadBundleBytes, exportDialog, openExportDialog, previewText } from './export-driver';
import { svgTextLabels, withoutSpaces } from './svg-outside-browser';

const FIXTURES = join(import.meta.dirname, '../fixtures/export');
const ODCS_FIXTURES = join(import.meta.dirname, '../fixtures/odcs');
const MANIFEST_LABELS = [
  'ODCS data contracts',
  'ODPS data products',
  'Backstage catalog',
  'Kafka on Kubernetes (Strimzi)',
  'PostgreSQL DDL and migrations',
  'JSON Schema',
];

describeInChromium('export', (session) => {
  it.each(['ecommerce', 'seed-logical-view'])(
    'exports the %s sample to every format through the dialog: a zip of the golden files',
    async (sample) => {
      const page = await session.openApp();
      await openSampleDesign(page, sample);
      await openExportDialog(page);
      const { name, files } = await downloadBundle(page);
      expect(name).toMatch(/-export\.zip$/);
      expect(files.size).toBeGreaterThan(10);
      expect(files.get('index.md')).toBe(readFileSync(join(FIXTURES, sample, 'index.md'), 'utf8'));
      // The zip carries the listing a folder export writes, so `export --force` can refresh it unzipped.
      const { [EXPORT_MANIFEST_PATH]: listing, ...bundle } = Object.fromEntries(files);
      expect(listing).toBe(exportManifestText(Object.keys(bundle)));
      for (const [path, text] of Object.entries(bundle)) {
        const golden = join(FIXTURES, sample, path);
        expect(existsSync(golden), path).toBe(true);
        expect(text, path).toBe(readFileSync(golden, 'utf8'));
      }
      // The dialog closes and says where the files went.
      await exportDialog(page).waitFor({ state: 'detached' });
      expect(await page.getByRole('status').textContent()).toContain(
        `Exported ${Object.keys(bundle).length} files to ${name}`,
      );
    },
  );

  it('previews each file read-only in Monaco, under the desktop app’s CSP, and copies one', async () => {
    const page = await session.openApp({ contentSecurityPolicy: CONTENT_SECURITY_POLICY });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openSampleDesign(page, 'ecommerce');
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = exportDialog(page);
    await dialog.getByTestId('export-ready').waitFor();
    await dialog.getByRole('treeitem', { name: 'order.odcs.yaml' }).click();
    await expect.poll(() => previewText(page)).toContain('name: Order');
    expect(await dialog.getByTestId('export-preview-path').textContent()).toBe('odcs/order.odcs.yaml');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => dialog.getByTestId('export-preview-path').textContent()).toBe('odcs/customer.odcs.yaml');
    await dialog.getByRole('treeitem', { name: 'orders.sql', exact: true }).click();
    await expect.poll(() => previewText(page)).toContain('CREATE TABLE "orders"."orders"');
    await page.keyboard.type('typing does nothing');
    expect(await previewText(page)).not.toContain('typing does nothing');
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(readFileSync(join(FIXTURES, 'ecommerce/sql/orders.sql'), 'utf8'));
    expect(await cspViolations(page)).toEqual([]);
  });

  it('exports the diagrams as .mmd, .svg and .png in the same bundle, drawn in the app under the desktop CSP', async () => {
    const page = await session.openApp({ contentSecurityPolicy: CONTENT_SECURITY_POLICY });
    await openSampleDesign(page, 'ecommerce');
    await openExportDialog(page);
    const dialog = exportDialog(page);
    // One domain has a diagram of every kind: the whole mesh's pictures are drawn in diagrams.e2e.ts.
    await dialog.getByLabel('One domain').check();
    await dialog.getByLabel('Domain to export').selectOption({ label: 'Orders' });
    const section = dialog.getByTestId('export-diagrams');
    await section.getByLabel('.svg picture').check();
    await section.getByLabel('.png picture (2×)').check();
    await dialog
      .getByTestId('export-progress')
      .getByText(/^Drawing mermaid\//)
      .waitFor();
    await dialog.getByTestId('export-ready').waitFor({ timeout: 180_000 });
    await dialog.getByRole('treeitem', { name: 'orders-service.png' }).click();
    const picture = dialog.getByTestId('export-preview-picture');
    await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(400);
    expect(await picture.getAttribute('alt')).toBe(
      'data retrieval flow of operational system orders-service, as a PNG picture',
    );

    const { files } = await downloadBundleBytes(page);
    const diagrams = [...files.keys()].filter((path) => path.endsWith('.mmd'));
    expect(diagrams.sort()).toEqual([
      'mermaid/architecture/orders.mmd',
      'mermaid/contracts/order-placed.mmd',
      'mermaid/contracts/order.mmd',
      'mermaid/data-retrieval/orders-service.mmd',
      'mermaid/lineage/orders.mmd',
      'mermaid/logical-view/orders.mmd',
    ]);
    const index = new TextDecoder().decode(files.get('index.md'));
    for (const diagram of diagrams) {
      const svgPath = diagram.replace(/\.mmd$/, '.svg');
      const pngPath = diagram.replace(/\.mmd$/, '.png');
      const svg = new TextDecoder().decode(files.get(svgPath));
      const png = Buffer.from(files.get(pngPath) ?? []);
      expect(index).toContain(`[${svgPath}](${svgPath})`);
      expect(index).toContain(`[${pngPath}](${pngPath})`);
      // The browser's own XML parser reads each SVG as a standalone SVG document.
      const root = await page.evaluate((text) => {
        const document = new DOMParser().parseFromString(text, 'image/svg+xml');
        const svgRoot = document.documentElement as unknown as SVGSVGElement;
        return {
          name: svgRoot.localName,
          namespace: svgRoot.namespaceURI,
          errors: document.getElementsByTagName('parsererror').length,
          width: svgRoot.viewBox.baseVal.width,
          height: svgRoot.viewBox.baseVal.height,
        };
      }, svg);
      expect(root, svgPath).toMatchObject({ name: 'svg', namespace: 'http://www.w3.org/2000/svg', errors: 0 });
      // Labels are SVG text, which renderers other than browsers draw, not HTML.
      expect(svg, svgPath).not.toContain('foreignObject');
      expect([...png.subarray(0, 8)], pngPath).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.subarray(12, 16).toString('latin1'), pngPath).toBe('IHDR');
      // Drawn at twice the diagram's own size.
      expect(png.readUInt32BE(16), pngPath).toBe(2 * Math.ceil(root.width));
      expect(png.readUInt32BE(20), pngPath).toBe(2 * Math.ceil(root.height));
    }
    expect(svgTextLabels(new TextDecoder().decode(files.get('mermaid/data-retrieval/orders-service.svg')))).toContain(
      withoutSpaces('Microservice: orders-service (Java)'),
    );
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(
      join(SCREENSHOT_DIR, 'export-logical-view.png'),
      files.get('mermaid/logical-view/orders.png') ?? new Uint8Array(),
    );
    expect(await cspViolations(page)).toEqual([]);
  }, 300_000);

  it('draws the same pictures whatever the app’s theme: light, as documents show them', async () => {
    const pictures: (Uint8Array | undefined)[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await session.openApp({ colorScheme });
      await openSampleDesign(page, 'ecommerce');
      const files = await exportOrdersPictures(page, 'Logical views', ['.png picture (2×)'], 'orders.png');
      pictures.push(files.get('mermaid/logical-view/orders.png'));
    }
    expect(pictures[0]?.length).toBeGreaterThan(1000);
    expect(Buffer.from(pictures[1] ?? []).equals(Buffer.from(pictures[0] ?? []))).toBe(true);
  });

  it('draws the same picture files each time the same design is exported', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const exported = async () => {
      const files = await exportOrdersPictures(page, 'Data product architectures', ['.svg picture'], 'orders.svg');
      await exportDialog(page).waitFor({ state: 'detached' });
      return files.get('mermaid/architecture/orders.svg');
    };
    // The architecture draws the documentation as Mermaid's `doc` shape, whose wavy edge is drawn at random unless seeded.
    const first = await exported();
    const second = await exported();
    expect(new TextDecoder().decode(first)).toContain('Documentation');
    expect(Buffer.from(second ?? []).equals(Buffer.from(first ?? []))).toBe(true);
  });

  it('lays the diagrams out in the layout chosen', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openExportDialog(page);
    const dialog = exportDialog(page);
    for (const format of MANIFEST_LABELS) await dialog.getByLabel(format).uncheck();
    await dialog.getByTestId('export-diagrams').getByLabel('Layout').selectOption({ label: 'Left to right' });
    await dialog.getByTestId('export-ready').waitFor();
    const { files } = await downloadBundleBytes(page);
    const flowcharts = [...files].filter(([path]) => path.endsWith('.mmd') && !path.includes('/contracts/'));
    expect(flowcharts.length).toBeGreaterThan(0);
    for (const [path, bytes] of flowcharts) expect(new TextDecoder().decode(bytes), path).toMatch(/^flowchart LR$/m);
  });

  it('draws a diagram’s picture files as the command line does, byte for byte', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const files = await exportOrdersPictures(
      page,
      'Logical views',
      ['.svg picture', '.png picture (2×)'],
      'orders.png',
    );
    const text = new TextDecoder().decode(files.get('mermaid/logical-view/orders.mmd'));
    const opened = await openChromiumDrawer();
    if (!opened.ok) throw new Error(opened.reason);
    try {
      const appSvg = new TextDecoder().decode(files.get('mermaid/logical-view/orders.svg'));
      expect(text).toContain('title:');
      expect(await opened.drawer.draw(text, 'svg')).toBe(appSvg);
      const appPng = Buffer.from(files.get('mermaid/logical-view/orders.png') ?? []);
      expect(appPng.length).toBeGreaterThan(1000);
      expect(Buffer.from(((await opened.drawer.draw(text, 'png')) as DrawnPng).bytes).equals(appPng)).toBe(true);
    } finally {
      await opened.drawer.close();
    }
  }, 180_000);

  it('narrows to the chosen formats and one domain, and shows progress while it works', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    // Record every progress line the dialog shows, however briefly.
    await page.evaluate(() => {
      const seen: string[] = [];
      Reflect.set(window, '__progress', seen);
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="export-progress"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await openExportDialog(page);
    const progress = (await page.evaluate(() => Reflect.get(window, '__progress'))) as string[];
    expect(progress.some((line) => /^Exporting/.test(line))).toBe(true);
    const dialog = exportDialog(page);
    for (const format of ['ODCS data contracts', 'Backstage catalog', 'Kafka on Kubernetes (Strimzi)', 'JSON Schema']) {
      await dialog.getByLabel(format).uncheck();
    }
    for (const kind of DIAGRAM_KINDS) {
      await dialog.getByTestId('export-diagrams').getByLabel(kind).uncheck();
    }
    await dialog.getByLabel('One domain').check();
    await dialog.getByLabel('Domain to export').selectOption({ label: 'Analytics' });
    await expect
      .poll(async () => dialog.getByTestId('export-file-tree').getByRole('treeitem').allInnerTexts())
      .toEqual([
        'index.md',
        'odps/\ncustomer-360.odps.yaml\nsales-dashboard.odps.yaml',
        'customer-360.odps.yaml',
        'sales-dashboard.odps.yaml',
        'sql/\ncustomer-360.sql\nsales-dashboard.sql',
        'customer-360.sql',
        'sales-dashboard.sql',
      ]);
    const { files } = await downloadBundle(page);
    expect([...files.keys()].sort()).toEqual([
      EXPORT_MANIFEST_PATH,
      'index.md',
      'odps/customer-360.odps.yaml',
      'odps/sales-dashboard.odps.yaml',
      'sql/customer-360.sql',
      'sql/sales-dashboard.sql',
    ]);
  });

  it('exports the selection on the canvas', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await systemNode(page, 'orders-service').locator('.system-node__name').click();
    await openExportDialog(page);
    await exportDialog(page).getByLabel('The selection (1 element)').check();
    await exportDialog(page).getByText('the selected element').waitFor();
    await exportDialog(page).getByTestId('export-ready').waitFor();
    const { files } = await downloadBundle(page);
    expect([...files.keys()]).toEqual([
      'index.md',
      'odcs/order-placed.odcs.yaml',
      'backstage/catalog-info.yaml',
      'strimzi/kafka-topics.yaml',
      'strimzi/kafka-connectors.yaml',
      'strimzi/orders-service.replica-identity.sql',
      'strimzi/kafka-users.yaml',
      'jsonschema/order-placed-order-placed.schema.json',
      'mermaid/data-retrieval/orders-service.mmd',
      'mermaid/contracts/order-placed.mmd',
      EXPORT_MANIFEST_PATH,
    ]);
  });

  it('names the element and the reason when a format cannot be written, and writes nothing', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await systemNode(page, 'customers-service').locator('.system-node__name').click();
    const engine = page.getByTestId('system-inspector').getByLabel('Engine');
    await engine.fill('sqlite');
    await engine.press('Enter');
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+e');
    const errors = exportDialog(page).getByTestId('export-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain(
      "systems[1].database.engine: Kafka on Kubernetes (Strimzi): system 'customers-service': no Debezium connector for the database engine 'sqlite'",
    );
    expect(await exportDialog(page).getByTestId('export-write').isDisabled()).toBe(true);
    await exportDialog(page).getByLabel('Kafka on Kubernetes (Strimzi)').uncheck();
    await exportDialog(page).getByTestId('export-ready').waitFor();
    expect(await exportDialog(page).getByTestId('export-write').isDisabled()).toBe(false);
  });

  it('names the one format a problem stops, and says the others export once it is unchecked', async () => {
    // The ODCS full example v3.1.0 and, under a new id, v3.2.0: product 'my quantum' would get two tables 'tbl_1'.
    const contracts = resolveContractConflicts(
      [],
      ['examples', 'v3.2.0'].map((folder) => {
        const imported = importContractSource(
          'full-example.odcs.yaml',
          readFileSync(join(ODCS_FIXTURES, folder, 'full-example.odcs.yaml'), 'utf8'),
        );
        if (!imported.ok) throw new Error(`the ${folder} full example does not import`);
        return { file: `${folder}/full-example.odcs.yaml`, contract: imported.contract };
      }),
      'rename',
    ).map((decision) => decision.contract);
    const { mesh } = attachContracts(aMesh().build(), contracts);
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'quantum.mesh.json', serializeMesh(mesh));
    await page.keyboard.press('Control+e');
    const errors = exportDialog(page).getByTestId('export-errors');
    await errors.waitFor();
    expect(await errors.locator('p').textContent()).toBe(
      'PostgreSQL DDL and migrations cannot be exported until these are fixed; uncheck it to export the other formats:',
    );
    expect(await errors.textContent()).toContain("'tbl_1' would name both table 'tbl_1'");
    await exportDialog(page).getByLabel('PostgreSQL DDL and migrations').uncheck();
    await exportDialog(page).getByTestId('export-ready').waitFor();
    expect(await exportDialog(page).getByTestId('export-write').isDisabled()).toBe(false);
  });

  it('says which diagrams are too large for Mermaid’s default limits, and exports the rest', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    // 501 products exported in the page: slower than the other designs on a busy machine.
    await openByChooser(page, 'fan-out.mesh.json', serializeMesh(placedOnAGrid(fanOutMesh(501))), 90_000);
    await openExportDialog(page);
    for (const format of MANIFEST_LABELS) await exportDialog(page).getByLabel(format).uncheck();
    expect(await exportDialog(page).getByTestId('export-warnings').textContent()).toContain(
      'mermaid/logical-view/d.mmd: Mermaid diagrams: not written: the logical view of domain d would be 501 edges',
    );
    expect(await warningSection(page, 'Not in the export').textContent()).toContain('mermaid/logical-view/d.mmd');
    const { files } = await downloadBundle(page);
    expect(files.has('mermaid/logical-view.mmd')).toBe(true);
    expect(files.has('mermaid/logical-view/d.mmd')).toBe(false);
  }, 180_000);

  it('lists a truncate the exported connector skips under Warnings, not as left out of the export', async () => {
    const mesh = placedOnAGrid(aMesh().withDomain('d').withSystem('shop', 'd').build());
    mesh.scenarios.push(aTruncatingScenario('shop'));
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'purge.mesh.json', serializeMesh(mesh));
    await openExportDialog(page);
    await exportDialog(page).getByTestId('export-ready').waitFor();
    expect(await warningSection(page, 'Warnings').textContent()).toContain('skips truncates (skipped.operations: t)');
    expect(await warningSection(page, 'Not in the export').count()).toBe(0);
  });
});

const DIAGRAM_KINDS = [
  'Logical views',
  'Data product architectures',
  'Data retrieval flows',
  'Lineage',
  'Contract ER diagrams',
];

/** The Orders domain's diagrams of one kind, as the Export dialog downloads them with only that picture format chosen. */
function warningSection(page: Page, heading: string) {
  return exportDialog(page).getByTestId('export-warnings').getByRole('region', { name: heading, exact: true });
}

async function exportOrdersPictures(
  page: Page,
  kind: string,
  pictures: readonly string[],
  file: string,
): Promise<Map<string, Uint8Array>> {
  await openExportDialog(page);
  const dialog = exportDialog(page);
  for (const format of MANIFEST_LABELS) await dialog.getByLabel(format).uncheck();
  await dialog.getByLabel('One domain').check();
  await dialog.getByLabel('Domain to export').selectOption({ label: 'Orders' });
  const section = dialog.getByTestId('export-diagrams');
  for (const other of DIAGRAM_KINDS.filter((candidate) => candidate !== kind))
    await section.getByLabel(other).uncheck();
  for (const picture of pictures) await section.getByLabel(picture).check();
  await dialog.getByTestId('export-file-tree').getByRole('treeitem', { name: file }).waitFor();
  await dialog.getByTestId('export-ready').waitFor();
  return (await downloadBundleBytes(page)).files;
}
