import {
  type ElementFileExtension,
  type FileSubject,
  fileNameClashMessage,
  fileSlug,
  MAX_FILE_NAME_LENGTH,
  stemsInFolder,
} from '../model/file-stems';
import type { Problem } from '../model/problem';
import { isWindowsReservedName } from '../model/windows-reserved-names';
import type { ExportWarning } from './export-warning';

// The slugs and stems live in shared/model, where validation reads them too.
export {
  createSlugAllocator,
  type ElementFileExtension,
  type FileSubject,
  fileSlug,
  MAX_FILE_NAME_LENGTH,
} from '../model/file-stems';

/*
 * Names of exported files come from element names, which users type freely: `../../x`,
 * `CON`, `C:\Windows`, emoji, 300 characters. Every name we write is a slug that is safe on
 * Linux, macOS and Windows, unique in its folder whatever the case, and short enough for
 * every file system; every path stays inside the export folder, in a zip as on disk.
 */

/** What files exported from a design are named after: its name (`Water network` → `water-network`), else `mesh`. */
export function designFileStem(design: { name: string }): string {
  return fileSlug(design.name) || 'mesh';
}

/**
 * What an element's files are named after: its name, or its id when the name leaves no slug
 * (`🛍️`, `..`), so that every file named after the element (`odcs/<contract>.odcs.yaml`,
 * `jsonschema/<contract>-<object>.schema.json`) takes the same word for it.
 */
export function fileNamedAfter(element: { name: string; id: string }): string {
  return fileSlug(element.name).length > 0 ? element.name : element.id;
}

/**
 * Names the files of one folder after `subjects`, the elements it holds files of, whatever order
 * they come in: each file after its element's name, or its id when the name leaves no slug or
 * when the names of several elements slug alike (`Pralinés & Ganache` and `Pralines & Ganache`
 * are `pack-runs` and `roast-batches`, not `pralines-ganache` and `pralines-ganache-2` in the
 * order of the design, which a reordering would swap). Never a reserved device name, at most
 * MAX_FILE_NAME_LENGTH characters with the extension. A long name is cut at one length whatever
 * the extension: `odps/<stem>.odps.yaml`, `sql/<stem>.sql` and `mermaid/…/<stem>.mmd` match.
 * `clashWarnings` names the elements named after their ids, with the files they got.
 */
export function createFileNamer(folder: string, subjects: readonly FileSubject[]) {
  const { stems, clashes } = stemsInFolder(subjects);
  const pathsById = new Map<string, string[]>();
  function nameFile(subject: FileSubject, extension: ElementFileExtension): string {
    const stem = stems.get(subject.id);
    if (stem === undefined) throw new Error(`${folder}: no file name for '${subject.id}', not among its subjects`);
    const path = `${folder}/${stem}${extension}`;
    pathsById.set(subject.id, [...(pathsById.get(subject.id) ?? []), path]);
    return path;
  }
  function clashWarnings(): ExportWarning[] {
    return clashes.flatMap((clash) => {
      const paths = clash.subjects.flatMap((subject) => pathsById.get(subject.id) ?? []);
      if (paths.length === 0) return [];
      return [{ kind: 'caution' as const, path: paths[0] ?? folder, message: fileNameClashMessage(clash, paths) }];
    });
  }
  return Object.assign(nameFile, { clashWarnings });
}

export type FileNamer = ReturnType<typeof createFileNamer>;

/**
 * Why a relative path could land outside the export folder or fail on some platform, or
 * null when it is safe: `/`-separated names, none empty, `.` or `..`, no backslash, drive
 * colon, control character or reserved device name, none longer than MAX_FILE_NAME_LENGTH.
 */
export function unsafePathReason(path: string): string | null {
  if (path.length === 0) return 'is empty';
  if (path.startsWith('/')) return 'is absolute';
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return `has the folder name '${segment}'`;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
    if (/[\\:*?"<>|\u0000-\u001f\u007f]/.test(segment)) return `'${segment}' has a character not allowed in file names`;
    if (isWindowsReservedName(segment)) return `'${segment}' is a reserved device name on Windows`;
    if (/[. ]$/.test(segment)) return `'${segment}' ends with a dot or a space`;
    if (segment.length > MAX_FILE_NAME_LENGTH) return `'${segment}' is longer than ${MAX_FILE_NAME_LENGTH} characters`;
  }
  return null;
}

/** Every path that is unsafe, or that differs from an earlier one only in case, as located problems. */
export function checkBundlePaths(paths: readonly string[]): Problem[] {
  const seen = new Map<string, string>();
  return paths.flatMap((path, index) => {
    const reason = unsafePathReason(path);
    if (reason) return [{ path: `files[${index}]`, message: `'${path}' ${reason}` }];
    const folded = path.toLowerCase();
    const earlier = seen.get(folded);
    seen.set(folded, path);
    return earlier === undefined ? [] : [{ path: `files[${index}]`, message: `'${path}' clashes with '${earlier}'` }];
  });
}
