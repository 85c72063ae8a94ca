import type { IpcResult, OpenedFile } from '../../shared/ipc';
import {
  decodeTextFileBytes,
  formatMebibytes,
  MAX_MESH_FILE_BYTES,
  MESH_FILES,
  type TextFileKind,
} from '../../shared/model/mesh-file-format';
import { utf8ByteLength } from '../../shared/model/text-encoding';
import { type Refusal, refuse, succeed } from '../ipc/ipc-result';
import type { FileSystem } from './file-system';
import { fileRefFor } from './mesh-file-path';

/**
 * Reads a design (or a contract) as text by the file format's rules: a regular file (a pipe or
 * a device could block or never end) within the size limit in bytes, both checked before loading
 * it into memory; UTF-8 with or without a byte order mark; anything
 * else refused with what it is.
 */
export async function readMeshFile(
  fs: FileSystem,
  path: string,
  kind: TextFileKind = MESH_FILES,
): Promise<IpcResult<OpenedFile>> {
  const { sizeInBytes, kind: entryKind } = await fs.status(path);
  if (entryKind !== 'file') return refuse(`Could not open ${path}: it is a ${entryKind}, not a file.`);
  if (sizeInBytes > MAX_MESH_FILE_BYTES) {
    return refuse(
      `Refusing to open ${path}: it is ${formatMebibytes(sizeInBytes)}, and ${kind.files} are at most ${formatMebibytes(MAX_MESH_FILE_BYTES)}.`,
    );
  }
  const text = decodeTextFileBytes(await fs.readBytes(path), kind);
  if (!text.ok) return refuse(`Could not open ${path}: ${text.errors.map((problem) => problem.message).join('; ')}.`);
  return succeed({ file: fileRefFor(path), text: text.value });
}

/**
 * A refusal to save `text` when it is over the byte limit the reader holds files to (counted in
 * UTF-8 bytes, as the reader counts): saved, it could not be opened again. Null when it fits.
 */
export function refusalToSaveUnreadable(what: string, text: string): Refusal | null {
  const bytes = utf8ByteLength(text);
  if (bytes <= MAX_MESH_FILE_BYTES) return null;
  return refuse(
    `Refusing to save: the ${what} is ${formatMebibytes(bytes)}, over the ${formatMebibytes(MAX_MESH_FILE_BYTES)} a file may have here, so it could not be opened again.`,
  );
}
