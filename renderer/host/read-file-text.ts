import { decodeTextFileBytes, formatMebibytes, MAX_MESH_FILE_BYTES, type TextFileKind } from '../../shared/model';
import { UnreadableFileError } from './host';

/**
 * A picked or dropped file's text, by the same byte rules as the desktop and the CLI (size,
 * UTF-8, BOM): a file `kind` does not allow throws an UnreadableFileError saying what it is.
 */
export async function readFileText(file: File, kind: TextFileKind): Promise<string> {
  if (file.size > MAX_MESH_FILE_BYTES) {
    throw new UnreadableFileError(
      file.name,
      `it is ${formatMebibytes(file.size)}, and ${kind.files} are at most ${formatMebibytes(MAX_MESH_FILE_BYTES)}`,
    );
  }
  const decoded = decodeTextFileBytes(new Uint8Array(await file.arrayBuffer()), kind);
  if (!decoded.ok)
    throw new UnreadableFileError(file.name, decoded.errors.map((problem) => problem.message).join('; '));
  return decoded.value;
}
