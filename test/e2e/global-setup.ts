import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveFolder } from '../../scripts/static-server';
import { chromiumArgs, findChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    chromiumPath: string | null;
    chromiumArgs: string[];
  }
}

const RENDERER_BUILD = join(import.meta.dirname, '../../dist/renderer');

/** Serves the built renderer once for all end-to-end files; refuses to pass silently without Chromium in CI. */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    const required = process.env.CI === 'true' || process.env.REQUIRE_E2E === '1';
    const message = 'End-to-end tests did NOT run: no Chromium found (install it with `apt-get install -y chromium`).';
    if (required) throw new Error(`${message} CI=true or REQUIRE_E2E=1 makes this a failure.`);
    console.warn(`\n⚠ ${message}\n`);
  }
  if (!existsSync(join(RENDERER_BUILD, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build` before the end-to-end tests.');
  }
  project.provide('chromiumPath', chromiumPath);
  project.provide('chromiumArgs', chromiumPath ? await chromiumArgs(chromiumPath) : []);
  const { server, url } = await serveFolder(RENDERER_BUILD, 0);
  project.provide('appUrl', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
