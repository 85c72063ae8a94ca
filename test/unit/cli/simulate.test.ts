import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/cli-io';
import { runCli } from '../../../cli/run-cli';
import { editYamlText } from '../../../shared/contracts/yaml-text-edit';
import { fakeIo } from './fake-io';

const sample = readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8');

describe('mesh simulate', () => {
  it('runs the sample scenario and reports what each output port published', async () => {
    const { io, out, err } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['simulate', 'shop.mesh.json', '--ticks', '20'], io)).toBe(EXIT.ok);
    expect(err).toEqual([]);
    expect(out[0]).toMatch(/^tick 20 \(2026-01-05T09:20:00\.000Z\): \d+ source changes$/);
    expect(out).toContainEqual(expect.stringMatching(/^ {2}orders\/orders-out: [1-9]\d* published, 0 quarantined$/));
  });

  it('prints the full metrics as JSON on request', async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': sample });
    await runCli(['simulate', 'shop.mesh.json', '--ticks', '2', '--json'], io);
    expect(JSON.parse(out.join('\n')).tick).toBe(2);
  });

  it('fails when a record lands in quarantine', async () => {
    const mesh = JSON.parse(sample);
    const order = mesh.contracts.find((contract: { odcs: string[] }) => contract.odcs.includes('id: order'));
    const statusValues = ['schema', 0, 'properties', 2, 'quality', 0, 'arguments', 'validValues'];
    const edit = { op: 'set' as const, path: statusValues, value: ['placed'] };
    order.odcs = editYamlText(order.odcs.join('\n'), [edit]).split('\n');
    const { io, out } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['simulate', 'shop.mesh.json', '--ticks', '10'], io)).toBe(EXIT.problems);
    expect(out).toContainEqual(expect.stringMatching(/orders\/orders-out: \d+ published, [1-9]\d* quarantined/));
  });

  it('names the scenarios a file has when asked for another', async () => {
    const { io, err } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['simulate', 'shop.mesh.json', '--scenario', 'nope'], io)).toBe(EXIT.problems);
    expect(err).toEqual(["shop.mesh.json: no scenario 'nope' (has: workshop)"]);
  });

  it('explains its usage on bad options', async () => {
    const { io, err } = fakeIo({});
    expect(await runCli(['simulate', 'x.mesh.json', '--ticks', 'many'], io)).toBe(EXIT.usage);
    expect(await runCli(['simulate', 'x.mesh.json', '--speed', '2'], io)).toBe(EXIT.usage);
    expect(err[1]).toMatch(/^unknown option or missing value: --speed/);
  });
});
