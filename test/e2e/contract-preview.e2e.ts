import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { openContract, openContractFile, pasteOverYaml, showView } from './contract-driver';
import { newBlankDesign } from './designer-driver';

const DISPENSATIONS = readFileSync(
  new URL('../fixtures/odcs/preview/dispensations.odcs.yaml', import.meta.url),
  'utf8',
);

const PARCEL_SCANS = readFileSync(new URL('../fixtures/odcs/preview/parcel-scans.odcs.yaml', import.meta.url), 'utf8');

const SCENES = readFileSync(new URL('../fixtures/odcs/preview/processed-scenes.odcs.yaml', import.meta.url), 'utf8');

describeInChromium('the contract Preview in the built app', (session) => {
  it('shows the v3.2.0 context of the contract and of its schema objects: instructions, verified statements, constraints', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('region', { name: 'Contracts' }).getByRole('button', { name: 'Open contract…' }).click();
    await (await chooser).setFiles({
      name: 'processed-scenes.odcs.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(SCENES),
    });
    await openContract(page, 'Processed Scenes');
    await showView(page, 'Preview');
    const preview = page.getByTestId('contract-preview');
    await preview.getByRole('heading', { name: 'Processed Scenes' }).waitFor();
    await preview.getByRole('heading', { name: 'Context', exact: true, level: 2 }).waitFor();
    const text = await preview.textContent();
    for (const said of [
      'Join deliveries on scene_id. Cloud cover is a percentage of the scene.',
      'How many scenes were processed yesterday?',
      'Count distinct scene_id whose processed_at falls on yesterday (UTC).',
      "Never show one customer's footprints to another customer.",
      'Filter on processing_level L2A for analysis-ready scenes.',
    ]) {
      expect(text).toContain(said);
    }
  });

  it('shows every word of a field table in the narrow pane beside the canvas and in the side panel, nothing scrolled sideways', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await session.openApp({ withoutFileSystemAccess: true, colorScheme });
      await newBlankDesign(page);
      await openContractFile(page, 'parcel-scans.odcs.yaml', PARCEL_SCANS);
      await openContract(page, 'Parcel Scans');
      await showView(page, 'Preview');
      for (const layout of ['beside', 'side-panel'] as const) {
        if (layout === 'side-panel') {
          await page.getByRole('button', { name: 'In side panel' }).click();
          await showView(page, 'Preview');
        }
        const preview = page.getByTestId('contract-preview');
        await preview.getByText('Held at the depot for collection.', { exact: false }).waitFor();
        const cutOff = await preview.evaluate((article) => {
          const pane = article.closest('.contract-preview-pane') as HTMLElement;
          const visibleRight = pane.getBoundingClientRect().left + pane.clientWidth;
          const cells = [...article.querySelectorAll('td')].filter((cell) => cell.getClientRects().length > 0);
          const tables = [...article.querySelectorAll<HTMLElement>('.contract-preview__table-scroll')];
          return [
            ...cells
              .filter((cell) => cell.getBoundingClientRect().right > visibleRight + 1)
              .map((cell) => `cell past the pane: ${cell.textContent}`),
            ...tables
              .filter((table) => table.scrollWidth > table.clientWidth + 1)
              .map((table) => `scrolls sideways: ${table.getAttribute('aria-label')}`),
            ...(pane.scrollWidth > pane.clientWidth + 1 ? ['the preview scrolls sideways'] : []),
          ];
        });
        expect(cutOff).toEqual([]);
        const row = preview.getByRole('row').filter({ hasText: 'scan_status' });
        await expect(row.textContent()).resolves.toContain('H (Held at the depot for collection.)');
        await row.scrollIntoViewIfNeeded();
        await screenshot(page, `contract-preview-fits-${layout}-${colorScheme}`);
      }
    }
  });

  it("shows every nested field, with its classification, and a schema object's composite relationships", async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('region', { name: 'Contracts' }).getByRole('button', { name: 'Open contract…' }).click();
    await (await chooser).setFiles({
      name: 'dispensations.odcs.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(DISPENSATIONS),
    });
    await openContract(page, 'Dispensation');
    await showView(page, 'Preview');
    const fields = page.getByRole('region', { name: 'Fields of dispensations' });
    const row = (path: string) =>
      fields.getByRole('row').filter({ has: page.getByRole('cell', { name: path, exact: true }) });
    await row('witnesses').waitFor();
    expect(await row('witnesses[].staff_id').textContent()).toContain('yes');
    expect(await row('witnesses[].staff_name').textContent()).toContain('confidential');
    expect(await row('pharmacist.license_no').textContent()).toContain('restricted');
    expect(await row('pharmacist.license_no').textContent()).toContain('^VET-[0-9]{6}$');
    expect(await page.getByTestId('contract-preview').textContent()).toContain(
      'Relationships: (dispensations.prescription_id, dispensations.clinic_id) → (prescriptions.prescription_id, prescriptions.clinic_id) (foreignKey)',
    );
  });

  it("shows v3.2.0 enum values with their labels and descriptions, a map's key and value types, and an SQL rule's query", async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('region', { name: 'Contracts' }).getByRole('button', { name: 'Open contract…' }).click();
    await (await chooser).setFiles({
      name: 'parcel-scans.odcs.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(PARCEL_SCANS),
    });
    await openContract(page, 'Parcel Scans');
    await showView(page, 'Preview');
    const fields = page.getByRole('region', { name: 'Fields of parcel_scans' });
    const row = (path: string) =>
      fields.getByRole('row').filter({ has: page.getByRole('cell', { name: path, exact: true }) });
    await row('scan_status').waitFor();
    expect(await row('scan_status').textContent()).toContain(
      'one of: D (Delivered — Handed to the recipient or a neighbour.), R (Returned), H (Held at the depot for collection.)',
    );
    const weights = await row('weights_by_sensor').textContent();
    expect(weights).toContain('map of string → number');
    expect(weights).toContain('key: at most 12 characters');
    expect(weights).toContain('value: at least 0');
    expect(await row('labels{value}.printed_at').textContent()).toContain('timestamp');
    const preview = page.getByTestId('contract-preview');
    const query = preview.locator('code', { hasText: 'SELECT count(*) FROM parcel_scans WHERE scanned_at > now()' });
    await query.waitFor();
    expect(await preview.textContent()).toContain(
      'SELECT count(*) FROM parcel_scans WHERE scanned_at > now() must be 0; At least a thousand scans a day: SELECT count(*) FROM parcel_scans WHERE scanned_at >= current_date must be more than 1000',
    );
    await screenshot(page, 'contract-preview-enum-map-sql');
  });

  it('shows every detail of a server the Form writes, its location among them, as the YAML has them', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    await openContractFile(
      page,
      'rate-plans.odcs.yaml',
      `apiVersion: v3.1.0
kind: DataContract
id: rate-plans
name: Rate plans
version: 1.0.0
status: active
schema:
  - name: rate_plans
    properties:
      - name: rate_plan_code
        logicalType: string
        required: true
        primaryKey: true
customProperties:
  - property: datasetKind
    value: entity
`,
    );
    await openContract(page, 'Rate plans');
    await showView(page, 'Form');
    await page.locator('.form-section > summary', { hasText: 'Servers' }).click();
    await page.getByRole('button', { name: 'Add server' }).click();
    await page.locator('[data-path="servers[0].type"]').getByRole('combobox').fill('s3');
    await page
      .locator('[data-path="servers[0].location"]')
      .getByRole('textbox')
      .fill('s3://hotel-lake/revenue/rate_plans/');
    await page.locator('[data-path="servers[0].description"]').getByRole('textbox').fill('Nightly Parquet drop');
    await showView(page, 'Preview');
    const servers = page.getByTestId('contract-preview').getByRole('region', { name: 'Servers' });
    await servers.getByRole('cell', { name: 's3', exact: true }).waitFor();
    const shown = await servers.textContent();
    expect(shown).toContain('s3://hotel-lake/revenue/rate_plans/');
    expect(shown).toContain('Nightly Parquet drop');
  });
  it('says it shows a draft with problems, and shows a length it cannot read as written and marked, not left out', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    const guests = (maxLength: string) => `apiVersion: v3.1.0
kind: DataContract
id: guests
name: Guests
version: 1.0.0
status: active
schema:
  - name: guests
    properties:
      - name: guest_id
        logicalType: integer
        primaryKey: true
      - name: full_name
        logicalType: string
        logicalTypeOptions:
          minLength: 2
          maxLength: ${maxLength}
customProperties:
  - property: datasetKind
    value: entity
`;
    await openContractFile(page, 'guests.odcs.yaml', guests('120'));
    await openContract(page, 'Guests');
    await pasteOverYaml(page, guests('120x'));
    await page.getByTestId('out-of-sync').waitFor();
    await showView(page, 'Preview');
    const preview = page.getByTestId('contract-preview');
    await expect(preview.getByTestId('contract-preview-draft').textContent()).resolves.toContain(
      'A draft with 1 problem, not in the design',
    );
    const fullName = preview.getByRole('row').filter({ hasText: 'full_name' });
    await expect(fullName.textContent()).resolves.toContain('maxLength 120x ⚠ not a whole number ≥ 0, not read');
    await expect(fullName.textContent()).resolves.toContain('at least 2 characters');
  });
});
