import ELK from 'elkjs/lib/elk-api';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { DomainArrangement } from '../../../shared/editing/auto-layout';
import type { Size } from '../../../shared/editing/geometry';
import type { Mesh } from '../../../shared/model';
import { arrangementsFromElk, toElkGraph } from './elk-graph';

let elk: InstanceType<typeof ELK> | undefined;

function layoutWorker(): InstanceType<typeof ELK> {
  elk ??= new ELK({ workerUrl: elkWorkerUrl });
  return elk;
}

/**
 * Lays out one domain of a large mesh in the background and throws the result away: ELK's first
 * run in a worker spends seconds starting up, which the user's first auto-layout then does not.
 */
export function prewarmLayout(mesh: Mesh): void {
  const [first] = mesh.domains;
  if (!first) return;
  layoutWorker()
    .layout(toElkGraph({ ...mesh, domains: [first] }, () => undefined))
    .catch(() => {
      // A cancelled layout may stop the worker meanwhile; warming up is only ever a bonus.
    });
}

/** Auto-layout was cancelled: the worker was stopped and nothing changed. */
export class LayoutCancelled extends Error {
  constructor() {
    super('Auto-layout was cancelled.');
  }
}

/**
 * Runs ELK in a Web Worker, so laying out a large mesh never freezes the canvas; aborting stops
 * the worker at once (a fresh one starts next time).
 */
export async function computeArrangements(
  mesh: Mesh,
  sizeOf: (nodeId: string) => Size | undefined,
  signal: AbortSignal,
): Promise<DomainArrangement[]> {
  if (signal.aborted) throw new LayoutCancelled();
  const worker = layoutWorker();
  let stop = () => {};
  const cancelled = new Promise<never>((_, reject) => {
    stop = () => {
      worker.terminateWorker();
      if (elk === worker) elk = undefined;
      reject(new LayoutCancelled());
    };
  });
  signal.addEventListener('abort', stop, { once: true });
  try {
    return arrangementsFromElk(await Promise.race([worker.layout(toElkGraph(mesh, sizeOf)), cancelled]));
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
