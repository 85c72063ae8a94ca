import { basename, dirname, join, relative, sep } from 'node:path';
import type { BundleFile } from '../../shared/files/bundle-file';
import { type BundleDisk, writeBundleFolder } from '../../shared/files/bundle-folder';
import { describeUserFilesInTheWay, pronounFor } from '../../shared/files/export-manifest';
import { fileErrorReason } from '../../shared/files/file-error-reason';
import type { ExportedFolder, ExportFile, IpcResult } from '../../shared/ipc';
import { refuse, succeed } from '../ipc/ipc-result';
import { resolveInside } from '../security/contained-path';
import { isTemporaryFileOf, temporarySiblingOf } from './atomic-write';
import type { FileSystem } from './file-system';

/** The main process's file system as the bundle writer sees it: every file and folder flushed. */
function bundleDiskOver(fs: FileSystem): BundleDisk {
  return {
    join,
    dirname,
    entryKind: (path) =>
      fs.status(path).then(
        (status) => status.kind,
        () => undefined,
      ),
    realPath: (path) => fs.resolveLinks(path),
    listFolder: (path) => fs.listFolder(path),
    readText: (path) => fs.readText(path).catch(() => undefined),
    makeFolder: (path) => fs.makeDirectory(path),
    writeFile: (path, content) => fs.writeTextDurably(path, content),
    syncFolder: (path) => fs.syncFolder(path),
    rename: (fromPath, toPath) => fs.rename(fromPath, toPath),
    removeFile: (path) => fs.remove(path),
    removeFolder: (path) => fs.removeFolder(path),
  };
}

/**
 * Writes `files` into the folder `folderName` inside `parentFolder` and returns that folder, all
 * or nothing (shared/files/bundle-folder.ts): a full disk or a refused write leaves the disk as it
 * was. Every path is checked before anything is written. A folder that is already there (the user
 * agreed to write into it) loses the files the previous export wrote that this one does not (they
 * are returned) and keeps its other files; one that holds a file of a bundle file's name that no
 * earlier export wrote (the user's own) is left as it is, and the refusal names that file.
 */
export async function writeExportFolder(
  fs: FileSystem,
  parentFolder: string,
  folderName: string,
  files: readonly ExportFile[],
): Promise<IpcResult<ExportedFolder>> {
  const exportFolder = resolveInside(parentFolder, folderName);
  if (exportFolder === null) {
    return refuse(`Refusing to export to "${folderName}": it is not a folder inside ${parentFolder}.`);
  }
  const bundle: BundleFile[] = [];
  for (const file of files) {
    const path = resolveInside(exportFolder, file.path);
    if (path === null) {
      return refuse(`Refusing to export "${file.path}": export paths must stay inside ${exportFolder}.`);
    }
    bundle.push({ path: relative(exportFolder, path).split(sep).join('/'), content: file.content });
  }
  // Beside the real folder (through a link to it), on its disk, so that the renames stay atomic.
  const target = await fs.resolveLinks(exportFolder);
  const outcome = await writeBundleFolder(bundleDiskOver(fs), target, bundle, {
    staging: temporarySiblingOf(target),
    keptAside: temporarySiblingOf(target, 'replaced'),
    isLeftover: (name) => isTemporaryFileOf(name, basename(target)),
  });
  if (outcome.ok) return succeed({ folder: exportFolder, removed: outcome.removed });
  if ('userFiles' in outcome) {
    const { userFiles } = outcome;
    return refuse(
      `Could not export to ${exportFolder}: it ${describeUserFilesInTheWay(userFiles, exportFolder)}. Move ${pronounFor(userFiles)} out of the folder, or export to another folder. Nothing was written.`,
    );
  }
  const { cause, doing, keptIn } = outcome;
  const undone = keptIn
    ? `Some of the old files could not be put back: they are kept in ${keptIn}.`
    : 'Nothing was written.';
  return refuse(`Could not export to ${exportFolder}: ${fileErrorReason(cause, exportFolder)} (${doing}). ${undone}`);
}
