import { hyphenatedWords, withoutAccents } from '../model/ids';
import { quoted } from '../model/isolated-names';
import type { Problem } from '../model/problem';
import { isWindowsReservedName } from '../model/windows-reserved-names';
import { joinedWith } from '../model/word-list';
import type { ExportWarning } from './export-warning';

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

/** What a file is named after: an element's name, and its id for when the name cannot name it. */
export interface FileSubject {
  id: string;
  name: string;
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
      const named = clash.subjects.map((subject) => `${quoted(subject.name)} (id ${subject.id})`);
      return [
        {
          kind: 'caution' as const,
          path: paths[0] ?? folder,
          message: `${joinedWith(named, 'and')} make the same file name ${quoted(clash.stem)}: each file is named after its id instead: ${paths.join(', ')}`,
        },
      ];
    });
  }
  return Object.assign(nameFile, { clashWarnings });
}

export type FileNamer = ReturnType<typeof createFileNamer>;

/** Elements whose names slug alike, and the slug they share. */
export interface FileNameClash {
  stem: string;
  subjects: FileSubject[];
}

/**
 * Each subject's stem (by id) and the names that clash. Those whose names clash take their ids;
 * the others their names, first, so that an id never takes a name's slug; each in the order of
 * their ids, so that what is left to suffix (`con-2`, an id that slugs like a name) is suffixed alike.
 */
export function stemsInFolder(subjects: readonly FileSubject[]): {
  stems: Map<string, string>;
  clashes: FileNameClash[];
} {
  const byId = new Map(subjects.map((subject) => [subject.id, subject]));
  const sorted = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const maxStem = STEM_LENGTH - SUFFIX_ROOM;
  const sharing = new Map<string, FileSubject[]>();
  for (const subject of sorted) {
    const stem = fileSlug(subject.name, maxStem) || fileSlug(subject.id, maxStem);
    if (stem) sharing.set(stem, [...(sharing.get(stem) ?? []), subject]);
  }
  const clashes = [...sharing].flatMap(([stem, alike]) => (alike.length > 1 ? [{ stem, subjects: alike }] : []));
  const clashing = new Set(clashes.flatMap((clash) => clash.subjects));
  const allocate = createSlugAllocator(isWindowsReservedName);
  const stems = new Map<string, string>();
  for (const subject of sorted.filter((subject) => !clashing.has(subject))) {
    stems.set(subject.id, allocate([subject.name, subject.id], STEM_LENGTH));
  }
  for (const subject of sorted.filter((subject) => clashing.has(subject))) {
    stems.set(subject.id, allocate([subject.id], STEM_LENGTH));
  }
  return { stems, clashes };
}

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
