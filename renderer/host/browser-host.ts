import { strToU8, type Zippable, zipSync } from 'fflate';
import { savedContractFileName } from '../../shared/contracts/contract-file-name';
import { checkBundlePaths } from '../../shared/export/file-names';
import { withExportManifest } from '../../shared/files/export-manifest';
import { createFileVersions, type FileStamp } from '../../shared/files/file-versions';
import { type ChangedFileKind, replaceChangedFileQuestion } from '../../shared/files/replace-changed-file-question';
import {
  DELETED_FILE_CHOICES,
  type DeletedFileAnswer,
  saveDeletedFileQuestion,
} from '../../shared/files/save-deleted-file-question';
import { savedMeshFileName } from '../../shared/files/saved-file-name';
import { CONTRACT_FILES, CONTRACT_SOURCE_FILES, MESH_FILE_EXTENSION, MESH_FILES } from '../../shared/model';
import { autosaveIn } from './autosave';
import { webLockClaims } from './autosave-claims';
import { browserWriteRefusal } from './browser-write-refusal';
import type { FileRef, Host, OpenedFile } from './host';
import { askInPage, confirmInPage, saveInNewFormatPrompt, unsavedChangesQuestion } from './in-page-prompt';
import type { KeyValueStore } from './key-value-store';
import { readFileText } from './read-file-text';

const RECENT_KEY = 'recent-files';
const RECENT_LIMIT = 10;

/** The File System Access API (Chromium); absent elsewhere, where we fall back to upload/download. */
interface FileSystemAccessWindow {
  showOpenFilePicker?(options: object): Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?(options: object): Promise<FileSystemFileHandle>;
}

interface RecentEntry {
  file: FileRef;
  handle?: FileSystemFileHandle;
}

/** Chromium's permission calls on a handle, which TypeScript's DOM types do not have yet. */
interface PermissionedHandle {
  queryPermission?(descriptor: { mode: 'read' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'read' }): Promise<PermissionState>;
}

const NO_LONGER_LISTED = 'it is no longer listed under Open Recent';

/** Media types of the single files the app exports, by extension. */
const EXPORT_TYPES: Readonly<Record<string, string>> = {
  '.mmd': 'text/plain',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv',
  '.json': 'application/json',
};

const CONTRACT_FILE_TYPES = '.yaml,.yml,.sql,.ddl,.avsc,.json,.proto';
const PICKER_TYPES = [{ description: 'Mesh design', accept: { 'application/json': [MESH_FILE_EXTENSION] } }];
const CONTRACT_PICKER_TYPES = [
  { description: 'ODCS data contract', accept: { 'application/yaml': ['.yaml', '.yml'] } },
];

/** Text as UTF-8; bytes (images, already compressed) stored as they are. */
function zipEntry(content: string | Uint8Array): Zippable[string] {
  return typeof content === 'string' ? strToU8(content) : [content, { level: 0 }];
}

