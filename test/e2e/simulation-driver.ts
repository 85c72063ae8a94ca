import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import type { SimulationMetrics } from '../../shared/simulation';
import { openByChooser, openSampleDesign } from './designer-driver';

/** Helpers that work Simulate mode as a user does: the mode switch, the run controls, the panel's tabs. */

export async function simulateSample(page: Page, sampleId = 'ecommerce'): Promise<void> {
  await openSampleDesign(page, sampleId);
  await enterSimulate(page);
}

export async function enterSimulate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await waitForTick(page, 0);
}

export async function currentTick(page: Page): Promise<number> {
  return Number(await page.getByTestId('tick').textContent());
}

/**
 * Checks every 50 ms, not every frame: a check per frame keeps the page drawing frames, about an
 * eighth of the CPU time that entering Simulate and running six ticks took.
 */
const POLLING = { polling: 50 };

export async function waitForTick(page: Page, tick: number): Promise<void> {
  await page.waitForFunction(
    (wanted) => document.querySelector('[data-testid=tick]')?.textContent === String(wanted),
    tick,
    POLLING,
  );
}

/** Runs until the given tick (the run pauses there by itself). */
export async function runTo(page: Page, tick: number): Promise<void> {
  await page.getByLabel('Pause at tick').fill(String(tick));
  await page.getByRole('button', { name: '▶ Run' }).click();
  await waitForTick(page, tick);
  await page.getByRole('button', { name: '▶ Run' }).waitFor();
}

