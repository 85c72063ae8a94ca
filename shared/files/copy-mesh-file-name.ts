import { MESH_FILE_EXTENSION } from '../model/mesh-file-format';
import { savedMeshFileName } from './saved-file-name';

/** A copy's stem as the Finder names duplicates: the original's, then ` copy`, then a number from 2. */
const COPY_STEM = /^(.+) (copy)(?: (\d+))?$/i;

/**
 * The name a copy of the design file `fileName` is offered under, never the file's own, so that one
 * Enter in the save dialog cannot write over the original: `orders.mesh.json` → `orders copy.mesh.json`,
 * `orders copy.mesh.json` → `orders copy 2.mesh.json`, `orders copy 2.mesh.json` → `orders copy 3.mesh.json`.
 */
export function copyMeshFileName(fileName: string): string {
  const meshFileName = savedMeshFileName(fileName);
  const stemLength = meshFileName.length - MESH_FILE_EXTENSION.length;
  const stem = meshFileName.slice(0, stemLength);
  const extension = meshFileName.slice(stemLength);
  const copy = COPY_STEM.exec(stem);
  const copyStem = copy ? `${copy[1]} ${copy[2]} ${Number(copy[3] ?? 1) + 1}` : `${stem} copy`;
  return `${copyStem}${extension}`;
}
