import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledMeshDesigner } from './bundled-cli';

const ROOT = join(import.meta.dirname, '../../..');

const meshDesignerCommand = bundledMeshDesigner();

/**
 * The real command, held to 256 MB of heap, so that reading all of an endless input fails, and
 * stopped after 30 s (it answers in 4 s of CPU, over 10 s of wall time on a busy two-core machine).
 */
function meshDesigner(args: readonly string[]) {
  const run = spawnSync(...meshDesignerCommand(args), {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=256' },
  });
  return { status: run.status, stderr: run.stderr };
}

describe.runIf(existsSync('/dev/zero'))('mesh-designer given an endless input', () => {
  it('refuses /dev/zero once it passes the 64 MiB limit, rather than reading on', () => {
    expect(meshDesigner(['validate', '/dev/zero'])).toEqual({
      status: 1,
      stderr: '/dev/zero: cannot read: it is more than 64 MiB, and files are at most 64 MiB\n',
    });
  }, 40_000);
});
