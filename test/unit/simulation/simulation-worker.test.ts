import { describe, expect, it } from 'vitest';
import { emptyHistory, metricsCsv, withTicks } from '../../../shared/simulation/metrics-history';
import { createSimulationClient, type WorkerPort } from '../../../shared/simulation/simulation-client';
import { createSimulationHost } from '../../../shared/simulation/simulation-host';
import type { Work } from '../../../shared/simulation/work-budget';
import type { SimulationRequest } from '../../../shared/simulation/worker-protocol';
import { aScenario, aShopMesh, aShopReportMesh, PREDICTABLE_ITEMS, testWorkspace } from './builders';

const mesh = aShopMesh().build();
const scenario = aScenario().withData('shop', 'items', 2, PREDICTABLE_ITEMS).build();
const newHost = () => createSimulationHost(testWorkspace);

/** A worker stand-in that runs the host in this process, answering asynchronously like a real worker. */
function inProcessWorker(log: string[]): WorkerPort {
  const host = newHost();
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
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

/** A worker stuck in a long statement: it never answers a request of that type. */
function stuckOn(type: SimulationRequest['type'], log: string[], running?: Work): WorkerPort {
  const worker = inProcessWorker(log);
  const forward = worker.postMessage.bind(worker);
  worker.postMessage = (message) => {
    if (message.type !== type) return forward(message);
    log.push('stuck');
    if (running) worker.onmessage?.({ data: { type: 'progress', work: running } });
  };
  return worker;
}

const stuckOnStep = (log: string[], running: Work) => stuckOn('step', log, running);

const transformationAt = (tick: number): Work => ({
  tick,
  nodeId: 'catalog',
  path: 'products[0].transformations[0]',
  kind: 'transformation',
  step: 'prices',
});

/** Timers that move only when told, so a budget test does not depend on the machine's speed. */
function manualTimers() {
  let now = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextHandle = 1;
  return {
    setTimeout(callback: () => void, millis: number) {
      timers.set(nextHandle, { at: now + millis, callback });
      return nextHandle++;
    },
    clearTimeout(handle: unknown) {
      timers.delete(handle as number);
    },
    advance(millis: number) {
      now += millis;
      for (const [handle, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(handle);
          timer.callback();
        }
      }
    },
  };
}

const realTimers = {
  setTimeout: (callback: () => void, millis: number) => setTimeout(callback, millis),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

describe('the simulation worker host', () => {
  it('creates a simulation, steps it and answers queries with the tick and time they read', async () => {
    const host = newHost();
    const created = await host.handle({ id: 1, type: 'create', mesh, scenario });
    const stepped = await host.handle({ id: 2, type: 'step', ticks: 2 });
    const queried = await host.handle({ id: 3, type: 'query', nodeId: 'catalog', sql: 'SELECT count(*) FROM items' });

    expect(created).toMatchObject({ id: 1, type: 'metrics', metrics: { tick: 0 } });
    expect(stepped).toMatchObject({ id: 2, type: 'stepped', metrics: { tick: 2 } });
    expect(queried).toEqual({
      id: 3,
      type: 'query-result',
      result: { columns: ['count(*)'], rows: [[2]], isTruncated: false },
      tick: 2,
      time: '2026-01-05T09:02:00.000Z',
    });
  });

  it('answers a step of several ticks with the counters of each, so the history of the run gets a point per tick', async () => {
    const host = newHost();
    const created = await host.handle({ id: 1, type: 'create', mesh, scenario });
    const stepped = await host.handle({ id: 2, type: 'step', ticks: 3 });
    if (created.type !== 'metrics' || stepped.type !== 'stepped') throw new Error(`unexpected ${stepped.type}`);

    const history = withTicks(withTicks(emptyHistory(), [created.metrics]), stepped.ticks);

    expect(stepped.ticks.map((tick) => tick.tick)).toEqual([1, 2, 3]);
    expect(stepped.ticks.at(-1)).toMatchObject({ links: stepped.metrics.links, ports: stepped.metrics.ports });
    expect(history.ticks).toEqual([0, 1, 2, 3]);
    expect(metricsCsv(history).trim().split('\n')).toHaveLength(1 + 4);
  });

  it('fires a fault sent for an older tick at the engine’s next tick, and answers with the fault as it will fire', async () => {
    const host = newHost();
    await host.handle({ id: 1, type: 'create', mesh, scenario });
    await host.handle({ id: 2, type: 'step', ticks: 2 });
    const fault = { kind: 'redeliver', tick: 1, systemId: 'shop', topicId: 'items-cdc', records: 1 } as const;

    const injected = await host.handle({ id: 3, type: 'inject', fault, atNextTick: true });

    expect(injected).toEqual({ id: 3, type: 'injected', fault: { ...fault, tick: 3 } });
  });

  it('answers what SQLite refuses of a mesh’s steps without a run, leaving the run it holds as it was', async () => {
    const host = newHost();
    await host.handle({ id: 1, type: 'create', mesh, scenario });
    const lowered = "SELECT id, name FROM items WHERE name ILIKE 'a%'";
    const report = aShopReportMesh('item_names', lowered, (contract) => contract.withKey('id', 'integer'));

    expect(await host.handle({ id: 2, type: 'step-refusals', mesh: report })).toEqual({
      id: 2,
      type: 'step-refusals',
      refusals: [
        {
          path: 'products[1].transformations[0]',
          step: 'item_names',
          message: 'near "ILIKE": syntax error',
          hint: expect.stringMatching(/^SQLite has no ILIKE: /),
        },
      ],
    });
    expect(await host.handle({ id: 3, type: 'step', ticks: 1 })).toMatchObject({ id: 3, type: 'stepped' });
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
    expect(stepped).toMatchObject({ type: 'stepped', metrics: { tick: 3 } });
    client.terminate();
  });

  it('replaces a worker that outlives its budget, names the transformation it was running, and does not replay', async () => {
    const log: string[] = [];
    let spawned = 0;
    const client = createSimulationClient(
      () => (++spawned === 1 ? stuckOnStep(log, transformationAt(4)) : inProcessWorker(log)),
      realTimers,
    );
    await client.send({ type: 'create', mesh, scenario });

    const timedOut = await client.send({ type: 'step', ticks: 1 }, 20);
    const afterRestart = await client.send({ type: 'metrics' });

    expect(timedOut).toEqual({
      id: 2,
      type: 'failed',
      errors: [
        {
          path: 'products[0].transformations[0]',
          message:
            "Stopped at tick 4: transformation 'prices' of product 'catalog' ran longer than 20 ms (does its SQL loop?). The simulation worker was restarted.",
        },
      ],
      restart: { work: transformationAt(4) },
    });
    expect(log).toEqual(['create', 'stuck', 'terminated', 'metrics']);
    expect(afterRestart).toMatchObject({ type: 'failed', errors: [{ message: 'no simulation: send create first' }] });
    client.terminate();
  });

  it('handles a runaway at tick 0 the same way: create fails and is not sent again', async () => {
    const log: string[] = [];
    let spawned = 0;
    const client = createSimulationClient(
      () => (++spawned === 1 ? stuckOn('create', log, transformationAt(0)) : inProcessWorker(log)),
      realTimers,
    );

    const created = await client.send({ type: 'create', mesh, scenario }, 20);

    expect(created).toMatchObject({
      type: 'failed',
      errors: [
        {
          path: 'products[0].transformations[0]',
          message:
            "Stopped at tick 0: transformation 'prices' of product 'catalog' ran longer than 20 ms (does its SQL loop?). The simulation worker was restarted.",
        },
      ],
      restart: { work: transformationAt(0) },
    });
    expect(log).toEqual(['stuck', 'terminated']);
    expect(await client.send({ type: 'create', mesh, scenario })).toMatchObject({
      type: 'metrics',
      metrics: { tick: 0 },
    });
    client.terminate();
  });

  it('times each unit of work from its start, so a long run of quick ticks is not stopped', async () => {
    const log: string[] = [];
    const timers = manualTimers();
    const worker = stuckOn('step', log);
    const client = createSimulationClient(() => worker, timers);
    await client.send({ type: 'create', mesh, scenario }, 100);
    const stepped = client.send({ type: 'step', ticks: 50 }, 100);

    for (let tick = 1; tick <= 3; tick++) {
      worker.onmessage?.({ data: { type: 'progress', work: transformationAt(tick) } });
      timers.advance(90);
    }
    expect(log).not.toContain('terminated');
    timers.advance(10);

    expect(await stepped).toMatchObject({ type: 'failed', restart: { work: transformationAt(3) } });
    expect(log).toContain('terminated');
    client.terminate();
  });

  it('keeps a worker whose long load of initial rows reports each batch, and stops the one batch that outlives the budget, naming its rows', async () => {
    const log: string[] = [];
    const timers = manualTimers();
    const worker = stuckOn('create', log);
    const client = createSimulationClient(() => worker, timers);
    const created = client.send({ type: 'create', mesh, scenario }, 100);
    const batch = (first: number): Work => ({
      tick: 0,
      nodeId: 'shop',
      path: 'systems[0]',
      kind: 'snapshot',
      rows: { table: 'items', first, count: 2000, total: 60_000 },
    });

    for (let first = 0; first < 20_000; first += 2000) {
      worker.onmessage?.({ data: { type: 'progress', work: batch(first) } });
      timers.advance(90);
    }
    expect(log).not.toContain('terminated');
    timers.advance(10);

    expect(await created).toMatchObject({
      type: 'failed',
      errors: [
        {
          path: 'systems[0]',
          message:
            "Stopped at tick 0: the snapshot of rows 18,001–20,000 of 60,000 in table 'items' of system 'shop' ran longer than 100 ms. The simulation worker was restarted.",
        },
      ],
    });
    expect(log).toContain('terminated');
    client.terminate();
  });

  it('does not time building a run, slow on a loaded machine, before its first unit of work', async () => {
    const log: string[] = [];
    const timers = manualTimers();
    const worker = stuckOn('create', log);
    const client = createSimulationClient(() => worker, timers);
    let answer: unknown;
    void client.send({ type: 'create', mesh, scenario }, 100).then((response) => {
      answer = response;
    });

    timers.advance(10_000);

    expect(answer).toBeUndefined();
    expect(log).toEqual(['stuck']);
    client.terminate();
  });

  it('fails the requests of a worker whose script did not load, and starts another for the next request', async () => {
    const log: string[] = [];
    const spawned: WorkerPort[] = [];
    const unloadable = (): WorkerPort => {
      const port: WorkerPort = {
        onmessage: null,
        onerror: null,
        postMessage: () => queueMicrotask(() => port.onerror?.({ message: 'simulation.worker.js: 404' })),
        terminate: () => log.push('terminated'),
      };
      return port;
    };
    const client = createSimulationClient(() => {
      const port = spawned.length === 0 ? unloadable() : inProcessWorker(log);
      spawned.push(port);
      return port;
    }, realTimers);

    const failed = await client.send({ type: 'create', mesh, scenario }, 60_000);
    const retried = await client.send({ type: 'create', mesh, scenario }, 60_000);

    expect(failed).toMatchObject({
      type: 'failed',
      errors: [{ path: 'simulation', message: expect.stringContaining('could not start (simulation.worker.js: 404)') }],
    });
    expect(retried.type).toBe('metrics');
    expect(spawned).toHaveLength(2);
    expect(log).toEqual(['terminated', 'create']);
    client.terminate();
  });

  it('times a query as a whole: it reports no units of work', async () => {
    const log: string[] = [];
    const timers = manualTimers();
    const worker = stuckOn('query', log);
    const client = createSimulationClient(() => worker, timers);
    await client.send({ type: 'create', mesh, scenario });
    const queried = client.send({ type: 'query', nodeId: 'catalog', sql: 'SELECT 1' }, 100);

    timers.advance(100);

    expect(await queried).toMatchObject({
      type: 'failed',
      errors: [{ message: "Stopped: 'query' took longer than 100 ms. The simulation worker was restarted." }],
      restart: {},
    });
    client.terminate();
  });
});
