import ELK from 'elkjs/lib/elk-api';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { Size } from '../../../shared/editing/geometry';
import type { Mesh, NodeLayout } from '../../../shared/model';
import { layoutFromElk, toElkGraph } from './elk-graph';

let elk: InstanceType<typeof ELK> | undefined;

/** Runs ELK in a worker, so laying out a large mesh never freezes the canvas. */
export async function computeLayout(
  mesh: Mesh,
  sizeOf: (nodeId: string) => Size | undefined,
): Promise<Record<string, NodeLayout>> {
  elk ??= new ELK({ workerUrl: elkWorkerUrl });
  return layoutFromElk(await elk.layout(toElkGraph(mesh, sizeOf)));
}
