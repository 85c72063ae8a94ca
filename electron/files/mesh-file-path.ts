import { basename } from 'node:path';
import type { FileRef } from '../../shared/ipc';
import { MESH_FILE_EXTENSION } from '../../shared/model/mesh-file-format';

export const UNTITLED_MESH_FILE_NAME = `untitled${MESH_FILE_EXTENSION}`;

/** `orders` and `orders.json` both become `orders.mesh.json`; a mesh file name is left alone. */
export function withMeshExtension(path: string): string {
  if (path.toLowerCase().endsWith(MESH_FILE_EXTENSION)) return path;
  // Save dialogs filter on the last extension only, so they may have added a bare `.json`.
  return `${path.replace(/\.json$/i, '')}${MESH_FILE_EXTENSION}`;
}

export function fileRefFor(path: string): FileRef {
  return { name: basename(path), path };
}
