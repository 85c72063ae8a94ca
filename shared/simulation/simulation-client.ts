import type { SimulationCommand, SimulationRequest, SimulationResponse } from './worker-protocol';

/** The part of a Web Worker the client uses; tests pass an in-process stand-in. */
export interface WorkerPort {
  postMessage(message: SimulationRequest): void;
  terminate(): void;
  onmessage: ((event: { data: SimulationResponse }) => void) | null;
}

/** Timers are injected: the pure core has no `setTimeout` of its own. */
export interface Timers {
  setTimeout(callback: () => void, millis: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The app's side of the simulation worker. A request that outlives its time budget cannot be
 * interrupted inside SQLite, so the worker is terminated, a fresh one started and the last
 * `create` replayed: the simulation is back at tick 0 and the request fails with that reason.
 */
export function createSimulationClient(spawn: () => WorkerPort, timers: Timers) {
  let worker = spawn();
  let nextId = 1;
  let lastCreate: SimulationRequest | undefined;
  const pending = new Map<number, (response: SimulationResponse) => void>();

  const listen = (port: WorkerPort) => {
    port.onmessage = (event) => {
      const settle = pending.get(event.data.id);
      pending.delete(event.data.id);
      settle?.(event.data);
    };
  };
  listen(worker);

  const restart = (reason: string) => {
    worker.onmessage = null;
    worker.terminate();
    for (const [id, settle] of pending)
      settle({ id, type: 'failed', errors: [{ path: 'simulation', message: reason }] });
    pending.clear();
    worker = spawn();
    listen(worker);
    if (lastCreate) worker.postMessage({ ...lastCreate, id: nextId++ });
  };

  return {
    /** Sends a command; with a budget, a late answer restarts the worker and fails the request. */
    send(command: SimulationCommand, budgetMillis?: number): Promise<SimulationResponse> {
      const request = { ...command, id: nextId++ } as SimulationRequest;
      if (request.type === 'create') lastCreate = request;
      if (request.type === 'dispose') lastCreate = undefined;
      return new Promise((resolve) => {
        const timer =
          budgetMillis === undefined
            ? undefined
            : timers.setTimeout(
                () =>
                  restart(
                    `'${request.type}' took longer than its budget of ${budgetMillis} ms; the worker was restarted and the simulation is back at tick 0`,
                  ),
                budgetMillis,
              );
        pending.set(request.id, (response) => {
          if (timer !== undefined) timers.clearTimeout(timer);
          resolve(response);
        });
        worker.postMessage(request);
      });
    },
    /** Ends the worker for good. */
    terminate(): void {
      worker.onmessage = null;
      worker.terminate();
      pending.clear();
    },
  };
}

export type SimulationClient = ReturnType<typeof createSimulationClient>;
