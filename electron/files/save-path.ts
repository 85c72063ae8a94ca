import { basename } from 'node:path';
import type { FileDialog } from '../dialogs/file-dialog';
import type { FileSystem } from './file-system';

/** `path` with its file name (the last part) as `rename` would have it: the folder is kept as given. */
export function withFileNameOf(path: string, rename: (fileName: string) => string): string {
  const fileName = basename(path);
  return `${path.slice(0, path.length - fileName.length)}${rename(fileName)}`;
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
