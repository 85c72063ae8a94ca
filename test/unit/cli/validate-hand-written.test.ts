import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/cli-io';
import { runCli } from '../../../cli/run-cli';
import { serializeMesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';
import { fakeIo } from './fake-io';

describe('mesh-designer validate of a hand-written design', () => {
  it('accepts a design that leaves out fields whose empty value means nothing', async () => {
    const file = JSON.parse(
      serializeMesh(aMesh().withDomain('d').withProduct('p', 'd').withSystem('crm', 'd').build()),
    );
    delete file.products[0].documentation;
    delete file.products[0].pipeline;
    delete file.systems[0].service;
    delete file.systems[0].publishes;
    const { io, err } = fakeIo({ 'hand.mesh.json': JSON.stringify(file) });
    await runCli(['validate', 'hand.mesh.json'], io);
    expect(err.filter((line) => line.includes('missing required field'))).toEqual([]);
  });

  it('still refuses one without a product’s name', async () => {
    const file = JSON.parse(serializeMesh(aMesh().withDomain('d').withProduct('p', 'd').build()));
    delete file.products[0].name;
    const { io, err } = fakeIo({ 'hand.mesh.json': JSON.stringify(file) });
    expect(await runCli(['validate', 'hand.mesh.json'], io)).not.toBe(EXIT.ok);
    expect(err).toContainEqual(expect.stringContaining("products[0].name: missing required field 'name'"));
  });

  it('names every missing field of a minimal design in one run, each at its line', async () => {
    const file = {
      schemaVersion: 2,
      id: 'shop',
      name: 'Shop',
      domains: [{ name: 'Sales' }],
      products: [{ id: 'orders', name: 'Orders', outputPorts: [{ id: 'out' }] }],
      systems: [],
    };
    const { io, err } = fakeIo({ 'hand.mesh.json': JSON.stringify(file, null, 2) });
    expect(await runCli(['validate', 'hand.mesh.json'], io)).not.toBe(EXIT.ok);
    expect(err.filter((line) => line.includes('missing required field'))).toEqual([
      "hand.mesh.json:7:7: domains[0].id: missing required field 'id'",
      "hand.mesh.json:12:7: products[0].domainId: missing required field 'domainId'",
      "hand.mesh.json:16:11: products[0].outputPorts[0].name: missing required field 'name'",
    ]);
  });

  it('accepts a minimal design: domains and products by id and name, ports by id and name', async () => {
    const file = {
      schemaVersion: 2,
      id: 'shop',
      name: 'Shop',
      domains: [{ id: 'sales', name: 'Sales' }],
      products: [{ id: 'orders', name: 'Orders', domainId: 'sales', inputPorts: [{ id: 'in', name: 'in' }] }],
      systems: [],
    };
    const { io, err } = fakeIo({ 'hand.mesh.json': JSON.stringify(file) });
    expect(await runCli(['validate', 'hand.mesh.json'], io)).toBe(EXIT.ok);
    expect(err).toEqual([]);
  });
});
