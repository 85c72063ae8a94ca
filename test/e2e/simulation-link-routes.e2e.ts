import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { LABEL_GAP } from '../../renderer/canvas/link-label-places';
import { aMesh, aPort } from '../builders/mesh-builder';
import { describeInChromium, overlappingOnScreen, screenshot } from './app-driver';
import { linksThroughNodes, openByChooser } from './designer-driver';
import { enterSimulate, linksThroughCounts, runTo } from './simulation-driver';

/** Meter Readings → AMI Head-End → Daily Consumption in one row, Leak Alerts below: the outer link must go round the system. */
const oneRow = readFileSync(new URL('../fixtures/mesh/one-row-metering.mesh.json', import.meta.url), 'utf8');

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
  it('show each count where only its own line runs, where links leave neighbouring ports side by side', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'fan-out.mesh.json', fanOutDesign());
    await enterSimulate(page);
    await runTo(page, 3);
    await page.getByTestId('link-count-l-passes').waitFor();
    await screenshot(page, 'simulate-fan-out-counts');

    expect(await linksThroughCounts(page, LABEL_GAP)).toEqual({
      'l-passes': ['l-passes'],
      'l-gate_scans': ['l-gate_scans'],
      'l-gate_checks': ['l-gate_checks'],
    });
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
});
