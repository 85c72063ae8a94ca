import { Memo } from '../lineage/memo';
import { bidiControlIn, codePointLabel, invisibleFormatCharactersIn } from '../model/control-characters';
import { isWindowsReservedName } from '../model/windows-reserved-names';
import { joinedWith } from '../model/word-list';

/** Characters no common file system accepts in a name (Windows' list, which includes `/`), and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
const REFUSED_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f]/g;
/**
 * File systems take 255 bytes per name; exports add a suffix (`.odcs.yaml`, `-history`) and
 * sometimes a prefix, so names keep room for them.
 */
export const MAX_NAME_BYTES = 200;

const verdicts = new Memo<string, string | undefined>();

/** Why a name cannot become a file name on every system, or undefined when it can (remembered: names repeat). */
export function fileNameProblem(name: string): string | undefined {
  return verdicts.get(name, [], () => judge(name));
}

function judge(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'is empty';
  if (trimmed === '.' || trimmed === '..' || trimmed.includes('../') || trimmed.includes('..\\')) {
    return 'would point outside its folder';
  }
  // Each one named, so that renaming past the first does not bring up the next.
  const forbidden = new Set(
    Array.from(name.matchAll(REFUSED_CHARACTERS), ([character]) =>
      character.charCodeAt(0) < 0x20 ? 'a control character' : `'${character}'`,
    ),
  );
  if (forbidden.size > 0) return `contains ${joinedWith([...forbidden], 'and')}, which file systems refuse`;
  // A name holding one shows in another order than it is written (`exe.txt` read as `txt.exe`).
  const bidiControl = bidiControlIn(name);
  if (bidiControl !== undefined) {
    return `holds ${codePointLabel(bidiControl)}, a bidirectional control: it shows the text round it in another order than it is written`;
  }
  if (isWindowsReservedName(trimmed)) return `is a device name Windows reserves ('${trimmed.split('.')[0]}')`;
  if (/[. ]$/.test(name)) return 'ends with a dot or a space, which Windows drops';
  const [invisible] = invisibleFormatCharactersIn(name);
  if (invisible !== undefined) {
    return `holds ${codePointLabel(invisible)}, an invisible format character: files named after it look like files of another name`;
  }
  const bytes = utf8Length(name);
  if (bytes > MAX_NAME_BYTES) return `is ${bytes} bytes long; file names take at most ${MAX_NAME_BYTES} here`;
  return undefined;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
