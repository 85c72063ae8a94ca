import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type DiagramDrawer, openChromiumDrawer, viewBoxSize } from '../../cli/render/mermaid-images';
import packageJson from '../../package.json';
import type { DrawnPng } from '../../shared/export';
import { contractErDiagram, mermaidDiagram } from '../../shared/export/mermaid';
import { flowNode, flowSubgraph, renderFlowchart } from '../../shared/export/mermaid/flowchart';
import { serializeMesh } from '../../shared/model';
import { aField, aMesh } from '../builders/mesh-builder';
import { contractFromYaml } from '../unit/export/unseen-meshes';
import { svgTextLabels, withoutSpaces } from './svg-outside-browser';

const HOSTILE_NAMES = [
  'Underwriting {EU}',
  'Group "quoted" #1 at 50%',
  'pipe | inside',
  'C:\\Windows\\back\\slash',
  'Claims | Docs `x` [link](http://e)',
  '<script>alert(1)</script>',
  'A &amp; B, not A & B',
  '&#123; as written',
  '**bold** _not italic_',
  'emoji 🚀 and 中文 ラベル',
];

/** Every hostile name as a domain-like group title, a node label and an edge label. */
const HOSTILE_TEXT = renderFlowchart({
  title: 'x <script>alert(1)</script> & "quoted" #1',
  direction: 'LR',
  items: HOSTILE_NAMES.map((name, index) => flowSubgraph(`group${index}`, name, [flowNode(`node${index}`, name)])),
  edges: HOSTILE_NAMES.slice(1).map((name, index) => ({ from: `node${index}`, to: `node${index + 1}`, label: name })),
});

/** A contract whose names hold what Mermaid's erDiagram would read as HTML in its title or as Markdown (links among it) in its labels. */
const MARKDOWN_NAMED_CONTRACT = contractFromYaml(`apiVersion: v3.1.0
kind: DataContract
id: odds
name: 'Odds <Live> & "Props" #35;'
version: 1.0.0
status: active
schema:
  - name: _staging_
    properties:
      - name: id
        logicalType: string
        required: true
        primaryKey: true
      - name: _internal_
        logicalType: string
      - name: __dunder__
        logicalType: string
      - name: '**stars**'
        logicalType: string
      - name: '~~struck~~ [link](odds)'
        logicalType: string
      - name: see https://odds.example/live
        logicalType: string
      - name: www.odds.example
        logicalType: string
      - name: desk@odds.example
        logicalType: string
      - name: FTP://feed.example
        logicalType: string
      - name: _ref_id_
        logicalType: string
        relationships:
          - type: foreignKey
            to: _staging_._internal_
`);

