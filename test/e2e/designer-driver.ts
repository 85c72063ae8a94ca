import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Helpers that work the designer the way a user does: mouse on the canvas, keys, the inspector. */

/** The node whose name is exactly `name`. */
function namedNode(page: Page, type: string, name: string): Locator {
  const exactly = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page.locator(`.react-flow__node-${type}`, { has: page.locator(`.${type}-node__name`, { hasText: exactly }) });
}

export const productNode = (page: Page, name: string) => namedNode(page, 'product', name);
export const domainNode = (page: Page, name: string) => namedNode(page, 'domain', name);
export const systemNode = (page: Page, name: string) => namedNode(page, 'system', name);

export async function newBlankDesign(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New blank mesh' }).click();
  await page.getByTestId('canvas').waitFor();
}

export async function openSampleDesign(page: Page, sampleId: string): Promise<void> {
  await page.getByTestId(`sample-${sampleId}`).click();
  await page.waitForSelector('.react-flow__node-product');
}

export async function counts(page: Page): Promise<string> {
  return (await page.getByTestId('counts').textContent()) ?? '';
}

export async function centerOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export function portHandle(node: Locator, portId: string): Locator {
  return node.locator(`.react-flow__handle[data-handleid="${portId}"]`);
}

/** Presses on `from`, moves in steps (as a hand does) to `to`, and releases. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

/** Draws a selection box with Shift held, from one corner to the other. */
export async function shiftDrag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  await page.keyboard.down('Shift');
  await drag(page, from, to);
  await page.keyboard.up('Shift');
}

/**
 * Drags from one port to another as a user would. A node just added or renamed is drawn at a
 * starting size until React Flow measures it (its ResizeObserver runs before the next frame), so
 * the ports are taken where they are once two frames have passed.
 */
export async function connectPorts(page: Page, from: Locator, to: Locator): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await drag(page, await centerOf(from), await centerOf(to));
}

