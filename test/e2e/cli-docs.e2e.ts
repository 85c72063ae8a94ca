import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import packageJson from '../../package.json';
import { SCREENSHOT_DIR } from './app-driver';
import { svgTextLabels, withoutSpaces } from './svg-outside-browser';

/** docs/cli.md read against the built command line, so that the two cannot drift apart. */
const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, packageJson.bin['mesh-designer']);
const DOCS = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8');
const COMMANDS = ['validate', 'export', 'import', 'simulate'];
const workspace = mkdtempSync(join(tmpdir(), 'mesh-designer-docs-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** The files the examples name: the samples, their contracts, a design and its saved version. */
function prepareWorkspace(): void {
  const ecommerce = join(ROOT, 'test/fixtures/export/ecommerce');
  cpSync(join(ROOT, 'assets/samples'), join(workspace, 'assets/samples'), { recursive: true });
  mkdirSync(join(workspace, 'contracts'));
  cpSync(join(ecommerce, 'odcs'), join(workspace, 'contracts'), { recursive: true });
  cpSync(join(ecommerce, 'input.mesh.json'), join(workspace, 'shop.mesh.json'));
  cpSync(join(ecommerce, 'baseline.mesh.json'), join(workspace, 'main.mesh.json'));
}

/** Every line of the page's `sh` examples that runs mesh-designer. */
function documentedExamples(): string[] {
  const blocks = [...DOCS.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return blocks.flatMap((block) => block.split('\n').filter((line) => line.startsWith('mesh-designer ')));
}

/** The `--options` a part of the page or of the help names. */
function optionsIn(text: string): string[] {
  return [...new Set(text.match(/--[a-z][a-z-]*/g) ?? [])].sort();
}

function section(command: string): string {
  const start = DOCS.indexOf(`## \`${command}\``);
  const end = DOCS.indexOf('\n## ', start + 1);
  return DOCS.slice(start, end === -1 ? undefined : end);
}

/** Text as the help and the page can be compared: no code marks, one space between words. */
function plainWords(text: string): string {
  return text.replace(/`/g, '').replace(/\s+/g, ' ').trim();
}

/** What a command's --help says after `exit codes:`, its last paragraph. */
function exitCodesIn(help: string): string {
  return plainWords(help.slice(help.indexOf('exit codes:') + 'exit codes:'.length));
}

/** Lists an option's help and the page both spell out: one of them shortened, they drift apart unseen. */
const SAID_BY_BOTH = [
  [
    'simulate',
    "one unit of work (a batch of 2,000 of a table's initial rows or of its snapshot, a service's tick, a product reading its inputs, one transformation, a product publishing, the --query after the last tick)",
  ],
  [
    'export',
    'the files the previous export wrote that this one does not (listed in its .mesh-export.json) are removed with the folders they leave empty',
  ],
];

function meshDesigner(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: workspace, encoding: 'utf8' });
}

/** Runs every example in order, as a reader pasting them would; the shell expands the globs. */
function runExamples(examples: string[]) {
  return examples.map((example) => {
    const run = spawnSync('sh', ['-c', example.replace(/^mesh-designer/, `"${process.execPath}" "${BIN}"`)], {
      cwd: workspace,
      encoding: 'utf8',
    });
    return { example, status: run.status, stdout: run.stdout, stderr: run.stderr };
  });
}

describe('docs/cli.md', () => {
  let runs: ReturnType<typeof runExamples> = [];
  beforeAll(() => {
    prepareWorkspace();
    runs = runExamples(documentedExamples());
  }, 180_000);

  it('has examples that all run as written, in order, with exit code 0', () => {
    expect(runs.length).toBeGreaterThan(4);
    for (const { example, status, stderr } of runs) {
      expect({ example, status, stderr: status === 0 ? '' : stderr }).toEqual({ example, status: 0, stderr: '' });
    }
  });

  // The page's diagram example is the CLI's one drawing in Chromium in the suite: its pictures are checked here.
  it.skipIf(!inject('chromiumPath'))(
    'draws every Mermaid diagram as SVG and PNG in headless Chromium, beside its text',
    () => {
      const diagrams =
        'export shop.mesh.json --out build/diagrams --format mermaid,svg,png --scope domain:orders-domain';
      const run = runs.find(({ example }) => example === `mesh-designer ${diagrams}`);
      expect(run).toMatchObject({ status: 0, stderr: '' });
      expect(run?.stdout).toBe(
        'shop.mesh.json: wrote 19 files to build/diagrams (index.md lists them), with 12 svg and png pictures of the Mermaid diagrams\n',
      );
      const built = (path: string) => readFileSync(join(workspace, 'build/diagrams', path));
      const index = built('index.md').toString('utf8');
      expect(index).toContain(
        '| [mermaid/logical-view/orders.svg](mermaid/logical-view/orders.svg) | logical view of domain Orders, as an SVG picture |',
      );
      expect(index).toContain('| [mermaid/logical-view/orders.png](mermaid/logical-view/orders.png) |');
      const svg = built('mermaid/data-retrieval/orders-service.svg').toString('utf8');
      expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
      expect(svg).not.toContain('foreignObject');
      expect(svgTextLabels(svg)).toContain(withoutSpaces('Microservice: orders-service (Java)'));
      expect([...built('mermaid/logical-view/orders.png').subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      writeFileSync(
        join(SCREENSHOT_DIR, 'cli-data-retrieval-orders-service.png'),
        built('mermaid/data-retrieval/orders-service.png'),
      );
    },
  );

  it.each(COMMANDS)('documents exactly the options `%s --help` lists', (command) => {
    const help = meshDesigner([command, '--help']);
    expect(help.status).toBe(0);
    expect(optionsIn(section(command))).toEqual(optionsIn(help.stdout).filter((option) => option !== '--help'));
  });

  it.each(COMMANDS)('gives the exit codes `%s --help` gives', (command) => {
    const help = meshDesigner([command, '--help']).stdout;
    expect(exitCodesIn(help)).not.toBe('');
    expect(plainWords(section(command))).toContain(`Exit codes: ${exitCodesIn(help)}.`);
  });

  it.each(SAID_BY_BOTH)('says in `%s --help` as on the page: %s', (command, words) => {
    expect(plainWords(meshDesigner([command, '--help']).stdout)).toContain(words);
    expect(plainWords(section(command))).toContain(words);
  });

  it('lists every command the CLI has, and the CLI has every command it lists', () => {
    const usage = meshDesigner(['--help']).stdout;
    const listed = [...usage.matchAll(/^ {2}mesh-designer ([a-z]+) /gm)].map((match) => match[1]);
    expect(listed).toEqual(COMMANDS);
    expect([...DOCS.matchAll(/^## `([a-z]+)`$/gm)].map((match) => match[1])).toEqual(COMMANDS);
  });
});
