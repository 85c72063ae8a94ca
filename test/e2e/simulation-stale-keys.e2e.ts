import { expect, it } from 'vitest';
import { describeInChromium, inEachColorScheme, screenshot } from './app-driver';
import { contrastOfText } from './contrast-driver';
import { engineMetrics, enterSimulate, openEditedSample, openTab, runTo } from './simulation-driver';

describeInChromium('Keys compaction left stale', (session) => {
  // One run serves both themes, switched in place: a run for each took as long again.
  it('counts them on the link and in the Consumers table, readable in the light theme and in the dark', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    // shipments is offline from tick 3 to 11; at tick 10 four of its CDC records go out of order,
    // and its topic keeps 4 records: compaction keeps an older change of a key it has not read.
    await openEditedSample(page, 'stale-keys.mesh.json', (mesh) => {
      const [scenario] = mesh.scenarios;
      if (!scenario) throw new Error('no scenario');
      scenario.retention = { records: 4 };
      scenario.faults = [
        { kind: 'consumer-offline', tick: 3, productId: 'shipments', ticks: 9 },
        { kind: 'out-of-order', tick: 10, systemId: 'shipping-service', topicId: 'shipments-cdc', records: 4 },
      ];
    });
    await enterSimulate(page);
    await runTo(page, 13);

    const consumer = (await engineMetrics(page)).consumers['shipments/shipments-cdc-in'];
    expect(consumer?.staleKeys).toBe(1);
    const link = page.getByTestId('link-count-l-shipments-cdc');
    const stale = link.locator('.link-activity__stale-keys');
    expect(await stale.textContent()).toBe('stale keys 1');
    expect(await link.getAttribute('title')).toContain(
      '; 1 key stale: compaction removed a newer change before the consumer read it and kept an older change sent after it out of order, held until a later change of the key',
    );
    for (const contrast of await inEachColorScheme(page, () => contrastOfText(stale))) {
      expect(contrast).toBeGreaterThanOrEqual(4.5);
    }

    await openTab(page, 'Metrics');
    const offsets = page.getByTestId('consumer-shipments/shipments-cdc-in');
    expect(await offsets.locator('tr.consumer-offsets__total td').allTextContents()).toEqual(
      ['', '', consumer?.lag, consumer?.lost, consumer?.compacted, consumer?.staleKeys, consumer?.skipped].map(String),
    );
    const heading = page.locator('.consumer-offsets th', { hasText: 'stale keys' });
    expect(await heading.getAttribute('title')).toMatch(/^Keys compaction left stale, all partitions together: /);
    await offsets.scrollIntoViewIfNeeded();
    await inEachColorScheme(page, (colorScheme) => screenshot(page, `simulate-stale-keys-${colorScheme}`));
  });
});
