import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/cli-io';
import { runCli } from '../../../cli/run-cli';
import { fakeIo } from '../cli/fake-io';

const sample = readFileSync(new URL('../../fixtures/export/ecommerce/input.mesh.json', import.meta.url), 'utf8');
const chromiumPath = process.env.CHROMIUM_PATH;

describe('mesh-designer export --format mermaid,svg', () => {
  afterEach(() => {
    if (chromiumPath === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = chromiumPath;
  });

  it('writes the Mermaid text, and says clearly that SVG needs Chromium when there is none', async () => {
    process.env.CHROMIUM_PATH = '/nowhere/chromium';
    const { io, out, err, files } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'build', '--format', 'svg'], io)).toBe(EXIT.ok);
    expect(files.get('build/mermaid/logical-view.mmd')).toMatch(/^flowchart (LR|TB)$/m);
    expect([...files.keys()].some((path) => path.endsWith('.svg'))).toBe(false);
    expect(out).toEqual([expect.stringContaining('wrote 25 files to build')]);
    expect(err).toEqual([
      'shop.mesh.json: svg not written: no Chromium found (install chromium, or set CHROMIUM_PATH to a Chromium or Chrome); the Mermaid text is in build/mermaid/',
    ]);
  });
});
