/**
 * The simulation engine in a Web Worker: sql.js loads its wasm from the bundle, the shared host
 * answers each message. Terminating the worker frees everything; the client then starts a new one.
 */
import '../no-eval';
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import {
  createSimulationHost,
  INTERACTIVE_BROKER_ROOM_BYTES,
  type SimulationRequest,
  sqlJsWorkspace,
  type WorkerMessage,
} from '../../shared/simulation';

/** The worker's global scope, typed without pulling the WebWorker lib into the whole app. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<SimulationRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
}

const scope = self as unknown as WorkerScope;
// Posted at once, even if the unit then never ends: the app's watchdog names it when it gives up.
const host = createSimulationHost(
  async () => sqlJsWorkspace(await initSqlJs({ locateFile: () => wasmUrl }), INTERACTIVE_BROKER_ROOM_BYTES),
  { onWork: (work) => scope.postMessage({ type: 'progress', work }) },
);

scope.onmessage = async (event) => {
  scope.postMessage(await host.handle(event.data));
};