/** Types the new element's name into the inspector's name field, which takes the focus when it is added. */
export async function nameIt(page: Page, name: string): Promise<void> {
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

/**
 * Types the new element's name once its name field in `inspector` has the focus: under load, keys
 * typed before then go to the canvas's shortcuts.
 */
export async function nameOnceFocused(page: Page, inspector: string, name: string): Promise<void> {
  await expect.poll(async () => (await focusedField(page))?.inspector).toBe(inspector);
  await nameIt(page, name);
}

export async function addProductByKey(page: Page, name: string, kind?: string): Promise<void> {
  await page.keyboard.press('p');
  await nameIt(page, name);
  if (kind) await page.getByTestId('product-inspector').getByLabel('Kind').selectOption(kind);
}

/** The inspector holding the focused text field, and the field's text: where a new element's name is typed. */
export function focusedField(page: Page): Promise<{ inspector: string | null | undefined; text: string } | null> {
  return page.evaluate(() => {
    const field = document.activeElement;
    if (!(field instanceof HTMLInputElement)) return null;
    return { inspector: field.closest('[data-testid$="-inspector"]')?.getAttribute('data-testid'), text: field.value };
  });
}

export async function selectDomain(page: Page, name: string): Promise<void> {
  await domainNode(page, name).locator('.domain-node__title').click();
}

/** The node's position on the canvas, as React Flow draws it (absolute, in flow coordinates). */
export async function flowPosition(node: Locator): Promise<{ x: number; y: number }> {
  const transform = await node.evaluate((element) => (element as HTMLElement).style.transform);
  const match = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
  if (!match) throw new Error(`no translate in '${transform}'`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

export async function zoomLevel(page: Page): Promise<number> {
  const transform = await page
    .locator('.react-flow__viewport')
    .evaluate((element) => (element as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
}

/** Waits until the view stops moving (an opening fit or a follow runs as an animation, longer on a busy machine). */
export async function viewAtRest(page: Page): Promise<void> {
  const transform = () =>
    page.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform);
  // Not the view before a move that has yet to start: at rest means unchanged over one interval.
  let previous: string | undefined;
  await expect
    .poll(
      async () => {
        const current = await transform();
        const isAtRest = current === previous;
        previous = current;
        return isAtRest;
      },
      { interval: 300 },
    )
    .toBe(true);
}

/** Saves through the download fallback (browsers without the File System Access API) and returns the file's text. */
export async function saveByDownload(page: Page): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** Opens a file through the file chooser fallback; `timeout` for a design large enough to take longer to open. */
export async function openByChooser(page: Page, name: string, text: string, timeout?: number): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).first().click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page
    .getByRole('status')
    .filter({ hasText: `Opened ${name}` })
    .waitFor({ timeout });
}

/** A point of empty canvas on screen: no domain, node, minimap or control under it. */
export async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  const point = await page.evaluate(
    ({ left, top, width, height }) => {
      const domains = [...document.querySelectorAll('.react-flow__node-domain')].map((node) =>
        node.getBoundingClientRect(),
      );
      for (let y = top + 40; y < top + height - 40; y += 20) {
        for (let x = left + 40; x < left + width - 40; x += 20) {
          const isPane = document.elementFromPoint(x, y)?.classList.contains('react-flow__pane');
          const inDomain = domains.some(
            (rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom,
          );
          if (isPane && !inDomain) return { x, y };
        }
      }
      return null;
    },
    { left: canvas.x, top: canvas.y, width: canvas.width, height: canvas.height },
  );
  if (!point) throw new Error('no empty canvas in view');
  return point;
}

/** Opens a contract from the list the inspector shows when nothing is selected. */
export async function openContractFromList(page: Page, name: string): Promise<void> {
  await page
    .getByRole('region', { name: 'Contracts' })
    .getByRole('button', { name: new RegExp(`^${name}\\s*(event|entity)`) })
    .click();
}

/**
 * Each link drawn through a product, system or note it does not join, as `link → node`: its
 * path is walked in 3 px steps and each point tested against the nodes' boxes on screen.
 */
export function linksThroughNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nodes = [
      ...document.querySelectorAll('.react-flow__node-product, .react-flow__node-system, .react-flow__node-note'),
    ].map((node) => ({ id: node.getAttribute('data-id') ?? '', box: node.getBoundingClientRect() }));
    return [...document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')].flatMap((path) => {
      const link = path.closest('.react-flow__edge')?.getAttribute('data-testid') ?? '';
      const toScreen = path.getScreenCTM() as DOMMatrix;
      const crossed = new Set<string>();
      for (let along = 0; along < path.getTotalLength(); along += 3) {
        const point = new DOMPoint(path.getPointAtLength(along).x, path.getPointAtLength(along).y).matrixTransform(
          toScreen,
        );
        for (const { id, box } of nodes) {
          if (point.x > box.left + 1 && point.x < box.right - 1 && point.y > box.top + 1 && point.y < box.bottom - 1)
            crossed.add(id);
        }
      }
      return [...crossed].map((id) => `${link} → ${id}`);
    });
  });
}

/** The link's line is drawn from the one handle to the other (waiting while the canvas measures them). */
export async function expectLinkBetween(link: Locator, from: Locator, to: Locator): Promise<void> {
  await expect.poll(() => linkEndsOffHandles(link, from, to)).toEqual({ start: 0, end: 0 });
}

/**
 * How far (in px on the page, rounded) each end of a link's line lies off the handle it should
 * end at; null while the line is not drawn.
 */
async function linkEndsOffHandles(
  link: Locator,
  from: Locator,
  to: Locator,
): Promise<{ start: number; end: number } | null> {
  const path = link.locator('.react-flow__edge-path');
  if ((await path.count()) === 0) return null;
  const ends = await path.evaluate((element) => {
    const line = element as SVGPathElement;
    const toScreen = line.getScreenCTM() as DOMMatrix;
    const at = (along: number) => {
      const { x, y } = new DOMPoint(line.getPointAtLength(along).x, line.getPointAtLength(along).y).matrixTransform(
        toScreen,
      );
      return { x, y };
    };
    return { start: at(0), end: at(line.getTotalLength()) };
  });
  const off = async (point: { x: number; y: number }, handle: Locator) => {
    const { x, y, width, height } = await box(handle);
    const dx = Math.max(x - point.x, 0, point.x - (x + width));
    const dy = Math.max(y - point.y, 0, point.y - (y + height));
    return Math.round(Math.hypot(dx, dy));
  };
  return { start: await off(ends.start, from), end: await off(ends.end, to) };
}

