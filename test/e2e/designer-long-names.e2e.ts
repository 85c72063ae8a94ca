import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { serializeMesh } from '../../shared/model';
import { aMesh } from '../builders/mesh-builder';
import { describeInChromium, inEachColorScheme, screenshot } from './app-driver';
import { renameDesign } from './autosave-driver';
import {
  box,
  clampedName,
  expectInside,
  openByChooser,
  openSampleDesign,
  viewAtRest,
  zoomLevel,
} from './designer-driver';
import { enterSimulate, openEditedSample, runTo } from './simulation-driver';

const WINDOW_WIDTH = 1440;

/** A name without a space to break at, as a pasted identifier or URL is. */
const unbrokenName = (length: number) =>
  'CustomerOrdersEnrichedWithShipping'.repeat(Math.ceil(length / 34)).slice(0, length);

/** The e-commerce sample's domain of its Orders product, found by id (its name is what the tests change). */
const ordersDomain = (page: Page) => page.locator('.react-flow__node-domain[data-id="orders-domain"]');

/**
 * The ports of the canvas (product ports and system topics) whose name, count or dot leave the
 * port's one row: a name or count on more than one line, a count outside its node, or a count
 * or dot beside another line.
 */
const portsOffTheirRow = (page: Page) =>
  page.locator('.react-flow__node .port').evaluateAll((ports) =>
    ports.flatMap((port) => {
      const name = port.querySelector('bdi');
      if (!name) return [];
      const middleOf = (element: Element) => {
        const { top, bottom } = element.getBoundingClientRect();
        return (top + bottom) / 2;
      };
      // A text cut with an ellipsis is drawn in more than one piece, on one line.
      const linesOf = (element: Element) =>
        new Set([...element.getClientRects()].map((piece) => Math.round(piece.top))).size;
      const node = port.closest('.product-node, .system-node')?.getBoundingClientRect();
      const isInsideNode = (element: Element) => {
        const box = element.getBoundingClientRect();
        return !!node && box.left >= node.left && box.right <= node.right;
      };
      const row = middleOf(name);
      const count = port.querySelector('.port-activity');
      const dot = port.querySelector('.port-handle');
      const problems = [
        linesOf(name) > 1 && 'name on more than one line',
        count && linesOf(count) > 1 && 'count on more than one line',
        count && !isInsideNode(count) && 'count outside its node',
        count && Math.abs(middleOf(count) - row) > 3 && 'count off the name’s row',
        dot && Math.abs(middleOf(dot) - row) > 3 && 'dot off the name’s row',
      ].filter(Boolean);
      return problems.length > 0 ? [`${name.textContent}: ${problems.join(', ')}`] : [];
    }),
  );

/**
 * The one-line labels of the canvas whose letters reach below the box that clips them (or within a pixel of it):
 * an underscore or a descender there is not drawn, so `dock_controller_db` reads `dock controller db`.
 * Where the letters' ink goes is measured from the font (a canvas's text metrics), from the baseline.
 */
