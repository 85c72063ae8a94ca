/**
 * The simulation of `mesh simulate --budget-ms`, in a worker thread its parent can terminate:
 * it posts each unit of work as it starts, the metrics after each tick, then the outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import initSqlJs from 'sql.js';
import { sqlJsWorkspace } from '../../shared/simulation';
import { type HeadlessRequest, runHeadless, type WorkerMessage } from './simulate';

const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const outcome = runHeadless(
  workerData as HeadlessRequest,
  sqlJsWorkspace(await initSqlJs()),
  { onWork: (work) => post({ type: 'work', work }) },
  (metrics) => post({ type: 'tick', metrics }),
);
post({ type: 'done', outcome });
