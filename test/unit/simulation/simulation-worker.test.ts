import { describe, expect, it } from 'vitest';
import { createSimulationClient, type WorkerPort } from '../../../shared/simulation/simulation-client';
import { createSimulationHost } from '../../../shared/simulation/simulation-host';
import { sqlJsWorkspace } from '../../../shared/simulation/sql-js-workspace';
import type { SimulationRequest, SimulationResponse } from '../../../shared/simulation/worker-protocol';
import { aScenario, aShopMesh, loadSqlJs, PREDICTABLE_ITEMS } from './builders';

const mesh = aShopMesh().build();
const scenario = aScenario().withData('shop', 'items', 2, PREDICTABLE_ITEMS).build();
const newHost = () => createSimulationHost(async () => sqlJsWorkspace(await loadSqlJs()));

/** A worker stand-in that runs the host in this process, answering asynchronously like a real worker. */
function inProcessWorker(log: string[]): WorkerPort {
  const host = newHost();
  const port: WorkerPort = {
    onmessage: null,
    postMessage(message: SimulationRequest) {
      log.push(message.type);
      void host.handle(message).then((data) => port.onmessage?.({ data }));
    },
    terminate() {
      log.push('terminated');
    },
  };
  return port;
}

/** A worker stuck in a long statement: it never answers a step. */
function stuckOnStep(log: string[]): WorkerPort {
  const worker = inProcessWorker(log);
  const forward = worker.postMessage.bind(worker);
  worker.postMessage = (message) => (message.type === 'step' ? log.push('stuck') : forward(message));
  return worker;
}

const realTimers = {
  setTimeout: (callback: () => void, millis: number) => setTimeout(callback, millis),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

describe('the simulation worker host', () => {
  it('creates a simulation, steps it and answers queries', async () => {
    const host = newHost();
    const created = await host.handle({ id: 1, type: 'create', mesh, scenario });
    const stepped = await host.handle({ id: 2, type: 'step', ticks: 2 });
    const queried = await host.handle({ id: 3, type: 'query', nodeId: 'catalog', sql: 'SELECT count(*) FROM items' });

    expect(created).toMatchObject({ id: 1, type: 'metrics', metrics: { tick: 0 } });
    expect(stepped).toMatchObject({ id: 2, type: 'metrics', metrics: { tick: 2 } });
    expect(queried).toEqual({
      id: 3,
      type: 'query-result',
      result: { columns: ['count(*)'], rows: [[2]], isTruncated: false },
    });
  });

  it('answers with located problems instead of throwing', async () => {
    const host = newHost();
    const early = await host.handle({ id: 1, type: 'step', ticks: 1 });
    const refused = await host.handle({
      id: 2,
      type: 'create',
      mesh,
      scenario: aScenario().withData('warehouse', 'items', 1).build(),
    });

    expect(early).toEqual({
      id: 1,
      type: 'failed',
      errors: [{ path: 'simulation', message: 'no simulation: send create first' }],
    });
    expect(refused).toEqual({
      id: 2,
      type: 'failed',
      errors: [{ path: 'scenario.data[0].systemId', message: "no system 'warehouse'" }],
    });
  });
});

describe('the simulation client', () => {
  it('pairs each response with its request', async () => {
    const client = createSimulationClient(() => inProcessWorker([]), realTimers);
    const [created, stepped] = await Promise.all([
      client.send({ type: 'create', mesh, scenario }),
      client.send({ type: 'step', ticks: 3 }),
    ]);

    expect(created).toMatchObject({ type: 'metrics', metrics: { tick: 0 } });
    expect(stepped).toMatchObject({ type: 'metrics', metrics: { tick: 3 } });
    client.terminate();
  });

  it('restarts a worker that exceeds the time budget and brings the simulation back at tick 0', async () => {
    const log: string[] = [];
    let spawned = 0;
    const client = createSimulationClient(
      () => (++spawned === 1 ? stuckOnStep(log) : inProcessWorker(log)),
      realTimers,
    );
    await client.send({ type: 'create', mesh, scenario });

    const timedOut: SimulationResponse = await client.send({ type: 'step', ticks: 1 }, 20);
    const afterRestart = await client.send({ type: 'metrics' });

    expect(timedOut).toMatchObject({
      type: 'failed',
      errors: [
        {
          path: 'simulation',
          message:
            "'step' took longer than its budget of 20 ms; the worker was restarted and the simulation is back at tick 0",
        },
      ],
    });
    expect(log).toEqual(['create', 'stuck', 'terminated', 'create', 'metrics']);
    expect(afterRestart).toMatchObject({ type: 'metrics', metrics: { tick: 0 } });
    client.terminate();
  });
});
