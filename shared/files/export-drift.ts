import { decodeValidUtf8 } from '../model/text-encoding';
import { utf8Bytes } from '../model/utf8-bytes';
import type { BundleFile } from './bundle-file';
import { EXPORT_MANIFEST_PATH, staleExportFiles, unlistedExportPaths, withExportManifest } from './export-manifest';

/**
 * How a folder differs from what an export into it would leave there, each list of
 * `/`-separated paths sorted: the files it would add (missing), those of the previous export (its
 * listing) it would change, those it would remove, and the user's own (files its listing does not
 * name) at paths it writes, which the export refuses to replace unless told to (`unlisted`).
 */
export interface ExportDrift {
  added: string[];
  changed: string[];
  removed: string[];
  unlisted: string[];
}

/** A file of the folder at a `/`-separated path; undefined when no file is there. */
export type ReadFolderFile = (path: string) => Promise<Uint8Array | undefined>;

/**
 * Compares the bundle `files` with the folder `readFile` reads, as writing them there would
 * (bundle-folder.ts): only the files the folder's listing names are the export's, so the user's
 * other files are never drift, and one at a bundle path is one the export would not replace.
 */
export async function exportDrift(files: readonly BundleFile[], readFile: ReadFolderFile): Promise<ExportDrift> {
  const manifest = await readFile(EXPORT_MANIFEST_PATH);
  // As the writer reads it: bytes that are not UTF-8 become U+FFFD.
  const previousManifest = manifest && decodeValidUtf8(manifest);
  const paths = files.map((file) => file.path);
  const unlisted = new Set(unlistedExportPaths(previousManifest, paths));
  const drift: ExportDrift = { added: [], changed: [], removed: [], unlisted: [] };
  for (const file of withExportManifest(files)) {
    const there = await readFile(file.path);
    if (there === undefined) drift.added.push(file.path);
    else if (unlisted.has(file.path)) drift.unlisted.push(file.path);
    else if (!isSameContent(there, file.content)) drift.changed.push(file.path);
  }
  for (const path of staleExportFiles(previousManifest, paths)) {
    if ((await readFile(path)) !== undefined) drift.removed.push(path);
  }
  for (const list of Object.values(drift)) list.sort();
  return drift;
}

/**
 * Whether the folder's file holds what the export writes. A text file may differ by its line
 * endings alone: Git on Windows (core.autocrlf, the default there) checks text files out with
 * CRLF, which leaves them what the export wrote, so a CI job there finds them up to date.
 */
function isSameContent(bytes: Uint8Array, content: string | Uint8Array): boolean {
  if (typeof content !== 'string') return isSameBytes(bytes, content);
  const expected = utf8Bytes(content);
  return (
    isSameBytes(bytes, expected) || (!content.includes('\r') && isSameBytes(withoutCarriageReturns(bytes), expected))
  );
}

function isSameBytes(bytes: ArrayLike<number>, expected: ArrayLike<number>): boolean {
  if (bytes.length !== expected.length) return false;
  for (let index = 0; index < bytes.length; index++) if (bytes[index] !== expected[index]) return false;
  return true;
}

const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;

/** The bytes with each CRLF made LF; a lone CR stays. */
function withoutCarriageReturns(bytes: Uint8Array): number[] {
  return Array.from(bytes).filter((byte, index) => byte !== CARRIAGE_RETURN || bytes[index + 1] !== LINE_FEED);
}

/** How many files differ. */
export function driftCount({ added, changed, removed, unlisted }: ExportDrift): number {
  return added.length + changed.length + removed.length + unlisted.length;
}
