import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import type { DrawDiagram, DrawnPng } from '../../shared/export';
import {
  mermaidSettings,
  PICTURE_FILE_CONTAINER_STYLE,
  PICTURE_FILE_ID,
  PNG_PICTURE_HOLDER_STYLE,
  pictureAsWritten,
  pngImageOptions,
  pngOfPicture,
  svgFileText,
} from '../../shared/export/mermaid';
import { findChromium, HEADLESS_ARGS } from './headless-chromium';

/** Draws diagrams until closed: Chromium runs until then. */
export interface DiagramDrawer {
  draw: DrawDiagram;
  close(): Promise<void>;
}

export type OpenedDrawer = { ok: true; drawer: DiagramDrawer } | { ok: false; reason: string };

/**
 * Draws Mermaid diagrams as the app's picture files, SVG (Mermaid's own output, its labels SVG text
 * that any SVG renderer draws) or PNG (that SVG on white, at 2× where it fits), with the mermaid and html-to-image
 * packages in headless Chromium, driven by playwright-core, all offline. Where there is no Chromium or no playwright-core, says why instead.
 */
export async function openChromiumDrawer(): Promise<OpenedDrawer> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    return { ok: false, reason: 'no Chromium found (install chromium, or set CHROMIUM_PATH to a Chromium or Chrome)' };
  }
  const require = createRequire(import.meta.url);
  let mermaidScript: string;
  let imageScript: string;
  let chromium: typeof import('playwright-core').chromium;
  try {
    mermaidScript = require.resolve('mermaid/dist/mermaid.min.js');
    imageScript = require.resolve('html-to-image/dist/html-to-image.js');
    ({ chromium } = await import('playwright-core'));
  } catch (error) {
    return { ok: false, reason: `the packages that render Mermaid are missing (${(error as Error).message})` };
  }
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: HEADLESS_ARGS,
    });
    // Drawn as the app draws its picture files: see picture-file.ts.
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: mermaidScript });
    await page.addScriptTag({ path: imageScript });
    // The PNG of a diagram is drawn right after its SVG: one Mermaid run serves both.
    let last: { text: string; picture: Promise<DrawnPicture> } | undefined;
    const pictureOf = (text: string): Promise<DrawnPicture> => {
      if (last?.text !== text) last = { text, picture: drawPicture(page, text) };
      return last.picture;
    };
    const opened = browser;
    return {
      ok: true,
      drawer: {
        async draw(text, format) {
          const { svg, file } = await pictureOf(text);
          return format === 'svg' ? file : pngOf(page, svg);
        },
        close: () => opened.close(),
      },
    };
  } catch (error) {
    await browser?.close();
    return { ok: false, reason: `Chromium could not start (${(error as Error).message})` };
  }
}

/** Mermaid's picture of a diagram, and that picture as the app's SVG file. */
interface DrawnPicture {
  svg: string;
  file: string;
}

async function drawPicture(page: Page, text: string): Promise<DrawnPicture> {
  // Strings, not functions: bundlers may wrap functions in helpers the page does not have.
  const drawn = (await page.evaluate(`(async () => {
    const container = document.createElement('div');
    container.style.cssText = ${JSON.stringify(PICTURE_FILE_CONTAINER_STYLE)};
    document.body.append(container);
    try {
      mermaid.initialize(${JSON.stringify(mermaidSettings({ isDark: false, isForFile: true }))});
      return (await mermaid.render(${JSON.stringify(PICTURE_FILE_ID)}, ${JSON.stringify(text)}, container)).svg;
    } finally {
      container.remove();
    }
  })()`)) as string;
  const svg = pictureAsWritten(drawn);
  const file = (await page.evaluate(`(${svgFileText.toString()})(${JSON.stringify(svg)}, window)`)) as string;
  return { svg, file };
}

async function pngOf(page: Page, svg: string): Promise<DrawnPng> {
  const size = viewBoxSize(svg);
  const dataUrl = (await page.evaluate(`(async () => {
    const holder = document.createElement('div');
    holder.style.cssText = ${JSON.stringify(PNG_PICTURE_HOLDER_STYLE)};
    holder.innerHTML = ${JSON.stringify(svg)};
    document.body.append(holder);
    try {
      const options = ${JSON.stringify(pngImageOptions(size, ''))};
      options.backgroundColor = getComputedStyle(holder).backgroundColor;
      const png = await htmlToImage.toBlob(holder.querySelector('svg'), options);
      return await new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result);
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(png);
      });
    } finally {
      holder.remove();
    }
  })()`)) as string;
  const bytes = new Uint8Array(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  return { bytes, ...pngOfPicture(size) };
}

/** The size Mermaid drew a diagram at, its `viewBox`, in whole pixels (at least one). */
export function viewBoxSize(svg: string): { width: number; height: number } {
  const [, , width = 0, height = 0] = (/viewBox="([^"]*)"/.exec(svg)?.[1] ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  return { width: Math.max(1, Math.ceil(width || 0)), height: Math.max(1, Math.ceil(height || 0)) };
}
