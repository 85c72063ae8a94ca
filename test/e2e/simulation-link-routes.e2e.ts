import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { LABEL_GAP } from '../../renderer/canvas/link-label-places';
import { aMesh, aPort } from '../builders/mesh-builder';
import { describeInChromium, overlappingOnScreen, screenshot } from './app-driver';
import { box, linksThroughNodes, openByChooser, viewAtRest } from './designer-driver';
import { enterSimulate, linksThroughCounts, runTo } from './simulation-driver';

/** Meter Readings → AMI Head-End → Daily Consumption in one row, Leak Alerts below: the outer link must go round the system. */
const oneRow = readFileSync(new URL('../fixtures/mesh/one-row-metering.mesh.json', import.meta.url), 'utf8');

/** The same row with volume_m3 a numeric of no scale: the warning badge widens AMI Head-End towards Daily Consumption. */
function oneRowWithWarnedSystem(): string {
  const design = JSON.parse(oneRow);
  const [meterReads] = design.systems[0].database.tables;
  const volume = meterReads.columns.find((column: { name: string }) => column.name === 'volume_m3');
  delete volume.precision;
  delete volume.scale;
  return JSON.stringify(design);
}

/** Eight domains; Operations Dashboard reads three products of three other domains, thousands of px away once laid out. */
const rescue = readFileSync(new URL('../fixtures/mesh/mountain-rescue.mesh.json', import.meta.url), 'utf8');

/** One system's three topics, on ports side by side, each into the matching input of one product: the links run close together. */
function fanOutDesign(): string {
  const tables = ['passes', 'gate_scans', 'gate_checks'];
  const mesh = aMesh('fan-out')
    .withDomain('lifts')
    .withSystem('lift-access', 'lifts', {
      database: {
        engine: 'postgres',
        name: 'liftdb',
        tables: tables.map((name) => ({
          name,
          cdc: true,
          primaryKey: ['id'],
          columns: [
            { name: 'id', type: 'integer', nullable: false },
            { name: 'label', type: 'text', nullable: true },
          ],
        })),
      },
      messaging: {
        broker: 'kafka',
        topics: tables.map((name) => ({
          id: `${name}-cdc`,
          name: `liftdb.public.${name}`,
          partitions: 1,
          tombstones: true,
          source: { kind: 'cdc' as const, table: name },
        })),
      },
    })
    .withProduct('lift-passes', 'lifts', {
      name: 'Lift Passes',
      inputPorts: tables.map((name) => aPort(`${name}-in`, 'input', { protocol: 'kafka-topic' })),
    });
  for (const name of tables) {
    mesh.withLink(
      `l-${name}`,
      { nodeId: 'lift-access', portId: `${name}-cdc` },
      { nodeId: 'lift-passes', portId: `${name}-in` },
    );
  }
  const design = mesh.build();
  design.scenarios = [
    {
      id: 'busy-gates',
      name: 'Busy gates',
      description: '',
      seed: 1,
      startTime: '2026-01-01T00:00:00Z',
      tickMillis: 1000,
      data: [],
      steps: [],
      rates: tables.map((table) => ({
        systemId: 'lift-access',
        table,
        insertsPerTick: 2,
        updatesPerTick: 0,
        deletesPerTick: 0,
        updateColumns: [],
      })),
    },
  ];
  design.layout = {
    ...design.layout,
    nodes: {
      lifts: { x: 0, y: 0, width: 860, height: 360 },
      'lift-access': { x: 30, y: 60 },
      'lift-passes': { x: 480, y: 60 },
    },
  };
  return JSON.stringify(design);
}

describeInChromium('Links while simulating', (session) => {
  it('show each count on its own line by its port, clear of the others, where links run side by side into neighbouring ports', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'fan-out.mesh.json', fanOutDesign());
    await enterSimulate(page);
    await runTo(page, 3);
    await page.getByTestId('link-count-l-passes').waitFor();
    await screenshot(page, 'simulate-fan-out-counts');

    // The ports are 18 px apart: a count by its port may stand over the line into the port above.
    const through = await linksThroughCounts(page, LABEL_GAP);
    for (const linkId of ['l-passes', 'l-gate_scans', 'l-gate_checks']) expect(through[linkId]).toContain(linkId);
    expect(await overlappingOnScreen(page, '.link-activity, .react-flow__node-product', 'data-testid')).toEqual([]);
    const product = await box(page.getByTestId('rf__node-lift-passes'));
    for (const count of await page.locator('.link-activity').all()) {
      expect(product.x - ((await box(count)).x + (await box(count)).width)).toBeLessThanOrEqual(150);
    }
  });

  it('show each input’s count by its port, on screen when the view zooms to the consuming product', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'rescue.mesh.json', rescue);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('l');
    await expect.poll(() => page.locator('.status-bar .notice__text').textContent()).toMatch(/^Laid out \d+ elements$/);
    await enterSimulate(page);
    await runTo(page, 3);
    const dashboard = page.getByTestId('rf__node-ops-dashboard');
    await dashboard.click();
    await page.keyboard.press('Shift+2');
    await viewAtRest(page);
    await screenshot(page, 'simulate-counts-by-input-ports');

    const canvas = await box(page.locator('.react-flow'));
    const inputs = { 'resp-in': 'response-times', 'ready-in': 'team-readiness', 'risk-in': 'avalanche-risk' };
    for (const [portId, producer] of Object.entries(inputs)) {
      const count = await box(page.getByTestId(`link-count-l-${producer}-ops-dashboard-${portId}`));
      const port = await box(dashboard.locator(`.react-flow__handle[data-handleid="${portId}"]`));
      expect(count.x).toBeGreaterThanOrEqual(canvas.x);
      expect(count.y).toBeGreaterThanOrEqual(canvas.y);
      expect(count.x + count.width).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(count.y + count.height).toBeLessThanOrEqual(canvas.y + canvas.height);
      const [countMiddle, portMiddle] = [count, port].map((rect) => ({
        x: rect.x + rect.width / 2,
        y: rect.y + rect.height / 2,
      })) as [{ x: number; y: number }, { x: number; y: number }];
      expect(Math.hypot(countMiddle.x - portMiddle.x, countMiddle.y - portMiddle.y)).toBeLessThanOrEqual(150);
    }
  });

  it('go round the systems they do not join, their counts off the nodes, while a trace grows a system', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'one-row.mesh.json', oneRow);
    await page.waitForSelector('.react-flow__edge');
    expect(await linksThroughNodes(page)).toEqual([]);

    await enterSimulate(page);
    await runTo(page, 13);
    await page.getByTestId('rf__node-metering-ami-head-end').click();
    await page.getByRole('button', { name: 'Trace' }).first().click();
    await page.getByTestId('trace-position').waitFor();
    await screenshot(page, 'simulate-links-round-systems');

    expect(await linksThroughNodes(page)).toEqual([]);
    const countsOverNodes = await overlappingOnScreen(
      page,
      '.link-activity, .react-flow__node-product, .react-flow__node-system',
      'data-testid',
    );
    expect(countsOverNodes.filter((pair) => pair.includes('link-count-'))).toEqual([]);
  });

  it('go round a system that a warning badge widens until the gap beside it is narrower than their clearance', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'one-row-warned.mesh.json', oneRowWithWarnedSystem());
    await page.waitForSelector('.react-flow__edge');
    await page.getByTestId('rf__node-metering-ami-head-end').locator('.governance-badge--warning').waitFor();
    await screenshot(page, 'links-round-a-badge-widened-system');

    expect(await linksThroughNodes(page)).toEqual([]);
  });
});
