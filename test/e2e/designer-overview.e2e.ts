import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { largeMesh } from '../../bench/cases/canvas';
import { serializeMesh } from '../../shared/model';
import { aMesh, aPort } from '../builders/mesh-builder';
import { describeInChromium, screenshot } from './app-driver';
import {
  centerOf,
  clampedName,
  clickLink,
  drag,
  emptyCanvasPoint,
  linksThroughNodes,
  openByChooser,
  openSampleDesign,
  productNode,
  viewAtRest,
  zoomLevel,
} from './designer-driver';
import { enterSimulate, runTo, simulateSample } from './simulation-driver';

/** A domain of the large mesh whose name runs past two lines of its block. */
const LONG_DOMAIN_NAME =
  'Level Crossing Obstruction Detector Faults And Track Circuit Failures Reported By Maintenance Crews Overnight';

async function openLargeMesh(page: Page): Promise<void> {
  const mesh = largeMesh();
  const fifth = mesh.domains.find((domain) => domain.id === 'd5');
  if (fifth) fifth.name = LONG_DOMAIN_NAME;
  await openByChooser(page, 'large.mesh.json', serializeMesh(mesh));
  await page.locator('.react-flow__node-domain-block').first().waitFor();
}

/** The shapes the minimap draws, by the kind of node each stands for. */
async function minimapShapes(page: Page): Promise<Record<string, number>> {
  return page.locator('.react-flow__minimap-node').evaluateAll((shapes) => {
    const drawn: Record<string, number> = {};
    for (const shape of shapes) {
      if (getComputedStyle(shape).display === 'none') continue;
      const kind = /minimap-node--([\w-]+)/.exec(shape.getAttribute('class') ?? '')?.[1] ?? 'unknown';
      drawn[kind] = (drawn[kind] ?? 0) + 1;
    }
    return drawn;
  });
}

/** A chain of three products, each in its own domain, the domains one above another: a lineage taller than wide. */
function chainDownwards(steps = 3): string {
  const builder = aMesh();
  const layout: Record<string, { x: number; y: number; width?: number; height?: number }> = {};
  for (let step = 1; step <= steps; step++) {
    builder.withDomain(`domain-${step}`, { name: `Domain ${step}` }).withProduct(`product-${step}`, `domain-${step}`, {
      name: `Product ${step}`,
      inputPorts: [aPort('in', 'input')],
      outputPorts: [aPort('out', 'output')],
    });
    if (step > 1)
      builder.withLink(
        `link-${step}`,
        { nodeId: `product-${step - 1}`, portId: 'out' },
        { nodeId: `product-${step}`, portId: 'in' },
      );
    layout[`domain-${step}`] = { x: 0, y: (step - 1) * 400, width: 400, height: 300 };
    layout[`product-${step}`] = { x: 40, y: 60 };
  }
  const mesh = builder.build();
  mesh.layout.nodes = layout;
  return serializeMesh(mesh);
}

/**
 * Three domains in a row, 21 products each (so far out they are blocks), with flows from the first
 * into the second and, past the second, into the third: the middle of that long flow lies on the
 * second block, over its name.
 */
function threeDomainsInARow(): string {
  const builder = aMesh();
  const layout: Record<string, { x: number; y: number; width?: number; height?: number }> = {};
  const names = ['Post Offices', 'HR', 'Retail'];
  names.forEach((name, column) => {
    const domainId = `domain-${column}`;
    builder.withDomain(domainId, { name, owner: `team-${column}` });
    layout[domainId] = { x: column * 2300, y: 0, width: 1900, height: 900 };
    for (let index = 0; index < 21; index++) {
      const productId = `${domainId}-product-${index}`;
      builder.withProduct(productId, domainId, {
        name: `Product ${column}.${index}`,
        inputPorts: [aPort('in', 'input')],
        outputPorts: [aPort('out', 'output')],
      });
      layout[productId] = { x: 40 + (index % 7) * 260, y: 60 + Math.floor(index / 7) * 280 };
    }
  });
  builder
    .withLink(
      'into-hr',
      { nodeId: 'domain-0-product-0', portId: 'out' },
      { nodeId: 'domain-1-product-0', portId: 'in' },
    )
    .withLink(
      'into-retail',
      { nodeId: 'domain-0-product-1', portId: 'out' },
      { nodeId: 'domain-2-product-0', portId: 'in' },
    );
  const mesh = builder.build();
  mesh.layout.nodes = layout;
  return serializeMesh(mesh);
}

