import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeInChromium, overlappingOnScreen, screenshot } from './app-driver';
import { linksThroughNodes, openByChooser } from './designer-driver';
import { enterSimulate, runTo } from './simulation-driver';

/** Meter Readings → AMI Head-End → Daily Consumption in one row, Leak Alerts below: the outer link must go round the system. */
const oneRow = readFileSync(new URL('../fixtures/mesh/one-row-metering.mesh.json', import.meta.url), 'utf8');

describeInChromium('Links while simulating', (session) => {
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
