import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MESH_FILE_EXTENSION } from '../../shared/model/mesh-file-format';

/**
 * The design a launch asks to open: the last argument naming a `.mesh.json` file (Electron and
 * Chromium flags, the app's own path and `.` are skipped; after `--` nothing is a flag), resolved
 * against the folder the launch was made from. A `file://` address (Linux file managers pass
 * those) counts as the path it encodes. A second launch passes its own arguments and folder.
 */
export function meshFileInArguments(argv: readonly string[], workingDirectory: string): string | null {
  const flagsEnd = argv.indexOf('--');
  const candidates = argv
    .filter((argument, index) => (flagsEnd !== -1 && index > flagsEnd) || !argument.startsWith('-'))
    .map(pathOfArgument)
    .filter((path): path is string => path?.toLowerCase().endsWith(MESH_FILE_EXTENSION) ?? false);
  const last = candidates.at(-1);
  if (last === undefined) return null;
  return isAbsolute(last) ? last : resolve(workingDirectory, last);
}

/** The path an argument names: itself, or the local path a `file://` address encodes (null when it names none). */
function pathOfArgument(argument: string): string | null {
  if (!argument.toLowerCase().startsWith('file:')) return argument;
  try {
    return fileURLToPath(argument);
  } catch {
    return null;
  }
}
