import type { IpcResult, OpenedFile } from '../../shared/ipc';
import { MAX_MESH_FILE_BYTES } from '../../shared/model/mesh-file-format';
import { refuse, succeed } from '../ipc/ipc-result';
import type { FileSystem } from './file-system';
import { fileRefFor } from './mesh-file-path';

const BYTES_PER_MEGABYTE = 1024 * 1024;

/** Reads a mesh file as text, refusing one too large to be a design before loading it into memory. */
export async function readMeshFile(fs: FileSystem, path: string): Promise<IpcResult<OpenedFile>> {
  const size = await fs.sizeInBytes(path);
  if (size > MAX_MESH_FILE_BYTES) {
    const megabytes = (bytes: number) => Math.ceil(bytes / BYTES_PER_MEGABYTE);
    return refuse(
      `Refusing to open ${path}: it is ${megabytes(size)} MB, and mesh files are at most ${megabytes(MAX_MESH_FILE_BYTES)} MB.`,
    );
  }
  return succeed({ file: fileRefFor(path), text: await fs.readText(path) });
}
