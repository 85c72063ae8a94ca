import { arrangedLayout } from '../../../shared/editing/auto-layout';
import { sizeBeforeDrawing } from '../../../shared/editing/unplaced-nodes';
import type { Mesh, NodeLayout } from '../../../shared/model';
import { computeArrangements } from './compute-layout';

/**
 * The layout auto-layout would give a design not drawn yet, its nodes at the sizes the canvas
 * will draw them: what a design opened without any layout is placed at.
 */
export async function layoutByDataFlow(mesh: Mesh, aspectRatio: number): Promise<Record<string, NodeLayout>> {
  const sizeOf = sizeBeforeDrawing(mesh);
  const arrangements = await computeArrangements(mesh, sizeOf, new AbortController().signal);
  return arrangedLayout(mesh, arrangements, aspectRatio, sizeOf);
}
