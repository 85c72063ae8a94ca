import { dirname, join, relative } from 'node:path';
import type { ExportFile, IpcResult } from '../../shared/ipc';
import { refuse, succeed } from '../ipc/ipc-result';
import { resolveInside } from '../security/contained-path';
import { orphanTemporarySiblings, temporarySiblingOf } from './atomic-write';
import { describeFileError } from './describe-file-error';
import type { FileSystem } from './file-system';

/** One file of the bundle: where it goes, relative to the export folder, and what it holds. */
interface PlannedFile {
  relativePath: string;
  content: string | Uint8Array;
}

/** The step that failed, in the user's words, and the error it failed with. */
interface StepFailure {
  doing: string;
  cause: unknown;
}

async function attempt(doing: string, work: () => Promise<unknown>): Promise<StepFailure | null> {
  try {
    await work();
    return null;
  } catch (cause) {
    return { doing, cause };
  }
}

/**
 * Writes `files` into the folder `folderName` inside `parentFolder` and returns that folder. All or
 * nothing: the whole bundle is written and flushed into a temporary sibling folder first, then
 * moved into place, so a full disk or a refused write leaves the disk as it was. Every path is
 * checked before anything is written.
 *
 * A folder that is already there (the user agreed to write into it) keeps its other files; the
 * bundle's files move in only once all of them are written, and a failed move puts back what the
 * moves before it replaced.
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
  const planned: PlannedFile[] = [];
  for (const file of files) {
    const path = resolveInside(exportFolder, file.path);
    if (path === null) {
      return refuse(`Refusing to export "${file.path}": export paths must stay inside ${exportFolder}.`);
    }
    planned.push({ relativePath: relative(exportFolder, path), content: file.content });
  }
  // Beside the real folder (through a link to it), on its disk, so that the renames stay atomic.
  const target = await fs.resolveLinks(exportFolder);
  for (const orphan of await orphanTemporarySiblings(fs, target)) await fs.removeFolder(orphan).catch(() => undefined);
  const staging = temporarySiblingOf(target);
  const isThere = await fs.exists(target);
  const failure =
    (await writeStaged(fs, staging, planned)) ??
    (isThere
      ? await moveInto(fs, staging, target, planned)
      : await attempt('moving the new folder into place', async () => {
          await fs.rename(staging, target);
          await fs.syncFolder(dirname(target));
        }));
  await fs.removeFolder(staging).catch(() => undefined);
  if (failure === null) return succeed(exportFolder);
  const { doing, cause } = failure;
  return refuse(`Could not export to ${exportFolder}: ${describeFileError(cause)} (${doing}). Nothing was written.`);
}

/** Writes every file under `staging`, each flushed to the disk, then flushes the folders that list them. */
async function writeStaged(
  fs: FileSystem,
  staging: string,
  planned: readonly PlannedFile[],
): Promise<StepFailure | null> {
  const folders = new Set([staging]);
  for (const { relativePath, content } of planned) {
    const path = join(staging, relativePath);
    const failure = await attempt(`writing ${relativePath}`, async () => {
      await fs.makeDirectory(dirname(path));
      await fs.writeTextDurably(path, content);
    });
    if (failure) return failure;
    for (let folder = dirname(path); folder !== staging; folder = dirname(folder)) folders.add(folder);
  }
  return attempt('flushing the new files to the disk', async () => {
    for (const folder of deepestFirst(folders)) await fs.syncFolder(folder);
  });
}

/**
 * Moves the staged files into an existing folder, keeping each file it replaces aside until all
 * are in; when a move fails, undoes the moves before it. Null when every file is in place.
 */
async function moveInto(
  fs: FileSystem,
  staging: string,
  target: string,
  planned: readonly PlannedFile[],
): Promise<StepFailure | null> {
  const replaced = temporarySiblingOf(target);
  const undo: Array<() => Promise<void>> = [];
  const touchedFolders = new Set<string>();
  const makeFolder = async (folder: string): Promise<void> => {
    if (await fs.exists(folder)) return;
    await makeFolder(dirname(folder));
    await fs.makeDirectory(folder);
    undo.push(() => fs.removeFolder(folder));
  };
  let failure = await attempt(`writing into ${target}`, () => fs.makeDirectory(replaced));
  for (const { relativePath } of planned) {
    if (failure) break;
    const destination = join(target, relativePath);
    failure = await attempt(`moving ${relativePath} into place`, async () => {
      await makeFolder(dirname(destination));
      if (await fs.exists(destination)) {
        // Replacing a folder would throw away everything in it.
        if (await isFolder(fs, destination)) throw Object.assign(new Error(destination), { code: 'EISDIR' });
        const kept = join(replaced, relativePath);
        await fs.makeDirectory(dirname(kept));
        await fs.rename(destination, kept);
        undo.push(() => fs.rename(kept, destination));
      }
      await fs.rename(join(staging, relativePath), destination);
      undo.push(() => fs.remove(destination));
      touchedFolders.add(dirname(destination));
    });
  }
  // A step that cannot be undone must not hide the failure the user needs to hear about.
  if (failure) for (const step of undo.reverse()) await step().catch(() => undefined);
  else
    failure = await attempt('flushing the folder to the disk', async () => {
      for (const folder of deepestFirst(touchedFolders)) await fs.syncFolder(folder);
    });
  await fs.removeFolder(replaced).catch(() => undefined);
  return failure;
}

function isFolder(fs: FileSystem, path: string): Promise<boolean> {
  return fs.listFolder(path).then(
    () => true,
    () => false,
  );
}

function deepestFirst(folders: ReadonlySet<string>): string[] {
  return [...folders].sort((a, b) => b.length - a.length);
}
