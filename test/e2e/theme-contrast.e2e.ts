import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DOMAIN_COLORS, serializeMesh } from '../../shared/model';
import { aMesh, placedOnAGrid } from '../builders/mesh-builder';
import { describeInChromium, inEachColorScheme, screenshot } from './app-driver';
import { openContract } from './contract-driver';
import { contrastOfText } from './contrast-driver';
import { openByChooser, openSampleDesign } from './designer-driver';
import { fireNullField, simulateSample, step } from './simulation-driver';

/** WCAG AA for text of normal size. */
const READABLE = 4.5;

/** A domain in each colour the app gives new domains, with an owner, in a grid of four by two; under them Retail, owned by no one. */
function aDomainInEveryColour(): string {
  const builder = aMesh();
  for (const [index, color] of DOMAIN_COLORS.entries()) {
    builder.withDomain(`dairy-${index}`, { name: `Dairy ${index}`, owner: `team-dairy-${index}`, color });
  }
  builder.withDomain('retail', { name: 'Retail', color: DOMAIN_COLORS[4] });
  builder.withProduct('milk-rounds', 'dairy-0', { name: 'Milk Rounds' });
  builder.withProduct('plant-batches', 'dairy-1', { name: 'Plant Batches', kind: 'aggregate' });
  builder.withProduct('retail-orders', 'dairy-2', { name: 'Retail Orders', kind: 'consumer-aligned' });
  const mesh = builder.build();
  DOMAIN_COLORS.forEach((_, index) => {
    mesh.layout.nodes[`dairy-${index}`] = {
      x: (index % 4) * 340,
      y: Math.floor(index / 4) * 240,
      width: 300,
      height: 200,
    };
  });
  mesh.layout.nodes.retail = { x: 0, y: 480, width: 300, height: 200 };
  mesh.layout.nodes['milk-rounds'] = { x: 40, y: 60 };
  mesh.layout.nodes['plant-batches'] = { x: 40, y: 60 };
  mesh.layout.nodes['retail-orders'] = { x: 40, y: 60 };
  return serializeMesh(mesh);
}

async function openDairy(page: Page): Promise<void> {
  await openByChooser(page, 'dairy.mesh.json', aDomainInEveryColour());
  await page
    .locator('.react-flow__node-domain')
    .nth(DOMAIN_COLORS.length - 1)
    .waitFor();
}

