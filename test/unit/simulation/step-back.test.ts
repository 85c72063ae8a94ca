import { describe, expect, it } from 'vitest';
import type { Fault, Scenario } from '../../../shared/model/scenario';
import { createSimulationHost, type SimulationHost } from '../../../shared/simulation/simulation-host';
import type { SimulationCommand, SimulationResponse } from '../../../shared/simulation/worker-protocol';
import { ecommerceSample, testWorkspace } from './builders';

const mesh = ecommerceSample();
const workshop = mesh.scenarios[0] as Scenario;
const nodeIds = [...mesh.systems, ...mesh.products].map((node) => node.id);

/** A host with its own numbering of requests, as the app's client would send them. */
function aHost() {
  const host: SimulationHost = createSimulationHost(testWorkspace);
  let id = 0;
  return (command: SimulationCommand): Promise<SimulationResponse> =>
    host.handle({ ...command, id: ++id } as Parameters<SimulationHost['handle']>[0]);
}

type Send = ReturnType<typeof aHost>;

async function rowsOf(send: Send, nodeId: string, sql: string): Promise<unknown[][]> {
  const response = await send({ type: 'query', nodeId, sql });
  if (response.type !== 'query-result') throw new Error(`${nodeId}: ${sql}: ${JSON.stringify(response)}`);
  return response.result.rows;
}

/** Every table of every node and of the broker, row by row, and the run's metrics, each as text. */
async function digest(send: Send): Promise<Record<string, string>> {
  const parts: Record<string, string> = {};
  for (const nodeId of nodeIds) {
    for (const schema of ['main', 'broker']) {
      const names = await rowsOf(
        send,
        nodeId,
        `SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' ORDER BY name`,
      );
      for (const [name] of names) {
        const table = `${schema}."${String(name)}"`;
        parts[`${nodeId} ${table}`] = JSON.stringify(await rowsOf(send, nodeId, `SELECT * FROM ${table}`));
      }
    }
  }
  const { id: _id, ...metrics } = await send({ type: 'metrics' });
  parts.metrics = JSON.stringify(metrics);
  return parts;
}

/** The parts of two digests that differ, by name: none when the runs are byte-identical. */
function differences(actual: Record<string, string>, expected: Record<string, string>): string[] {
  const names = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  return [...names].filter((name) => actual[name] !== expected[name]);
}

const redelivery: Fault = {
  kind: 'redeliver',
  tick: 9,
  systemId: 'orders-service',
  topicId: 'orders-cdc',
  records: 3,
};

describe('stepping back a tick', () => {
  it('leaves the run exactly as a fresh run stepped to the tick before, faults injected included', {
    timeout: 60_000,
  }, async () => {
    const options = { maxQueryRows: 1_000_000 };
    const stepped = aHost();
    await stepped({ type: 'create', mesh, scenario: workshop, options });
    await stepped({ type: 'step', ticks: 5 });
    await stepped({ type: 'inject', fault: redelivery });
    await stepped({ type: 'step', ticks: 7 });
    const back = await stepped({ type: 'rewind', tick: 11 });

    const fresh = aHost();
    await fresh({ type: 'create', mesh, scenario: workshop, options });
    await fresh({ type: 'inject', fault: redelivery });
    await fresh({ type: 'step', ticks: 11 });

    expect(back).toMatchObject({ type: 'stepped', metrics: { tick: 11 } });
    expect(back.type === 'stepped' && back.ticks.map((tick) => tick.tick)).toEqual([...Array(12).keys()]);
    const expected = await digest(fresh);
    expect(Object.values(expected).join('').length).toBeGreaterThan(50_000);
    expect(differences(await digest(stepped), expected)).toEqual([]);
  });

  it('keeps a fault injected after the tick it goes back to: it fires again going forward', {
    timeout: 60_000,
  }, async () => {
    const stepped = aHost();
    await stepped({ type: 'create', mesh, scenario: workshop });
    await stepped({ type: 'step', ticks: 8 });
    await stepped({ type: 'inject', fault: redelivery, atNextTick: true });
    await stepped({ type: 'step', ticks: 2 });
    await stepped({ type: 'rewind', tick: 8 });
    await stepped({ type: 'step', ticks: 2 });

    const fresh = aHost();
    await fresh({ type: 'create', mesh, scenario: workshop });
    await fresh({ type: 'inject', fault: redelivery });
    await fresh({ type: 'step', ticks: 10 });

    expect(differences(await digest(stepped), await digest(fresh))).toEqual([]);
  });
});
