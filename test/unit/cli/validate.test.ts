import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/cli-io';
import { runCli } from '../../../cli/run-cli';
import { fakeIo } from './fake-io';

const sample = readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8');

describe('mesh validate', () => {
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
      "missing.mesh.json: cannot read: ENOENT: no such file 'missing.mesh.json'",
    ]);
    expect(out).toHaveLength(1);
  });

  it('explains its usage when called without files', async () => {
    const { io, err } = fakeIo({});
    expect(await runCli(['validate'], io)).toBe(EXIT.usage);
    expect(err[0]).toMatch(/^usage: mesh validate/);
  });

  it('refuses unknown commands', async () => {
    const { io, err } = fakeIo({});
    expect(await runCli(['frobnicate'], io)).toBe(EXIT.usage);
    expect(err).toEqual(["unknown command 'frobnicate'; run 'mesh help' for the list"]);
  });
});