const ONE_DOMAIN_SVGS = ['--format', 'mermaid,svg', '--scope', 'domain:orders-domain'];
const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, packageJson.bin['mesh-designer']);

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

  it('label groups, boxes and edges with the names exactly as written, whatever characters they hold', async () => {
    const svg = (await drawer.draw(HOSTILE_TEXT, 'svg')) as string;
    const labels = svgTextLabels(svg);
    for (const name of HOSTILE_NAMES) {
      // As a group title, a box label and (but the first) an edge label.
      const expected = name === HOSTILE_NAMES[0] ? 2 : 3;
      expect(labels.filter((label) => label === withoutSpaces(name)).length, name).toBe(expected);
    }
  });

  it('draw in the settings of the app’s saved pictures: its colours and font, and the same layout', async () => {
    const svg = (await drawer.draw(HOSTILE_TEXT, 'svg')) as string;
    // The app's light colours (renderer and command line share them: see mermaid-settings.ts).
    expect(svg).toContain('fill:#eef3fd');
    expect(svg).toContain('font-family:Inter');
  });

  it('show HTML in the title as text', async () => {
    const svg = (await drawer.draw(HOSTILE_TEXT, 'svg')) as string;
    const { document } = new JSDOM(svg, { contentType: 'image/svg+xml' }).window;
    expect(document.querySelector('.flowchartTitleText')?.textContent).toBe(
      'x <script>alert(1)</script> & "quoted" #1',
    );
  });

  it('show a contract’s schema diagram with its title, entities, fields and relationships named as written, no HTML or Markdown read in them', async () => {
    const { text } = contractErDiagram(MARKDOWN_NAMED_CONTRACT, [MARKDOWN_NAMED_CONTRACT]);
    const svg = (await drawer.draw(text, 'svg')) as string;
    const { document } = new JSDOM(svg, { contentType: 'image/svg+xml' }).window;
    expect(document.querySelector('.erDiagramTitleText')?.textContent).toBe(
      'Schema of contract Odds <Live> & "Props" #35; 1.0.0',
    );
    const labels = svgTextLabels(svg);
    const markdown = ['_staging_', '_internal_', '__dunder__', '**stars**', '~~struck~~[link](odds)'];
    const links = ['https://odds.example/live', 'www.odds.example', 'desk@odds.example', 'FTP://feed.example'];
    for (const name of [...markdown, ...links]) {
      expect(
        labels.some((label) => label.includes(name)),
        name,
      ).toBe(true);
    }
    expect(labels).toContain(withoutSpaces('_ref_id_ → _internal_'));
    expect(svg).not.toMatch(/font-style="italic"|font-weight="bold"/);
  });

  it('wrap a long group title as they wrap a box label, not into one line as wide as the title', async () => {
    const longName = `Claims ${'and underwriting '.repeat(18)}of the European Union`;
    const text = renderFlowchart({
      title: 'Long group',
      direction: 'LR',
      items: [flowSubgraph('group', longName, [flowNode('node', longName)])],
      edges: [],
    });
    const svg = (await drawer.draw(text, 'svg')) as string;
    expect(viewBoxSize(svg).width).toBeLessThan(400);
    expect(svgTextLabels(svg).filter((label) => label === withoutSpaces(longName))).toHaveLength(2);
  });

  it('draw a PNG at twice the SVG’s size, however wide the diagram', async () => {
    const text = renderFlowchart({
      title: 'Wide',
      direction: 'LR',
      items: Array.from({ length: 14 }, (_, index) => flowNode(`node${index}`, `data product ${index}`)),
      edges: Array.from({ length: 13 }, (_, index) => ({ from: `node${index}`, to: `node${index + 1}` })),
    });
    const svg = (await drawer.draw(text, 'svg')) as string;
    const png = ((await drawer.draw(text, 'png')) as DrawnPng).bytes;
    const drawn = viewBoxSize(svg);
    expect(drawn.width).toBeGreaterThan(1280);
    const { width, height } = pngSize(png);
    expect(Math.abs(width - 2 * drawn.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(height - 2 * drawn.height)).toBeLessThanOrEqual(2);
  });

  it('draw a schema too tall for twice its size at the largest scale that fits, and say so: a ledger of 300 fields', () => {
    const ledger = aMesh('tall-ledger')
      .withContract('ledger', {
        schema: [
          { name: 'ledger', properties: Array.from({ length: 300 }, (_, index) => aField(`entry_${index}`, 'string')) },
        ],
      })
      .build();
    const design = join(workspace, 'tall-ledger.mesh.json');
    writeFileSync(design, serializeMesh(ledger));
    const out = join(workspace, 'tall');
    const run = spawnSync(process.execPath, [BIN, 'export', design, '--out', out, '--format', 'svg,png', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: inject('chromiumPath') ?? '' },
    });
    expect(run.status, run.stderr).toBe(0);
    const drawn = viewBoxSize(readFileSync(join(out, 'mermaid/contracts/ledger.svg'), 'utf8'));
    expect(drawn.height).toBeGreaterThan(8192);
    const png = pngSize(readFileSync(join(out, 'mermaid/contracts/ledger.png')));
    const scale = 16_384 / drawn.height;
    expect(png).toEqual({ width: Math.floor(drawn.width * scale), height: 16_384 });
    const said = `drawn smaller: ${png.width} × ${png.height} px, at ${(Math.floor(scale * 100) / 100).toFixed(2)}× rather than 2×: no side of a PNG can pass 16384 px`;
    expect(JSON.parse(run.stdout).warnings).toContainEqual({
      kind: 'caution',
      path: 'mermaid/contracts/ledger.png',
      message: `Mermaid diagrams: ${said}`,
    });
    expect(run.stderr).toContain(`warning: mermaid/contracts/ledger.png: Mermaid diagrams: ${said}`);
  }, 120_000);

  it('fit a slide: a design whose domains feed one another in a chain is drawn within 4:1, its other diagrams within 3:1', () => {
    const out = join(workspace, 'slides');
    const run = spawnSync(
      process.execPath,
      [BIN, 'export', join(ROOT, 'test/fixtures/mesh/ceylon-tea.mesh.json'), '--out', out, '--format', 'svg,png'],
      { encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: inject('chromiumPath') ?? '' } },
    );
    expect(run.status, run.stderr).toBe(0);
    const aspect = ({ width, height }: { width: number; height: number }) => Math.max(width / height, height / width);
    const svgAspect = (path: string) => aspect(viewBoxSize(readFileSync(join(out, path), 'utf8')));
    expect(svgAspect('mermaid/logical-view.svg')).toBeLessThan(4);
    expect(aspect(pngSize(readFileSync(join(out, 'mermaid/logical-view.png'))))).toBeLessThan(4);
    expect(svgAspect('mermaid/lineage.svg')).toBeLessThan(3);
    expect(svgAspect('mermaid/data-retrieval/factory-mes.svg')).toBeLessThan(3);
  }, 120_000);

  it('fit a slide: a mesh of 22 products whose domains feed one another, every link labelled, is not drawn as a strip', async () => {
    const harbour = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/mesh/harbour-22-products.mesh.json'), 'utf8'));
    const aspectOf = async (direction: 'auto' | 'lr') => {
      const diagram = mermaidDiagram(harbour, { kind: 'logical-view', subject: { kind: 'mesh' }, direction });
      if (!diagram.ok) throw new Error(JSON.stringify(diagram.errors));
      const { width, height } = viewBoxSize((await drawer.draw(diagram.value, 'svg')) as string);
      return width / height;
    };
    // Left to right, Mermaid gives each domain frame ranks of its own: four frames in a row.
    expect(await aspectOf('lr')).toBeGreaterThan((2 * 16) / 9);
    const aspect = await aspectOf('auto');
    expect(Math.max(aspect, 1 / aspect)).toBeLessThan(2);
  }, 60_000);

  // A PNG is a photo of its SVG: two runs drawing SVGs, of one domain to keep them short, show what varied.
  it('are byte for byte the same when the same design is exported twice', () => {
    const exported = (folder: string) => {
      const out = join(workspace, folder);
      const run = spawnSync(
        process.execPath,
        [BIN, 'export', join(ROOT, 'test/fixtures/export/ecommerce/input.mesh.json'), '--out', out, ...ONE_DOMAIN_SVGS],
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
  }, 120_000);
});
