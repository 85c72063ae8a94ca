import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

/** The real command, stopped after 10 s and held to 256 MB of heap, so that reading all of an endless input fails. */
function meshDesigner(args: readonly string[]) {
  const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const run = spawnSync(process.execPath, ['--import', tsx, join(ROOT, 'cli/mesh-designer.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 10_000,
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
  }, 20_000);
});
