import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ImageFormat = 'svg' | 'png';
export const IMAGE_FORMATS: readonly ImageFormat[] = ['svg', 'png'];

export interface MermaidImage {
  /** The diagram's path with `.svg` or `.png` for `.mmd`. */
  path: string;
  content: string | Uint8Array;
}

export type MermaidImages = { ok: true; files: MermaidImage[] } | { ok: false; reason: string };

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** CHROMIUM_PATH when set (and only it), else the usual places. */
function findChromium(): string | null {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * Draws Mermaid diagrams as SVG (Mermaid's own output) or PNG (that SVG on white, at 2×) with the
 * mermaid package in headless Chromium, driven by playwright-core, all offline. Where there is no
 * Chromium or no playwright-core, says why instead.
 */
export async function renderMermaidImages(
  diagrams: ReadonlyArray<{ path: string; text: string }>,
  formats: readonly ImageFormat[],
): Promise<MermaidImages> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    return { ok: false, reason: 'no Chromium found (install chromium, or set CHROMIUM_PATH to a Chromium or Chrome)' };
  }
  const require = createRequire(import.meta.url);
  let mermaidScript: string;
  let chromium: typeof import('playwright-core').chromium;
  try {
    mermaidScript = require.resolve('mermaid/dist/mermaid.min.js');
    ({ chromium } = await import('playwright-core'));
  } catch (error) {
    return { ok: false, reason: `the packages that render Mermaid are missing (${(error as Error).message})` };
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: mermaidScript });
    const photo = await context.newPage();
    const files: MermaidImage[] = [];
    for (const [index, diagram] of diagrams.entries()) {
      // A string, not a function: bundlers may wrap functions in helpers the page does not have.
      const svg = (await page.evaluate(`(async () => {
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 20000000, maxEdges: 100000 });
        return (await mermaid.render('diagram-${index}', ${JSON.stringify(diagram.text)})).svg;
      })()`)) as string;
      const stem = diagram.path.replace(/\.mmd$/, '');
      if (formats.includes('svg')) files.push({ path: `${stem}.svg`, content: svg });
      if (formats.includes('png')) {
        await photo.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
        files.push({ path: `${stem}.png`, content: await photo.locator('svg').first().screenshot() });
      }
    }
    return { ok: true, files };
  } catch (error) {
    return { ok: false, reason: `Chromium could not draw the diagrams (${(error as Error).message})` };
  } finally {
    await browser.close();
  }
}
