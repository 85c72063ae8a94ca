import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page, type Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, inject } from 'vitest';

export const SCREENSHOT_DIR = join(import.meta.dirname, '../../test-results/screenshots');

export interface OpenAppOptions {
  colorScheme?: ColorScheme;
  /** Hides the File System Access API, as in browsers without it, so the upload/download fallback runs. */
  withoutFileSystemAccess?: boolean;
  /** Serves every response with this Content-Security-Policy, as the desktop app does. */
  contentSecurityPolicy?: string;
}

export interface AppSession {
  /**
   * A fresh page on the app, with the app's storage emptied. The pages of a file share one browser
   * context, so the app's code is compiled once per file rather than once per test.
   */
  openApp(options?: OpenAppOptions): Promise<Page>;
}

/** `describe` for end-to-end suites: skipped (loudly, in global setup) when no Chromium is installed. */
export function describeInChromium(name: string, body: (session: AppSession) => void): void {
  const chromiumPath = inject('chromiumPath');
  describe.skipIf(!chromiumPath)(name, () => {
    const session = {} as AppSession;
    let browser: Browser | undefined;
    let context: BrowserContext | undefined;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: chromiumPath ?? undefined,
        args: inject('chromiumArgs'),
      });
      context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    });
    // A test's pages would go on running (simulations, Monaco, animations) beside the next tests,
    // and its routes and permissions would apply to them.
    afterEach(async () => {
      if (!context) return;
      await Promise.all(context.pages().map((page) => page.close()));
      await context.unrouteAll();
      await context.clearPermissions();
    });
    afterAll(async () => {
      await browser?.close();
    });
    session.openApp = async ({
      colorScheme = 'light',
      withoutFileSystemAccess = false,
      contentSecurityPolicy,
    } = {}) => {
      if (!context) throw new Error('the browser did not start');
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      await forgetStoredData(page);
      if (contentSecurityPolicy) {
        await page.route('**/*', async (route) => {
          const response = await fetchRetryingOnce(route);
          const headers = { ...response.headers(), 'content-security-policy': contentSecurityPolicy };
          await route.fulfill({ response, headers });
        });
        await page.addInitScript(() => {
          const violations: string[] = [];
          Reflect.set(window, '__cspViolations', violations);
          document.addEventListener('securitypolicyviolation', (event) =>
            violations.push(`${event.violatedDirective} ${event.blockedURI}`),
          );
        });
      }
      if (withoutFileSystemAccess) {
        await page.addInitScript(() => {
          Reflect.deleteProperty(window, 'showOpenFilePicker');
          Reflect.deleteProperty(window, 'showSaveFilePicker');
        });
      }
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(inject('appUrl'));
      await page.waitForSelector('.app');
      if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
      return page;
    };
    body(session);
  });
}

export type ColorScheme = 'light' | 'dark';

/**
 * Runs `check` on the page in the light theme and then in the dark, the system's theme switched in
 * place (the app follows it): one setup serves both themes. The page is left light, as it opens.
 */
export async function inEachColorScheme<T>(page: Page, check: (colorScheme: ColorScheme) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // What script draws in the theme's colours (the canvas, Monaco, charts) takes them in the frame after the change.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    results.push(await check(colorScheme));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return results;
}

/** Empties what the app keeps in the browser (drafts, recovery, settings), as a new browser profile has it. */
async function forgetStoredData(page: Page): Promise<void> {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Storage.clearDataForOrigin', { origin: new URL(inject('appUrl')).origin, storageTypes: 'all' });
  await devtools.detach();
}

/** What the page's Content-Security-Policy refused so far (see `contentSecurityPolicy`). */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => Reflect.get(window, '__cspViolations') as string[]);
}

/** Pairs of the elements `selector` finds that are drawn over each other on screen, each named by its `idAttribute`. */
export function overlappingOnScreen(page: Page, selector: string, idAttribute: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements, attribute) => {
    const boxes = elements.map((element) => ({
      id: element.getAttribute(attribute) ?? '',
      box: element.getBoundingClientRect(),
    }));
    return boxes.flatMap((a, index) =>
      boxes
        .slice(index + 1)
        .filter(
          (b) =>
            a.box.left < b.box.right &&
            b.box.left < a.box.right &&
            a.box.top < b.box.bottom &&
            b.box.top < a.box.bottom,
        )
        .map((b) => `${a.id} × ${b.id}`),
    );
  }, idAttribute);
}

/** Whether the element is on screen: scrolled into its panel's view and drawn over nothing that hides it. */
export function isOnScreen(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const middle = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return middle !== null && element.contains(middle);
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Playwright's fetch reuses a kept-alive socket that the server may be closing at that moment
 * (ECONNRESET, seen on a busy machine when requests pause for longer than its keep-alive): once more.
 */
async function fetchRetryingOnce(route: Route) {
  try {
    return await route.fetch();
  } catch {
    return route.fetch();
  }
}

/** Waits until the Monaco editor in `container` has loaded and drawn its lines: it loads after the view that holds it shows. */
export async function monacoEditorDrawn(container: Locator): Promise<void> {
  await container.locator('.monaco-editor .view-lines .view-line').first().waitFor();
}
