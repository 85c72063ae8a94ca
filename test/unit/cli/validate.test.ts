import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/cli-io';
import { runCli } from '../../../cli/run-cli';
import { fakeIo } from './fake-io';

const sample = readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8');
const contract = readFileSync(new URL('../../fixtures/odcs/batch/shipment.odcs.yaml', import.meta.url), 'utf8');
const invalidContract = readFileSync(
  new URL('../../fixtures/odcs/batch/schema-invalid.odcs.yaml', import.meta.url),
  'utf8',
);

describe('mesh-designer validate', () => {
  it('passes a valid design and summarises it', async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': sample });
    expect(await runCli(['validate', 'shop.mesh.json'], io)).toBe(EXIT.ok);
    expect(out).toEqual(['shop.mesh.json: ok (4 domains, 5 products, 3 systems, 6 contracts, 8 links)']);
  });

  it('fails with every located problem, and still checks the other files', async () => {
    const broken = JSON.parse(sample);
    broken.products[0].domainId = 'nowhere';
    const { io, out, err } = fakeIo({ 'bad.mesh.json': JSON.stringify(broken), 'good.mesh.json': sample });
    expect(await runCli(['validate', 'bad.mesh.json', 'missing.mesh.json', 'good.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "bad.mesh.json: products[0].domainId: no domain 'nowhere'",
      'missing.mesh.json: cannot read: no such file',
    ]);
    expect(out).toHaveLength(1);
  });

  it('runs the editor’s contract checks on a design: duplicate names, incompatible links', async () => {
    const mesh = JSON.parse(sample);
    const order = mesh.contracts.find((candidate: { id: string }) => candidate.id === 'order');
    order.schema[0].properties.push({ ...order.schema[0].properties[1] });
    const customer = mesh.contracts.find((candidate: { id: string }) => candidate.id === 'customer');
    customer.schema[0].properties = customer.schema[0].properties.filter((p: { name: string }) => p.name !== 'city');
    const { io, err } = fakeIo({ 'shop.mesh.json': JSON.stringify(mesh) });
    expect(await runCli(['validate', 'shop.mesh.json'], io)).toBe(EXIT.problems);
    expect(err).toEqual([
      "shop.mesh.json: contracts[1].schema[0].properties[7].name: contract 'Order': duplicate property name 'customer_id' (also at schema[0].properties[1])",
      "shop.mesh.json: links[4]: link 'l-customers-360': missing field city",
    ]);
  });

  it('checks ODCS contract files against the official schema, with line and column', async () => {
    const { io, out, err } = fakeIo({ 'shipment.odcs.yaml': contract, 'broken.odcs.yaml': invalidContract });
    expect(await runCli(['validate', 'shipment.odcs.yaml', 'broken.odcs.yaml'], io)).toBe(EXIT.problems);
    expect(out).toEqual(['shipment.odcs.yaml: ok (ODCS contract)']);
    expect(err.length).toBeGreaterThan(0);
    for (const line of err) expect(line).toMatch(/^broken\.odcs\.yaml:\d+:\d+: /);
  });

  it('reports as JSON on request', async () => {
    const { io, out } = fakeIo({ 'shop.mesh.json': sample, 'broken.odcs.yaml': invalidContract });
    expect(await runCli(['validate', 'shop.mesh.json', 'broken.odcs.yaml', '--json'], io)).toBe(EXIT.problems);
    const reports = JSON.parse(out.join('\n'));
    expect(reports).toMatchObject([
      { file: 'shop.mesh.json', ok: true, problems: [] },
      { file: 'broken.odcs.yaml', ok: false, problems: [{ severity: 'error', line: expect.any(Number) }] },
    ]);
  });

  it('explains its usage when called without files or with an unknown option', async () => {
    const { io, err } = fakeIo({});
    expect(await runCli(['validate'], io)).toBe(EXIT.usage);
    expect(err[0]).toBe('mesh-designer validate: no file to validate');
    expect(err[1]).toMatch(/^usage: mesh-designer validate/);
    expect(await runCli(['validate', '--strict', 'x.mesh.json'], io)).toBe(EXIT.usage);
    expect(err).toContain('mesh-designer validate: unknown option or missing value: --strict');
  });
});
