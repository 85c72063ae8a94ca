import { unsafePathReason } from '../export/file-names';
import { counted } from '../model/word-list';
import type { BundleFile } from './bundle-file';

/*
 * A folder export records the files it wrote, so that the next export into the same folder can
 * remove those it no longer writes (a renamed product's old `odps/keg-fleet.odps.yaml`) while
 * every file the user put there stays: only a path the previous export listed is ever removed.
 */

/** The listing, in the export folder beside index.md. */
export const EXPORT_MANIFEST_PATH = '.mesh-export.json';

/** The listing of `paths` as the file the export writes into its folder. */
export function exportManifestText(paths: readonly string[]): string {
  return `${JSON.stringify({ writtenBy: 'Data Mesh Designer', files: [...paths].sort() }, null, 2)}\n`;
}

/**
 * The bundle's files and their listing, as every export writes them (a folder, the app's zip):
 * a folder unzipped from the app is one the CLI's `export --force` may refresh.
 */
export function withExportManifest(files: readonly BundleFile[]): BundleFile[] {
  return [...files, { path: EXPORT_MANIFEST_PATH, content: exportManifestText(files.map((file) => file.path)) }];
}

/** The paths a listing names: none when it is missing or not ours; a path that could leave the folder is dropped. */
function listedPaths(manifestText: string | undefined): string[] {
  if (manifestText === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestText);
  } catch {
    return [];
  }
  const files = (parsed as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return [];
  return files.filter((path): path is string => typeof path === 'string' && unsafePathReason(path) === null);
}

/**
 * The files the previous export (its listing `previousManifestText`) wrote that this one, writing
 * `paths`, does not. Compared ignoring case: on macOS and Windows `Orders.sql` is `orders.sql`,
 * and removing it would remove the new file.
 */
export function staleExportFiles(previousManifestText: string | undefined, paths: readonly string[]): string[] {
  const written = new Set([...paths, EXPORT_MANIFEST_PATH].map((path) => path.toLowerCase()));
  return listedPaths(previousManifestText).filter((path) => !written.has(path.toLowerCase()));
}

/**
 * The bundle's `paths` that the previous export (its listing `previousManifestText`) did not write:
 * one of these already in the folder is the user's, and replacing it would lose their work.
 */
export function unlistedExportPaths(previousManifestText: string | undefined, paths: readonly string[]): string[] {
  const listed = new Set(listedPaths(previousManifestText).map((path) => path.toLowerCase()));
  return paths.filter((path) => !listed.has(path.toLowerCase()));
}

/** `it` or `them`, for a sentence about `files`. */
export function pronounFor(files: readonly string[]): string {
  return files.length === 1 ? 'it' : 'them';
}

/**
 * What an export says about the user's files it would replace (`holds 1 file no earlier export
 * wrote (it is not in out/.mesh-export.json), which this one would replace: odcs/x.odcs.yaml`).
 */
export function describeUserFilesInTheWay(files: readonly string[], folder: string): string {
  const notListed = files.length === 1 ? 'it is not' : 'they are not';
  return `holds ${counted(files.length, 'file')} no earlier export wrote (${notListed} in ${folder}/${EXPORT_MANIFEST_PATH}), which this one would replace: ${files.join(', ')}`;
}

/** What an export says about the files it removed from `folder` (`removed from out 1 file the previous export wrote …: sql/keg-fleet.sql`). */
export function describeRemovedFiles(removed: readonly string[], folder: string): string {
  const files = counted(removed.length, 'file');
  return `removed from ${folder} ${files} the previous export wrote and this one does not: ${removed.join(', ')}`;
}
