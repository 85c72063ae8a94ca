import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/cli-io';
import { runCli } from '../../../cli/run-cli';
import { parseMeshFile } from '../../../shared/contracts';
import { type Mesh, serializeMesh } from '../../../shared/model';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aMesh } from '../../builders/mesh-builder';
import { fanOutMesh } from '../export/unseen-meshes';
import { fakeIo } from './fake-io';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/export/${path}`, import.meta.url), 'utf8');
const sample = fixture('ecommerce/input.mesh.json');

describe('mesh-designer export', () => {
  it('writes every format of the bundle, as the golden files have them', async () => {
    const { io, out, files } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'build'], io)).toBe(EXIT.ok);
    expect(out).toEqual([
      expect.stringMatching(/^shop\.mesh\.json: wrote 54 files to build \(index\.md lists them\)$/),
    ]);
    expect(files.get('build/index.md')).toBe(fixture('ecommerce/index.md'));
    expect(files.get('build/odcs/order.odcs.yaml')).toBe(fixture('ecommerce/odcs/order.odcs.yaml'));
    expect(files.get('build/strimzi/kafka-connectors.yaml')).toBe(fixture('ecommerce/strimzi/kafka-connectors.yaml'));
  });

  it('lays the Mermaid diagrams out in the direction --direction asks for', async () => {
    const { io, files } = fakeIo({ 'shop.mesh.json': sample });
    const args = ['export', 'shop.mesh.json', '--out', 'out', '--format', 'mermaid', '--direction', 'lr'];
    expect(await runCli(args, io)).toBe(EXIT.ok);
    const diagrams = [...files].filter(([path]) => path.endsWith('.mmd') && !path.includes('/contracts/'));
    expect(diagrams.length).toBeGreaterThan(0);
    for (const [path, text] of diagrams) expect(text, path).toMatch(/^flowchart LR$/m);
  });

  it('writes the chosen formats for one domain, and migrations from a baseline', async () => {
    const { io, files } = fakeIo({
      'shop.mesh.json': sample,
      'saved.mesh.json': fixture('ecommerce/baseline.mesh.json'),
    });
    const args = [
      'export',
      'shop.mesh.json',
      '--out',
      'out',
      '--format',
      'sql,odps',
      '--scope',
      'domain:orders-domain',
    ];
    expect(await runCli([...args, '--baseline', 'saved.mesh.json'], io)).toBe(EXIT.ok);
    expect([...files.keys()].filter((path) => path.startsWith('out/')).sort()).toEqual([
      'out/index.md',
      'out/odps/orders.odps.yaml',
      'out/sql/orders.changes.sql',
      'out/sql/orders.sql',
    ]);
    expect(files.get('out/sql/orders.changes.sql')).toBe(fixture('ecommerce/sql/orders.changes.sql'));
  });

  it('notes once, on stderr, the entities a scoped Backstage catalog references from outside its scope', async () => {
    const { io, err, files } = fakeIo({ 'shop.mesh.json': sample });
    const args = [
      'export',
      'shop.mesh.json',
      '--out',
      'out',
      '--format',
      'backstage',
      '--scope',
      'domain:analytics-domain',
    ];
    expect(await runCli(args, io)).toBe(EXIT.ok);
    expect(err).toEqual([
      'shop.mesh.json: note: the Backstage catalog references 3 entities outside the scope, which the export of the domain each belongs to defines: api:customers-customers-out, api:orders-order-placed-out, api:orders-orders-out',
    ]);
    const catalog = String(files.get('out/backstage/catalog-info.yaml'));
    expect(catalog).toContain('api:orders-orders-out');
    expect(catalog).not.toContain('name: orders-orders-out');
  });

  it('notes the contracts it writes in ODCS v3.0.x, as read, and the app’s upgrade', async () => {
    const design = aMesh().withContract('group-loan', { name: 'GroupLoan', apiVersion: 'v3.0.2' }).build();
    const { io, err } = fakeIo({ 'shop.mesh.json': serializeMesh(design) });
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'out', '--format', 'odcs'], io)).toBe(EXIT.ok);
    expect(err).toEqual([
      expect.stringMatching(
        /^shop\.mesh\.json: note: 1 contract written as ODCS v3\.0\.x, as read .*Upgrade to v3\.2\.0/,
      ),
    ]);
  });

  it('warns on stderr, in validate’s words, of an owner that looks like a Backstage reference but is not one', async () => {
    const opened = parseMeshFile(sample);
    if (!opened.ok) throw new Error('the sample does not open');
    const mesh = opened.value;
    (mesh.domains[1] as Mesh['domains'][number]).owner = 'group:museum/Collections Team';
    const { io, err } = fakeIo({ 'shop.mesh.json': serializeMesh(mesh) });
    const args = ['export', 'shop.mesh.json', '--out', 'out', '--format', 'backstage'];
    expect(await runCli(args, io)).toBe(EXIT.ok);
    const ownerFindings = validateMesh(mesh).filter((finding) => finding.ruleId === 'owners');
    expect(ownerFindings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('which looks like a Backstage reference but is not one (a name has no spaces)'),
    ]);
    expect(err).toEqual([`shop.mesh.json: warning: domains[1]: Backstage catalog: ${ownerFindings[0]?.message}`]);
  });

  it('asks for --force before writing into a folder that is not empty', async () => {
    const { io, err, files } = fakeIo({ 'shop.mesh.json': sample, 'out/notes.txt': 'mine' });
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'out'], io)).toBe(EXIT.usage);
    expect(err).toEqual(['mesh-designer export: out is not empty (1 entry); pass --force to write into it']);
    expect([...files.keys()]).toEqual(['shop.mesh.json', 'out/notes.txt']);
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'out', '--force'], io)).toBe(EXIT.ok);
    expect(files.get('out/notes.txt')).toBe('mine');
    expect(files.has('out/index.md')).toBe(true);
  });

  it('counts the entries of a folder that is not empty in the right number', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample, 'out/notes.txt': 'mine', 'out/todo.txt': 'mine too' });
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'out'], io)).toBe(EXIT.usage);
    expect(err).toEqual(['mesh-designer export: out is not empty (2 entries); pass --force to write into it']);
  });

  it('reports a wrong scope, and --replace-unlisted without --force, before it asks for --force', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample, 'out/notes.txt': 'mine' });
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'out', '--scope', 'domain:nope'], io)).toBe(
      EXIT.problems,
    );
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'out', '--replace-unlisted'], io)).toBe(EXIT.usage);
    expect(err.slice(0, 2)).toEqual([
      expect.stringMatching(/^shop\.mesh\.json: scope: no domain 'nope' /),
      'mesh-designer export: --replace-unlisted needs --force',
    ]);
  });

  it('says in a sentence, not in Node’s words, why the bundle could not be written, and that nothing changed', async () => {
    const { io, out, err } = fakeIo({ 'shop.mesh.json': sample });
    io.writeBundle = async () => {
      throw Object.assign(new Error("ENOSPC: no space left on device, write '/tmp/x'"), {
        code: 'ENOSPC',
        path: '/tmp/x',
      });
    };
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'build'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      'mesh-designer export: cannot write to build: the disk is full; free some space and try again (nothing in build was changed)',
    ]);
    expect(out).toEqual([]);
  });

  it('says where the old files are kept when they could not all be put back', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample });
    io.writeBundle = async () => {
      throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO', path: 'build/sql', keptIn: '.build.7.replaced' });
    };
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'build', '--force'], io)).toBe(EXIT.problems);
    expect(err[0]).toMatch(/\(some of the old files could not be put back: they are kept in \.build\.7\.replaced\)$/);
  });

  it.each([
    [
      'EACCES',
      'afile/build',
      'cannot write to afile/build: permission denied; check its permissions or choose another path',
    ],
    [
      'ENOTDIR',
      'afile',
      'cannot write to afile/build: afile is a file, not a folder; move it away or choose another path',
    ],
    [
      'ENOTDIR',
      'afile/build',
      'cannot write to afile/build: it is a file, not a folder; move it away or choose another path (export writes a folder of files)',
    ],
  ])('names the path at fault when the output folder cannot be read (%s on %s)', async (code, path, message) => {
    const { io, err, files } = fakeIo({ 'shop.mesh.json': sample });
    io.listFolder = async () => {
      throw Object.assign(new Error(`${code}: raw, scandir '${path}'`), { code, path });
    };
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'afile/build'], io)).toBe(EXIT.problems);
    expect(err).toEqual([`mesh-designer export: ${message}`]);
    expect(files.size).toBe(1);
  });

  it('writes nothing when a format cannot be written, and names the element', async () => {
    const mesh = JSON.parse(sample);
    mesh.systems[1].database.engine = 'sqlite';
    const { io, err, files } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'out'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      expect.stringMatching(
        /^shop\.mesh\.json:1:\d+: systems\[1\]\.database\.engine: Kafka on Kubernetes \(Strimzi\): system 'customers-service': no Debezium connector for the database engine 'sqlite'/,
      ),
    ]);
    expect([...files.keys()]).toEqual(['shop.mesh.json']);
  });

  it('leaves out a diagram too large for Mermaid’s default limits, and warns of it', async () => {
    const { io, out, err, files } = fakeIo({ 'fan.mesh.json': serializeMesh(fanOutMesh(501)) });
    expect(await runCli(['export', 'fan.mesh.json', '--out', 'out', '--format', 'mermaid'], io)).toBe(EXIT.ok);
    expect(err).toEqual([
      expect.stringMatching(
        /^fan\.mesh\.json: warning: mermaid\/logical-view\/d\.mmd: Mermaid diagrams: not written: the logical view of domain d would be 501 edges, past the 500/,
      ),
      expect.stringMatching(
        /^fan\.mesh\.json: warning: mermaid\/lineage\/d\.mmd: Mermaid diagrams: not written: the port-level lineage of domain d would be 501 edges, past the 500/,
      ),
      expect.stringMatching(/^fan\.mesh\.json: warning: the design breaks governance rules/),
    ]);
    expect(out).toEqual([expect.stringMatching(/^fan\.mesh\.json: wrote \d+ files to out/)]);
    expect(files.has('out/mermaid/logical-view.mmd')).toBe(true);
    expect(files.has('out/mermaid/logical-view/d.mmd')).toBe(false);
  });

  it('exports a design that breaks governance rules, saying how many errors validate fails on', async () => {
    const { io, out, err, files } = fakeIo({ 'fan.mesh.json': serializeMesh(fanOutMesh(2)) });
    expect(await runCli(['export', 'fan.mesh.json', '--out', 'out', '--format', 'odps'], io)).toBe(EXIT.ok);
    expect(err).toEqual([
      'fan.mesh.json: warning: the design breaks governance rules (1 error: output-contracts); exported anyway, `mesh-designer validate` lists them and fails on them',
    ]);
    expect(out).toEqual([expect.stringMatching(/^fan\.mesh\.json: wrote \d+ files to out/)]);
    expect([...files.keys()].some((path) => path.startsWith('out/odps/'))).toBe(true);
    expect(await runCli(['validate', 'fan.mesh.json'], io)).toBe(EXIT.problems);
  });

  it('prints with --json one report of the files written and removed, the warnings, notes and governance errors', async () => {
    const { io, out, err } = fakeIo({ 'fan.mesh.json': serializeMesh(fanOutMesh(501)) });
    io.writeBundle = async () => ({ removed: ['mermaid/old.mmd'] as never[] });
    const args = ['export', 'fan.mesh.json', '--out', 'out', '--format', 'mermaid', '--json'];
    expect(await runCli(args, io)).toBe(EXIT.ok);
    const report = JSON.parse(out.join('\n'));
    expect(report).toEqual({
      file: 'fan.mesh.json',
      out: 'out',
      ok: true,
      written: expect.arrayContaining(['index.md', 'mermaid/logical-view.mmd']),
      removed: ['mermaid/old.mmd'],
      warnings: [
        expect.objectContaining({ path: 'mermaid/logical-view/d.mmd', kind: 'left-out' }),
        expect.objectContaining({ path: 'mermaid/lineage/d.mmd', kind: 'left-out' }),
      ],
      notes: [],
      governance: [expect.objectContaining({ severity: 'error', rule: 'output-contracts' })],
      errors: [],
    });
    expect(report.written).not.toContain('mermaid/logical-view/d.mmd');
    // stderr says the same for people, as without --json.
    expect(err).toHaveLength(4);
  });

  it('prints with --json the problems that stopped the export, and that nothing was written', async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': sample });
    const args = ['export', 'shop.mesh.json', '--out', 'out', '--scope', 'domain:nope', '--json'];
    expect(await runCli(args, io)).toBe(EXIT.problems);
    expect(JSON.parse(out.join('\n'))).toMatchObject({
      file: 'shop.mesh.json',
      ok: false,
      written: [],
      errors: [{ severity: 'error', path: 'scope', message: expect.stringContaining("no domain 'nope'") }],
    });
  });

  it("refuses a design whose contract has a broken YAML line with that line's error alone, counting the ones after it", async () => {
    const mesh = JSON.parse(
      readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
    );
    const odcs: string[] = mesh.contracts[0].odcs;
    const named = odcs.findIndex((line) => line.trim().startsWith('- name: ') && line.startsWith('      '));
    odcs[named] = (odcs[named] as string).replace(/- name: .*/, '- name: reason: bad: [unclosed');
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'out'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      expect.stringMatching(
        /^shop\.mesh\.json:\d+:\d+: contracts\[0\]\.odcs: \d+:\d+ Nested mappings are not allowed in compact mappings \(and \d+ more YAML errors after it, probably caused by this one\)$/,
      ),
    ]);
  });

  it('prints with --json a design’s syntax error as validate --json does: severity, path, message, line, column', async () => {
    const { io, out } = fakeIo({ 'dup.mesh.json': '{\n  "schemaVersion": 2,\n  "name": "A",\n  "name": "B"\n}' });
    expect(await runCli(['export', 'dup.mesh.json', '--out', 'out', '--json'], io)).toBe(EXIT.problems);
    expect(JSON.parse(out.join('\n')).errors).toEqual([
      {
        severity: 'error',
        path: 'name',
        message: expect.stringMatching(/^duplicate key "name": /),
        line: 4,
        column: 3,
      },
    ]);
  });

  it('names with --json a --baseline it cannot read as the file at fault, marked isBaseline, as validate --json does', async () => {
    const { io, out, err, files } = fakeIo({ 'shop.mesh.json': sample, 'cut.mesh.json': '{"schemaVersion": 2,' });
    const args = ['export', 'shop.mesh.json', '--out', 'out', '--baseline', 'cut.mesh.json', '--json'];
    expect(await runCli(args, io)).toBe(EXIT.problems);
    expect(JSON.parse(out.join('\n'))).toMatchObject({
      file: 'cut.mesh.json',
      isBaseline: true,
      ok: false,
      written: [],
      errors: [{ severity: 'error', path: '(document)', message: expect.stringMatching(/^not valid JSON: /), line: 1 }],
    });
    expect(err).toEqual([expect.stringMatching(/^cut\.mesh\.json:1:\d+: not valid JSON: /)]);
    expect([...files.keys()]).not.toContain('out/index.md');
  });

  it('with --fail-on-errors, refuses a design that breaks governance rules: each error printed, nothing written', async () => {
    const { io, out, err, files } = fakeIo({ 'fan.mesh.json': serializeMesh(fanOutMesh(2)) });
    const args = ['export', 'fan.mesh.json', '--out', 'out', '--format', 'odps', '--fail-on-errors'];
    expect(await runCli(args, io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "fan.mesh.json:67:11: products[0].outputPorts[0]: Output port 'out' of 'source' has no data contract. [output-contracts]",
      "  hint: Add a contract (or New contract in the port's inspector) drafts one of what the product receives; or choose a contract, or import one (ODCS YAML).",
      'fan.mesh.json: the design breaks governance rules (1 error: output-contracts); nothing written (--fail-on-errors), `mesh-designer validate` lists them',
    ]);
    expect(out).toEqual([]);
    expect([...files.keys()]).toEqual(['fan.mesh.json']);
    const json = fakeIo({ 'fan.mesh.json': serializeMesh(fanOutMesh(2)) });
    expect(await runCli([...args, '--json'], json.io)).toBe(EXIT.problems);
    expect(JSON.parse(json.out.join('\n')).errors).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: '(document)',
        message: expect.stringMatching(/^the design breaks governance rules/),
      }),
    ]);
  });

  it("with --fail-on-errors and --policy, refuses a design that turns off a rule the organisation's policy requires", async () => {
    const mesh = JSON.parse(sample);
    mesh.products[0].owner = '';
    mesh.policies.rules = { owners: { severity: 'off', reason: 'Owners come later' } };
    const files = { 'shop.mesh.json': JSON.stringify(mesh), 'org.yaml': 'rules:\n  owners: error\n' };
    const args = ['export', 'shop.mesh.json', '--out', 'out', '--format', 'odcs', '--fail-on-errors'];
    expect(await runCli(args, fakeIo(files).io)).toBe(EXIT.ok);
    const { io, err } = fakeIo(files);
    expect(await runCli([...args, '--policy', 'org.yaml', '--json'], io)).toBe(EXIT.problems);
    expect(err).toContainEqual(
      expect.stringMatching(
        /^shop\.mesh\.json:1:\d+: warning: policies\.rules\.owners: The design sets 'owners' to off, weaker than the organisation's policy \(error\), which applies\. \[policy-entries\]$/,
      ),
    );
    expect(err.at(-1)).toMatch(/breaks governance rules \(1 error: owners\); nothing written/);
  });

  it('refuses a --policy file that cannot be applied as validate does', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample, 'org.yaml': 'rules:\n  nope: error\n' });
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'out', '--policy', 'org.yaml'], io)).toBe(EXIT.usage);
    expect(err[0]).toContain('mesh-designer export: --policy org.yaml: ');
  });

  it('with --fail-on-errors, exports a design with warnings only, as without it', async () => {
    const { io, files } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'out', '--format', 'odcs', '--fail-on-errors'], io)).toBe(
      EXIT.ok,
    );
    expect([...files.keys()].some((path) => path.startsWith('out/odcs/'))).toBe(true);
  });

  it('reports a missing or broken design and an unknown domain as problems in the input', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample, 'bad.mesh.json': '{ nope' });
    expect(await runCli(['export', 'missing.mesh.json', '--out', 'out'], io)).toBe(EXIT.problems);
    expect(await runCli(['export', 'bad.mesh.json', '--out', 'out'], io)).toBe(EXIT.problems);
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'out', '--scope', 'domain:nope'], io)).toBe(
      EXIT.problems,
    );
    expect(err[0]).toBe('missing.mesh.json: cannot read: no such file');
    expect(err[1]).toMatch(/^bad\.mesh\.json:1:\d+: not valid JSON: /);
    expect(err.at(-1)).toBe(
      "shop.mesh.json: scope: no domain 'nope' (has: orders-domain, customers-domain, shipping-domain, analytics-domain)",
    );
  });

  it('lists the ids the design has for an unknown id in nodes:, as it does for domain:', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample });
    const args = ['export', 'shop.mesh.json', '--out', 'out', '--scope', 'nodes:orders-domain,nope'];
    expect(await runCli(args, io)).toBe(EXIT.problems);
    expect(err).toEqual([
      expect.stringMatching(
        /^shop\.mesh\.json: scope: no domain, product or system 'nope' \(has: orders-domain, customers-domain, .*orders-service.*\)$/,
      ),
    ]);
  });

  it('finds the problems of a scope before it looks for Chromium to draw pictures', async () => {
    const chromiumPath = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const { io, err } = fakeIo({ 'shop.mesh.json': sample });
      const args = ['export', 'shop.mesh.json', '--out', 'out', '--format', 'svg', '--scope', 'domain:nope'];
      expect(await runCli(args, io)).toBe(EXIT.problems);
      expect(err).toEqual([
        "shop.mesh.json: scope: no domain 'nope' (has: orders-domain, customers-domain, shipping-domain, analytics-domain)",
      ]);
    } finally {
      if (chromiumPath === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = chromiumPath;
    }
  });

  it.each([
    [['export', 'shop.mesh.json'], '--out <folder> is required'],
    [['export', '--out', 'out'], 'no design to export'],
    [
      ['export', 'shop.mesh.json', '--out', 'out', '--format', 'odcs,pdf'],
      "unknown format 'pdf' (known: odcs, odps, backstage, strimzi, sql, jsonschema, mermaid, svg, png)",
    ],
    [
      ['export', 'shop.mesh.json', '--out', 'out', '--scope', 'everything'],
      "--scope is domain:<id> or nodes:<id>,<id> (got 'everything')",
    ],
    // An id left empty (a script's unset variable, nodes:${A},${B}) would export less than was asked, silently.
    [
      ['export', 'shop.mesh.json', '--out', 'out', '--scope', 'nodes:orders,'],
      "--scope is domain:<id> or nodes:<id>,<id> (got 'nodes:orders,')",
    ],
    [
      ['export', 'shop.mesh.json', '--out', 'out', '--scope', 'nodes:orders,,customers'],
      "--scope is domain:<id> or nodes:<id>,<id> (got 'nodes:orders,,customers')",
    ],
    [['export', 'shop.mesh.json', '--out', 'out', '--zip'], 'unknown option or missing value: --zip'],
    [
      ['export', 'shop.mesh.json', 'other.mesh.json', '--out', 'out'],
      'one design at a time (also given: other.mesh.json)',
    ],
    [['export', 'shop.mesh.json', '--out'], 'unknown option or missing value: --out'],
    // Read as the last one alone, a CI step would export only sql and pass.
    [
      ['export', 'shop.mesh.json', '--out', 'out', '--format', 'odcs', '--format=sql'],
      "--format given twice ('odcs' and 'sql'); give it once",
    ],
    [['export', 'shop.mesh.json', '--out', 'out', '--force', '--force'], '--force given twice; give it once'],
    [['export', 'shop.mesh.json', '--out', 'out', '--replace-unlisted'], '--replace-unlisted needs --force'],
    [['export', 'shop.mesh.json', '--out', 'out', '--direction', 'rl'], "--direction is auto, lr, tb (got 'rl')"],
  ])('refuses %j as wrong usage: %s', async (args, message) => {
    const { io, err, files } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(args, io)).toBe(EXIT.usage);
    expect(err[0]).toBe(`mesh-designer export: ${message}`);
    expect(files.size).toBe(1);
  });
});