describeInChromium('the light and the dark theme', (session) => {
  // One page serves both themes: each check runs in the light and then in the dark, switched in place.
  it('writes on the accent colour readably, light and dark: a primary button, the mode shown, the menu item the keyboard is on', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await inEachColorScheme(page, async () =>
      expect(await contrastOfText(page.getByRole('button', { name: 'New blank mesh' }))).toBeGreaterThanOrEqual(
        READABLE,
      ),
    );

    await openDairy(page);
    const modeShown = page.locator('.mode-switch button[aria-pressed="true"]');
    expect(await modeShown.textContent()).toBe('Design');
    await inEachColorScheme(page, async (colorScheme) => {
      expect(await contrastOfText(modeShown)).toBeGreaterThanOrEqual(READABLE);
      await page.locator('.react-flow__node[data-id="milk-rounds"]').click();
      await page.keyboard.press('Shift+F10');
      const highlighted = page.locator('[role="menuitem"]:focus');
      await highlighted.waitFor();
      expect(await contrastOfText(highlighted.locator('span').first())).toBeGreaterThanOrEqual(READABLE);
      await screenshot(page, `accent-text-${colorScheme}`);
      await page.keyboard.press('Escape');
      await highlighted.waitFor({ state: 'hidden' });
    });
  });

  it("writes each domain's name and owner readably on its tint, in every colour a domain is given, light and dark", async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDairy(page);
    await inEachColorScheme(page, async (colorScheme) => {
      const contrasts: Record<string, number> = {};
      for (const [index, color] of DOMAIN_COLORS.entries()) {
        const domain = page.locator(`.react-flow__node[data-id="dairy-${index}"]`);
        contrasts[`${color} name`] = await contrastOfText(domain.locator('.domain-node__name'));
        contrasts[`${color} owner`] = await contrastOfText(domain.locator('.domain-node__owner'));
      }
      await screenshot(page, `domain-titles-${colorScheme}`);
      const unreadable = Object.entries(contrasts).filter(([, ratio]) => ratio < READABLE);
      expect(unreadable).toEqual([]);
    });
  });

  it("writes each product's kind readably on its card, light and dark", async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDairy(page);
    await inEachColorScheme(page, async () => {
      const contrasts: Record<string, number> = {};
      for (const product of ['milk-rounds', 'plant-batches', 'retail-orders']) {
        const kind = page.locator(`.react-flow__node[data-id="${product}"] .product-node__kind`);
        contrasts[(await kind.textContent()) ?? product] = await contrastOfText(kind);
      }
      const unreadable = Object.entries(contrasts).filter(([, ratio]) => ratio < READABLE);
      expect(unreadable).toEqual([]);
    });
  });

  it("writes the CDC badge of a system's table readably on its tint, light and dark", async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const mesh = placedOnAGrid(aMesh().withDomain('dairy', { name: 'Dairy' }).withSystem('milking', 'dairy').build());
    await openByChooser(page, 'milking.mesh.json', serializeMesh(mesh));
    const badge = page.locator('.react-flow__node[data-id="milking"] .badge--cdc');
    await badge.waitFor();
    expect(await badge.textContent()).toBe('CDC');
    await inEachColorScheme(page, async (colorScheme) => {
      expect(await contrastOfText(badge)).toBeGreaterThanOrEqual(READABLE);
      await screenshot(page, `cdc-badge-${colorScheme}`);
    });
  });

  it("writes the keys of a diagram's Mermaid text readably, light and dark", async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDairy(page);
    await page.locator('.react-flow__node[data-id="milk-rounds"]').click();
    await page.keyboard.press('m');
    const key = page
      .getByTestId('diagram-text')
      .locator('.view-line span span', { hasText: /^shape$/ })
      .first();
    await key.waitFor();
    await inEachColorScheme(page, async () => expect(await contrastOfText(key)).toBeGreaterThanOrEqual(READABLE));
  });

  it("draws the contract editor's context menu on a background of its own, its items readable, beside the canvas and maximized, light and dark", async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    for (const layout of ['beside', 'maximized'] as const) {
      if (layout === 'maximized') await page.getByRole('button', { name: 'Maximize' }).click();
      await inEachColorScheme(page, async (colorScheme) => {
        await page.locator('.yaml-editor .view-line', { hasText: 'logicalType' }).first().click({ button: 'right' });
        const menu = page.locator('.context-view .monaco-scrollable-element:has(.monaco-menu)');
        await menu.waitFor();
        await screenshot(page, `contract-context-menu-${layout}-${colorScheme}`);
        // Monaco draws the menu in a shadow root its theme's colours did not reach: it was see-through.
        expect(await menu.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
          'rgba(0, 0, 0, 0)',
        );
        const labels = menu.locator('.action-label:not(.separator)');
        const contrasts = await Promise.all((await labels.all()).map((label) => contrastOfText(label)));
        expect(contrasts.length).toBeGreaterThan(0);
        expect(contrasts.filter((ratio) => ratio < READABLE)).toEqual([]);
        await page.keyboard.press('Escape');
        await menu.waitFor({ state: 'hidden' });
      });
    }
  });

  it('writes the problem counts on domains and products readably on their tints, light and dark', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openDairy(page);
    const badges = page.locator('.react-flow__node .governance-badge');
    await badges.first().waitFor();
    await inEachColorScheme(page, async () => {
      const contrasts = await Promise.all(
        (await badges.all()).map(async (badge) => [
          await badge.getAttribute('data-testid'),
          await contrastOfText(badge),
        ]),
      );
      expect(contrasts.map(([testId]) => testId)).toContain('problems-retail');
      expect(contrasts.filter(([, ratio]) => Number(ratio) < READABLE)).toEqual([]);
    });
  });

  it('writes in the red of a fault readably on its red tint, light and dark: why a run stopped, its status, a quarantine, a port’s violation count', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const lending = placedOnAGrid(
      aMesh().withDomain('lending', { name: 'Lending' }).withSystem('loan-desk', 'lending').build(),
    );
    await openByChooser(page, 'lending.mesh.json', serializeMesh(lending));
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    const stopped = page.locator('.simulation-bar__status--stopped');
    const why = page.locator('.simulation-bar__failure > span');
    await why.waitFor();
    const stoppedContrasts = await inEachColorScheme(page, async () => [
      await contrastOfText(stopped),
      await contrastOfText(why),
    ]);

    const sample = await session.openApp();
    await simulateSample(sample);
    await fireNullField(sample, 'orders.public.orders', 'customer_id');
    await step(sample, 2);
    const quarantine = sample.getByTestId('quarantine-orders');
    await quarantine.waitFor();
    const violations = sample.locator('.react-flow__node[data-id="orders"] .port-activity--violations');
    await violations.waitFor();
    const quarantineContrasts = await inEachColorScheme(sample, async () => [
      await contrastOfText(quarantine),
      await contrastOfText(violations),
    ]);

    expect(
      [...stoppedContrasts.flat(), ...quarantineContrasts.flat()]
        .filter((ratio) => ratio < READABLE)
        .map((ratio) => ratio.toFixed(2)),
    ).toEqual([]);
  });
});
