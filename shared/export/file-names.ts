import { hyphenatedWords, withoutAccents } from '../model/ids';
import type { Problem } from '../model/problem';
import { isWindowsReservedName } from '../model/windows-reserved-names';

/*
 * Names of exported files come from element names, which users type freely: `../../x`,
 * `CON`, `C:\Windows`, emoji, 300 characters. Every name we write is a slug that is safe on
 * Linux, macOS and Windows, unique in its folder whatever the case, and short enough for
 * every file system; every path stays inside the export folder, in a zip as on disk.
 */

/** At most this many characters per file or folder name (extension included). */
export const MAX_FILE_NAME_LENGTH = 100;

/** Room kept at the end of a stem for the `-2`, `-3` … that makes it unique. */
const SUFFIX_ROOM = 5;

/**
 * A display name as a file-name stem: ASCII letters and digits in lower case, words joined
 * by `-` (`OrderPlaced` → `order-placed`, `Ünïcode 🚀` → `unicode`, `Film KPIs` → `film-kpis`, `IoT` → `iot`,
 * `VmStarted` → `vm-started`, `Süßwaren` → `susswaren`);
 * empty when nothing is left.
 */
export function fileSlug(name: string, maxLength = MAX_FILE_NAME_LENGTH): string {
  const words = withoutAccents(name)
    // A plural acronym (`KPIs`, `APIs`) is one word: its `s` is not the start of a camel-case word.
    .replace(/([A-Z]{2,})s(?![a-z])/g, '$1S')
    // A capital after one small letter (`IoT`, `iOS`, `eTickets`) is inside a word, as ids read it.
    .replace(/(?<=[a-z]{2}|[0-9])(?=[A-Z])/g, '-')
    // …unless that small letter ends a two-letter word and the capital starts a word of small letters
    // (`VmStarted`, `IpAssigned`), not a plural `s` (`IoTs`).
    .replace(/(?<=[A-Z][a-z])(?=[A-Z](?!s(?![a-z]))[a-z])/g, '-')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2');
  return hyphenatedWords(words, maxLength);
}

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
 * Hands out slugs, each the slug of the first of `names` that leaves one ('item' when none
 * does), unique ignoring case, never one `isReserved` refuses, at most `maxLength` long
 * (room kept for the `-2` suffix). The same calls in the same order give the same slugs.
 */
export function createSlugAllocator(isReserved: (slug: string) => boolean = () => false) {
  const taken = new Set<string>();
  return function allocate(names: readonly string[], maxLength: number): string {
    const maxStem = maxLength - SUFFIX_ROOM;
    const stem = names.map((name) => fileSlug(name, maxStem)).find((slug) => slug.length > 0) ?? 'item';
    const isFree = (candidate: string) => !isReserved(candidate) && !taken.has(candidate);
    let candidate = stem;
    for (let suffix = 2; !isFree(candidate); suffix++) candidate = `${stem}-${suffix}`;
    taken.add(candidate);
    return candidate;
  };
}

/** The extensions of the files exports name after an element (a diagram's pictures swap `.mmd` for `.svg`, `.png`). */
const ELEMENT_FILE_EXTENSIONS = ['.odcs.yaml', '.odps.yaml', '.sql', '.changes.sql', '.schema.json', '.mmd'] as const;

export type ElementFileExtension = (typeof ELEMENT_FILE_EXTENSIONS)[number];

/** Room for the longest extension, so that every file of an element has the same stem. */
const STEM_LENGTH = MAX_FILE_NAME_LENGTH - Math.max(...ELEMENT_FILE_EXTENSIONS.map((extension) => extension.length));

/**
 * Names the files of one folder after their elements (`names`: the element's name, then its
 * id, for names that leave no slug), never a reserved device name, at most
 * MAX_FILE_NAME_LENGTH characters with the extension. A long name is cut at one length whatever
 * the extension: `odps/<stem>.odps.yaml`, `sql/<stem>.sql` and `mermaid/…/<stem>.mmd` match.
 */
export function createFileNamer(folder: string) {
  const allocate = createSlugAllocator(isWindowsReservedName);
  return (names: readonly string[], extension: ElementFileExtension): string =>
    `${folder}/${allocate(names, STEM_LENGTH)}${extension}`;
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
