/**
 * `npm run screenshots [name...]`: writes docs/screenshots/<scene>.png from the built app
 * (`npm run build` first) in Chromium. Every module in scenes/ exports `scenes: Scene[]`;
 * naming scenes on the command line renders only those.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../test/e2e/chromium';
import { serveFolder } from '../static-server';
import type { Scene } from './scene';

const ROOT = join(import.meta.dirname, '../..');
const SCENES_DIR = join(import.meta.dirname, 'scenes');
const OUTPUT_DIR = join(ROOT, 'docs/screenshots');

async function loadScenes(): Promise<Scene[]> {
  const modules = readdirSync(SCENES_DIR)
    .filter((file) => file.endsWith('.ts'))
    .sort();
  const loaded = await Promise.all(
    modules.map(async (file) => (await import(pathToFileURL(join(SCENES_DIR, file)).href)).scenes as Scene[]),
  );
  return loaded.flat();
}

const chromiumPath = findChromium();
if (!chromiumPath) throw new Error('No Chromium found: install it with `apt-get install -y chromium`.');
const wanted = new Set(process.argv.slice(2));
const scenes = (await loadScenes()).filter((scene) => wanted.size === 0 || wanted.has(scene.name));
const { server, url } = await serveFolder(join(ROOT, 'dist/renderer'), 0);
const browser = await chromium.launch({ executablePath: chromiumPath, args: await chromiumArgs(chromiumPath) });
try {
  for (const scene of scenes) {
    const context = await browser.newContext({
      viewport: scene.viewport ?? { width: 1440, height: 900 },
      colorScheme: scene.colorScheme ?? 'light',
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('.app');
    await scene.arrange(page);
    const path = join(OUTPUT_DIR, `${scene.name}.png`);
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