const labelsCutBelow = (page: Page) =>
  page
    .locator(
      '.react-flow__node :is(.port__name, .domain-node__name, .domain-node__owner, .product-node__name, .product-node__owner, .system-node__name, .domain-block__name, .domain-block__owner)',
    )
    .evaluateAll((labels) => {
      const measure = document.createElement('canvas').getContext('2d');
      if (!measure) throw new Error('no canvas');
      return labels.flatMap((label) => {
        const text = label.textContent ?? '';
        measure.font = getComputedStyle(label).font;
        const metrics = measure.measureText(text);
        const range = document.createRange();
        range.selectNodeContents(label);
        const line = range.getBoundingClientRect();
        const clip = label.getBoundingClientRect();
        const scale = clip.height / (label as HTMLElement).offsetHeight;
        const baseline = line.top + metrics.fontBoundingBoxAscent * scale;
        const inkBottom = baseline + metrics.actualBoundingBoxDescent * scale;
        // The clip snaps to whole pixels: ink closer to its edge than one pixel may be cut.
        return inkBottom + 1 > clip.bottom
          ? [`${text}: ink to ${inkBottom.toFixed(1)}, box to ${clip.bottom.toFixed(1)}`]
          : [];
      });
    });

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describeInChromium('long names and narrow windows', (session) => {
  it('keeps a long design name on one toolbar line, cut with an ellipsis, and the page as wide as the window, light and dark', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const toolbar = page.getByRole('toolbar', { name: 'Commands' });
    const oneLine = (await box(toolbar)).height;
    for (const length of [107, 174]) {
      const name = unbrokenName(length);
      await renameDesign(page, name);
      await inEachColorScheme(page, async (colorScheme) => {
        expect(await pageWidth(page)).toBe(WINDOW_WIDTH);
        expect((await box(toolbar)).height).toBe(oneLine);
        expect(await page.getByTestId('document-title').getAttribute('title')).toBe(name);
        await expectInside(page.getByRole('button', { name: 'Keyboard shortcuts' }), toolbar);
        await expectInside(page.getByTestId('mesh-inspector'), page.locator('.app'));
        if (length === 174) await screenshot(page, `long-design-name-${colorScheme}`);
      });
    }
  });

  it('shows a design’s whole name on a laptop-wide window, where the app’s own name gives way, and the Simulate bar on one line', async () => {
    const page = await session.openApp();
    await page.setViewportSize({ width: 1280, height: 800 });
    await openSampleDesign(page, 'ecommerce');
    const name = page.getByTestId('document-title').locator('.toolbar__name');
    expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    expect(await name.textContent()).toBe('E-commerce mesh');
    expect(await page.title()).toBe('E-commerce mesh — Data Mesh Designer');

    await enterSimulate(page);
    // What only a screen reader hears (the run's live status) is drawn nowhere, so it has no row.
    const rowsOfTheBar = await page.locator('.simulation-bar > :not(.visually-hidden)').evaluateAll((controls) => {
      const middles = controls.map((control) => {
        const { top, bottom } = control.getBoundingClientRect();
        return Math.round((top + bottom) / 2);
      });
      return new Set(middles).size;
    });
    expect(rowsOfTheBar).toBe(1);
  });

  it('keeps the toolbar and the Simulate bar on one row each at 1024 × 700, so the canvas keeps its height', async () => {
    const page = await session.openApp();
    await page.setViewportSize({ width: 1024, height: 700 });
    await openSampleDesign(page, 'ecommerce');
    await enterSimulate(page);
    for (const bar of [
      page.getByRole('toolbar', { name: 'Commands' }),
      page.getByRole('toolbar', { name: 'Simulation' }),
    ]) {
      const rows = await bar.evaluate(
        (element) =>
          new Set(
            [...element.children]
              // What only a screen reader hears (the run's live status) is drawn nowhere.
              .filter((child) => !child.matches('.visually-hidden'))
              .map((child) => child.getBoundingClientRect())
              // A control the bar hides (the app's name, on a narrow window) has no row.
              .filter((box) => box.height > 0)
              .map((box) => Math.round((box.top + box.bottom) / 2)),
          ).size,
      );
      expect(rows, (await bar.getAttribute('aria-label')) ?? '').toBe(1);
    }
    expect(await page.getByRole('button', { name: 'Theme: system' }).getAttribute('title')).toMatch(/^Theme: system/);
    await screenshot(page, 'bars-at-1024');
  });

  it('keeps the Simulate bar one row high at 1280 × 800 and 1024 × 700 whatever the scenario’s name, naming it whole in its tooltip', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    const name = 'Saturday night at Lumière: the evening rush, every screen sold out and the bar queue to the door';
    await openEditedSample(page, 'lumiere.mesh.json', (mesh) => {
      const scenario = mesh.scenarios[0];
      if (scenario) scenario.name = name;
    });
    await enterSimulate(page);
    const bar = page.getByRole('toolbar', { name: 'Simulation' });
    const picker = bar.getByLabel('Scenario');
    for (const [width, height] of [
      [1280, 800],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      const { height: barHeight, oneRow } = await bar.evaluate((element) => {
        const style = getComputedStyle(element);
        const frame = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'] as const;
        const tallest = Math.max(...[...element.children].map((child) => child.getBoundingClientRect().height));
        return {
          height: element.getBoundingClientRect().height,
          oneRow: tallest + frame.reduce((sum, side) => sum + Number.parseFloat(style[side]), 0),
        };
      });
      expect(barHeight, `at ${width} px`).toBeCloseTo(oneRow, 0);
      await expectInside(bar.getByRole('button', { name: 'Present' }), bar);
      await screenshot(page, `simulate-bar-long-scenario-name-${width}`);
    }
    expect(await picker.getAttribute('title')).toBe(name);
    expect(await picker.locator('option').first().textContent()).toBe(name);
  });

  it('keeps the Simulate bar one row at 1280 × 800 with a three-digit tick at speed max, Present on the Run button’s row and the clock’s time whole', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openEditedSample(page, 'lumiere.mesh.json', (mesh) => {
      const scenario = mesh.scenarios[0];
      if (scenario) scenario.name = 'Saturday night at Lumière: the evening rush';
    });
    await enterSimulate(page);
    const bar = page.getByRole('toolbar', { name: 'Simulation' });
    await page.getByLabel('Speed').fill('61');
    expect(await page.getByTestId('speed').textContent()).toBe('max');
    await runTo(page, 120);
    const [present, run] = [
      await box(bar.getByRole('button', { name: 'Present' })),
      await box(bar.getByRole('button', { name: '▶ Run' })),
    ];
    expect(present.y).toBe(run.y);
    await expectInside(bar.getByRole('button', { name: 'Present' }), bar);
    await screenshot(page, 'simulate-bar-tick-120-max-1280');

    // The date gives way, never the time: HH:MM:SS (24-hour, so no AM/PM to lose) is drawn whole.
    const clock = page.getByTestId('simulated-clock');
    const timeOfDay = (await clock.getAttribute('title'))?.slice(11, 19);
    expect(timeOfDay).toMatch(/^\d\d:\d\d:\d\d$/);
    const wholeParts = await clock.evaluate((element) => {
      const { left, right } = element.getBoundingClientRect();
      return [...element.querySelectorAll('span')]
        .filter((part) => {
          const box = part.getBoundingClientRect();
          return part.scrollWidth <= part.clientWidth && box.left >= left && box.right <= right;
        })
        .map((part) => part.textContent);
    });
    expect(wholeParts.some((text) => text?.includes(timeOfDay as string))).toBe(true);
  });

  it('moves whole groups of toolbar buttons to a second line on a narrow window, never past its edge', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const toolbar = page.getByRole('toolbar', { name: 'Commands' });
    for (const width of [1024, 800, 640]) {
      await page.setViewportSize({ width, height: 700 });
      expect(await pageWidth(page)).toBe(width);
      for (const button of await toolbar.getByRole('button').all()) await expectInside(button, toolbar);
      await expectInside(page.getByTestId('document-title'), toolbar);
    }
    await screenshot(page, 'narrow-window-toolbar-light');
  });

  it('keeps each port’s count and dot on its row, in one line up to six digits, the port’s name giving way with an ellipsis', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openEditedSample(page, 'long-port-names.mesh.json', (mesh) => {
      // As long as the names that filled their column in QA's design (DeicingRequested), and longer.
      for (const product of mesh.products) {
        for (const port of product.outputPorts) port.name = `${port.name}Requested`;
        for (const port of product.inputPorts) port.name = `${port.name} from the operational systems`;
      }
    });
    await enterSimulate(page);
    await runTo(page, 12);
    const counts = await page.locator('.port-activity').allTextContents();
    expect(counts.some((count) => /^\d{2,}/.test(count))).toBe(true);
    await screenshot(page, 'simulate-port-counts-two-digits');
    expect(await portsOffTheirRow(page)).toEqual([]);

    // Paused, the counts stay as drawn: written here as long as a long run makes them.
    await page.locator('.port-activity').evaluateAll((elements) => {
      for (const element of elements) element.textContent = '123456 ⚠12';
    });
    await screenshot(page, 'simulate-port-counts-six-digits');
    expect(await portsOffTheirRow(page)).toEqual([]);
  });

  it('wraps a long product name inside its node, and keeps the node inside its domain', async () => {
    const name = unbrokenName(90);
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'long-product-name.mesh.json', (mesh) => {
      const orders = mesh.products.find((product) => product.id === 'orders');
      if (orders) orders.name = name;
    });
    const product = page.getByTestId('product-orders');
    const domain = ordersDomain(page);
    await expectInside(product.locator('.product-node__name'), product);
    await expectInside(product, domain);
    expect(await product.locator('.product-node__name').getAttribute('title')).toBe(name);
    await screenshot(page, 'long-product-name-light');
  });

  for (const [script, name] of [
    [
      'Latin',
      'Safety Incidents Level Crossing Obstruction Detector Faults And Track Circuit Failures Reported By Crews',
    ],
    ['Hebrew and emoji', 'תקלות מעגלי מסילה 🚦 ומחסומים במפגשי דרך 🚧 שדווחו על ידי צוותי תחזוקה 🛠️ בקווים הצפוניים'],
  ] as const) {
    it(`cuts a long product name at two whole lines, nothing of a third showing over its kind (${script})`, async () => {
      const page = await session.openApp({ withoutFileSystemAccess: true });
      await openEditedSample(page, 'long-product-name.mesh.json', (mesh) => {
        const orders = mesh.products.find((product) => product.id === 'orders');
        if (orders) orders.name = name;
      });
      const product = page.getByTestId('product-orders');
      const shown = await clampedName(product.locator('.product-node__name'));
      await screenshot(page, `product-name-two-lines-${script.replaceAll(' ', '-').toLowerCase()}`);
      expect(shown.lines).toBeCloseTo(2, 1);
      expect(shown.partlyShown).toEqual([]);
      const nameBox = await box(product.locator('.product-node__name'));
      expect(nameBox.y + nameBox.height).toBeLessThanOrEqual((await box(product.locator('.product-node__kind'))).y);
    });
  }

  it('shows a design whose names run to thousands of characters, and fits it in view', async () => {
    const page = await session.openApp({ colorScheme: 'dark', withoutFileSystemAccess: true });
    await openEditedSample(page, 'huge-names.mesh.json', (mesh) => {
      const orders = mesh.products.find((product) => product.id === 'orders');
      if (orders) orders.name = unbrokenName(5000);
      const domain = mesh.domains.find((candidate) => candidate.id === orders?.domainId);
      if (domain) domain.name = unbrokenName(5000);
    });
    await page.keyboard.press('Shift+1');
    const canvas = page.getByTestId('canvas');
    const product = page.getByTestId('product-orders');
    await expect.poll(async () => (await product.boundingBox())?.width ?? 0).toBeGreaterThan(100);
    await expectInside(product, canvas);
    await expectInside(product, ordersDomain(page));
    await screenshot(page, 'huge-names-dark');
  });

  it('keeps a one-click fix that names a long owner inside its problem row', async () => {
    const page = await session.openApp();
    await page.getByRole('button', { name: 'New blank mesh' }).click();
    await page.keyboard.press('d');
    await page.keyboard.type('Sales with a rather long domain name that goes on');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Problems' }).click();

    const fix = page
      .getByTestId('problem')
      .filter({ has: page.locator('.problem-row__fix') })
      .first();
    await expectInside(fix.locator('.problem-row__fix'), fix);
  });

  it('isolates a file name holding a direction override in the status line and the window title', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const name = 'Étude \u202eexe.txt\u202c.mesh.json';
    const sample = readFileSync(new URL('../../assets/samples/seed-logical-view.mesh.json', import.meta.url), 'utf8');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).first().click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(sample) });

    await expect.poll(() => page.locator('.status-bar .notice__text').textContent()).toBe(`Opened \u2068${name}\u2069`);
    expect(await page.title()).toBe(`\u2068${name}\u2069 — Data Mesh Designer`);
  });

  it('isolates every name it draws, so a right-to-left override in one reorders nothing around it', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await ordersDomain(page).locator('.domain-node__title').click();
    await page.getByTestId('domain-inspector').getByLabel('Name').fill('مزارع وحقول \u202egnp.exe 🌾');
    await page.getByTestId('domain-inspector').getByLabel('Name').press('Enter');
    await page.getByTestId('system-orders-service').locator('.system-node__name').click();
    await page.getByRole('tab', { name: 'Problems' }).click();
    await screenshot(page, 'names-isolated');

    const names = [
      '.domain-node__name',
      '.product-node__name',
      '.system-node__name',
      '.product-node__inputs .port',
      '.toolbar__name',
      '.list-editor__title',
      '.problem-row__message',
    ];
    // Each text inside a name's element must sit in an element that isolates it from its neighbours.
    const unisolated = await page.evaluate(
      (selectors) =>
        selectors.filter((selector) =>
          [...document.querySelectorAll(selector)].some((element) => {
            const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            for (let text = texts.nextNode(); text; text = texts.nextNode()) {
              if (!text.textContent?.trim()) continue;
              let isolated = false;
              for (let at = text.parentElement; at && !isolated; at = at === element ? null : at.parentElement) {
                isolated = getComputedStyle(at).unicodeBidi === 'isolate';
              }
              if (!isolated) return true;
            }
            return false;
          }),
        ),
      names,
    );
    expect(unisolated).toEqual([]);
  });

  it('draws the underscores and descenders of one-line labels whole at every zoom (dock_controller_db.items)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const mesh = aMesh()
      .withDomain('fleet', { name: 'Fleet_yard', owner: 'ops_team' })
      .withProduct('bike-registry', 'fleet', { name: 'bike_registry', owner: 'gq_ops' })
      .withSystem('dock_controller_db', 'fleet', { name: 'dock_controller_db' })
      .build();
    mesh.layout.nodes = {
      fleet: { x: 0, y: 0, width: 800, height: 400 },
      'bike-registry': { x: 420, y: 60 },
      dock_controller_db: { x: 40, y: 60 },
    };
    await openByChooser(page, 'fleet.mesh.json', serializeMesh(mesh));
    const cutAtZoom = new Map<number, string[]>();
    for (const key of ['=', '=', '-', '-', '-', '-']) {
      await page.keyboard.press(key);
      await viewAtRest(page);
      cutAtZoom.set(await zoomLevel(page), await labelsCutBelow(page));
    }
    expect(cutAtZoom.size).toBeGreaterThan(3);
    expect([...cutAtZoom].filter(([, cut]) => cut.length > 0)).toEqual([]);
  });
  it('keeps a topic’s CDC mark on one line beside a long topic name at every zoom (courier_app.public.courier_app_events)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const mesh = aMesh()
      .withDomain('delivery', { name: 'Delivery Routes' })
      .withSystem('courier-app', 'delivery', { name: 'courier-app' })
      .build();
    const [topic] = mesh.systems[0]?.messaging.topics ?? [];
    if (topic) topic.name = 'courier_app_production.public.courier_app_delivery_attempt_events';
    mesh.layout.nodes = { delivery: { x: 0, y: 0, width: 500, height: 400 }, 'courier-app': { x: 40, y: 60 } };
    await openByChooser(page, 'delivery.mesh.json', serializeMesh(mesh));
    const source = page.locator('.react-flow__node-system .port__source');
    const wrappedAtZoom = new Map<number, number>();
    for (const key of ['=', '-', '-', '-', '-']) {
      await page.keyboard.press(key);
      await viewAtRest(page);
      const zoom = await zoomLevel(page);
      // A line of the mark's 9 px text is about 11 px high in flow units; two lines are twice that.
      const lines = await source.evaluate(
        (mark, zoomShown) => Math.round(mark.getBoundingClientRect().height / zoomShown / 11),
        zoom,
      );
      wrappedAtZoom.set(zoom, lines);
    }
    expect(wrappedAtZoom.size).toBeGreaterThan(3);
    expect([...wrappedAtZoom].filter(([, lines]) => lines > 1)).toEqual([]);
  });
});
