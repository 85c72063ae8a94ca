import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/cli-io';
import { nodeIo } from '../../../cli/node-io';
import { runCli } from '../../../cli/run-cli';
import { EXPORT_MANIFEST_PATH, exportManifestText } from '../../../shared/files/export-manifest';

const sample = readFileSync(new URL('../../fixtures/export/ecommerce/input.mesh.json', import.meta.url), 'utf8');

/** The CLI on the real disk (the manifest is the writer's), printing into arrays. */
function onDisk() {
  const out: string[] = [];
  const err: string[] = [];
  const io = { ...nodeIo, out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
  return { io, out, err };
}

const filesUnder = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

describe('mesh-designer export --check', () => {
  let workspace: string;
  let design: string;
  let manifests: string;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'mesh-check-'));
    design = join(workspace, 'shop.mesh.json');
    manifests = join(workspace, 'manifests');
    writeFileSync(design, sample);
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  const exported = async (...extra: string[]) =>
    expect(await runCli(['export', design, '--out', manifests, ...extra], onDisk().io)).toBe(EXIT.ok);
  const check = async (...extra: string[]) => {
    const run = onDisk();
    const before = filesUnder(workspace).map((path) => [path, readFileSync(path, 'utf8')]);
    const code = await runCli(['export', design, '--out', manifests, '--check', ...extra], run.io);
    expect(
      filesUnder(workspace).map((path) => [path, readFileSync(path, 'utf8')]),
      'nothing written',
    ).toEqual(before);
    return { code, ...run };
  };

  it('exits 0 when the folder holds what the export would write, the user’s own files aside', async () => {
    await exported();
    writeFileSync(join(manifests, 'README.md'), 'ours, not the export’s\n');
    const { code, out } = await check();
    expect(code).toBe(EXIT.ok);
    expect(out).toEqual([`${design}: ${manifests} is up to date: its 54 files are what the export writes`]);
  });

  it('exits 1 naming the files a changed design would change', async () => {
    await exported();
    writeFileSync(design, sample.replace('Daily revenue per country', 'Hourly revenue per country'));
    const { code, out } = await check();
    expect(code).toBe(EXIT.problems);
    expect(out).toContain(`${manifests}/odps/sales-dashboard.odps.yaml: would be changed`);
    expect(out.at(-1)).toMatch(
      new RegExp(`^${design}: ${manifests} is out of date: \\d+ files differ from what the export writes`),
    );
  });

  it('exits 1 naming an exported file that was edited by hand', async () => {
    await exported();
    appendFileSync(join(manifests, 'sql/orders.sql'), '-- tweaked\n');
    const { code, out } = await check();
    expect(code).toBe(EXIT.problems);
    expect(out).toEqual([
      `${manifests}/sql/orders.sql: would be changed`,
      `${design}: ${manifests} is out of date: 1 file differs from what the export writes; run the export with --force to update it`,
    ]);
  });

  it('exits 0 when the files differ only by CRLF line endings, as Git on Windows checks text files out', async () => {
    await exported();
    for (const path of filesUnder(manifests)) writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
    const { code, out } = await check();
    expect(code).toBe(EXIT.ok);
    expect(out).toEqual([`${design}: ${manifests} is up to date: its 54 files are what the export writes`]);
  });

  it('still names a file edited by hand whose line endings are CRLF', async () => {
    await exported();
    const edited = join(manifests, 'sql/orders.sql');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}-- tweaked\n`.replace(/\n/g, '\r\n'));
    const { code, out } = await check();
    expect(code).toBe(EXIT.problems);
    expect(out[0]).toBe(`${manifests}/sql/orders.sql: would be changed`);
  });

  it('exits 1 naming the stale file of a removed product as one that would be removed', async () => {
    await exported();
    const manifest = JSON.parse(readFileSync(join(manifests, EXPORT_MANIFEST_PATH), 'utf8')) as { files: string[] };
    writeFileSync(join(manifests, 'odps/keg-fleet.odps.yaml'), 'name: keg-fleet\n');
    writeFileSync(
      join(manifests, EXPORT_MANIFEST_PATH),
      exportManifestText([...manifest.files, 'odps/keg-fleet.odps.yaml']),
    );
    const { code, out } = await check();
    expect(code).toBe(EXIT.problems);
    expect(out).toEqual([
      `${manifests}/${EXPORT_MANIFEST_PATH}: would be changed`,
      `${manifests}/odps/keg-fleet.odps.yaml: would be removed`,
      expect.stringMatching(/is out of date: 2 files differ/),
    ]);
  });

  it('exits 1 with every file to be added, when the folder is empty, missing, or has no listing', async () => {
    mkdirSync(manifests);
    const empty = await check('--format', 'sql');
    expect(empty.code).toBe(EXIT.problems);
    const added = ['customer-360', 'customers', 'orders', 'sales-dashboard', 'shipments'].map(
      (product) => `${manifests}/sql/${product}.sql: would be added`,
    );
    expect(empty.out.slice(0, -1).sort()).toEqual(
      [
        `${manifests}/index.md: would be added`,
        `${manifests}/${EXPORT_MANIFEST_PATH}: would be added`,
        ...added,
      ].sort(),
    );
    rmSync(manifests, { recursive: true });
    expect((await check('--format', 'sql')).out).toEqual(empty.out);

    mkdirSync(manifests);
    writeFileSync(join(manifests, 'README.md'), 'ours, not the export’s\n');
    expect((await check('--format', 'sql')).out).toEqual(empty.out);
  });

  it('exits 1 naming a file of the user’s at a path the export writes as one the export would not replace', async () => {
    await exported('--format', 'sql');
    mkdirSync(join(manifests, 'odps'));
    writeFileSync(join(manifests, 'odps/orders.odps.yaml'), 'name: orders, written by hand\n');
    const { code, out } = await check('--format', 'sql,odps');
    expect(code).toBe(EXIT.problems);
    expect(out).toContain(
      `${manifests}/odps/orders.odps.yaml: would replace a file no earlier export wrote (it is not in ${manifests}/${EXPORT_MANIFEST_PATH})`,
    );
    expect(out).not.toContain(`${manifests}/odps/orders.odps.yaml: would be added`);
    expect(out).toContain(`${manifests}/odps/customers.odps.yaml: would be added`);
    expect(out.at(-1)).toBe(
      `${design}: ${manifests} is out of date: 7 files differ from what the export writes; run the export with --force to update it, after moving 1 file no earlier export wrote out of ${manifests} (or pass --replace-unlisted to replace it)`,
    );

    const written = onDisk();
    const force = await runCli(['export', design, '--out', manifests, '--format', 'sql,odps', '--force'], written.io);
    expect(force, 'the export refuses it, as the check said').toBe(EXIT.usage);
    expect(written.err.join('\n')).toContain('which this one would replace: odps/orders.odps.yaml');
  });

  it('names every exported file as one the export would not replace, when the folder lost its listing', async () => {
    await exported('--format', 'sql');
    rmSync(join(manifests, EXPORT_MANIFEST_PATH));
    const { code, out } = await check('--format', 'sql');
    expect(code).toBe(EXIT.problems);
    expect(out).toContain(`${manifests}/${EXPORT_MANIFEST_PATH}: would be added`);
    expect(out).toContain(
      `${manifests}/sql/orders.sql: would replace a file no earlier export wrote (it is not in ${manifests}/${EXPORT_MANIFEST_PATH})`,
    );
    expect(out.filter((line) => line.includes('would replace'))).toHaveLength(6);
  });

  it('lists with --json what would be added, changed and removed', async () => {
    await exported('--format', 'sql,odps');
    appendFileSync(join(manifests, 'sql/orders.sql'), '-- tweaked\n');
    rmSync(join(manifests, 'odps/orders.odps.yaml'));
    const { code, out } = await check('--format', 'sql', '--json');
    expect(code).toBe(EXIT.problems);
    const report = JSON.parse(out.join('\n'));
    expect(report).toMatchObject({
      ok: false,
      written: [],
      check: {
        added: [],
        changed: [EXPORT_MANIFEST_PATH, 'index.md', 'sql/orders.sql'],
        removed: [
          'odps/customer-360.odps.yaml',
          'odps/customers.odps.yaml',
          'odps/sales-dashboard.odps.yaml',
          'odps/shipments.odps.yaml',
        ],
        unlisted: [],
      },
    });
  });

  it('refuses --check with --force, which is for writing', async () => {
    const { code, err } = await check('--force');
    expect(code).toBe(EXIT.usage);
    expect(err[0]).toBe('mesh-designer export: --check writes nothing: it takes no --force');
  });
});