export function browserHost(store: KeyValueStore, page: Window = window): Host {
  const fileSystem = page as unknown as FileSystemAccessWindow;
  /**
   * The handle behind each FileRef this host handed out, so Save writes back to that very file:
   * a browser file has no path, and two files in different folders may share a name.
   */
  const handles = new WeakMap<FileRef, FileSystemFileHandle>();
  /** The version of each design file the page last read or wrote, to tell another program's from its own. */
  const versions = createFileVersions<FileSystemFileHandle>();
  /** The design file last opened or saved: the one whose changes by another program are told of. */
  let followed: { file: FileRef; handle: FileSystemFileHandle } | null = null;
  /** The contract files opened or saved in place, with the FileRef last handed out for each: told of too. */
  const followedContracts = new Map<FileSystemFileHandle, FileRef>();
  const writing = new Set<FileSystemFileHandle>();
  const changeListeners = new Set<(file: FileRef) => void>();

  /** Puts a design first in the recent list (ten at most), by its handle: without one, the browser could not reopen it. */
  async function remember(file: FileRef, handle: FileSystemFileHandle): Promise<void> {
    handles.set(file, handle);
    const others = await recentWithout(handle);
    await store.set(RECENT_KEY, [{ file, handle }, ...others].slice(0, RECENT_LIMIT));
  }

  /** The recent list without the entry of this file (on disk the same, whichever handle it came by). */
  async function recentWithout(handle: FileSystemFileHandle): Promise<RecentEntry[]> {
    const recent = (await store.get<RecentEntry[]>(RECENT_KEY)) ?? [];
    const others: RecentEntry[] = [];
    for (const entry of recent) if (!(entry.handle && (await entry.handle.isSameEntry(handle)))) others.push(entry);
    return others;
  }

  async function forget(handle: FileSystemFileHandle): Promise<void> {
    await store.set(RECENT_KEY, await recentWithout(handle));
  }

  /**
   * Reads a design; a file read again (Reload) is handed back as the same FileRef, so the page knows it for the same.
   * Its version is followed only once the page says it opened (rememberOpenedDesign).
   */
  async function readHandle(handle: FileSystemFileHandle, file: FileRef = { name: handle.name }): Promise<OpenedFile> {
    const read = await handle.getFile();
    const text = await readFileText(read, MESH_FILES);
    versions.recordRead(handle, stampOf(read));
    handles.set(file, handle);
    return { file, text };
  }

  /**
   * Where a save in place writes once the user has had a say about another program's doing: the
   * file, another one (Save As…), or none. A file gone since (a git checkout) is written again only
   * on a yes; the change notice may have been missed (or ignored): another program's version is only
   * replaced on a yes.
   */
  async function confirmedTarget(
    handle: FileSystemFileHandle,
    kind: ChangedFileKind,
    pickAnother: () => Promise<FileSystemFileHandle | null>,
  ): Promise<FileSystemFileHandle | null> {
    const now = await handle.getFile().then(stampOf, (error: unknown) => (isNotFound(error) ? 'gone' : null));
    if (now === 'gone') {
      const answer = await askInPage<DeletedFileAnswer>({
        ...saveDeletedFileQuestion(handle.name, 'The file'),
        choices: DELETED_FILE_CHOICES.map(({ answer, label }) => ({ id: answer, label })),
        defaultId: 'cancel',
        cancelId: 'cancel',
      });
      return answer === 'save' ? handle : answer === 'save-as' ? pickAnother() : null;
    }
    if (now === null || !versions.hasChangedSinceKnown(handle, now)) return handle;
    if (await confirmInPage({ ...replaceChangedFileQuestion(handle.name, 'The file', kind), action: 'Replace' }))
      return handle;
    // Kept, the other version is what the question told of (its notice missed, or never shown while the page kept the focus): Reload must be at hand.
    const kept = followedFiles().find((followedFile) => followedFile.handle === handle);
    if (kept) {
      versions.isNewsToTell(handle, now);
      for (const listener of changeListeners) listener(kept.file);
    }
    return null;
  }

  /** The files whose changes by another program are told of: the design, and the contract files edited in place. */
  function followedFiles(): { file: FileRef; handle: FileSystemFileHandle }[] {
    const contracts = [...followedContracts].map(([handle, file]) => ({ file, handle }));
    return followed ? [followed, ...contracts] : contracts;
  }

  /** Writes a file the page opened or saved, recording the version it wrote as its own. */
  async function writeKnown(handle: FileSystemFileHandle, text: string): Promise<void> {
    writing.add(handle);
    try {
      await write(handle, text);
      const written = await currentStamp(handle);
      if (written) versions.recordKnown(handle, written);
    } finally {
      writing.delete(handle);
    }
  }

  /** Tells `listener` of each version of a followed file that another program wrote, once. */
  async function tellOfNewVersions(listener: (file: FileRef) => void): Promise<void> {
    for (const { file, handle } of followedFiles()) {
      if (writing.has(handle)) continue;
      const stamp = await currentStamp(handle);
      if (stamp && versions.isNewsToTell(handle, stamp)) listener(file);
    }
  }

  /** A contract file: its handle is kept to save back to it, but it is no design for the recent list. */
  async function openContractWith(types: object[], accept: string): Promise<OpenedFile | null> {
    if (fileSystem.showOpenFilePicker) {
      const [handle] = await fileSystem.showOpenFilePicker({ types }).catch(cancelledAsEmpty);
      if (!handle) return null;
      const file = { name: handle.name };
      handles.set(file, handle);
      const read = await handle.getFile();
      const text = await readFileText(read, CONTRACT_FILES);
      versions.recordKnown(handle, stampOf(read));
      followedContracts.set(handle, file);
      return { file, text };
    }
    const [picked] = await pickWithInput(page.document, accept);
    return picked ? { file: { name: picked.name }, text: await readFileText(picked, CONTRACT_FILES) } : null;
  }

  async function saveWith(
    file: FileRef | null,
    suggestedName: string,
    text: string,
    options: { types: object[]; mimeType: string; kind: ChangedFileKind; savedName: (fileName: string) => string },
  ): Promise<FileRef | null> {
    const pickNew = async () =>
      fileSystem.showSaveFilePicker
        ? await fileSystem.showSaveFilePicker({ suggestedName, types: options.types }).catch(cancelledAsNull)
        : null;
    const existing = file && handles.get(file);
    const picked = existing ?? (await pickNew());
    if (picked) {
      const handle = existing ? await confirmedTarget(existing, options.kind, pickNew) : picked;
      if (!handle) return null;
      const saved = { name: handle.name };
      await writeKnown(handle, text);
      // A design is followed and listed under Open Recent; a contract file is no design.
      if (options.kind === 'design') {
        followed = { file: saved, handle };
        await remember(saved, handle);
      } else {
        handles.set(saved, handle);
        followedContracts.set(handle, saved);
      }
      return saved;
    }
    if (fileSystem.showSaveFilePicker) return null;
    const name = options.savedName(file?.name ?? suggestedName);
    download(page.document, name, new Blob([text], { type: options.mimeType }));
    return { name };
  }

  return {
    kind: 'browser',
    async openFile() {
      if (fileSystem.showOpenFilePicker) {
        const [handle] = await fileSystem.showOpenFilePicker({ types: PICKER_TYPES }).catch(cancelledAsEmpty);
        return handle ? readHandle(handle) : null;
      }
      const [picked] = await pickWithInput(page.document, `${MESH_FILE_EXTENSION},application/json`);
      if (!picked) return null;
      const file = { name: picked.name };
      return { file, text: await readFileText(picked, MESH_FILES) };
    },
    openContractFile: () => openContractWith(CONTRACT_PICKER_TYPES, CONTRACT_FILE_TYPES),
    saveContractFile: (file, suggestedName, text) =>
      saveWith(file, suggestedName, text, {
        types: CONTRACT_PICKER_TYPES,
        mimeType: 'application/yaml',
        kind: 'contract',
        savedName: savedContractFileName,
      }),
    async readContractFile(file) {
      const handle = handles.get(file);
      if (!handle) throw new Error(`the browser cannot read ${file.name} again by itself: open it with Open contract…`);
      const read = await handle.getFile();
      const text = await readFileText(read, CONTRACT_FILES);
      versions.recordRead(handle, stampOf(read));
      return { file, text };
    },
    async adoptContractFile(file) {
      const handle = handles.get(file);
      if (handle) versions.adoptRead(handle);
    },
    async openRecent(file) {
      const recent = (await store.get<RecentEntry[]>(RECENT_KEY)) ?? [];
      const handedOut = handles.get(file);
      const handle = handedOut ?? recent.find((entry) => entry.file.name === file.name)?.handle;
      if (!handle) throw new Error(`The browser cannot reopen '${file.name}' by itself: use Open to pick it again.`);
      // A handle kept from an earlier visit may read again only once the user allows it.
      if (!(await mayRead(handle))) {
        await forget(handle);
        throw new Error(`the browser was not allowed to read it; ${NO_LONGER_LISTED}`);
      }
      return readHandle(handle, handedOut ? file : undefined).catch(async (error: unknown) => {
        if (!isNotFound(error)) throw error;
        await forget(handle);
        throw new Error(`it is no longer there (moved, renamed or deleted); ${NO_LONGER_LISTED}`);
      });
    },
    saveFile: (file, suggestedName, text) =>
      saveWith(file, suggestedName, text, {
        types: PICKER_TYPES,
        mimeType: 'application/json',
        kind: 'design',
        savedName: savedMeshFileName,
      }),
    async exportFiles(suggestedName, files) {
      // Zip entries obey the bundle's path rules: an entry like `../../x` would unpack outside the folder.
      const unsafe = checkBundlePaths(files.map((file) => file.path));
      if (unsafe.length > 0) throw new Error(`Refusing to zip: ${unsafe.map((problem) => problem.message).join('; ')}`);
      const listed = withExportManifest(files);
      const archive = zipSync(Object.fromEntries(listed.map((file) => [file.path, zipEntry(file.content)])));
      const name = `${suggestedName}.zip`;
      download(page.document, name, new Blob([archive as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      return { folder: name, removed: [] };
    },
    async saveExport(suggestedName, content) {
      const extension = suggestedName.slice(suggestedName.lastIndexOf('.'));
      const type = EXPORT_TYPES[extension] ?? 'application/octet-stream';
      const blob = new Blob([content as BlobPart], { type });
      if (!fileSystem.showSaveFilePicker) {
        download(page.document, suggestedName, blob);
        return suggestedName;
      }
      const types = [{ description: `${extension} file`, accept: { [type]: [extension] } }];
      const handle = await fileSystem.showSaveFilePicker({ suggestedName, types }).catch(cancelledAsNull);
      if (!handle) return null;
      await write(handle, blob);
      return handle.name;
    },
    async rememberOpenedDesign(file) {
      // An uploaded file has no handle: the browser could not reopen it.
      const handle = handles.get(file);
      if (!handle) return;
      // What the page holds now is the version it read: another program's later one is news, and Save asks before replacing it.
      versions.adoptRead(handle);
      followed = { file, handle };
      await remember(file, handle);
    },
    async recentFiles() {
      // Only a file with a handle can be reopened: one uploaded through a file input cannot.
      return ((await store.get<RecentEntry[]>(RECENT_KEY)) ?? []).flatMap(({ file, handle }) => {
        if (!handle) return [];
        handles.set(file, handle);
        return [file];
      });
    },
    confirm: confirmInPage,
    askToSaveChanges: (documentName) => askInPage(unsavedChangesQuestion(documentName)),
    askToSaveInNewFormat: (fileName, fileFormat) => askInPage(saveInNewFormatPrompt(fileName, fileFormat)),
    onCloseRequest: () => () => {},
    answerCloseRequest: async () => {},
    showDocumentState: () => {},
    async chooseContractFiles() {
      const picked = await pickWithInput(page.document, CONTRACT_FILE_TYPES, { multiple: true });
      if (picked.length === 0) return null;
      return Promise.all(
        picked.map(async (file) => ({
          file: { name: file.name },
          text: await readFileText(file, CONTRACT_SOURCE_FILES),
        })),
      );
    },
    async readClipboardText() {
      return page.navigator.clipboard.readText();
    },
    async editText(edit) {
      page.document.execCommand(edit);
    },
    onMenuCommand: () => () => {},
    onOpenFileRequest: () => () => {},
    takeLaunchFiles: async () => [],
    async openDroppedFile(file) {
      return { file: { name: file.name }, text: await readFileText(file, MESH_FILES) };
    },
    onFileChanged(listener) {
      // A page is told nothing of files on disk: it looks again whenever the user comes back to it.
      const check = () => {
        if (page.document.visibilityState !== 'visible') return;
        void tellOfNewVersions(listener);
      };
      changeListeners.add(listener);
      page.addEventListener('focus', check);
      page.document.addEventListener('visibilitychange', check);
      return () => {
        changeListeners.delete(listener);
        page.removeEventListener('focus', check);
        page.document.removeEventListener('visibilitychange', check);
      };
    },
    ...autosaveIn(store, webLockClaims(page.navigator?.locks)),
  };
}

/** Writes the whole content or nothing: a refused write is given up, so the file stays as it was. */
async function write(handle: FileSystemFileHandle, content: string | Blob): Promise<void> {
  try {
    const writable = await handle.createWritable();
    try {
      await writable.write(content);
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => undefined);
      throw error;
    }
  } catch (error) {
    throw browserWriteRefusal(error, handle.name);
  }
}

const stampOf = (file: File): FileStamp => ({ sizeInBytes: file.size, modifiedAtMs: file.lastModified });

/** The file's version now; null when it cannot be read (gone, or not allowed): then there is nothing to compare. */
/** Whether the browser refused a file because it is no longer there (deleted, moved or renamed). */
const isNotFound = (error: unknown) => error instanceof DOMException && error.name === 'NotFoundError';

function currentStamp(handle: FileSystemFileHandle): Promise<FileStamp | null> {
  return handle.getFile().then(stampOf, () => null);
}

/** Whether the page may read the file behind a handle, asking the user where the browser wants that. */
async function mayRead(handle: FileSystemFileHandle): Promise<boolean> {
  const permissioned = handle as PermissionedHandle;
  if (!permissioned.queryPermission || !permissioned.requestPermission) return true;
  if ((await permissioned.queryPermission({ mode: 'read' })) === 'granted') return true;
  return (await permissioned.requestPermission({ mode: 'read' })) === 'granted';
}

/** The user closing a picker is not an error. */
function cancelledAsEmpty(error: unknown): FileSystemFileHandle[] {
  if (error instanceof DOMException && error.name === 'AbortError') return [];
  throw error;
}

function cancelledAsNull(error: unknown): null {
  if (error instanceof DOMException && error.name === 'AbortError') return null;
  throw error;
}

function pickWithInput(document: Document, accept: string, options: { multiple?: boolean } = {}): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = options.multiple ?? false;
    input.addEventListener('change', () => resolve([...(input.files ?? [])]));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

function download(document: Document, name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = Object.assign(document.createElement('a'), { href: url, download: name });
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
