import { createSimulationClient, type SimulationClient, type WorkerPort } from '../../shared/simulation';
import type { Work } from '../../shared/simulation/work-budget';

/** A client of a fresh simulation worker (sql.js in a Web Worker), in the browser and in the desktop app alike. */
export function simulationWorkerClient(onProgress?: (work: Work) => void): SimulationClient {
  return createSimulationClient(
    () => new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerPort,
    {
      setTimeout: (callback, millis) => window.setTimeout(callback, millis),
      clearTimeout: (handle) => window.clearTimeout(handle as number),
    },
    onProgress,
  );
}
