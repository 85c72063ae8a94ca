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
 * Lays a large mesh out in the background and throws the result away: ELK's first runs in a
 * worker spend seconds starting up and compiling, which the user's first auto-layout then does
 * not. The whole mesh, not one domain: after one domain the next full layout still took twice
 * as long as the ones after it.
 */
export function prewarmLayout(mesh: Mesh): void {
  if (mesh.domains.length === 0) return;
  layoutWorker()
    .layout(toElkGraph(mesh, () => undefined))
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
