import { hyphenatedWords, withoutAccents } from './ids';
import { quoted } from './isolated-names';
import { isWindowsReservedName } from './windows-reserved-names';
import { joinedWith } from './word-list';

/*
 * The stems of the files exports name after elements, here so that validation can tell of the
 * names that clash before an export does (see shared/export/file-names.ts for the rest).
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

/** Elements whose names slug alike, and the slug they share. */
export interface FileNameClash<Subject extends FileSubject = FileSubject> {
  stem: string;
  subjects: Subject[];
}

/**
 * Each subject's stem (by id) and the names that clash. Those whose names clash take their ids;
 * the others their names, first, so that an id never takes a name's slug; each in the order of
 * their ids, so that what is left to suffix (`con-2`, an id that slugs like a name) is suffixed alike.
 */
export function stemsInFolder<Subject extends FileSubject>(
  subjects: readonly Subject[],
): {
  stems: Map<string, string>;
  clashes: FileNameClash<Subject>[];
} {
  const byId = new Map(subjects.map((subject) => [subject.id, subject]));
  const sorted = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const maxStem = STEM_LENGTH - SUFFIX_ROOM;
  const sharing = new Map<string, Subject[]>();
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

/** What export and validate say of a clash: the elements, the name they share and the files they get instead. */
export function fileNameClashMessage(clash: FileNameClash, paths: readonly string[]): string {
  const named = clash.subjects.map((subject) => `${quoted(subject.name)} (id ${subject.id})`);
  return `${joinedWith(named, 'and')} make the same file name ${quoted(clash.stem)}: each file is named after its id instead: ${paths.join(', ')}`;
}
