import { contractFileName, savedContractFileName } from '../../shared/contracts/contract-file-name';
import type { FileRef, IpcRequest, IpcResult, OpenedFile } from '../../shared/ipc';
import { CONTRACT_FILES, CONTRACT_SOURCE_FILES, type TextFileKind } from '../../shared/model/mesh-file-format';
import type { FileDialog } from '../dialogs/file-dialog';
import { type Refusal, refuse, settle, succeed } from '../ipc/ipc-result';
import { writeFileAtomically } from './atomic-write';
import type { ExternalChangeWatcher } from './external-change-watcher';
import type { FileSystem } from './file-system';
import { confirmedInPlaceTarget } from './in-place-target';
import { fileRefFor } from './mesh-file-path';
import { readMeshFile, refusalToSaveUnreadable } from './mesh-file-reader';
import type { PendingWrites } from './pending-writes';
import { confirmedSavePath, withFileNameOf } from './save-path';

/** `orders` and `orders.yaml` both become `orders.odcs.yaml`; a contract file name is left alone. */
export function withContractExtension(path: string): string {
  return withFileNameOf(path, savedContractFileName);
}

/** Contracts read from and saved to their own files, beside the design. */
/** What the saves and reads of files in place need of the watcher: each file's versions, and its own writes. */
export type FileVersionWatcher = Pick<
  ExternalChangeWatcher,
  | 'followContractFile'
  | 'recordKnownVersion'
  | 'recordReadVersion'
  | 'adoptReadVersion'
  | 'hasChangedSinceKnown'
  | 'beginOwnWrite'
  | 'endOwnWrite'
>;

export interface ContractFiles {
  /** Reads the contract files the user picks; null when they cancel. */
  choose(): Promise<IpcResult<OpenedFile[] | null>>;
  /** Reads the one contract file the user picks to edit; null when they cancel. */
  open(): Promise<IpcResult<OpenedFile | null>>;
  /** Saves one contract back to its file, or where the user picks; null when they cancel. */
  save(request: IpcRequest<'contracts:save'>): Promise<IpcResult<FileRef | null>>;
  /** Reads a contract file opened or saved in place again (another program changed it); its version is the page's once adopted. */
  read(request: IpcRequest<'contracts:read'>): Promise<IpcResult<OpenedFile>>;
  /** The version last read again is in the page now: Save replaces it without asking. */
  adopt(request: IpcRequest<'contracts:adopt'>): Promise<IpcResult<null>>;
}

/**
 * The page may write a contract only to a file the user chose for one in this session (opened or
 * saved in a dialog); any other path is refused, so a page that went rogue cannot name a file.
 */
export function createContractFiles({
  fs,
  dialog,
  watcher,
  pendingWrites,
}: {
  fs: FileSystem;
  dialog: FileDialog;
  /**
   * The versions of the files read and written, so a save in place asks before replacing another
   * program's; it follows the files edited in place, to tell the page of another program's version.
   */
  watcher: FileVersionWatcher;
  /** Every save goes through it, so that quitting waits for the ones in flight. */
  pendingWrites: Pick<PendingWrites, 'track'>;
}): ContractFiles {
  const chosenContractFiles = new Set<string>();

  async function chooseTarget(file: FileRef | null, suggestedName: string): Promise<IpcResult<string | null>> {
    if (file?.path) {
      const refusal = refusalOfUnchosen(file.path, 'save to', 'Use Save contract as… instead.');
      if (refusal) return refusal;
      const inPlace = await confirmedInPlaceTarget({ fs, dialog, watcher }, file.path, 'contract');
      if (inPlace !== 'save-as') return succeed(inPlace);
    }
    const requestedPath = await dialog.chooseContractSavePath(contractFileName(suggestedName));
    if (requestedPath === null) return succeed(null);
    return succeed(await confirmedSavePath(fs, dialog, requestedPath, withContractExtension));
  }

  /** A contract file the page may read again and save to: one it was handed in this session. */
  function refusalOfUnchosen(path: string, verb: string, insteadUse: string): Refusal | null {
    return chosenContractFiles.has(path)
      ? null
      : refuse(`Refusing to ${verb} ${path}: it was never chosen as a contract file. ${insteadUse}`);
  }

  /** Reads every file or none; each one read may be saved back to later. */
  async function readChosen(paths: readonly string[], kind: TextFileKind): Promise<IpcResult<OpenedFile[]>> {
    const files: OpenedFile[] = [];
    for (const path of paths) {
      const read = await settle(`read ${path}`, () => readMeshFile(fs, path, kind));
      if (!read.ok) return read;
      files.push(read.value);
    }
    for (const { file } of files) {
      if (!file.path) continue;
      chosenContractFiles.add(file.path);
      await watcher.recordKnownVersion(file.path);
    }
    return succeed(files);
  }

  return {
    choose: () =>
      settle('import contracts', async () => {
        const paths = await dialog.chooseContractFiles();
        return paths === null ? succeed(null) : readChosen(paths, CONTRACT_SOURCE_FILES);
      }),

    open: () =>
      settle('open the contract', async () => {
        const path = await dialog.chooseContractFileToOpen();
        if (path === null) return succeed(null);
        const read = await readChosen([path], CONTRACT_FILES);
        if (!read.ok) return read;
        watcher.followContractFile(path);
        return succeed(read.value[0] ?? null);
      }),

    save: ({ file, suggestedName, text }) =>
      settle('save the contract', async () => {
        const tooLarge = refusalToSaveUnreadable('contract', text);
        if (tooLarge) return tooLarge;
        const target = await chooseTarget(file, suggestedName);
        if (!target.ok) return target;
        const path = target.value;
        if (path === null) return succeed(null);
        return settle(
          `save ${path}`,
          async () => {
            // Events while it writes are the app's own, not another program's version.
            watcher.beginOwnWrite(path);
            try {
              await pendingWrites.track(path, () => writeFileAtomically(fs, path, text));
            } finally {
              await watcher.endOwnWrite(path);
            }
            chosenContractFiles.add(path);
            watcher.followContractFile(path);
            return succeed(fileRefFor(path));
          },
          path,
        );
      }),

    read: ({ path }) =>
      settle(`read ${path}`, async () => {
        const refusal = refusalOfUnchosen(path, 'read', 'Open it with Open contract… instead.');
        if (refusal) return refusal;
        const read = await readMeshFile(fs, path, CONTRACT_FILES);
        if (read.ok) await watcher.recordReadVersion(path);
        return read;
      }),

    adopt: ({ path }) =>
      settle(`take ${path} as read`, async () => {
        const refusal = refusalOfUnchosen(path, 'take', 'Open it with Open contract… instead.');
        if (refusal) return refusal;
        watcher.adoptReadVersion(path);
        return succeed(null);
      }),
  };
}
