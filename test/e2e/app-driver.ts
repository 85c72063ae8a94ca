import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page, type Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, inject } from 'vitest';

export const SCREENSHOT_DIR = join(import.meta.dirname, '../../test-results/screenshots');

export interface OpenAppOptions {
  colorScheme?: 'light' | 'dark';
  /** Hides the File System Access API, as in browsers without it, so the upload/download fallback runs. */
  withoutFileSystemAccess?: boolean;
  /** Serves every response with this Content-Security-Policy, as the desktop app does. */
  contentSecurityPolicy?: string;
}

export interface AppSession {
  browser: Browser;
  /** A fresh page on the app; each call isolates storage in a new browser context. */
  openApp(options?: OpenAppOptions): Promise<Page>;
}

/** `describe` for end-to-end suites: skipped (loudly, in global setup) when no Chromium is installed. */
export function describeInChromium(name: string, body: (session: AppSession) => void): void {
  const chromiumPath = inject('chromiumPath');
  describe.skipIf(!chromiumPath)(name, () => {
    const session = { browser: undefined as unknown as Browser } as AppSession;
    beforeAll(async () => {
      session.browser = await chromium.launch({
        executablePath: chromiumPath ?? undefined,
        args: inject('chromiumArgs'),
      });
    });
    // A test's pages would go on running (simulations, Monaco, animations) beside the next tests.
    afterEach(async () => {
      await Promise.all(session.browser?.contexts().map((context) => context.close()) ?? []);
    });
    afterAll(async () => {
      await session.browser?.close();
    });
    session.openApp = async ({
      colorScheme = 'light',
      withoutFileSystemAccess = false,
      contentSecurityPolicy,
    } = {}) => {
      const context = await session.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme });
      const page = await context.newPage();
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

/** What the page's Content-Security-Policy refused so far (see `contentSecurityPolicy`). */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => Reflect.get(window, '__cspViolations') as string[]);
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
