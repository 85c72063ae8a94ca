import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_MANIFEST_PATH, exportManifestText } from '../../../shared/files/export-manifest';
import { serializeMesh } from '../../../shared/model';
import { trickyShapesMesh } from '../export/unseen-meshes';
import { bundledMeshDesigner } from './bundled-cli';

const meshDesignerCommand = bundledMeshDesigner();

/** The real command, as CI runs it: a Node process writing to the disk. */
function meshDesigner(args: readonly string[], cwd: string) {
  const run = spawnSync(...meshDesignerCommand(args), {
    cwd,
    encoding: 'utf8',
    // A command that hangs fails its test rather than the whole run.
    timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const filesUnder = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();

describe('mesh-designer export on the disk, with a design it has never seen', { timeout: 120_000 }, () => {
  const workspace = mkdtempSync(join(tmpdir(), 'mesh-designer-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));
  writeFileSync(join(workspace, 'tricky.mesh.json'), serializeMesh(trickyShapesMesh()));

  it('writes every file inside the output folder, listed in index.md, then asks for --force', () => {
    const first = meshDesigner(['export', 'tricky.mesh.json', '--out', 'out/bundle'], workspace);
    expect(first.stderr).toMatch(/^tricky\.mesh\.json: warning: the design breaks governance rules \(4 errors: /m);
    expect(first.status).toBe(0);
    expect(filesUnder(workspace).filter((path) => !path.startsWith('out/bundle/'))).toEqual(['tricky.mesh.json']);
    const written = filesUnder(join(workspace, 'out/bundle'));
    const index = readFileSync(join(workspace, 'out/bundle/index.md'), 'utf8');
    const unlisted = written.filter((path) => path !== 'index.md' && !index.includes(`](${path})`));
    expect(unlisted).toEqual([EXPORT_MANIFEST_PATH]);
    const bundled = written.length - unlisted.length;
    expect(first.stdout).toBe(`tricky.mesh.json: wrote ${bundled} files to out/bundle (index.md lists them)\n`);

    const again = meshDesigner(['export', 'tricky.mesh.json', '--out', 'out/bundle'], workspace);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/out\/bundle is not empty .*--force/);
    const forced = meshDesigner(['export', 'tricky.mesh.json', '--out', 'out/bundle', '--force'], workspace);
    expect(forced.status).toBe(0);
    expect(filesUnder(join(workspace, 'out/bundle'))).toEqual(written);
  });

  it('removes with --force the files of a renamed product the previous export wrote, says which, and keeps the user’s', () => {
    const mesh = trickyShapesMesh();
    const product = mesh.products.find((candidate) => candidate.outputPorts.length > 0) ?? mesh.products[0];
    if (!product) throw new Error('the tricky design has no product');
    writeFileSync(join(workspace, 'before.mesh.json'), serializeMesh(mesh));
    writeFileSync(
      join(workspace, 'after.mesh.json'),
      serializeMesh({
        ...mesh,
        products: mesh.products.map((each) => (each === product ? { ...each, name: 'Renamed Product' } : each)),
      }),
    );
    const args = ['--out', 'renamed', '--format', 'odps'];
    expect(meshDesigner(['export', 'before.mesh.json', ...args], workspace).status).toBe(0);
    const before = filesUnder(join(workspace, 'renamed'));
    writeFileSync(join(workspace, 'renamed/odps/mine.odps.yaml'), 'mine');

    const again = meshDesigner(['export', 'after.mesh.json', ...args, '--force'], workspace);

    expect(again.status).toBe(0);
    const after = filesUnder(join(workspace, 'renamed'));
    const gone = before.filter((path) => !after.includes(path));
    expect(gone).toHaveLength(1);
    expect(after).toContain('odps/renamed-product.odps.yaml');
    expect(after).toContain('odps/mine.odps.yaml');
    expect(again.stderr).toContain(
      `after.mesh.json: removed from renamed 1 file the previous export wrote and this one does not: ${gone[0]}\n`,
    );
  });

  it('refuses with --force to replace a file no earlier export wrote, naming it and how to go on, and writes nothing', () => {
    const args = ['--out', 'handwritten', '--format', 'odps'];
    expect(meshDesigner(['export', 'tricky.mesh.json', ...args], workspace).status).toBe(0);
    const folder = join(workspace, 'handwritten');
    const generated = meshDesigner(['export', 'tricky.mesh.json', '--out', 'probe', '--format', 'odcs'], workspace);
    expect(generated.status).toBe(0);
    const contract = filesUnder(join(workspace, 'probe')).find((path) => path.startsWith('odcs/'));
    if (!contract) throw new Error('the tricky design exports no contract');
    mkdirSync(join(folder, 'odcs'));
    writeFileSync(join(folder, contract), 'written by hand');
    const before = filesUnder(folder);

    const refused = meshDesigner(['export', 'tricky.mesh.json', '--out', 'handwritten', '--force'], workspace);

    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      `mesh-designer export: handwritten holds 1 file no earlier export wrote (it is not in handwritten/.mesh-export.json), which this one would replace: ${contract}; move it out of handwritten, or pass --replace-unlisted to replace it\n`,
    );
    expect(filesUnder(folder)).toEqual(before);
    expect(readFileSync(join(folder, contract), 'utf8')).toBe('written by hand');

    const replaced = meshDesigner(
      ['export', 'tricky.mesh.json', '--out', 'handwritten', '--force', '--replace-unlisted'],
      workspace,
    );
    expect(replaced.status).toBe(0);
    expect(readFileSync(join(folder, contract), 'utf8')).not.toBe('written by hand');
  });

  it('leaves the old bundle as it was when --force meets a file where a folder goes, and names that file', () => {
    const old = join(workspace, 'old');
    mkdirSync(old);
    writeFileSync(join(old, EXPORT_MANIFEST_PATH), exportManifestText(['index.md']));
    writeFileSync(join(old, 'index.md'), 'old index');
    writeFileSync(join(old, 'odcs'), 'a file');
    const run = meshDesigner(['export', 'tricky.mesh.json', '--out', 'old', '--force'], workspace);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'mesh-designer export: cannot write to old: old/odcs is a file, not a folder; move it away or choose another path (nothing in old was changed)\n',
    );
    expect(filesUnder(old)).toEqual([EXPORT_MANIFEST_PATH, 'index.md', 'odcs']);
    expect(readFileSync(join(old, 'index.md'), 'utf8')).toBe('old index');
    expect(readdirSync(workspace).filter((name) => name.startsWith('.'))).toEqual([]);

    const under = meshDesigner(['export', 'tricky.mesh.json', '--out', 'old/odcs/sub'], workspace);
    expect(under.status).toBe(1);
    expect(under.stderr).toBe(
      'mesh-designer export: cannot write to old/odcs/sub: old/odcs is a file, not a folder; move it away or choose another path\n',
    );
  });

  it.runIf(process.platform === 'linux')(
    'says --out is a device or a named pipe, not a folder, and that export writes a folder of files',
    () => {
      const pipe = join(workspace, 'pipe');
      expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
      for (const [out, what] of [
        ['/dev/null', 'a device'],
        ['pipe', 'a named pipe'],
      ] as const) {
        const run = meshDesigner(['export', 'tricky.mesh.json', '--out', out], workspace);
        expect(run.status).toBe(1);
        expect(run.stderr).toBe(
          `mesh-designer export: cannot write to ${out}: it is ${what}, not a folder; choose another path (export writes a folder of files)\n`,
        );
      }
      const under = meshDesigner(['export', 'tricky.mesh.json', '--out', 'pipe/sub'], workspace);
      expect(under.stderr).toBe(
        'mesh-designer export: cannot write to pipe/sub: pipe is a named pipe, not a folder; choose another path\n',
      );
      rmSync(pipe);
    },
  );

  // Node's recursive mkdir never returns there: /proc refuses a new entry with ENOENT.
  it.runIf(process.platform === 'linux')('says it cannot write under /proc, rather than hanging', () => {
    const run = meshDesigner(['export', 'tricky.mesh.json', '--out', '/proc/mesh-designer-out'], workspace);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'mesh-designer export: cannot write to /proc/mesh-designer-out: permission denied on /proc; check its permissions or choose another path (nothing in /proc/mesh-designer-out was changed)\n',
    );
  });

  it('reports a corrupt design with its location and writes nothing', () => {
    writeFileSync(join(workspace, 'corrupt.mesh.json'), '{"schemaVersion": 2, "id": "../../etc"');
    const run = meshDesigner(['export', 'corrupt.mesh.json', '--out', 'corrupt-out'], workspace);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^corrupt\.mesh\.json:\d+:\d+: not valid JSON: /);
    expect(filesUnder(workspace).some((path) => path.startsWith('corrupt-out'))).toBe(false);
  });
});
