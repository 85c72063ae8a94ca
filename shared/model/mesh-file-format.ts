import type { Result } from './problem';
import { decodeValidUtf8, firstInvalidUtf8Offset } from './text-encoding';

/**
 * Facts about the file on disk, apart from the parser, so the main process can use them without
 * zod. One set of limits for every reader and writer (the app, main, the CLI, save): a file the
 * app saves always reopens.
 */
export const MESH_FILE_EXTENSION = '.mesh.json';
/** Larger files are refused before parsing, and never written: no real design comes near it. Counted in bytes. */
export const MAX_MESH_FILE_BYTES = 64 * 1024 * 1024;
/** Deeper JSON is refused: designs nest a dozen levels, and deeper data would overflow the stack later. */
export const MAX_NESTING_DEPTH = 256;

const MEGABYTE = 1024 * 1024;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** `70 MB`: sizes as the limit's message states them. */
export function formatMegabytes(bytes: number): string {
  return `${Math.ceil(bytes / MEGABYTE)} MB`;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

const refuse = (message: string): Result<never> => ({ ok: false, errors: [{ path: '(file)', message }] });

/**
 * A mesh file's bytes as text. A design is UTF-8 JSON (RFC 8259), with or without a byte order
 * mark; UTF-16 and bytes that are not UTF-8 (a Latin-1 export) are refused with what they are,
 * rather than silently turned into replacement characters and saved that way.
 */
export function decodeMeshFileBytes(bytes: Uint8Array): Result<string> {
  if (bytes.length > MAX_MESH_FILE_BYTES) {
    return refuse(
      `the file is ${formatMegabytes(bytes.length)}, and mesh files are at most ${formatMegabytes(MAX_MESH_FILE_BYTES)}`,
    );
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return refuse('the file is UTF-16 text; mesh files are UTF-8: save it again as UTF-8');
  }
  if (bytes.includes(0)) {
    return refuse('the file contains NUL bytes: it is UTF-16 or binary, not UTF-8 JSON');
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  const invalidAt = firstInvalidUtf8Offset(body);
  if (invalidAt !== -1) {
    const offset = invalidAt + (bytes.length - body.length);
    return refuse(
      `byte ${offset} (0x${(body[invalidAt] as number).toString(16).padStart(2, '0')}) is not UTF-8: the file was saved in another encoding (Latin-1, Windows-1252?); save it again as UTF-8`,
    );
  }
  return { ok: true, value: decodeValidUtf8(body) };
}
