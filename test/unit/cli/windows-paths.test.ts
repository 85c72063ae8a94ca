import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/cli-io';
import { runCli } from '../../../cli/run-cli';
import { backslashAdvice } from '../../../cli/windows-paths';
import { fakeIo } from './fake-io';

const sample = readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8');

describe('paths written with Windows backslashes, on Linux and macOS', () => {
  it('says why a file named with backslashes is not found, and how to write it', async () => {
    const { io, err } = fakeIo({ 'designs/shop.mesh.json': sample });
    expect(await runCli(['validate', 'designs\\shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "designs\\shop.mesh.json: cannot read: no such file; on this system '\\' is part of a file's name, not a folder separator: write designs/shop.mesh.json",
    ]);
  });

  it('refuses an --out that would make one folder named with backslashes, writing nothing', async () => {
    const { io, err, files } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'build\\manifests', '--format', 'odcs'], io)).toBe(
      EXIT.usage,
    );
    expect(err).toEqual([
      "mesh-designer export: --out build\\manifests: on this system '\\' is part of a file's name, not a folder separator, so this would make one folder named 'build\\manifests': write build/manifests",
    ]);
    expect([...files.keys()]).toEqual(['shop.mesh.json']);
  });

  it('says so in the --json report too', async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': sample });
    const args = ['export', 'shop.mesh.json', '--out', '.\\out', '--format', 'odcs', '--json'];
    expect(await runCli(args, io)).toBe(EXIT.usage);
    const report = JSON.parse(out.join('\n'));
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      expect.objectContaining({ path: '.\\out', message: expect.stringContaining('write ./out') }),
    ]);
  });

  it('writes into a folder already named with a backslash: the name is then meant', async () => {
    const { io, files } = fakeIo({
      'shop.mesh.json': sample,
      'odd\\name/.mesh-export.json': '{"writtenBy":"Data Mesh Designer","files":[]}',
    });
    expect(await runCli(['export', 'shop.mesh.json', '--out', 'odd\\name', '--format', 'odcs', '--force'], io)).toBe(
      EXIT.ok,
    );
    expect(files.has('odd\\name/index.md')).toBe(true);
  });

  it('gives no advice where a backslash separates folders (Windows) or where a path has none', () => {
    expect(backslashAdvice('a\\b', '\\')).toBeUndefined();
    expect(backslashAdvice('a/b', '/')).toBeUndefined();
    expect(backslashAdvice('C:\\ci\\shop.mesh.json', '/')).toBe(
      "on this system '\\' is part of a file's name, not a folder separator: write C:/ci/shop.mesh.json",
    );
  });
});
