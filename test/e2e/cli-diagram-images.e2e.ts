import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EXIT } from '../../cli/cli-io';
import { runCli } from '../../cli/run-cli';
import { fakeIo } from '../unit/cli/fake-io';
import { describeInChromium, SCREENSHOT_DIR } from './app-driver';

const sample = readFileSync(new URL('../fixtures/export/ecommerce/input.mesh.json', import.meta.url), 'utf8');

describeInChromium('mesh-designer export --format mermaid,svg,png', () => {
  it('draws every Mermaid diagram as SVG and PNG in headless Chromium, beside its text', async () => {
    const { io, out, err, files } = fakeIo({ 'shop.mesh.json': sample });
    const args = ['export', 'shop.mesh.json', '--out', 'build', '--format', 'mermaid,svg,png'];
    expect(await runCli(args, io)).toBe(EXIT.ok);
    expect(err).toEqual([]);
    expect(out).toEqual([
      'shop.mesh.json: wrote 55 files to build (index.md lists them), with 36 svg and png pictures of the Mermaid diagrams',
    ]);
    const index = String(files.get('build/index.md'));
    expect(index).toContain(
      '| [mermaid/logical-view.svg](mermaid/logical-view.svg) | logical view of E-commerce mesh, as an SVG picture |',
    );
    expect(index).toContain('| [mermaid/logical-view.png](mermaid/logical-view.png) |');
    const svg = String(files.get('build/mermaid/data-retrieval/orders-service.svg'));
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('Microservice: orders-service (Java)');
    const png = files.get('build/mermaid/logical-view.png') as Uint8Array;
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(
      join(SCREENSHOT_DIR, 'cli-data-retrieval-orders-service.png'),
      files.get('build/mermaid/data-retrieval/orders-service.png') as Uint8Array,
    );
  });
});
