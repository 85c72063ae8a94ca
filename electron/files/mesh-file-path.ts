import { basename } from 'node:path';
import type { FileRef } from '../../shared/ipc';
import { MESH_FILE_EXTENSION } from '../../shared/model/mesh-file-format';
import { withDoubleExtension } from './save-path';

export const UNTITLED_MESH_FILE_NAME = `untitled${MESH_FILE_EXTENSION}`;

/** `orders` and `orders.json` both become `orders.mesh.json`; a mesh file name is left alone. */
export function withMeshExtension(path: string): string {
  return withDoubleExtension(path, MESH_FILE_EXTENSION, /\.json$/i);
}

export function fileRefFor(path: string): FileRef {
  return { name: basename(path), path };
}
