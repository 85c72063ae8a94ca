import type { FileDialog } from '../dialogs/file-dialog';
import type { FileSystem } from './file-system';

/**
 * `path` ending in `extension` (`.mesh.json`, `.odcs.yaml`), whatever its case. Save dialogs filter
 * on the last extension only, so they may have added a bare one (`.json`): it is replaced, not kept.
 */
export function withDoubleExtension(path: string, extension: string, addedByDialog: RegExp): string {
  if (path.toLowerCase().endsWith(extension)) return path;
  return `${path.replace(addedByDialog, '')}${extension}`;
}

/**
 * Where a save dialog's answer saves once its extension is added; null when that lands on another
 * file and the user keeps it. The dialog only asked about replacing the name as typed.
 */
export async function confirmedSavePath(
  fs: FileSystem,
  dialog: FileDialog,
  requestedPath: string,
  withExtension: (path: string) => string,
): Promise<string | null> {
  const target = withExtension(requestedPath);
  const replacesAnotherFile = target !== requestedPath && (await fs.exists(target));
  if (replacesAnotherFile && !(await dialog.confirmReplace(target))) return null;
  return target;
}