/** Clicks a link on its line, halfway along it (a routed link's box may be empty in the middle). */
export async function clickLink(page: Page, linkId: string): Promise<void> {
  const point = await page.getByTestId(`rf__edge-${linkId}`).evaluate((link) => {
    const path = link.querySelector('.react-flow__edge-path') as SVGPathElement;
    const halfway = path.getPointAtLength(path.getTotalLength() / 2);
    return new DOMPoint(halfway.x, halfway.y).matrixTransform(path.getScreenCTM() as DOMMatrix);
  });
  await page.mouse.click(point.x, point.y);
}

/** Opens a section of an inspector (`Transformations (SQL)`), unless it is open. */
export async function openSection(scope: Locator, title: string): Promise<void> {
  const section = scope.locator('details', { has: scope.page().locator(`summary:text-is("${title}")`) });
  if (!(await section.getAttribute('open'))) await section.locator('summary').click();
}

/** The e-commerce sample with orders-service selected: its inspector, the Published events section open. */
export async function ordersServiceEvents(page: Page): Promise<Locator> {
  await openSampleDesign(page, 'ecommerce');
  await systemNode(page, 'orders-service').locator('.system-node__name').click();
  const system = page.getByTestId('system-inspector');
  await openSection(system, 'Published events');
  return system;
}

/** Where an element is drawn on the page; it must be visible. */
export async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element is not visible');
  return found;
}

/** The element is drawn wholly inside the other one, as measured on the page. */
export async function expectInside(inner: Locator, outer: Locator): Promise<void> {
  const [a, b] = [await box(inner), await box(outer)];
  expect(a.x).toBeGreaterThanOrEqual(b.x);
  expect(a.y).toBeGreaterThanOrEqual(b.y);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x + b.width);
  expect(a.y + a.height).toBeLessThanOrEqual(b.y + b.height);
}

/**
 * How a name cut at two lines is drawn: its box's height in lines, and the pieces of its text
 * that show only in part (a third line's top inside the box, or line two's foot cut off).
 */
export const clampedName = (name: Locator) =>
  name.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(element);
    const pieces = [...range.getClientRects()].filter((piece) => piece.width > 0);
    // A line's pieces may sit a fraction of a pixel apart once the canvas's zoom scales them.
    const tops = pieces.map((piece) => piece.top).sort((a, b) => a - b);
    const [first, second] = tops.filter((top, index) => index === 0 || top - (tops[index - 1] ?? top) > 1);
    // Half a pixel either way: the edges of boxes and text snap to device pixels.
    const partlyShown = pieces
      .filter((piece) => piece.top < box.bottom - 0.5 && piece.bottom > box.bottom + 0.5)
      .map((piece) => `${piece.top.toFixed(1)}–${piece.bottom.toFixed(1)} across ${box.bottom.toFixed(1)}`);
    return { lines: box.height / ((second ?? Number.NaN) - (first ?? 0)), partlyShown };
  });

/**
 * Presses Escape, then Ctrl+E before the page runs any other task (a dialog's close event from
 * the browser comes only in one), and tells the focused field and whether a dialog was still open
 * between the two keys.
 */
export function escapeThenCtrlEInOneTask(
  page: Page,
): Promise<{ label: string | null | undefined; caret: number | null; valueLength: number; isDialogOpen: boolean }> {
  return page.evaluate(async () => {
    const press = (init: KeyboardEventInit) =>
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    press({ key: 'Escape', code: 'Escape' });
    for (let microtask = 0; microtask < 10; microtask++) await null;
    const field = document.activeElement as HTMLInputElement;
    const state = {
      label: field.labels?.[0]?.textContent,
      caret: field.selectionStart,
      valueLength: field.value.length,
      isDialogOpen: document.querySelector('dialog[open]') !== null,
    };
    press({ key: 'e', code: 'KeyE', ctrlKey: true });
    return state;
  });
}