/** A thousand products on a two-core machine: 12 s and 10 s alone, 33 s and 21 s beside another file, over 60 s under load. */
const LARGE_MESH_MILLIS = 180_000;

describeInChromium('a large mesh you can read', (session) => {
  it(
    'shows 1,000 products fitted to the view as domain blocks with counts, and links as counted flows',
    async () => {
      const page = await session.openApp({ withoutFileSystemAccess: true });
      await openLargeMesh(page);
      await expect.poll(() => page.locator('.react-flow__node-domain-block').count()).toBe(20);
      expect(await page.locator('.react-flow__node-product').count()).toBe(0);
      const block = page.getByTestId('domain-block-d3');
      expect(await block.locator('.domain-block__name').textContent()).toBe('Domain 3');
      expect(await block.locator('.domain-block__count').first().textContent()).toBe('products50');
      expect(await page.getByTestId('domain-flow-flow:d2→d3').textContent()).toMatch(/^\d+$/);
      // Legible: the name of a domain is drawn at a readable size on screen, not shrunk with the zoom.
      const nameHeight = (await block.locator('.domain-block__name').boundingBox())!.height;
      expect(nameHeight).toBeGreaterThanOrEqual(14);
      // A name past two lines is cut at two whole lines: nothing of a third shows over the counts.
      const longName = await clampedName(page.getByTestId('domain-block-d5').locator('.domain-block__name'));
      expect(longName.lines).toBeCloseTo(2, 1);
      expect(longName.partlyShown).toEqual([]);
      // So far out the grid's dots would be a grey haze a pixel apart: it is not drawn.
      expect(await page.getByTestId('canvas-grid').getAttribute('data-dots')).toBe('hidden');
      expect(await minimapShapes(page)).toEqual({ 'domain-block': 20 });
      await screenshot(page, 'overview-1000-products');

      await block.dblclick();
      await expect.poll(() => page.locator('.react-flow__node-product').count()).toBeGreaterThan(0);
      expect(await zoomLevel(page)).toBeGreaterThanOrEqual(0.35);
      expect(await page.getByTestId('canvas-grid').getAttribute('data-dots')).toBe('shown');
      // Closer in, the minimap still shows the twenty domains, not a thousand products a pixel or two across.
      expect(await minimapShapes(page)).toEqual({ domain: 20 });
      // Fitting jumps straight from products to the blocks: it never draws the products it passes.
      await page.evaluate(() => {
        const mounted = { products: 0 };
        Reflect.set(window, 'mountedProducts', mounted);
        new MutationObserver((changes) => {
          for (const change of changes) {
            for (const added of change.addedNodes) {
              if (added instanceof Element && added.matches('.react-flow__node-product')) mounted.products++;
            }
          }
        }).observe(document.querySelector('.react-flow__viewport') as Element, { childList: true, subtree: true });
      });
      await page.keyboard.press('Shift+1');
      await expect.poll(() => page.locator('.react-flow__node-product').count()).toBe(0);
      await expect.poll(() => page.locator('.react-flow__node-domain-block').count()).toBe(20);
      expect(await page.evaluate(() => (Reflect.get(window, 'mountedProducts') as { products: number }).products)).toBe(
        0,
      );
    },
    LARGE_MESH_MILLIS,
  );

  it(
    'lays out 1,000 products in the background with a busy sign and Cancel, changing nothing when cancelled',
    async () => {
      const page = await session.openApp({ withoutFileSystemAccess: true });
      await openLargeMesh(page);
      const before = await page.locator('.react-flow__viewport').getAttribute('style');
      await page.keyboard.press('l');
      const busy = page.getByTestId('layout-busy');
      await busy.waitFor();
      await busy.getByRole('button', { name: 'Cancel' }).click();
      await busy.waitFor({ state: 'detached' });
      expect(await page.getByRole('status').filter({ hasText: 'Auto-layout cancelled' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
      expect(await page.locator('.react-flow__viewport').getAttribute('style')).toBe(before);

      await page.keyboard.press('l');
      await busy.waitFor();
      await busy.waitFor({ state: 'detached', timeout: 120_000 });
      expect(await page.getByRole('button', { name: 'Undo', description: 'Undo (Ctrl+Z)' }).isDisabled()).toBe(false);
      // The grid of domains fits the view above the smallest zoom.
      expect(await zoomLevel(page)).toBeGreaterThan(0.05);
    },
    LARGE_MESH_MILLIS,
  );

  it('puts each flow’s count where it covers no domain block and no other count (Post Offices → Retail past HR)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'three-domains.mesh.json', threeDomainsInARow());
    await expect.poll(() => page.locator('.react-flow__node-domain-block').count()).toBe(3);
    await viewAtRest(page);
    await expect.poll(() => page.locator('.domain-flow__count').count()).toBe(2);
    const covered = await page.evaluate(() => {
      const boxes = (selector: string) =>
        [...document.querySelectorAll(selector)].map((element) => ({
          name: element.getAttribute('data-testid') ?? '',
          box: element.getBoundingClientRect(),
        }));
      const counts = boxes('.domain-flow__count');
      const drawn = [...boxes('.domain-block'), ...counts];
      return counts.flatMap((count) =>
        drawn
          .filter(
            (other) =>
              other.name !== count.name &&
              count.box.left < other.box.right &&
              other.box.left < count.box.right &&
              count.box.top < other.box.bottom &&
              other.box.top < count.box.bottom,
          )
          .map((other) => `${count.name} over ${other.name}`),
      );
    });
    expect(covered).toEqual([]);
    await screenshot(page, 'overview-counts-clear-of-blocks');
  });

  it('lays six domains of eleven-long chains out so that, fitted, each block shows its name and owner whole (public health)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const health = readFileSync(new URL('../fixtures/mesh/health-big.mesh.json', import.meta.url), 'utf8');
    await openByChooser(page, 'health-big.mesh.json', health);
    await page.keyboard.press('l');
    await page.getByRole('status').filter({ hasText: 'Laid out' }).waitFor();
    await viewAtRest(page);
    await expect.poll(() => page.locator('.react-flow__node-domain-block').count()).toBe(6);
    await screenshot(page, 'overview-health-laid-out');

    for (const block of await page.locator('.domain-block').all()) {
      const blockBox = (await block.boundingBox())!;
      // Tall enough on screen for its name and owner, not a strip a few pixels high.
      expect(blockBox.height).toBeGreaterThanOrEqual(60);
      // Name and owner whole, one text line high at least; where the block is too short, the counts below are cut.
      for (const label of ['.domain-block__name', '.domain-block__owner']) {
        const labelBox = (await block.locator(label).boundingBox())!;
        expect(labelBox.height, label).toBeGreaterThanOrEqual(12);
        expect(labelBox.y, label).toBeGreaterThanOrEqual(blockBox.y);
        expect(labelBox.y + labelBox.height, label).toBeLessThanOrEqual(blockBox.y + blockBox.height);
      }
    }
  });

  it('focuses on the lineage of customer-360: upstream left, downstream right, the rest dimmed', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'customer-360').locator('.product-node__name').click({ button: 'right' });
    await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Focus on Lineage', exact: true }).click();
    await page.getByTestId('lineage-bar').waitFor();
    expect(await page.getByTestId('lineage-bar').textContent()).toContain('customer-360');
    const isDimmed = (id: string) =>
      page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((node) => node.classList.contains('is-dimmed'));
    expect(await isDimmed('shipments')).toBe(true);
    expect(await isDimmed('shipping-service')).toBe(true);
    for (const id of ['customer-360', 'orders', 'customers', 'sales-dashboard', 'orders-service']) {
      expect(await isDimmed(id)).toBe(false);
    }
    const x = async (id: string) => (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!.x;
    expect(await x('orders')).toBeLessThan(await x('customer-360'));
    expect(await x('sales-dashboard')).toBeGreaterThan(await x('customer-360'));
    await page.waitForTimeout(400);
    await screenshot(page, 'lineage-customer-360');

    await page.getByRole('button', { name: 'Fewer hops' }).click();
    expect(await page.getByTestId('lineage-hops').textContent()).toBe('1 hop');
    expect(await isDimmed('orders-service')).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('lineage-bar').waitFor({ state: 'detached' });
    expect(await page.locator('.react-flow__node.is-dimmed').count()).toBe(0);
  });

  it('says how a lineage is marked whichever way it runs, and fits it below the lineage bar', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    // A laptop's window, where the padding around a fitted view is less than the bar's height.
    await page.setViewportSize({ width: 1280, height: 700 });
    await openByChooser(page, 'chain.mesh.json', chainDownwards());
    await productNode(page, 'Product 2').locator('.product-node__name').click();
    await page.keyboard.press('f');
    const bar = page.getByTestId('lineage-bar');
    await bar.waitFor();
    expect(await bar.textContent()).toContain('Lineage of Product 2: links upstream in blue, downstream in amber');
    expect(await bar.textContent()).not.toMatch(/left|right/);

    await viewAtRest(page);
    const barBottom = (await bar.boundingBox())!.y + (await bar.boundingBox())!.height;
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    for (const name of ['Product 1', 'Product 2', 'Product 3']) {
      const node = (await productNode(page, name).boundingBox())!;
      expect(node.y).toBeGreaterThan(barBottom);
      expect(node.y + node.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    }
  });

  it('offers hops to the end of a chain longer than nine links, and no more', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'long-chain.mesh.json', chainDownwards(12));
    await productNode(page, 'Product 1').locator('.product-node__name').click();
    await page.keyboard.press('f');
    const moreHops = page.getByRole('button', { name: 'More hops' });
    while (await moreHops.isEnabled()) await moreHops.click();

    expect(await page.getByTestId('lineage-hops').textContent()).toBe('11 hops');
    expect(await moreHops.getAttribute('title')).toBe('The whole lineage is shown');
    await expect
      .poll(() => productNode(page, 'Product 12').evaluate((node) => node.classList.contains('is-dimmed')))
      .toBe(false);
  });

  it('ends a lineage focus when its product is deleted, so nothing is left dimmed', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'customer-360').locator('.product-node__name').click();
    await page.keyboard.press('f');
    await page.getByTestId('lineage-bar').waitFor();
    await page.keyboard.press('Delete');

    await expect.poll(() => page.locator('.react-flow__node.is-dimmed').count()).toBe(0);
    expect(await page.locator('.react-flow__edge.is-dimmed, .mesh-canvas--focused').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await productNode(page, 'customer-360').waitFor();
    expect(await page.locator('.react-flow__node.is-dimmed').count()).toBe(0);
  });

  it('draws links with arrowheads, labels a hovered link with its ports and contract, and lights the selection’s path', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    expect(await page.locator('.react-flow__edge-path[marker-end]').count()).toBe(8);
    const link = page.locator('[data-testid="rf__edge-l-orders-360"] .react-flow__edge-interaction');
    await link.hover({ force: true });
    const label = page.getByTestId('link-label-l-orders-360');
    expect(await label.textContent()).toContain('orders · Orders → customer-360 · Orders');
    expect(await label.textContent()).toContain('Order v1.0.0');

    await productNode(page, 'customer-360').locator('.product-node__name').click();
    const classOf = (id: string) => page.locator(`[data-testid="rf__edge-${id}"]`).getAttribute('class');
    expect(await classOf('l-orders-360')).toContain('edge--upstream');
    expect(await classOf('l-orders-cdc')).toContain('edge--upstream');
    expect(await classOf('l-profiles-dashboard')).toContain('edge--downstream');
  });

  it('routes links round the products and systems they do not join, also after a node is moved into their way', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    expect(await linksThroughNodes(page)).toEqual([]);

    const shipments = productNode(page, 'shipments');
    const between = await centerOf(productNode(page, 'customer-360'));
    await drag(page, await centerOf(shipments.locator('.product-node__name')), { x: between.x, y: between.y + 90 });

    expect(await linksThroughNodes(page)).toEqual([]);
    await screenshot(page, 'links-routed-round-nodes');
  });

  it('keeps a hovered link’s label whole on the canvas when the link runs by its edge', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await viewAtRest(page);
    const canvas = await page.getByTestId('canvas').boundingBox();
    const link = page.locator('[data-testid="rf__edge-l-orders-cdc"] .react-flow__edge-interaction');
    const before = await centerOf(link);
    const pane = await emptyCanvasPoint(page);
    if (!canvas) throw new Error('no canvas');
    // Pans the link to the canvas's top left corner, where a label centred above it would stick out.
    await drag(page, pane, { x: pane.x + canvas.x + 30 - before.x, y: pane.y + canvas.y + 20 - before.y });
    await viewAtRest(page);

    await link.hover({ force: true });
    const label = await page.getByTestId('link-label-l-orders-cdc').boundingBox();

    expect(label?.x).toBeGreaterThanOrEqual(canvas.x);
    expect(label?.y).toBeGreaterThanOrEqual(canvas.y);
    expect((label?.x ?? 0) + (label?.width ?? 0)).toBeLessThanOrEqual(canvas.x + canvas.width);
  });

  it('draws a link’s label above every node, selected ones (which React Flow lifts) included', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'customer-360').locator('.product-node__name').click();
    await page.locator('[data-testid="rf__edge-l-orders-360"]').hover({ force: true });
    await page.getByTestId('link-label-l-orders-360').waitFor();

    const [labelLayer, highestNode] = await page.evaluate(() => [
      Number(getComputedStyle(document.querySelector('.react-flow__edgelabel-renderer') as Element).zIndex),
      Math.max(
        ...[...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => Number(node.style.zIndex)),
      ),
    ]);
    expect(highestNode).toBeGreaterThanOrEqual(1000);
    expect(labelLayer).toBeGreaterThan(highestNode);
  });

  it('labels a selected link while designing, and not once Simulate shows the run over it', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await page.locator('[data-testid="rf__edge-l-orders-360"] .react-flow__edge-interaction').click({ force: true });
    await page.mouse.move(5, 5);
    const label = page.getByTestId('link-label-l-orders-360');
    await label.waitFor();

    await enterSimulate(page);

    await label.waitFor({ state: 'detached' });
  });

  it('labels one selected link, not every link of a larger selection', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await clickLink(page, 'l-orders-360');
    await page.mouse.move(5, 5);
    await page.getByTestId('link-label-l-orders-360').waitFor();

    await page.keyboard.press('Control+a');
    await expect.poll(() => page.locator('.react-flow__edge.selected').count()).toBe(8);
    expect(await page.locator('.link-label').count()).toBe(0);
  });

  it('puts each link’s change count, while simulating, where it covers no product or system', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await page.getByLabel('Speed').fill('61');
    await runTo(page, 5);
    const covered = await page.evaluate(() => {
      const boxOf = (element: Element) => element.getBoundingClientRect();
      const bodies = [...document.querySelectorAll('.react-flow__node-product, .react-flow__node-system')];
      const counts = [...document.querySelectorAll('[data-testid^="link-count-"]')];
      return {
        counts: counts.length,
        overlapping: counts.flatMap((count) => {
          const label = boxOf(count);
          return bodies
            .filter((body) => {
              const node = boxOf(body);
              return (
                label.left < node.right && node.left < label.right && label.top < node.bottom && node.top < label.bottom
              );
            })
            .map((body) => `${count.getAttribute('data-testid')} over ${body.getAttribute('data-id')}`);
        }),
      };
    });
    expect(covered).toEqual({ counts: 8, overlapping: [] });
  });
});
