import { isAbsolute, resolve } from 'node:path';
import { MESH_FILE_EXTENSION } from '../../shared/model/mesh-file-format';

/**
 * The design a launch asks to open: the last argument naming a `.mesh.json` file (Electron and
 * Chromium flags, the app's own path and `.` are skipped), resolved against the folder the
 * launch was made from. A second launch passes its own arguments and folder.
 */
export function meshFileInArguments(argv: readonly string[], workingDirectory: string): string | null {
  const candidates = argv.filter(
    (argument) => !argument.startsWith('-') && argument.toLowerCase().endsWith(MESH_FILE_EXTENSION),
  );
  const last = candidates.at(-1);
  if (last === undefined) return null;
  return isAbsolute(last) ? last : resolve(workingDirectory, last);
}
