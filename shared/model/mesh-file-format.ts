import type { Result } from './problem';
import { decodeValidUtf8, firstInvalidUtf8Offset } from './text-encoding';

/**
 * Facts about the file on disk, apart from the parser, so the main process can use them without
 * zod. One set of limits for every reader and writer (the app, main, the CLI, save): a file the
 * app saves always reopens.
 */
export const MESH_FILE_EXTENSION = '.mesh.json';
/** The format (`schemaVersion`) every save writes. 2: contracts are stored as their ODCS YAML text (1 stored the model's fields). */
export const CURRENT_SCHEMA_VERSION = 2;
/** Larger files are refused before parsing, and never written: no real design comes near it. Counted in bytes. */
export const MAX_MESH_FILE_BYTES = 64 * 1024 * 1024;
/** Deeper JSON is refused: designs nest a dozen levels, and deeper data would overflow the stack later. */
export const MAX_NESTING_DEPTH = 256;

const MEBIBYTE = 1024 * 1024;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** `70 MiB`, `64.1 MiB`: a size to the nearest tenth of a MiB, the unit file managers and the limit use. */
export function formatMebibytes(bytes: number): string {
  const tenths = Math.round((bytes / MEBIBYTE) * 10);
  const limitTenths = (MAX_MESH_FILE_BYTES / MEBIBYTE) * 10;
  // A size just over the limit must not read as the limit itself.
  const shownTenths = bytes > MAX_MESH_FILE_BYTES ? Math.max(tenths, limitTenths + 1) : tenths;
  return `${shownTenths / 10} MiB`;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

const refuse = (message: string): Result<never> => ({ ok: false, errors: [{ path: '(file)', message }] });

/** What a kind of file holds, for the messages that refuse it, and whether it may be UTF-16. */
export interface TextFileKind {
  /** `mesh files` */
  files: string;
  /** `UTF-8 JSON` */
  content: string;
  /** UTF-16 with a byte order mark is decoded rather than refused. */
  acceptsUtf16: boolean;
  /** A UTF-8 byte order mark stays at the start of the text, for a file saved back to the same bytes. */
  keepsByteOrderMark?: boolean;
}

export const MESH_FILES: TextFileKind = { files: 'mesh files', content: 'UTF-8 JSON', acceptsUtf16: false };
/** A contract opened to be edited and saved back to its file (Open contract…). */
export const CONTRACT_FILES: TextFileKind = {
  files: 'contract files',
  content: 'UTF-8 YAML',
  acceptsUtf16: false,
  keepsByteOrderMark: true,
};
/** A file contracts are imported from (ODCS, SQL DDL, Avro, JSON Schema, Protobuf). SSMS saves "Unicode" scripts as UTF-16 LE with a byte order mark. */
export const CONTRACT_SOURCE_FILES: TextFileKind = {
  files: 'contract files',
  content: 'text',
  acceptsUtf16: true,
};

/** A Mermaid flowchart opened to be imported as domains and products. */
export const MERMAID_FILES: TextFileKind = { files: 'Mermaid files', content: 'text', acceptsUtf16: true };

/**
 * A mesh file's bytes as text. A design is UTF-8 JSON (RFC 8259), with or without a byte order
 * mark; UTF-16 and bytes that are not UTF-8 (a Latin-1 export) are refused with what they are,
 * rather than silently turned into replacement characters and saved that way.
 */
export function decodeMeshFileBytes(bytes: Uint8Array): Result<string> {
  return decodeTextFileBytes(bytes, MESH_FILES);
}

/** A file's bytes as text, as `kind` allows: UTF-8 with or without a byte order mark, and UTF-16 with one if it accepts it. */
export function decodeTextFileBytes(bytes: Uint8Array, kind: TextFileKind): Result<string> {
  if (bytes.length > MAX_MESH_FILE_BYTES) {
    return refuse(
      `the file is ${formatMebibytes(bytes.length)}, and ${kind.files} are at most ${formatMebibytes(MAX_MESH_FILE_BYTES)}`,
    );
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : undefined;
  if (utf16) {
    if (kind.acceptsUtf16) return decodeUtf16(bytes, utf16);
    return refuse(`the file is UTF-16 text; ${kind.files} are UTF-8: save it again as UTF-8`);
  }
  if (bytes.includes(0)) {
    const unmarked = kind.acceptsUtf16 ? 'UTF-16 without a byte order mark' : 'UTF-16';
    return refuse(`the file contains NUL bytes: it is ${unmarked} or binary, not ${kind.content}`);
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  const invalidAt = firstInvalidUtf8Offset(body);
  if (invalidAt !== -1) {
    const offset = invalidAt + (bytes.length - body.length);
    return refuse(
      `byte ${offset} (0x${(body[invalidAt] as number).toString(16).padStart(2, '0')}) is not UTF-8: the file was saved in another encoding (Latin-1, Windows-1252?); save it again as UTF-8`,
    );
  }
  const mark = kind.keepsByteOrderMark && body !== bytes ? '\uFEFF' : '';
  return { ok: true, value: mark + decodeValidUtf8(body) };
}

/** UTF-16 text after its byte order mark; unpaired surrogates are refused, as bytes that are not UTF-8 are. */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Result<string> {
  const { TextDecoder } = globalThis as unknown as {
    TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
  };
  try {
    return { ok: true, value: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return refuse(`the file starts as ${encoding.toUpperCase()} text but is not valid ${encoding.toUpperCase()}`);
  }
}
