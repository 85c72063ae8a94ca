import type { Problem } from '../model/problem';
import type { StepStart } from './data-product-runtime';
import type { SimulationCommand, SimulationRequest, SimulationResponse, WorkerMessage } from './worker-protocol';

/** The part of a Web Worker the client uses; tests pass an in-process stand-in. */
export interface WorkerPort {
  postMessage(message: SimulationRequest): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
}

/** Timers are injected: the pure core has no `setTimeout` of its own. */
export interface Timers {
  setTimeout(callback: () => void, millis: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A request the worker did not finish in time; the worker was replaced by a fresh one, with no simulation. */
export interface Restart {
  /** The transformation that was running, when the worker had said so. */
  step?: StepStart;
}

export type ClientResponse = SimulationResponse | { id: number; type: 'failed'; errors: Problem[]; restart: Restart };

interface Pending {
  request: SimulationRequest;
  budgetMillis: number | undefined;
  settle(response: ClientResponse): void;
}

/**
 * The app's side of the simulation worker. SQLite cannot be interrupted inside a statement, so a
 * request the worker does not finish within its budget ends the worker: a fresh one is started
 * (with no simulation: replaying the run could hang the same way) and every waiting request
 * fails, naming the transformation that was running. The budget counts from the last sign of
 * life: the worker reports each transformation it starts, so a long run of quick ticks is fine.
 */
export function createSimulationClient(spawn: () => WorkerPort, timers: Timers) {
  let worker = spawn();
  let nextId = 1;
  /** In the order sent: the worker answers in that order, so the first is the one running. */
  const pending: Pending[] = [];
  let running: StepStart | undefined;
  let watchdog: unknown;

  const arm = () => {
    if (watchdog !== undefined) timers.clearTimeout(watchdog);
    watchdog = undefined;
    const head = pending[0];
    if (head?.budgetMillis !== undefined) watchdog = timers.setTimeout(() => restart(head), head.budgetMillis);
  };

  const listen = (port: WorkerPort) => {
    port.onmessage = ({ data }) => {
      if (data.type === 'progress') running = data.step;
      else {
        const index = pending.findIndex((entry) => entry.request.id === data.id);
        const [answered] = index === -1 ? [] : pending.splice(index, 1);
        running = undefined;
        answered?.settle(data);
      }
      arm();
    };
  };
  listen(worker);

  const restart = (late: Pending) => {
    watchdog = undefined;
    worker.onmessage = null;
    worker.terminate();
    const step = running;
    running = undefined;
    const message = overBudgetMessage(late, step);
    const path = step?.path ?? 'simulation';
    for (const entry of pending.splice(0)) {
      entry.settle({
        id: entry.request.id,
        type: 'failed',
        errors: [{ path, message }],
        restart: step ? { step } : {},
      });
    }
    worker = spawn();
    listen(worker);
  };

  return {
    /** Sends a command; with a budget, a worker silent for that long is replaced and the request fails. */
    send(command: SimulationCommand, budgetMillis?: number): Promise<ClientResponse> {
      const request = { ...command, id: nextId++ } as SimulationRequest;
      return new Promise((resolve) => {
        pending.push({ request, budgetMillis, settle: resolve });
        if (pending.length === 1) arm();
        worker.postMessage(request);
      });
    },
    /** Ends the worker for good. */
    terminate(): void {
      if (watchdog !== undefined) timers.clearTimeout(watchdog);
      worker.onmessage = null;
      worker.terminate();
      pending.splice(0);
    },
  };
}

export type SimulationClient = ReturnType<typeof createSimulationClient>;

function overBudgetMessage(late: Pending, step: StepStart | undefined): string {
  if (step) {
    return `Stopped at tick ${step.tick}: transformation '${step.step}' of product '${step.nodeId}' ran longer than ${late.budgetMillis} ms (does its SQL loop?). The simulation worker was restarted.`;
  }
  return `Stopped: '${late.request.type}' took longer than ${late.budgetMillis} ms. The simulation worker was restarted.`;
}
