import { basename } from 'node:path';
import { savedMeshFileName } from '../../shared/files/saved-file-name';
import type { FileRef } from '../../shared/ipc';
import { withFileNameOf } from './save-path';

/** `orders`, `orders.json` and `orders.mesh` all become `orders.mesh.json`; a mesh file name is left alone. */
export function withMeshExtension(path: string): string {
  return withFileNameOf(path, savedMeshFileName);
}

export function fileRefFor(path: string): FileRef {
  return { name: basename(path), path };
}
