import { arrangedLayout } from '../../../shared/editing/auto-layout';
import { cardRoom } from '../../../shared/editing/card-size';
import type { Mesh, NodeLayout } from '../../../shared/model';
import { computeArrangements } from './compute-layout';

/**
 * The layout auto-layout would give a design not drawn yet, its cards given the room the canvas
 * will draw them in: what a design opened without any layout is placed at.
 */
export async function layoutByDataFlow(mesh: Mesh, aspectRatio: number): Promise<Record<string, NodeLayout>> {
  const sizeOf = cardRoom(mesh);
  const arrangements = await computeArrangements(mesh, sizeOf, new AbortController().signal);
  return arrangedLayout(mesh, arrangements, aspectRatio, sizeOf);
}