export async function step(page: Page, times = 1): Promise<void> {
  for (let count = 0; count < times; count++) {
    const before = await currentTick(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForTick(page, before + 1);
  }
}

export async function stepBack(page: Page, times = 1): Promise<void> {
  for (let count = 0; count < times; count++) {
    const before = await currentTick(page);
    await page.getByRole('button', { name: 'Step back' }).click();
    await waitForTick(page, before - 1);
  }
}

/** A shorter budget for the worker's silence, so a long load or query outlasts it in a second. */
export async function setStepBudget(page: Page, millis: number): Promise<void> {
  await page.evaluate(
    (budget) =>
      (Reflect.get(window, '__meshSimulation') as { setStepBudget(millis: number): void }).setStepBudget(budget),
    millis,
  );
}

export function engineMetrics(page: Page): Promise<SimulationMetrics> {
  return page.evaluate(() =>
    (Reflect.get(window, '__meshSimulation') as { engineMetrics(): Promise<SimulationMetrics> }).engineMetrics(),
  );
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

/** Opens a link's messages in the Inspect tab; the newest card, once its before/after table shows. */
export async function newestChangeOnLink(page: Page, linkId: string): Promise<Locator> {
  await openTab(page, 'Inspect');
  await page.getByTestId(`rf__edge-${linkId}`).click();
  const newest = page.getByTestId('message').first();
  await newest.locator('.record-table--diff').waitFor();
  return newest;
}

/** Pastes over the editor's text, as a user would (typing would let the editor indent and close brackets). */
export async function replaceEditorText(page: Page, testId: string, text: string): Promise<void> {
  const editor = page.getByTestId(testId);
  await editor.locator('.monaco-editor').waitFor();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((copied) => navigator.clipboard.writeText(copied), text);
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
}

/** Types a query into the SQL console for a node and runs it. */
export async function runQuery(page: Page, nodeName: string, sql: string): Promise<void> {
  await openTab(page, 'SQL');
  await page.getByLabel('Node to query').selectOption({ label: nodeName });
  const editor = page.getByTestId('sql-editor');
  await editor.locator('.monaco-editor').waitFor();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
  await page.getByRole('button', { name: 'Run query' }).click();
}

/** Fires a redelivery of a topic's last `records` records from the fault deck. */
export async function fireRedelivery(page: Page, topic: string, records: number): Promise<void> {
  await openTab(page, 'Faults');
  const redelivery = page.getByTestId('fault-redeliver');
  await redelivery.getByLabel('Topic').selectOption({ label: topic });
  await redelivery.getByLabel('Records').fill(String(records));
  await redelivery.getByRole('button', { name: 'Fire' }).click();
}

/** Fires a null in a required field of a topic's records from the fault deck, as a faulty producer would. */
export async function fireNullField(page: Page, topic: string, column: string): Promise<void> {
  await openTab(page, 'Faults');
  const nullField = page.getByTestId('fault-null-field');
  await nullField.getByLabel('Topic').selectOption({ label: topic });
  await nullField.getByLabel('Column').selectOption(column);
  await nullField.getByRole('button', { name: 'Fire' }).click();
  await page.getByTestId('fired-faults').filter({ hasText: 'null-field' }).waitFor();
}

/** Takes a product offline for some ticks from the fault deck. */
export async function fireConsumerOffline(page: Page, product: string, ticks: number): Promise<void> {
  await openTab(page, 'Faults');
  const offline = page.getByTestId('fault-consumer-offline');
  await offline.getByLabel('Product').selectOption({ label: product });
  await offline.getByLabel('Ticks').fill(String(ticks));
  await offline.getByRole('button', { name: 'Fire' }).click();
}

/**
 * From now on, remembers the lines each canvas of the page draws, each once: its colour and dash
 * pattern. The charts are canvases: this is how a test sees how their series look.
 */
export async function recordCanvasLines(page: Page): Promise<void> {
  await page.evaluate(() => {
    const drawn = new WeakMap<HTMLCanvasElement, Set<string>>();
    const { stroke } = CanvasRenderingContext2D.prototype;
    CanvasRenderingContext2D.prototype.stroke = function (this: CanvasRenderingContext2D, path?: Path2D) {
      const lines = drawn.get(this.canvas) ?? new Set<string>();
      lines.add(JSON.stringify({ colour: String(this.strokeStyle), dash: this.getLineDash() }));
      drawn.set(this.canvas, lines);
      Reflect.apply(stroke, this, path ? [path] : []);
    };
    Reflect.set(window, '__canvasLines', (canvas: HTMLCanvasElement) =>
      [...(drawn.get(canvas) ?? [])].map((line) => JSON.parse(line)),
    );
  });
}

export interface CanvasLine {
  colour: string;
  dash: number[];
}

/** The lines a metrics chart drew since `recordCanvasLines`. */
export function chartLines(page: Page, title: string): Promise<CanvasLine[]> {
  return page
    .getByTestId(`chart-${title}`)
    .locator('canvas')
    .evaluate((canvas) => (Reflect.get(window, '__canvasLines') as (drawn: Element) => CanvasLine[])(canvas));
}

/** The parts of the sample file the tests change. */
interface SampleFile {
  domains: { id: string; name: string }[];
  products: {
    id: string;
    name: string;
    domainId: string;
    owner: string;
    inputPorts: { id: string; name: string; expects: { name: string; logicalType: string; required: boolean }[] }[];
    outputPorts: { id: string; name: string }[];
    transformations: { sql: string }[];
  }[];
  links: { id: string; from: { nodeId: string; portId: string }; to: { nodeId: string; portId: string } }[];
  layout: { nodes: Record<string, { x: number; y: number; width?: number; height?: number }> };
  policies: { rules: Record<string, unknown>; classificationLevels?: string[] };
  systems: {
    id: string;
    database: {
      engine: string;
      tables: { name: string; primaryKey: string[]; columns: { name: string; type: string; nullable: boolean }[] }[];
    };
  }[];
  scenarios: {
    id: string;
    name: string;
    startTime: string;
    tickMillis: number;
    presenterNotes?: Record<string, string>;
    retention?: { records: number };
    faults?: unknown[];
    steps: unknown[];
    data: { table: string; initialRows: number; generators: Record<string, unknown> }[];
    connector?: { transactionMetadata?: boolean };
  }[];
}

/** The e-commerce sample file, changed by `edit`, opened as a user opens a file. */
export async function openEditedSample(page: Page, name: string, edit: (mesh: SampleFile) => void): Promise<void> {
  const mesh: SampleFile = JSON.parse(
    readFileSync(new URL('../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
  );
  edit(mesh);
  await openByChooser(page, name, JSON.stringify(mesh));
  await page.waitForSelector('.react-flow__node-product');
}

/** The e-commerce sample without its scenario, in Simulate with the scenario New scenario generates, at tick 0. */
export async function simulateNewScenarioOfSample(page: Page): Promise<void> {
  await openEditedSample(page, 'no-scenario.mesh.json', (mesh) => {
    mesh.scenarios = [];
  });
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await openTab(page, 'Scenario');
  await page.getByRole('button', { name: 'New scenario' }).click();
  await waitForTick(page, 0);
}

/** The e-commerce sample with customer-360's transformation replaced. */
export async function openSampleWithProfileSql(page: Page, sql: string): Promise<void> {
  await openEditedSample(page, 'looping.mesh.json', (mesh) => {
    const product = mesh.products.find((candidate) => candidate.id === 'customer-360');
    if (product?.transformations[0]) product.transformations[0].sql = sql;
  });
}

/** Runs to tick 6, traces order 1000 and presents its trace: the presenter, at its first stage. */
export async function presentOrder1000(page: Page): Promise<Locator> {
  await runTo(page, 6);
  await traceOrder1000(page);
  await page.getByRole('button', { name: 'Present' }).first().click();
  const presenter = page.getByTestId('presenter');
  await presenter.waitFor();
  return presenter;
}

/** Traces the newest change of order 1000 (the workshop cancels it at tick 5) from the orders topic. */
export async function traceOrder1000(page: Page): Promise<{ place: string | null }> {
  await page.getByTestId('rf__edge-l-orders-cdc').click();
  await page.getByLabel('Filter by key').fill('1000');
  const newest = page.getByTestId('message').first();
  await newest.filter({ hasText: '{"order_id":1000}' }).waitFor();
  const place = await newest.locator('.message-card__place').textContent();
  await newest.getByRole('button', { name: 'Trace' }).click();
  await page.getByTestId('trace-position').waitFor();
  return { place };
}

/** The key-change sample, whose step changes order 1000's key to 5000, run to tick 5 with the orders CDC link's messages open. */
export async function runKeyChangeTo5000(page: Page): Promise<void> {
  await openEditedSample(page, 'key-change.mesh.json', (mesh) => {
    const scenario = mesh.scenarios[0];
    if (scenario) scenario.steps = [{ ...(scenario.steps[0] as object), values: { order_id: 5000 } }];
  });
  await enterSimulate(page);
  await runTo(page, 5);
  await page.getByTestId('rf__edge-l-orders-cdc').click();
}

/** Whether the node is drawn whole within the canvas. */
export async function isNodeInView(page: Page, nodeId: string): Promise<boolean> {
  const [node, pane] = [
    await page.getByTestId(`rf__node-${nodeId}`).boundingBox(),
    await page.locator('.react-flow').boundingBox(),
  ];
  return (
    !!node &&
    !!pane &&
    node.x >= pane.x &&
    node.y >= pane.y &&
    node.x + node.width <= pane.x + pane.width &&
    node.y + node.height <= pane.y + pane.height
  );
}

/** The values a data grid shows in one column, for the rows drawn now (once every drawn row is loaded). */
export async function gridColumn(page: Page, testId: string, column: string): Promise<string[]> {
  const grid = page.getByTestId(testId);
  await grid.locator('.data-grid__row--head button').first().waitFor();
  await page.waitForFunction(
    (id) =>
      [...document.querySelectorAll(`[data-testid="${id}"] .data-grid__row:not(.data-grid__row--head) > td`)].every(
        (cell) => cell.textContent !== '…',
      ),
    testId,
    POLLING,
  );
  return grid.evaluate((element, wanted) => {
    // The Trace column's header is empty; a sorted column's arrow is not part of its name.
    const names = [...element.querySelectorAll('.data-grid__row--head > *')].map((header) =>
      (header.textContent ?? '').replace(/ [▲▼]$/, ''),
    );
    const at = names.indexOf(wanted);
    return [...element.querySelectorAll('.data-grid__row:not(.data-grid__row--head)')].map(
      (row) => row.children[at]?.textContent ?? '',
    );
  }, column);
}

/**
 * From now on, holds back the worker's answers to steps until `releaseStepAnswers`: a step is then
 * done in the engine but not yet on screen, as when a user presses Pause while a step runs.
 * Call before the run's worker starts (before entering Simulate).
 */
export async function holdStepAnswers(page: Page): Promise<void> {
  await page.evaluate(() => {
    const held: (() => void)[] = [];
    let isHolding = true;
    const RealWorker = window.Worker;
    window.Worker = class extends RealWorker {
      override set onmessage(handler: ((event: MessageEvent) => void) | null) {
        super.onmessage =
          handler &&
          ((event: MessageEvent) => {
            if (isHolding && event.data?.type === 'stepped') held.push(() => handler(event));
            else handler(event);
          });
      }
      override get onmessage() {
        return super.onmessage;
      }
    };
    Reflect.set(window, '__heldStepAnswers', () => held.length);
    Reflect.set(window, '__releaseStepAnswers', () => {
      isHolding = false;
      for (const deliver of held.splice(0)) deliver();
    });
  });
}

/** Waits until the worker has answered a step that `holdStepAnswers` holds back. */
export async function waitForHeldStepAnswer(page: Page): Promise<void> {
  await page.waitForFunction(() => (Reflect.get(window, '__heldStepAnswers') as () => number)() > 0, null, POLLING);
}

export async function releaseStepAnswers(page: Page): Promise<void> {
  await page.evaluate(() => (Reflect.get(window, '__releaseStepAnswers') as () => void)());
}

/**
 * For each link's count label, the links whose lines run through it: its box, with the gap down to
 * the point it stands on (LABEL_GAP at the canvas's zoom), against each link's path walked in 2-unit steps.
 */
export function linksThroughCounts(page: Page, labelGap: number): Promise<Record<string, string[]>> {
  return page.evaluate((gap) => {
    const paths = [...document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')];
    const counts = [...document.querySelectorAll<HTMLElement>('[data-testid^="link-count-"]')];
    return Object.fromEntries(
      counts.map((count) => {
        const box = count.getBoundingClientRect();
        const through = paths.flatMap((path) => {
          const toScreen = path.getScreenCTM() as DOMMatrix;
          const bottom = box.bottom + gap * toScreen.a;
          for (let along = 0; along <= path.getTotalLength(); along += 2) {
            const onPath = path.getPointAtLength(along);
            const point = new DOMPoint(onPath.x, onPath.y).matrixTransform(toScreen);
            if (point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= bottom)
              return [path.closest('.react-flow__edge')?.getAttribute('data-id') ?? ''];
          }
          return [];
        });
        return [count.getAttribute('data-testid')?.slice('link-count-'.length) ?? '', through];
      }),
    );
  }, labelGap);
}
