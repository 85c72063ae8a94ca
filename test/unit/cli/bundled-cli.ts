import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll } from 'vitest';
import { CLI_BUILD_OPTIONS } from '../../../scripts/cli-build-options';

const ROOT = join(import.meta.dirname, '../../..');

/**
 * The command and arguments that run the real CLI as a Node process: bundled from the source once
 * for the file's tests, as `npm run build` bundles it, so that no spawn waits for tsx to compile
 * the CLI again (a second of CPU each). Removed after the file's tests.
 */
export function bundledMeshDesigner(): (args: readonly string[]) => [string, string[]] {
  let folder: string | undefined;
  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  return (args) => {
    if (!folder) {
      folder = mkdtempSync(join(tmpdir(), 'mesh-designer-bundle-'));
      // Packages stay outside the bundle, as in dist/cli: Node finds them through this link.
      symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'junction');
      buildSync({ ...CLI_BUILD_OPTIONS, absWorkingDir: ROOT, outdir: folder });
    }
    return [process.execPath, [join(folder, 'mesh-designer.mjs'), ...args]];
  };
}
