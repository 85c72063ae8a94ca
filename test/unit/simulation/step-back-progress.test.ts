import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulation } from '../../../renderer/simulation/simulation-controller';
import { useSimulationStore } from '../../../renderer/simulation/simulation-store';
import type { WorkerPort } from '../../../shared/simulation/simulation-client';
import { createSimulationHost } from '../../../shared/simulation/simulation-host';
import type { Work } from '../../../shared/simulation/work-budget';
import type { SimulationRequest, WorkerMessage } from '../../../shared/simulation/worker-protocol';
import { openDocument } from '../store/store-fixture';
import { ecommerceSample, testWorkspace } from './builders';

/** The simulation worker in this thread: the shared host answers, and reports each unit of work first, as the real one does. */
class InProcessWorker implements WorkerPort {
  onmessage: WorkerPort['onmessage'] = null;
  onerror: WorkerPort['onerror'] = null;
  private readonly host = createSimulationHost(testWorkspace, {
    onWork: (work) => this.deliver({ type: 'progress', work }),
  });

  postMessage(request: SimulationRequest): void {
    void this.host.handle(request).then((response) => this.deliver(response));
  }

  terminate(): void {
    this.onmessage = null;
  }

  private deliver(message: WorkerMessage): void {
    this.onmessage?.({ data: message });
  }
}

const waitUntil = (condition: () => boolean) => vi.waitFor(() => expect(condition()).toBe(true), { timeout: 30_000 });

describe('the run bar while stepping back', () => {
  beforeEach(() => {
    vi.stubGlobal('window', globalThis);
    vi.stubGlobal('Worker', InProcessWorker);
  });
  afterEach(async () => {
    simulation.leave();
    // The worker answers in order: once this is answered, nothing more arrives from it.
    await simulation.engineMetrics();
    vi.unstubAllGlobals();
  });

  it('hears of the replay once per tick it replays (and per batch of rows it loads), not once per unit of work', async () => {
    openDocument(ecommerceSample());
    simulation.enter();
    await waitUntil(() => useSimulationStore.getState().status === 'paused');
    for (let tick = 1; tick <= 6; tick++) await simulation.step();
    const shownWork: (Work | null)[] = [];
    const unsubscribe = useSimulationStore.subscribe((now, before) => {
      if (now.workInProgress !== before.workInProgress) shownWork.push(now.workInProgress);
    });

    await simulation.stepBack();
    unsubscribe();

    expect(useSimulationStore.getState().metrics?.tick).toBe(5);
    const replayedTicks = shownWork.filter((work) => work && !work.rows).map((work) => work?.tick);
    expect([...new Set(replayedTicks)]).toEqual([0, 1, 2, 3, 4, 5]);
    // Tick 0 comes back once after its rows are loaded; no other tick shows twice.
    expect(replayedTicks).toHaveLength(7);
    expect(shownWork.at(-1)).toBeNull();
  });
});
