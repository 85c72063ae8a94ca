import { dirname } from 'node:path';
import type { ExportFile, IpcResult } from '../../shared/ipc';
import { refuse, succeed } from '../ipc/ipc-result';
import { resolveInside } from '../security/contained-path';
import { writeFileAtomically } from './atomic-write';
import type { FileSystem } from './file-system';

/**
 * Writes `files` into the folder `folderName` inside `parentFolder` and returns that folder.
 * Every path is checked before anything is written, so a bad one leaves the disk untouched.
 */
export async function writeExportFolder(
  fs: FileSystem,
  parentFolder: string,
  folderName: string,
  files: readonly ExportFile[],
): Promise<IpcResult<string>> {
  const exportFolder = resolveInside(parentFolder, folderName);
  if (exportFolder === null) {
    return refuse(`Refusing to export to "${folderName}": it is not a folder inside ${parentFolder}.`);
  }
  const targets: { path: string; text: string }[] = [];
  for (const file of files) {
    const path = resolveInside(exportFolder, file.path);
    if (path === null) {
      return refuse(`Refusing to export "${file.path}": export paths must stay inside ${exportFolder}.`);
    }
    targets.push({ path, text: file.text });
  }
  for (const target of targets) {
    await fs.makeDirectory(dirname(target.path));
    await writeFileAtomically(fs, target.path, target.text);
  }
  return succeed(exportFolder);
}
