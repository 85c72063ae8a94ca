import { describe, expect, expectTypeOf, it } from 'vitest';
import { createExternalChangeWatcher } from '../../../electron/files/external-change-watcher';
import { createFileAccess } from '../../../electron/files/file-access';
import { createPendingWrites } from '../../../electron/files/pending-writes';
import { createRecentFilesStore } from '../../../electron/files/recent-files';
import { createSavesInProgress } from '../../../electron/files/saves-in-progress';
import { createIpcHandlers, type DocumentWindow } from '../../../electron/ipc/handlers';
import type { DeletedFileAnswer } from '../../../shared/files/save-deleted-file-question';
import type { DocumentShellState, FileRef, UnsavedChangesChoice } from '../../../shared/ipc';
import { IPC_CHANNELS, type IpcChannel } from '../../../shared/ipc';
import { MAX_MESH_FILE_BYTES } from '../../../shared/model/mesh-file-format';
import { type DialogAnswers, FakeDialog } from './fakes/fake-dialog';
import { InMemoryFileSystem } from './fakes/in-memory-file-system';

const ORDERS = '/home/ada/orders.mesh.json';
/** The calling page, for handlers that do not act on it. */
const A_PAGE = { performTextEdit: () => undefined };

/** The window around the page, recording what main was asked to show and answer. */
class FakeWindow implements DocumentWindow {
  readonly states: DocumentShellState[] = [];
  readonly closeAnswers: boolean[] = [];
  readonly questions: string[] = [];
  constructor(private readonly choice: UnsavedChangesChoice = 'cancel') {}
  async askToSaveChanges(documentName: string) {
    this.questions.push(documentName);
    return this.choice;
  }
  async askToSaveInNewFormat(fileName: string, fileFormat: number) {
    this.questions.push(`${fileName} (format ${fileFormat})`);
    return 'save-as' as const;
  }
  answerCloseRequest(mayClose: boolean) {
    this.closeAnswers.push(mayClose);
  }
  showDocumentState(state: DocumentShellState) {
    this.states.push(state);
  }
}

function aDesktop(
  answers: Partial<DialogAnswers> = {},
  fs = new InMemoryFileSystem(),
  dialog = new FakeDialog(answers),
  {
    window = new FakeWindow(),
    launchFiles = [] as FileRef[],
    watchesChanges = false,
  }: { window?: FakeWindow; launchFiles?: FileRef[]; watchesChanges?: boolean } = {},
) {
  fs.withFolder('/home/ada').withFolder('/user-data');
  const recentFiles = createRecentFilesStore({ fs, storePath: '/user-data/recent-files.json' });
  const access = createFileAccess(recentFiles);
  const ownWrites: string[] = [];
  /** The folders watched now, one entry a watch. */
  const watchedFolders: string[] = [];
  const changeWatcher = createExternalChangeWatcher({
    watchFolder: (folder) => {
      watchedFolders.push(folder);
      return () => void watchedFolders.splice(watchedFolders.indexOf(folder), 1);
    },
    stamp: (path) => fs.status(path),
    resolveLinks: (path) => fs.resolveLinks(path),
    onExternalChange: () => {},
  });
  const watcher = watchesChanges
    ? changeWatcher
    : {
        followContractFile: () => undefined,
        forgetContractFiles: () => undefined,
        recordKnownVersion: async () => undefined,
        recordReadVersion: async () => undefined,
        adoptReadVersion: () => undefined,
        hasChangedSinceKnown: async () => false,
        beginOwnWrite: (path: string) => void ownWrites.push(`begin ${path}`),
        endOwnWrite: async (path: string) => void ownWrites.push(`end ${path}`),
      };
  const handlers = createIpcHandlers({
    dialog,
    fs,
    recentFiles,
    access,
    watcher,
    window,
    takeLaunchFiles: () => launchFiles.splice(0),
    clipboard: { readText: async () => '' },
    pendingWrites: createPendingWrites(),
    savesInProgress: createSavesInProgress(() => {}),
  });
  return { fs, dialog, recentFiles, access, handlers, window, ownWrites, watchedFolders };
}

