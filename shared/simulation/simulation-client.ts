import type { Problem } from '../model/problem';
import { type Work, workSubject } from './work-budget';
import type { SimulationCommand, SimulationRequest, SimulationResponse, WorkerMessage } from './worker-protocol';

/** The part of a Web Worker the client uses; tests pass an in-process stand-in. */
export interface WorkerPort {
  postMessage(message: SimulationRequest): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
  /** A failure outside any request: its script did not load, or threw while loading. */
  onerror: ((event: { message?: string }) => void) | null;
}

/** Timers are injected: the pure core has no `setTimeout` of its own. */
export interface Timers {
  setTimeout(callback: () => void, millis: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A request the worker did not finish in time; the worker was replaced by a fresh one, with no simulation. */
export interface Restart {
  /** The unit of work that was running (a transformation, a product's reading…), when the worker had said so. */
  work?: Work;
}

export type ClientResponse = SimulationResponse | { id: number; type: 'failed'; errors: Problem[]; restart: Restart };

interface Pending {
  request: SimulationRequest;
  budgetMillis: number | undefined;
  settle(response: ClientResponse): void;
}

/** Requests that run ticks: the worker reports each unit of work in them as it starts. */
const RUNS_TICKS: ReadonlySet<SimulationRequest['type']> = new Set(['create', 'step', 'run-until', 'reset', 'rewind']);

/**
 * The app's side of the simulation worker. SQLite cannot be interrupted inside a statement, so a
 * request the worker does not finish within its budget ends the worker: a fresh one is started
 * (with no simulation: replaying the run could hang the same way) and every waiting request
 * fails, naming the unit of work that was running. A request that runs ticks is timed per unit,
 * from the start the worker reports, as the CLI times its worker: a long run of quick ticks is
 * fine, and building the run (loading SQLite, creating its databases) is not user SQL and, slow on
 * a loaded machine, is not timed. Any other request is timed as a whole.
 */
export function createSimulationClient(spawn: () => WorkerPort, timers: Timers, onProgress?: (work: Work) => void) {
  let worker: WorkerPort | undefined;
  let nextId = 1;
  /** In the order sent: the worker answers in that order, so the first is the one running. */
  const pending: Pending[] = [];
  let running: Work | undefined;
  let watchdog: unknown;

  const arm = () => {
    if (watchdog !== undefined) timers.clearTimeout(watchdog);
    watchdog = undefined;
    const head = pending[0];
    if (head?.budgetMillis === undefined || (RUNS_TICKS.has(head.request.type) && !running)) return;
    watchdog = timers.setTimeout(() => restart(head), head.budgetMillis);
  };

  const start = (): WorkerPort => {
    const port = spawn();
    port.onmessage = ({ data }) => {
      if (data.type === 'progress') {
        running = data.work;
        onProgress?.(data.work);
      } else {
        const index = pending.findIndex((entry) => entry.request.id === data.id);
        const [answered] = index === -1 ? [] : pending.splice(index, 1);
        running = undefined;
        answered?.settle(data);
      }
      arm();
    };
    // A worker that cannot load would never answer: its requests fail now, and the next one starts another.
    port.onerror = (event) => {
      stop();
      failAll('simulation', startFailureMessage(event.message), {});
    };
    return port;
  };

  const stop = () => {
    if (watchdog !== undefined) timers.clearTimeout(watchdog);
    watchdog = undefined;
    running = undefined;
    if (!worker) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    worker = undefined;
  };

  const failAll = (path: string, message: string, restart: Restart) => {
    for (const entry of pending.splice(0)) {
      entry.settle({ id: entry.request.id, type: 'failed', errors: [{ path, message }], restart });
    }
  };

  const restart = (late: Pending) => {
    const work = running;
    stop();
    failAll(work?.path ?? 'simulation', overBudgetMessage(late, work), work ? { work } : {});
    worker = start();
  };
  worker = start();

  return {
    /** Sends a command; with a budget, a worker silent for that long is replaced and the request fails. */
    send(command: SimulationCommand, budgetMillis?: number): Promise<ClientResponse> {
      const request = { ...command, id: nextId++ } as SimulationRequest;
      return new Promise((resolve) => {
        pending.push({ request, budgetMillis, settle: resolve });
        worker ??= start();
        if (pending.length === 1) arm();
        worker.postMessage(request);
      });
    },
    /** Ends the worker for good. */
    terminate(): void {
      stop();
      pending.splice(0);
    },
  };
}

export type SimulationClient = ReturnType<typeof createSimulationClient>;

function startFailureMessage(reason: string | undefined): string {
  return `The simulation engine could not start${reason ? ` (${reason})` : ''}. Your design is not affected; running again starts a new engine.`;
}

function overBudgetMessage(late: Pending, work: Work | undefined): string {
  if (work) {
    const hint = work.kind === 'transformation' || work.kind === 'prepare' ? ' (does its SQL loop?)' : '';
    return `Stopped at tick ${work.tick}: ${workSubject(work)} ran longer than ${late.budgetMillis} ms${hint}. The simulation worker was restarted.`;
  }
  return `Stopped: '${late.request.type}' took longer than ${late.budgetMillis} ms. The simulation worker was restarted.`;
}
