import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type DiagramDrawer, openChromiumDrawer, viewBoxSize } from '../../cli/render/mermaid-images';
import packageJson from '../../package.json';
import { flowNode, renderFlowchart } from '../../shared/export/mermaid/flowchart';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, packageJson.bin['mesh-designer']);
const PICTURES = ['--format', 'mermaid,svg,png'];

/** A PNG's size in pixels, from its IHDR header. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe.skipIf(!inject('chromiumPath'))('diagram pictures the command line draws', () => {
  let drawer: DiagramDrawer;
  const workspace = mkdtempSync(join(tmpdir(), 'diagram-pictures-'));
  beforeAll(async () => {
    const opened = await openChromiumDrawer();
    if (!opened.ok) throw new Error(opened.reason);
    drawer = opened.drawer;
  });
  afterAll(async () => {
    await drawer?.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('draw a PNG at twice the SVG’s size, however wide the diagram', async () => {
    const text = renderFlowchart({
      title: 'Wide',
      direction: 'LR',
      items: Array.from({ length: 14 }, (_, index) => flowNode(`node${index}`, `data product ${index}`)),
      edges: Array.from({ length: 13 }, (_, index) => ({ from: `node${index}`, to: `node${index + 1}` })),
    });
    const svg = (await drawer.draw(text, 'svg')) as string;
    const png = (await drawer.draw(text, 'png')) as Uint8Array;
    const drawn = viewBoxSize(svg);
    expect(drawn.width).toBeGreaterThan(1280);
    const { width, height } = pngSize(png);
    expect(Math.abs(width - 2 * drawn.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(height - 2 * drawn.height)).toBeLessThanOrEqual(2);
  });

  it('are byte for byte the same when the same design is exported twice', () => {
    const exported = (folder: string) => {
      const out = join(workspace, folder);
      const run = spawnSync(
        process.execPath,
        [BIN, 'export', join(ROOT, 'test/fixtures/export/ecommerce/input.mesh.json'), '--out', out, ...PICTURES],
        { encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: inject('chromiumPath') ?? '' } },
      );
      expect(run.stderr).toBe('');
      return out;
    };
    const first = exported('first');
    const second = exported('second');
    const pictures = readdirSync(first, { recursive: true, encoding: 'utf8' }).filter((path) =>
      /\.(svg|png)$/.test(path),
    );
    expect(pictures.some((path) => path.startsWith('mermaid/architecture/'))).toBe(true);
    for (const path of pictures) {
      expect(readFileSync(join(second, path)).equals(readFileSync(join(first, path))), path).toBe(true);
    }
  });
});
