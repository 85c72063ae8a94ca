import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/cli-io';
import { COMMANDS, runCli } from '../../../cli/run-cli';
import packageJson from '../../../package.json';
import { fakeIo } from './fake-io';

describe('mesh-designer', () => {
  it('lists its commands on --help and says its version on --version', async () => {
    const { io, out } = fakeIo({});
    expect(await runCli(['--help'], io)).toBe(EXIT.ok);
    expect(out.slice(0, 3)).toEqual([
      `mesh-designer ${packageJson.version}: Data Mesh Designer on the command line`,
      '',
      'usage:',
    ]);
    for (const name of ['validate', 'export', 'import', 'simulate']) {
      expect(out).toContainEqual(expect.stringMatching(new RegExp(`^ {2}mesh-designer ${name} `)));
    }
    out.length = 0;
    expect(await runCli(['--version'], io)).toBe(EXIT.ok);
    expect(out).toEqual([packageJson.version]);
  });

  it.each([
    ['validate', '.env'],
    ['validate', '.env', '--json'],
    ['validate', 'shop.mesh.json', '--baseline', '.env'],
    ['validate', 'shop.mesh.json', '--baseline', '.env', '--json'],
    ['simulate', '.env'],
    ['simulate', '.env', '--json'],
    ['export', '.env', '--out', 'out'],
    ['export', '.env', '--out', 'out', '--json'],
  ])('never prints what a file that is not JSON holds: %s %s', async (...args) => {
    const secret = 'STRIPE_SECRET_KEY=sk_live_abc123';
    const { io, out, err } = fakeIo({ '.env': `${secret}\n`, 'shop.mesh.json': '{}' });
    expect(await runCli(args, io)).toBe(EXIT.problems);
    const printed = [...out, ...err].join('\n');
    expect(printed).toContain("not valid JSON: unexpected 'S'");
    expect(printed).not.toMatch(/STRIPE_SEC|sk_live/);
  });

  it.each(COMMANDS.map((command) => command.name))(
    'explains %s on --help, on stdout, without running it',
    async (name) => {
      const { io, out, err } = fakeIo({});
      expect(await runCli([name, 'missing.mesh.json', '--help'], io)).toBe(EXIT.ok);
      expect(out[0]).toMatch(new RegExp(`^usage: mesh-designer ${name} `));
      expect(err).toEqual([]);
      const { io: helpIo, out: helpOut } = fakeIo({});
      await runCli(['help', name], helpIo);
      expect(helpOut).toEqual(out);
    },
  );

  it.each(COMMANDS.map((command) => command.name))(
    'describes in %s --help, on a line of its own, every option its usage line names',
    async (name) => {
      const { io, out } = fakeIo({});
      await runCli([name, '--help'], io);
      const [usage = '', ...rest] = out;
      const options = [...new Set(usage.match(/--[a-z-]+/g))];
      const described = options.filter((option) => rest.some((line) => new RegExp(`^ +${option}\\b`).test(line)));
      expect(described).toEqual(options);
    },
  );

  it('says in export --help, as docs/cli.md does, that a diagram whose picture cannot be drawn is left out, not the export', async () => {
    const { io, out } = fakeIo({});
    expect(await runCli(['export', '--help'], io)).toBe(EXIT.ok);
    const help = out.join(' ').replace(/\s+/g, ' ');
    expect(help).not.toMatch(/Nothing is written when [^.;]* a diagram cannot be drawn/);
    expect(help).toContain('or one whose picture Chromium cannot draw (Mermaid refuses its text), is left out');
  });

  it('refuses unknown commands and options as wrong usage', async () => {
    const { io, err } = fakeIo({});
    expect(await runCli(['frobnicate'], io)).toBe(EXIT.usage);
    expect(await runCli(['--frobnicate'], io)).toBe(EXIT.usage);
    expect(await runCli([], io)).toBe(EXIT.usage);
    expect(err).toEqual([
      "mesh-designer: unknown command 'frobnicate'; run 'mesh-designer --help' for the list",
      "mesh-designer: unknown option '--frobnicate'; run 'mesh-designer --help' for the list",
    ]);
  });

  it.each([
    [['validate', '-']],
    [['export', '-', '--out', 'out']],
    [['import', '-', '--into', 'shop.mesh.json']],
    [['simulate', '-']],
    [['validate', 'shop.mesh.json', '--baseline', '-']],
    [['export', 'shop.mesh.json', '--out=-']],
    [['import', 'orders.sql', '--into', '-']],
  ])('refuses - in %j as wrong usage, saying the CLI reads files, not standard input', async (args) => {
    const { io, err } = fakeIo({});
    expect(await runCli(args, io)).toBe(EXIT.usage);
    expect(err[0]).toBe(
      `mesh-designer ${args[0]}: '-' is not a file: mesh-designer reads and writes files, not standard input or output; give a path (./- for a file named '-')`,
    );
  });

  // Writing the report fails in a way validate does not foresee (simulate reports its own failures as a run's).
  it('turns a failure no command foresaw into a message and exit code 1, never a stack trace', async () => {
    const { io, err } = fakeIo({
      'x.mesh.json': readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
    });
    io.out = () => {
      throw new Error('disk on fire');
    };
    expect(await runCli(['validate', 'x.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual(['mesh-designer validate: disk on fire']);
  });

  it('words a file system error no command foresaw as a sentence naming the file', async () => {
    const { io, err } = fakeIo({
      'x.mesh.json': readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
    });
    io.out = () => {
      throw Object.assign(new Error("EMFILE: too many open files, open 'sql-wasm.wasm'"), {
        code: 'EMFILE',
        path: 'sql-wasm.wasm',
      });
    };
    expect(await runCli(['validate', 'x.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      'mesh-designer validate: sql-wasm.wasm: too many files are open; close some programs and try again',
    ]);
  });

  it('keeps the message of a Node error that is not about a file', async () => {
    const { io, err } = fakeIo({
      'x.mesh.json': readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
    });
    io.out = () => {
      throw Object.assign(new Error('WebAssembly.instantiate(): out of memory'), { code: 'ERR_WASM_OUT_OF_MEMORY' });
    };
    expect(await runCli(['validate', 'x.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual(['mesh-designer validate: WebAssembly.instantiate(): out of memory']);
  });
});
