import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../shared/validation/rule-catalog';
import { bundledMeshDesigner } from './bundled-cli';

const ROOT = join(import.meta.dirname, '../../..');
const SAMPLE = join(ROOT, 'assets/samples/ecommerce.mesh.json');

const meshDesignerCommand = bundledMeshDesigner();

/**
 * The real command with its stdout read by something that stops after the first chunk, as
 * `| head -1` does: the output is far larger than a pipe holds, so the command always writes
 * into a closed pipe (EPIPE).
 */
function meshDesignerIntoHead(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(...meshDesignerCommand(args), {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdout.once('data', () => child.stdout.destroy());
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

// About 250 kB of records, and 140 kB of reports below: more than twice what a pipe holds.
const MANY_RECORDS = ['simulate', SAMPLE, '--ticks', '300', '--messages', 'orders/orders-out'];

describe('mesh-designer writing into a pipe its reader closed', () => {
  it('stops quietly with the exit code of the command when it runs in this thread', async () => {
    expect(await meshDesignerIntoHead(MANY_RECORDS)).toEqual({ status: 0, stderr: '' });
  }, 120_000);

  it('stops quietly with the exit code of the command when it runs in a worker (--budget-ms)', async () => {
    expect(await meshDesignerIntoHead([...MANY_RECORDS, '--budget-ms', '100000'])).toEqual({ status: 0, stderr: '' });
  }, 120_000);

  it('stops quietly when validate prints its report', async () => {
    const files = Array.from({ length: 250 }, () => SAMPLE);
    // Every rule but transformation-sql: a report as large, without preparing 250 designs on SQLite.
    const rules = RULES.map((rule) => rule.id).filter((id) => id !== 'transformation-sql');
    expect(await meshDesignerIntoHead(['validate', '--json', '--rule', rules.join(','), ...files])).toEqual({
      status: 0,
      stderr: '',
    });
  }, 120_000);
});
