import { describe, expect, expectTypeOf, it } from 'vitest';
import { createRecentFilesStore } from '../../../electron/files/recent-files';
import { createIpcHandlers } from '../../../electron/ipc/handlers';
import { IPC_CHANNELS, type IpcChannel } from '../../../shared/ipc';
import { MAX_MESH_FILE_BYTES } from '../../../shared/model/mesh-file-format';
import { type DialogAnswers, FakeDialog } from './fakes/fake-dialog';
import { InMemoryFileSystem } from './fakes/in-memory-file-system';

const ORDERS = '/home/ada/orders.mesh.json';
/** The calling page, for handlers that do not act on it. */
const A_PAGE = { performTextEdit: () => undefined };

function aDesktop(
  answers: Partial<DialogAnswers> = {},
  fs = new InMemoryFileSystem(),
  dialog = new FakeDialog(answers),
) {
  fs.withFolder('/home/ada').withFolder('/user-data');
  const recentFiles = createRecentFilesStore({ fs, storePath: '/user-data/recent-files.json' });
  const handlers = createIpcHandlers({ dialog, fs, recentFiles });
  return { fs, dialog, recentFiles, handlers };
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

    it('reads the chosen file and adds it to the recent files', async () => {
      const { handlers, recentFiles } = aDesktop(
        { fileToOpen: ORDERS },
        new InMemoryFileSystem().withFile(ORDERS, '{}'),
      );

      expect(await handlers['file:open'](undefined, A_PAGE)).toEqual({
        ok: true,
        value: { file: { name: 'orders.mesh.json', path: ORDERS }, text: '{}' },
      });
      expect(await recentFiles.list()).toEqual([{ name: 'orders.mesh.json', path: ORDERS }]);
    });

    it('refuses a file larger than any mesh design, without reading it', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, '{}', { sizeInBytes: MAX_MESH_FILE_BYTES + 1 });
      const { handlers } = aDesktop({ fileToOpen: ORDERS }, fs);

      const result = await handlers['file:open'](undefined, A_PAGE);

      expect(result).toEqual({ ok: false, error: expect.stringContaining('mesh files are at most 64 MB') });
      expect(fs.calls).not.toContain(`readText ${ORDERS}`);
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
      expect(fs.calls).not.toContain('readText /etc/passwd');
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
    it('asks where to save a document that was never saved, suggesting a mesh file name', async () => {
      const { handlers, dialog, fs } = aDesktop({ savePath: ORDERS });

      const result = await handlers['file:save']({ file: { name: 'orders' }, text: '{"v":1}' }, A_PAGE);

      expect(dialog.suggestedSaveNames).toEqual(['orders.mesh.json']);
      expect(result).toEqual({ ok: true, value: { name: 'orders.mesh.json', path: ORDERS } });
      expect(fs.files.get(ORDERS)).toBe('{"v":1}');
    });

    it('suggests an untitled mesh file when the document has no name', async () => {
      const { handlers, dialog } = aDesktop({ savePath: null });

      await handlers['file:save']({ file: null, text: '{}' }, A_PAGE);

      expect(dialog.suggestedSaveNames).toEqual(['untitled.mesh.json']);
    });

    it('returns null and writes nothing when the user cancels', async () => {
      const { handlers, fs } = aDesktop({ savePath: null });

      expect(await handlers['file:save']({ file: null, text: '{}' }, A_PAGE)).toEqual({ ok: true, value: null });
      expect(fs.files.size).toBe(0);
    });

    it('refuses to save a file not ending in .mesh.json by appending the extension', async () => {
      const { handlers, fs } = aDesktop({ savePath: '/home/ada/orders.json' });

      const result = await handlers['file:save']({ file: null, text: '{}' }, A_PAGE);

      expect(result).toEqual({ ok: true, value: { name: 'orders.mesh.json', path: ORDERS } });
      expect([...fs.files.keys()]).toContain(ORDERS);
      expect([...fs.files.keys()]).not.toContain('/home/ada/orders.json');
    });

    it('asks before the appended extension replaces another file, and keeps it when told no', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, 'precious');
      const { handlers, dialog } = aDesktop({ savePath: '/home/ada/orders', confirms: false }, fs);

      expect(await handlers['file:save']({ file: null, text: '{}' }, A_PAGE)).toEqual({ ok: true, value: null });
      expect(dialog.confirmations).toEqual([
        { message: 'Replace orders.mesh.json?', detail: `${ORDERS} already exists.` },
      ]);
      expect(fs.files.get(ORDERS)).toBe('precious');
    });

    it('saves again to a file the user opened, without asking', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, 'old');
      const { handlers, dialog } = aDesktop({ fileToOpen: ORDERS }, fs);
      await handlers['file:open'](undefined, A_PAGE);

      const result = await handlers['file:save'](
        { file: { name: 'orders.mesh.json', path: ORDERS }, text: 'new' },
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
          text: '',
        },
        A_PAGE,
      );

      expect(result).toEqual({ ok: false, error: expect.stringContaining('it was never chosen in a file dialog') });
      expect(fs.files.get('/home/ada/.bashrc.mesh.json')).toBe('untouched');
    });

    it('turns a thrown error into a refusal that names the file and the reason', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, 'old').failing('rename', 'EACCES');
      const { handlers } = aDesktop({ savePath: ORDERS }, fs);

      const result = await handlers['file:save']({ file: null, text: 'new' }, A_PAGE);

      expect(result).toEqual({ ok: false, error: `Could not save ${ORDERS}: permission denied` });
      expect(fs.files.get(ORDERS)).toBe('old');
    });
  });

  describe('files:export', () => {
    const contract = { path: 'contracts/orders.odcs.yaml', text: 'kind: DataContract\n' };

    it('writes every file into a folder named after the export, creating subfolders', async () => {
      const { handlers, fs } = aDesktop({ exportFolder: '/home/ada' });

      const result = await handlers['files:export'](
        {
          suggestedName: 'orders-mesh',
          files: [contract, { path: 'README.md', text: '# Orders\n' }],
        },
        A_PAGE,
      );

      expect(result).toEqual({ ok: true, value: '/home/ada/orders-mesh' });
      expect(fs.files.get('/home/ada/orders-mesh/contracts/orders.odcs.yaml')).toBe('kind: DataContract\n');
      expect(fs.files.get('/home/ada/orders-mesh/README.md')).toBe('# Orders\n');
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
          files: [contract, { path: escapingPath, text: 'owned' }],
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

  it('asks the user to confirm and returns their answer', async () => {
    const { handlers, dialog } = aDesktop({ confirms: false });

    const result = await handlers['dialog:confirm'](
      { message: 'Discard changes?', detail: 'Orders is unsaved.' },
      A_PAGE,
    );

    expect(result).toEqual({ ok: true, value: false });
    expect(dialog.confirmations).toEqual([{ message: 'Discard changes?', detail: 'Orders is unsaved.' }]);
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
