import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import type { Scenario } from '../../../shared/model/scenario';
import { ecommerceSample, rowsOf, simulate } from './builders';

/** Everything a run publishes: the metrics and every record of every output port, as JSON. */
async function publishedOutputs(mesh: Mesh, scenario: Scenario, ticks: number): Promise<string> {
  const simulation = await simulate(mesh, scenario);
  const metrics = simulation.step(ticks);
  const ports = mesh.products.flatMap((product) =>
    product.outputPorts.map((port) =>
      rowsOf(simulation, product.id, `SELECT * FROM broker."${product.id}/${port.id}" ORDER BY _position`),
    ),
  );
  simulation.dispose();
  return JSON.stringify({ metrics, ports });
}

describe('determinism', () => {
  const mesh = ecommerceSample();
  const workshop = mesh.scenarios[0] as Scenario;

  it('gives byte-identical outputs for two runs of the same scenario and seed', { timeout: 60_000 }, async () => {
    const first = await publishedOutputs(mesh, workshop, 30);
    const second = await publishedOutputs(mesh, workshop, 30);

    expect(first.length).toBeGreaterThan(10_000);
    expect(second).toBe(first);
  });

  it('gives byte-identical CDC records and outputs on MongoDB, and the outputs PostgreSQL gives', {
    timeout: 60_000,
  }, async () => {
    const onMongo: Mesh = {
      ...mesh,
      systems: mesh.systems.map((system) => ({ ...system, database: { ...system.database, engine: 'mongodb' } })),
    };
    const cdcRecords = async () => {
      const simulation = await simulate(onMongo, workshop, { recentMessages: 200 });
      const logs = simulation.step(10).logs;
      simulation.dispose();
      return JSON.stringify(logs['customers-service/customers-cdc']?.recent);
    };

    const first = await cdcRecords();
    expect(await cdcRecords()).toBe(first);
    expect(first).toContain('"updated_at\\": {\\"$date\\": ');
    const ports = (outputs: string) => JSON.stringify((JSON.parse(outputs) as { ports: unknown }).ports);
    expect(ports(await publishedOutputs(onMongo, workshop, 10))).toBe(
      ports(await publishedOutputs(mesh, workshop, 10)),
    );
  });

  it('gives different data for another seed', { timeout: 60_000 }, async () => {
    const first = await publishedOutputs(mesh, workshop, 5);
    const reseeded = await publishedOutputs(mesh, { ...workshop, seed: workshop.seed + 1 }, 5);

    expect(reseeded).not.toBe(first);
  });
});
