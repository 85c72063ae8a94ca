import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json';

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

function meshDesigner(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: workspace, encoding: 'utf8' });
}

describe('docs/cli.md', () => {
  it('has examples that all run as written, in order, with exit code 0', () => {
    prepareWorkspace();
    const examples = documentedExamples();
    expect(examples.length).toBeGreaterThan(4);
    for (const example of examples) {
      // The shell expands the globs, as it would for a reader pasting the line.
      const run = spawnSync('sh', ['-c', example.replace(/^mesh-designer/, `"${process.execPath}" "${BIN}"`)], {
        cwd: workspace,
        encoding: 'utf8',
      });
      expect({ example, status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({
        example,
        status: 0,
        stderr: '',
      });
    }
  }, 180_000);

  it.each(COMMANDS)('documents exactly the options `%s --help` lists', (command) => {
    const help = meshDesigner([command, '--help']);
    expect(help.status).toBe(0);
    expect(optionsIn(section(command))).toEqual(optionsIn(help.stdout).filter((option) => option !== '--help'));
  });

  it('lists every command the CLI has, and the CLI has every command it lists', () => {
    const usage = meshDesigner(['--help']).stdout;
    const listed = [...usage.matchAll(/^ {2}mesh-designer ([a-z]+) /gm)].map((match) => match[1]);
    expect(listed).toEqual(COMMANDS);
    expect([...DOCS.matchAll(/^## `([a-z]+)`$/gm)].map((match) => match[1])).toEqual(COMMANDS);
  });
});
