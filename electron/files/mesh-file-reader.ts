import type { IpcResult, OpenedFile } from '../../shared/ipc';
import { decodeMeshFileBytes, formatMegabytes, MAX_MESH_FILE_BYTES } from '../../shared/model/mesh-file-format';
import { refuse, succeed } from '../ipc/ipc-result';
import type { FileSystem } from './file-system';
import { fileRefFor } from './mesh-file-path';

/**
 * Reads a design (or a contract) as text by the file format's rules: the size limit in bytes,
 * checked before loading it into memory; UTF-8 with or without a byte order mark; anything
 * else refused with what it is.
 */
export async function readMeshFile(fs: FileSystem, path: string): Promise<IpcResult<OpenedFile>> {
  const { sizeInBytes } = await fs.status(path);
  if (sizeInBytes > MAX_MESH_FILE_BYTES) {
    return refuse(
      `Refusing to open ${path}: it is ${formatMegabytes(sizeInBytes)}, and mesh files are at most ${formatMegabytes(MAX_MESH_FILE_BYTES)}.`,
    );
  }
  const text = decodeMeshFileBytes(await fs.readBytes(path));
  if (!text.ok) return refuse(`Could not open ${path}: ${text.errors.map((problem) => problem.message).join('; ')}.`);
  return succeed({ file: fileRefFor(path), text: text.value });
}