describe('IPC handlers', () => {
  it('has a handler for every channel', () => {
    // A channel added to IpcChannels but not to IPC_CHANNELS would never be registered.
    expectTypeOf<(typeof IPC_CHANNELS)[number]>().toEqualTypeOf<IpcChannel>();
    const { handlers } = aDesktop();

    expect(Object.keys(handlers).sort()).toEqual([...IPC_CHANNELS].sort());
    for (const channel of IPC_CHANNELS) expect(handlers[channel]).toBeTypeOf('function');
  });

  describe('file:open', () => {
    it('returns null when the user cancels', async () => {
      const { handlers } = aDesktop({ fileToOpen: null });

      expect(await handlers['file:open'](undefined, A_PAGE)).toEqual({ ok: true, value: null });
    });

    it('reads the chosen file, listing it under Open Recent only once the page opened it as a design', async () => {
      const { handlers, recentFiles } = aDesktop(
        { fileToOpen: ORDERS },
        new InMemoryFileSystem().withFile(ORDERS, '{}'),
      );

      expect(await handlers['file:open'](undefined, A_PAGE)).toEqual({
        ok: true,
        value: { file: { name: 'orders.mesh.json', path: ORDERS }, text: '{}' },
      });
      // A file that is no design (package.json, a cut-off save) must not push the designs out of the list.
      expect(await recentFiles.list()).toEqual([]);

      expect(await handlers['recent:remember']({ path: ORDERS }, A_PAGE)).toEqual({ ok: true, value: null });
      expect(await recentFiles.list()).toEqual([{ name: 'orders.mesh.json', path: ORDERS }]);
    });

    it('lets the page list under Open Recent only a file the user chose', async () => {
      const { handlers, recentFiles } = aDesktop({}, new InMemoryFileSystem().withFile(ORDERS, '{}'));

      expect(await handlers['recent:remember']({ path: ORDERS }, A_PAGE)).toEqual({
        ok: false,
        error: expect.stringContaining('it was never chosen in a file dialog'),
      });
      expect(await recentFiles.list()).toEqual([]);
    });

    it('refuses a file larger than any mesh design, without reading it', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, '{}', { sizeInBytes: MAX_MESH_FILE_BYTES + 1 });
      const { handlers } = aDesktop({ fileToOpen: ORDERS }, fs);

      const result = await handlers['file:open'](undefined, A_PAGE);

      expect(result).toEqual({ ok: false, error: expect.stringContaining('mesh files are at most 64 MiB') });
      expect(fs.calls).not.toContain(`readBytes ${ORDERS}`);
    });

    it.each([
      ['a named pipe', new InMemoryFileSystem().withSpecialFile(ORDERS, 'named pipe')],
      ['a device', new InMemoryFileSystem().withSpecialFile(ORDERS, 'device')],
      ['a folder', new InMemoryFileSystem().withFolder(ORDERS)],
    ])('refuses %s, whose read could block or never end, naming what it is, without reading it', async (what, fs) => {
      const { handlers } = aDesktop({ fileToOpen: ORDERS }, fs);

      const result = await handlers['file:open'](undefined, A_PAGE);

      expect(result).toEqual({ ok: false, error: `Could not open ${ORDERS}: it is ${what}, not a file.` });
      expect(fs.calls).not.toContain(`readBytes ${ORDERS}`);
    });
  });

  describe('reading by the file format’s byte rules', () => {
    const opening = async (bytes: Uint8Array) => {
      const { handlers } = aDesktop({ fileToOpen: ORDERS }, new InMemoryFileSystem().withBytes(ORDERS, bytes));
      return handlers['file:open'](undefined, A_PAGE);
    };

    it('accepts UTF-8 with a byte order mark', async () => {
      const result = await opening(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":"é"}')]));

      expect(result).toMatchObject({ ok: true, value: { text: '{"a":"é"}' } });
    });

    it('refuses UTF-16 with a clear message', async () => {
      const result = await opening(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]));

      expect(result).toEqual({ ok: false, error: expect.stringContaining('the file is UTF-16 text') });
    });

    it('refuses Latin-1 bytes instead of replacing them', async () => {
      const result = await opening(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]));

      expect(result).toEqual({ ok: false, error: expect.stringContaining('byte 6 (0xe9) is not UTF-8') });
    });
  });

  describe('file:read-dropped', () => {
    it('opens a design the user dropped and lets it be saved again', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, '{}');
      const { handlers } = aDesktop({}, fs);

      expect(await handlers['file:read-dropped']({ path: ORDERS }, A_PAGE)).toMatchObject({ ok: true });
      expect(
        await handlers['file:save'](
          { file: { name: 'orders.mesh.json', path: ORDERS }, suggestedName: 'orders.mesh.json', text: 'new' },
          A_PAGE,
        ),
      ).toMatchObject({ ok: true });
    });

    it('refuses anything but a design', async () => {
      const { handlers, fs } = aDesktop({}, new InMemoryFileSystem().withFile('/home/ada/.ssh/id_rsa', 'key'));

      const result = await handlers['file:read-dropped']({ path: '/home/ada/.ssh/id_rsa' }, A_PAGE);

      expect(result).toEqual({ ok: false, error: expect.stringContaining('only .mesh.json designs') });
      expect(fs.calls).not.toContain('readBytes /home/ada/.ssh/id_rsa');
    });
  });

  describe('file:read', () => {
    it('reopens a file from the recent files', async () => {
      const { handlers, recentFiles } = aDesktop({}, new InMemoryFileSystem().withFile(ORDERS, '{"name":"Orders"}'));
      await recentFiles.remember(ORDERS);

      expect(await handlers['file:read']({ path: ORDERS }, A_PAGE)).toEqual({
        ok: true,
        value: { file: { name: 'orders.mesh.json', path: ORDERS }, text: '{"name":"Orders"}' },
      });
    });

    it('refuses a file the user never opened, without reading it', async () => {
      const { handlers, fs } = aDesktop({}, new InMemoryFileSystem().withFile('/etc/passwd', 'root:x:0:0'));

      const result = await handlers['file:read']({ path: '/etc/passwd' }, A_PAGE);

      expect(result).toEqual({ ok: false, error: expect.stringContaining('it is not in the recent files') });
      expect(fs.calls).not.toContain('readBytes /etc/passwd');
    });

    it('drops a recent file that was deleted, and says so', async () => {
      const { handlers, recentFiles } = aDesktop();
      await recentFiles.remember(ORDERS);

      const result = await handlers['file:read']({ path: ORDERS }, A_PAGE);

      expect(result).toEqual({ ok: false, error: expect.stringContaining('it was moved or deleted') });
      expect(await recentFiles.list()).toEqual([]);
    });
  });

  describe('file:save', () => {
    it('refuses a design over the byte limit, counted in bytes as every reader counts it', async () => {
      const { handlers, fs } = aDesktop({ savePath: ORDERS });
      // Under the limit in characters, over it in UTF-8 bytes: it could be saved but never reopened.
      const text = 'é'.repeat(MAX_MESH_FILE_BYTES / 2 + 1);

      const result = await handlers['file:save']({ file: null, suggestedName: 'orders.mesh.json', text }, A_PAGE);

      expect(result).toEqual({ ok: false, error: expect.stringContaining('could not be opened again') });
      expect(fs.files.has(ORDERS)).toBe(false);
    });

    describe('in place, over a version another program wrote since', () => {
      async function openedThenChangedOutside(confirms: boolean) {
        const fs = new InMemoryFileSystem().withFile(ORDERS, 'opened');
        const desktop = aDesktop({ fileToOpen: ORDERS, confirms }, fs, undefined, { watchesChanges: true });
        await desktop.handlers['file:open'](undefined, A_PAGE);
        // As the page does once the file opened as a design.
        await desktop.handlers['recent:remember']({ path: ORDERS }, A_PAGE);
        fs.changeOutside(ORDERS, 'their version');
        return desktop;
      }

      it('asks first, and keeps their version on Cancel', async () => {
        const { handlers, dialog, fs } = await openedThenChangedOutside(false);

        const result = await handlers['file:save'](
          { file: { name: 'orders.mesh.json', path: ORDERS }, suggestedName: 'orders.mesh.json', text: 'mine' },
          A_PAGE,
        );

        expect(result).toEqual({ ok: true, value: null });
        expect(dialog.changedFileQuestions).toEqual([ORDERS]);
        expect(fs.files.get(ORDERS)).toBe('their version');
      });

      it('saves over it once the user agrees', async () => {
        const { handlers, fs } = await openedThenChangedOutside(true);

        await handlers['file:save'](
          { file: { name: 'orders.mesh.json', path: ORDERS }, suggestedName: 'orders.mesh.json', text: 'mine' },
          A_PAGE,
        );

        expect(fs.files.get(ORDERS)).toBe('mine');
      });

      it('asks first when their version was read again but did not open as the design (Reload of a newer app’s file)', async () => {
        const { handlers, dialog, fs } = await openedThenChangedOutside(false);
        // Reload: the page reads their version, which does not open, so it keeps its own design.
        await handlers['file:read']({ path: ORDERS }, A_PAGE);

        await handlers['file:save'](
          { file: { name: 'orders.mesh.json', path: ORDERS }, suggestedName: 'orders.mesh.json', text: 'mine' },
          A_PAGE,
        );

        expect(dialog.changedFileQuestions).toEqual([ORDERS]);
        expect(fs.files.get(ORDERS)).toBe('their version');
      });

      it('asks nothing once their version, read again, opened as the design (Reload)', async () => {
        const { handlers, dialog, fs } = await openedThenChangedOutside(false);
        await handlers['file:read']({ path: ORDERS }, A_PAGE);
        await handlers['recent:remember']({ path: ORDERS }, A_PAGE);

        await handlers['file:save'](
          { file: { name: 'orders.mesh.json', path: ORDERS }, suggestedName: 'orders.mesh.json', text: 'mine' },
          A_PAGE,
        );

        expect(dialog.changedFileQuestions).toEqual([]);
        expect(fs.files.get(ORDERS)).toBe('mine');
      });

      it('asks nothing while the file is as the app read or wrote it', async () => {
        const fs = new InMemoryFileSystem().withFile(ORDERS, 'opened');
        const { handlers, dialog } = aDesktop({ fileToOpen: ORDERS }, fs, undefined, { watchesChanges: true });
        await handlers['file:open'](undefined, A_PAGE);
        const orders = { name: 'orders.mesh.json', path: ORDERS };

        await handlers['file:save']({ file: orders, suggestedName: 'orders.mesh.json', text: 'first save' }, A_PAGE);
        await handlers['file:save']({ file: orders, suggestedName: 'orders.mesh.json', text: 'second save' }, A_PAGE);

        expect(dialog.changedFileQuestions).toEqual([]);
        expect(fs.files.get(ORDERS)).toBe('second save');
      });
    });

    describe('in place, over a file another program deleted or moved since', () => {
      async function openedThenDeletedOutside(deletedFileAnswer: DeletedFileAnswer, savePath: string | null = null) {
        const fs = new InMemoryFileSystem().withFile(ORDERS, 'opened');
        const desktop = aDesktop({ fileToOpen: ORDERS, deletedFileAnswer, savePath }, fs, undefined, {
          watchesChanges: true,
        });
        await desktop.handlers['file:open'](undefined, A_PAGE);
        await fs.remove(ORDERS);
        const result = await desktop.handlers['file:save'](
          { file: { name: 'orders.mesh.json', path: ORDERS }, suggestedName: 'orders.mesh.json', text: 'mine' },
          A_PAGE,
        );
        return { ...desktop, result };
      }

      it('asks first, and writes nothing on Cancel', async () => {
        const { result, dialog, fs } = await openedThenDeletedOutside('cancel');

        expect(result).toEqual({ ok: true, value: null });
        expect(dialog.deletedFileQuestions).toEqual([ORDERS]);
        expect(fs.files.has(ORDERS)).toBe(false);
      });

      it('writes it there again on Save', async () => {
        const { fs } = await openedThenDeletedOutside('save');

        expect(fs.files.get(ORDERS)).toBe('mine');
      });

      it('says that its folder is gone, and what to do, when Save finds the folder deleted too', async () => {
        const fs = new InMemoryFileSystem().withFile('/home/ada/shop/orders.mesh.json', 'opened');
        const { handlers } = aDesktop({ fileToOpen: '/home/ada/shop/orders.mesh.json' }, fs, undefined, {
          watchesChanges: true,
        });
        const orders = { name: 'orders.mesh.json', path: '/home/ada/shop/orders.mesh.json' };
        await handlers['file:open'](undefined, A_PAGE);
        await fs.removeFolder('/home/ada/shop');

        const result = await handlers['file:save']({ file: orders, suggestedName: orders.name, text: 'mine' }, A_PAGE);

        expect(result).toEqual({
          ok: false,
          error: 'Could not save /home/ada/shop/orders.mesh.json: /home/ada/shop does not exist; choose another path',
        });
      });

      it('asks where on Save As…, and writes it there', async () => {
        const elsewhere = '/home/ada/elsewhere.mesh.json';
        const { result, dialog, fs } = await openedThenDeletedOutside('save-as', elsewhere);

        expect(dialog.suggestedSaveNames).toEqual(['orders.mesh.json']);
        expect(result).toMatchObject({ ok: true, value: { path: elsewhere } });
        expect(fs.files.get(elsewhere)).toBe('mine');
        expect(fs.files.has(ORDERS)).toBe(false);
      });
    });

    it('tells the change watcher the save is its own', async () => {
      const { handlers, ownWrites } = aDesktop({ savePath: ORDERS });

      await handlers['file:save']({ file: null, suggestedName: 'orders.mesh.json', text: '{}' }, A_PAGE);

      expect(ownWrites).toEqual([`begin ${ORDERS}`, `end ${ORDERS}`]);
    });

    it('asks where to save a document that was never saved, suggesting a mesh file name', async () => {
      const { handlers, dialog, fs } = aDesktop({ savePath: ORDERS });

      const result = await handlers['file:save'](
        { file: { name: 'orders' }, suggestedName: 'orders.mesh.json', text: '{"v":1}' },
        A_PAGE,
      );

      expect(dialog.suggestedSaveNames).toEqual(['orders.mesh.json']);
      expect(result).toEqual({ ok: true, value: { name: 'orders.mesh.json', path: ORDERS } });
      expect(fs.files.get(ORDERS)).toBe('{"v":1}');
    });

    it('suggests the name the page asks for on a first save and on Save As…, as a mesh file name', async () => {
      const { handlers, dialog } = aDesktop({ savePath: null });

      await handlers['file:save']({ file: null, suggestedName: 'claims-intake.mesh.json', text: '{}' }, A_PAGE);
      await handlers['file:save']({ file: null, suggestedName: 'Claims Intake', text: '{}' }, A_PAGE);

      expect(dialog.suggestedSaveNames).toEqual(['claims-intake.mesh.json', 'Claims Intake.mesh.json']);
    });

    it('suggests only a name, never a folder, from what the page asks for', async () => {
      const { handlers, dialog } = aDesktop({ savePath: null });

      await handlers['file:save']({ file: null, suggestedName: '../../etc/claims.mesh.json', text: '{}' }, A_PAGE);

      expect(dialog.suggestedSaveNames).toEqual(['claims.mesh.json']);
    });

    it('returns null and writes nothing when the user cancels', async () => {
      const { handlers, fs } = aDesktop({ savePath: null });

      expect(
        await handlers['file:save']({ file: null, suggestedName: 'orders.mesh.json', text: '{}' }, A_PAGE),
      ).toEqual({ ok: true, value: null });
      expect(fs.files.size).toBe(0);
    });

    it('refuses to save a file not ending in .mesh.json by appending the extension', async () => {
      const { handlers, fs } = aDesktop({ savePath: '/home/ada/orders.json' });

      const result = await handlers['file:save']({ file: null, suggestedName: 'orders.mesh.json', text: '{}' }, A_PAGE);

      expect(result).toEqual({ ok: true, value: { name: 'orders.mesh.json', path: ORDERS } });
      expect([...fs.files.keys()]).toContain(ORDERS);
      expect([...fs.files.keys()]).not.toContain('/home/ada/orders.json');
    });

    it('asks before the appended extension replaces another file, and keeps it when told no', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, 'precious');
      const { handlers, dialog } = aDesktop({ savePath: '/home/ada/orders', confirms: false }, fs);

      expect(
        await handlers['file:save']({ file: null, suggestedName: 'orders.mesh.json', text: '{}' }, A_PAGE),
      ).toEqual({ ok: true, value: null });
      expect(dialog.replaceQuestions).toEqual([ORDERS]);
      expect(fs.files.get(ORDERS)).toBe('precious');
    });

    it('saves again to a file the user opened, without asking', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, 'old');
      const { handlers, dialog } = aDesktop({ fileToOpen: ORDERS }, fs);
      await handlers['file:open'](undefined, A_PAGE);

      const result = await handlers['file:save'](
        { file: { name: 'orders.mesh.json', path: ORDERS }, suggestedName: 'orders.mesh.json', text: 'new' },
        A_PAGE,
      );

      expect(result).toEqual({ ok: true, value: { name: 'orders.mesh.json', path: ORDERS } });
      expect(fs.files.get(ORDERS)).toBe('new');
      expect(dialog.suggestedSaveNames).toEqual([]);
    });

    it('refuses to save over a file the user never chose', async () => {
      const fs = new InMemoryFileSystem().withFile('/home/ada/.bashrc.mesh.json', 'untouched');
      const { handlers } = aDesktop({}, fs);

      const result = await handlers['file:save'](
        {
          file: { name: 'x', path: '/home/ada/.bashrc.mesh.json' },
          suggestedName: 'orders.mesh.json',
          text: '',
        },
        A_PAGE,
      );

      expect(result).toEqual({ ok: false, error: expect.stringContaining('it was never chosen in a file dialog') });
      expect(fs.files.get('/home/ada/.bashrc.mesh.json')).toBe('untouched');
    });

    it('names the folder, not a temporary file, when the folder refuses new files (a read-only folder)', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, 'old').failing('writeTextDurably', 'EACCES');
      const { handlers } = aDesktop({ savePath: ORDERS }, fs);

      const result = await handlers['file:save'](
        { file: null, suggestedName: 'orders.mesh.json', text: 'new' },
        A_PAGE,
      );

      expect(result).toEqual({
        ok: false,
        error: `Could not save ${ORDERS}: permission denied on /home/ada; check its permissions or choose another path`,
      });
      expect(fs.files.get(ORDERS)).toBe('old');
    });

    it('turns a thrown error into a refusal that names the file and the reason', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, 'old').failing('rename', 'EACCES');
      const { handlers } = aDesktop({ savePath: ORDERS }, fs);

      const result = await handlers['file:save'](
        { file: null, suggestedName: 'orders.mesh.json', text: 'new' },
        A_PAGE,
      );

      expect(result).toEqual({
        ok: false,
        error: `Could not save ${ORDERS}: permission denied; check its permissions or choose another path`,
      });
      expect(fs.files.get(ORDERS)).toBe('old');
    });
  });

  describe('file:save-export', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    it('writes the bytes of an image where the user chose, offering the suggested name', async () => {
      const { handlers, fs, dialog } = aDesktop({ exportFilePath: '/home/ada/logical-view.png' });

      const result = await handlers['file:save-export']({ suggestedName: 'logical-view.png', content: png }, A_PAGE);

      expect(result).toEqual({ ok: true, value: 'logical-view.png' });
      expect(dialog.suggestedSaveNames).toEqual(['logical-view.png']);
      expect(fs.bytes.get('/home/ada/logical-view.png')).toEqual(png);
    });

    it('writes text as it is, and offers only the base name of a suggested path', async () => {
      const { handlers, fs, dialog } = aDesktop({ exportFilePath: '/home/ada/view.mmd' });

      await handlers['file:save-export']({ suggestedName: '../../etc/view.mmd', content: 'flowchart LR\n' }, A_PAGE);

      expect(dialog.suggestedSaveNames).toEqual(['view.mmd']);
      expect(fs.files.get('/home/ada/view.mmd')).toBe('flowchart LR\n');
    });

    it('returns null and writes nothing when the user cancels', async () => {
      const { handlers, fs } = aDesktop({ exportFilePath: null });

      expect(await handlers['file:save-export']({ suggestedName: 'x.svg', content: '<svg/>' }, A_PAGE)).toEqual({
        ok: true,
        value: null,
      });
      expect(fs.files.size).toBe(0);
    });
  });

  describe('files:export', () => {
    const contract = { path: 'contracts/orders.odcs.yaml', content: 'kind: DataContract\n' };

    it('writes every file into a folder named after the export, creating subfolders', async () => {
      const { handlers, fs } = aDesktop({ exportFolder: '/home/ada' });

      const result = await handlers['files:export'](
        {
          suggestedName: 'orders-mesh',
          files: [contract, { path: 'README.md', content: '# Orders\n' }],
        },
        A_PAGE,
      );

      expect(result).toEqual({ ok: true, value: { folder: '/home/ada/orders-mesh', removed: [] } });
      expect(fs.files.get('/home/ada/orders-mesh/contracts/orders.odcs.yaml')).toBe('kind: DataContract\n');
      expect(fs.files.get('/home/ada/orders-mesh/README.md')).toBe('# Orders\n');
    });

    it('writes images as the bytes the page sent', async () => {
      const { handlers, fs } = aDesktop({ exportFolder: '/home/ada' });
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);

      await handlers['files:export'](
        { suggestedName: 'orders-mesh', files: [{ path: 'mermaid/view.png', content: png }] },
        A_PAGE,
      );

      expect(fs.bytes.get('/home/ada/orders-mesh/mermaid/view.png')).toEqual(png);
    });

    it('asks before writing into a folder that is already there, and writes nothing when declined', async () => {
      const fs = new InMemoryFileSystem().withFile('/home/ada/orders-mesh/notes.md', 'mine');
      const { handlers, dialog } = aDesktop({ exportFolder: '/home/ada', confirms: false }, fs);

      const declined = await handlers['files:export']({ suggestedName: 'orders-mesh', files: [contract] }, A_PAGE);

      expect(declined).toEqual({ ok: true, value: null });
      expect(dialog.exportFolderQuestions).toEqual(['/home/ada/orders-mesh']);
      expect([...fs.files.keys()]).toEqual(['/home/ada/orders-mesh/notes.md']);

      dialog.answers.confirms = true;
      await handlers['files:export']({ suggestedName: 'orders-mesh', files: [contract] }, A_PAGE);
      expect(fs.files.get('/home/ada/orders-mesh/contracts/orders.odcs.yaml')).toBe('kind: DataContract\n');
      expect(fs.files.get('/home/ada/orders-mesh/notes.md')).toBe('mine');
    });

    it.each([
      ['a parent-folder escape', '../../etc/x'],
      ['an escape hidden in a subfolder', 'contracts/../../../etc/x'],
      ['an absolute path', '/etc/x'],
      ['a Windows-style escape', '..\\..\\etc\\x'],
    ])('refuses %s and writes nothing', async (_case, escapingPath) => {
      const { handlers, fs } = aDesktop({ exportFolder: '/home/ada' });

      const result = await handlers['files:export'](
        {
          suggestedName: 'orders-mesh',
          files: [contract, { path: escapingPath, content: 'owned' }],
        },
        A_PAGE,
      );

      expect(result).toEqual({ ok: false, error: expect.stringContaining(`Refusing to export "${escapingPath}"`) });
      expect(fs.files.size).toBe(0);
    });

    it('refuses an export folder name that leaves the chosen folder', async () => {
      const { handlers, fs } = aDesktop({ exportFolder: '/home/ada' });

      const result = await handlers['files:export']({ suggestedName: '../bob', files: [contract] }, A_PAGE);

      expect(result).toEqual({ ok: false, error: expect.stringContaining('it is not a folder inside /home/ada') });
      expect(fs.files.size).toBe(0);
    });

    it('returns null when the user cancels', async () => {
      const { handlers } = aDesktop({ exportFolder: null });

      expect(await handlers['files:export']({ suggestedName: 'orders-mesh', files: [contract] }, A_PAGE)).toEqual({
        ok: true,
        value: null,
      });
    });
  });

  it('lists the recent files, most recent first', async () => {
    const { handlers, recentFiles } = aDesktop();
    await recentFiles.remember('/home/ada/a.mesh.json');
    await recentFiles.remember('/home/ada/b.mesh.json');

    expect(await handlers['recent:list'](undefined, A_PAGE)).toEqual({
      ok: true,
      value: [
        { name: 'b.mesh.json', path: '/home/ada/b.mesh.json' },
        { name: 'a.mesh.json', path: '/home/ada/a.mesh.json' },
      ],
    });
  });

  it('asks Save / Don’t Save / Cancel in main’s words, about the document the page names', async () => {
    const window = new FakeWindow('discard');
    const { handlers } = aDesktop({}, new InMemoryFileSystem(), new FakeDialog(), { window });

    const result = await handlers['dialog:unsaved-changes']({ documentName: 'orders.mesh.json' }, A_PAGE);

    expect(result).toEqual({ ok: true, value: 'discard' });
    expect(window.questions).toEqual(['orders.mesh.json']);
  });

  it('asks before the first save over a file an older version wrote, in main’s words, about the file and format the page names', async () => {
    const window = new FakeWindow();
    const { handlers } = aDesktop({}, new InMemoryFileSystem(), new FakeDialog(), { window });

    const result = await handlers['dialog:save-in-new-format']({ fileName: 'orders.mesh.json', fileFormat: 1 }, A_PAGE);

    expect(result).toEqual({ ok: true, value: 'save-as' });
    expect(window.questions).toEqual(['orders.mesh.json (format 1)']);
  });

  it('passes the page’s answer to a close request on to the window', async () => {
    const { handlers, window } = aDesktop();

    await handlers['window:answer-close']({ mayClose: true }, A_PAGE);

    expect(window.closeAnswers).toEqual([true]);
  });

  it('shows the file the page has open only when the user chose it', async () => {
    const fs = new InMemoryFileSystem().withFile(ORDERS, '{}');
    const { handlers, window } = aDesktop({ fileToOpen: ORDERS }, fs);
    const state = { isDirty: true, enabledCommands: ['file.save' as const], designGeneration: 1 };

    await handlers['window:document-state']({ ...state, filePath: '/etc/passwd' }, A_PAGE);
    await handlers['file:open'](undefined, A_PAGE);
    await handlers['window:document-state']({ ...state, filePath: ORDERS }, A_PAGE);

    expect(window.states).toEqual([state, { ...state, filePath: ORDERS }]);
  });

  describe('the contract files watched for another program’s version', () => {
    const VENDOR = '/home/ada/contracts/vendor.odcs.yaml';
    const HOLDING_THE_FIRST_DESIGN = { isDirty: false, enabledCommands: [], designGeneration: 1 };

    async function aContractFileOpenedInPlace() {
      const fs = new InMemoryFileSystem().withFile(VENDOR, 'kind: DataContract\n');
      const desktop = aDesktop({ contractFileToOpen: VENDOR }, fs, undefined, { watchesChanges: true });
      await desktop.handlers['window:document-state'](HOLDING_THE_FIRST_DESIGN, A_PAGE);
      await desktop.handlers['contracts:open'](undefined, A_PAGE);
      expect(desktop.watchedFolders).toEqual(['/home/ada/contracts']);
      return desktop;
    }

    it('are no longer watched once the page holds another design (opened, New or a restored copy)', async () => {
      const { handlers, watchedFolders } = await aContractFileOpenedInPlace();

      await handlers['window:document-state']({ ...HOLDING_THE_FIRST_DESIGN, designGeneration: 2 }, A_PAGE);

      expect(watchedFolders).toEqual([]);
    });

    it('are still watched while the page holds the same design, saved under another name', async () => {
      const { handlers, watchedFolders } = await aContractFileOpenedInPlace();

      await handlers['window:document-state']({ ...HOLDING_THE_FIRST_DESIGN, filePath: ORDERS }, A_PAGE);

      expect(watchedFolders).toEqual(['/home/ada/contracts']);
    });
  });

  it('performs a menu’s text edit on the page that asked', async () => {
    const { handlers } = aDesktop();
    const edits: string[] = [];

    await handlers['window:edit-text']({ edit: 'copy' }, { performTextEdit: (edit) => edits.push(edit) });

    expect(edits).toEqual(['copy']);
  });

  it('hands the page the files given at launch, once', async () => {
    const launchFiles = [{ name: 'orders.mesh.json', path: ORDERS }];
    const { handlers } = aDesktop({}, new InMemoryFileSystem(), new FakeDialog(), { launchFiles });

    expect(await handlers['app:take-launch-files'](undefined, A_PAGE)).toEqual({
      ok: true,
      value: [{ name: 'orders.mesh.json', path: ORDERS }],
    });
    expect(await handlers['app:take-launch-files'](undefined, A_PAGE)).toEqual({ ok: true, value: [] });
  });

  it('reads the contract files the user picked for import', async () => {
    const fs = new InMemoryFileSystem().withFile('/home/ada/orders.odcs.yaml', 'kind: DataContract\n');
    const { handlers } = aDesktop({ contractFiles: ['/home/ada/orders.odcs.yaml'] }, fs);

    expect(await handlers['contracts:choose'](undefined, A_PAGE)).toEqual({
      ok: true,
      value: [{ file: { name: 'orders.odcs.yaml', path: '/home/ada/orders.odcs.yaml' }, text: 'kind: DataContract\n' }],
    });
  });

  it('reads the one contract file the user picked to open', async () => {
    const fs = new InMemoryFileSystem().withFile('/home/ada/orders.odcs.yaml', 'kind: DataContract\n');
    const { handlers } = aDesktop({ contractFileToOpen: '/home/ada/orders.odcs.yaml' }, fs);

    expect(await handlers['contracts:open'](undefined, A_PAGE)).toEqual({
      ok: true,
      value: { file: { name: 'orders.odcs.yaml', path: '/home/ada/orders.odcs.yaml' }, text: 'kind: DataContract\n' },
    });
  });

  it('reports a failure instead of throwing it across IPC', async () => {
    class CrashingDialog extends FakeDialog {
      override async chooseMeshFileToOpen(): Promise<string | null> {
        throw new Error('the dialog crashed');
      }
    }
    const { handlers } = aDesktop({}, new InMemoryFileSystem(), new CrashingDialog());

    expect(await handlers['file:open'](undefined, A_PAGE)).toEqual({
      ok: false,
      error: 'Could not open the file: the dialog crashed',
    });
  });
});
