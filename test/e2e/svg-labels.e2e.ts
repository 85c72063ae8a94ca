import { createRequire } from 'node:module';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type DiagramDrawer, openChromiumDrawer } from '../../cli/render/mermaid-images';
import { SVG_TEXT_LABELS } from '../../shared/export/mermaid';
import { flowNode, flowSubgraph, renderFlowchart } from '../../shared/export/mermaid/flowchart';
import { svgBoxLabelLines, svgEdgeLabelLines, withoutSpaces } from './svg-outside-browser';

const LONG_TOPICS =
  'com.example.retail.catalogue.inventory.mongodb.warehouse_stock_levels_by_region_v2, catalog.catalog.price_change_notifications_for_downstream_marketplaces';
const LONG_BOX = `price change notifications CDC input · from catalog-service: catalog.catalog.price_change_notifications_for_downstream_marketplaces`;
const TEXT = renderFlowchart({
  title: 'Long names',
  direction: 'LR',
  items: [flowNode('a', 'catalog-service'), flowNode('b', LONG_BOX), flowNode('c', 'Dashboard')],
  edges: [
    { from: 'a', to: 'b', label: LONG_TOPICS },
    { from: 'b', to: 'c', label: 'Enriched shipment status with carrier details' },
  ],
});

/** The lines the Mermaid text itself breaks a label into (`<br/>`, or a box's `\n`), as Mermaid shows them. */
function writtenLines(pattern: RegExp): string[] {
  const labels = [...TEXT.matchAll(pattern)].map((match) => match[1] as string);
  return labels.flatMap((label) => label.split(/<br\/>|\\n/).map((line) => line.trim().replaceAll('#34;', '"')));
}

describe.skipIf(!inject('chromiumPath'))('labels of a saved SVG', () => {
  let drawer: DiagramDrawer;
  let browser: Browser;
  beforeAll(async () => {
    const opened = await openChromiumDrawer();
    if (!opened.ok) throw new Error(opened.reason);
    drawer = opened.drawer;
    browser = await chromium.launch({
      executablePath: inject('chromiumPath') ?? undefined,
      args: inject('chromiumArgs'),
    });
  });
  afterAll(async () => {
    await drawer?.close();
    await browser?.close();
  });

  /** As the app saves a picture where its font, Inter, is missing: Chromium falls back to the wide DejaVu Sans. */
  async function drawnInFallbackFont(): Promise<string> {
    const page = await browser.newPage();
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
    const config = { startOnLoad: false, ...SVG_TEXT_LABELS, themeVariables: { fontFamily: 'DejaVu Sans' } };
    const svg = (await page.evaluate(`(async () => {
      mermaid.initialize(${JSON.stringify(config)});
      return (await mermaid.render('long', ${JSON.stringify(TEXT)})).svg;
    })()`)) as string;
    await page.close();
    return svg;
  }

  it.each([
    ['the command line draws them', () => drawer.draw(TEXT, 'svg') as Promise<string>],
    ['the app draws them in its fallback font', drawnInFallbackFont],
  ])('keep the lines the text breaks them into, between words or after a name’s dots: %s', async (_, draw) => {
    const svg = await draw();
    const edgeLines = writtenLines(/-->\|"([^"]*)"\|/g);
    expect(edgeLines.slice(0, 3)).toEqual(['com.example.retail.', 'catalogue.inventory.', 'mongodb.warehouse_']);
    expect(svgEdgeLabelLines(svg)).toEqual(edgeLines);
    expect(svgBoxLabelLines(svg).map((line) => line.trim())).toEqual(
      expect.arrayContaining(writtenLines(/label: "([^"]*)", labelType: string \}/g)),
    );
  });

  it('centre each group title in its frame, whatever characters the title holds', async () => {
    const titles = ['Restaurants & Menus', 'Quoted "Ops" ‹beta›', 'Underwriting {EU} <b>', 'Restaurants and Menus'];
    const text = renderFlowchart({
      title: 'Group titles',
      direction: 'TB',
      items: titles.map((title, index) => flowSubgraph(`group${index}`, title, [flowNode(`node${index}`, 'x')])),
      edges: [],
    });
    const page = await browser.newPage();
    await page.setContent((await drawer.draw(text, 'svg')) as string);
    // How far, in pixels, each title's middle is from its frame's.
    const offCentre = (await page.evaluate(`[...document.querySelectorAll('g.cluster')].map((cluster) => {
      const frame = cluster.querySelector(':scope > rect').getBoundingClientRect();
      const title = cluster.querySelector('.cluster-label text');
      const shown = title.getBoundingClientRect();
      return [title.textContent, Math.abs(shown.left + shown.width / 2 - (frame.left + frame.width / 2))];
    })`)) as Array<[string, number]>;
    await page.close();
    expect(offCentre.map(([title]) => withoutSpaces(title)).sort()).toEqual(titles.map(withoutSpaces).sort());
    for (const [title, offset] of offCentre) expect(offset, title).toBeLessThan(1);
  });
});
