import type { ChangedFileKind } from '../../shared/files/replace-changed-file-question';
import type { FileDialog } from '../dialogs/file-dialog';
import type { ExternalChangeWatcher } from './external-change-watcher';
import type { FileSystem } from './file-system';

export interface InPlaceTargetDependencies {
  fs: FileSystem;
  dialog: Pick<FileDialog, 'askSaveDeletedFile' | 'confirmReplaceChangedFile'>;
  watcher: Pick<ExternalChangeWatcher, 'hasChangedSinceKnown'>;
}

/**
 * Where a save in place (a design, a contract file) writes, once the user has had a say about
 * another program's doing: the path, nothing, or a Save As.
 */
export async function confirmedInPlaceTarget(
  { fs, dialog, watcher }: InPlaceTargetDependencies,
  path: string,
  kind: ChangedFileKind,
): Promise<string | null | 'save-as'> {
  // A file gone since it was read (a git checkout, a move) is written again only on a yes.
  if (!(await fs.exists(path))) {
    const answer = await dialog.askSaveDeletedFile(path);
    return answer === 'save' ? path : answer === 'cancel' ? null : 'save-as';
  }
  // The change notice may have been missed (or ignored): another program's version is only replaced on a yes.
  const keepsTheirs =
    (await watcher.hasChangedSinceKnown(path)) && !(await dialog.confirmReplaceChangedFile(path, kind));
  return keepsTheirs ? null : path;
}
