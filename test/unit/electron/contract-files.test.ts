import { describe, expect, it } from 'vitest';
import { withContractExtension } from '../../../electron/files/contract-files';
import { MAX_MESH_FILE_BYTES } from '../../../shared/model/mesh-file-format';
import { A_WEB_PAGE, aDesktop, THE_APP } from './fakes/a-desktop';
import { InMemoryFileSystem } from './fakes/in-memory-file-system';

const ORDERS = '/home/ada/orders.odcs.yaml';
const OLD_TEXT = '# Orders, as the team wrote it\nkind: DataContract\nversion: 1.0.0\n';
const NEW_TEXT = '# Orders, as the team wrote it\nkind: DataContract\nversion: 1.1.0\n';

describe('contracts saved on their own in the desktop app', () => {
  describe('open contract', () => {
    it('asks for one file with its own dialog, not the import picker, and opens that file', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, OLD_TEXT).withFile('/home/ada/other.odcs.yaml', NEW_TEXT);
      const { host } = aDesktop({ contractFileToOpen: ORDERS, contractFiles: ['/home/ada/other.odcs.yaml'] }, fs);

      expect(await host.openContractFile()).toEqual({
        file: { name: 'orders.odcs.yaml', path: ORDERS },
        text: OLD_TEXT,
      });
    });

    it('opens nothing when the user cancels', async () => {
      const { host } = aDesktop({ contractFileToOpen: null, contractFiles: [ORDERS] });

      expect(await host.openContractFile()).toBeNull();
    });

    it('keeps a UTF-8 byte order mark, so the contract saves back to the same bytes', async () => {
      const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(OLD_TEXT)]);
      const fs = new InMemoryFileSystem().withBytes(ORDERS, withMark);
      const { host } = aDesktop({ contractFileToOpen: ORDERS }, fs);

      expect((await host.openContractFile())?.text).toBe(`\uFEFF${OLD_TEXT}`);
    });

    it('refuses a file that is not UTF-8, naming its first bad byte, rather than opening replacement characters', async () => {
      const latin1 = new Uint8Array([
        ...new TextEncoder().encode('name: h'),
        0xf4,
        ...new TextEncoder().encode('pital\n'),
      ]);
      const fs = new InMemoryFileSystem().withBytes(ORDERS, latin1);
      const { host } = aDesktop({ contractFileToOpen: ORDERS }, fs);

      await expect(host.openContractFile()).rejects.toThrow('byte 7 (0xf4) is not UTF-8');
    });

    it('says which file could not be read', async () => {
      const { host } = aDesktop({ contractFileToOpen: '/home/ada/gone.odcs.yaml' });

      await expect(host.openContractFile()).rejects.toThrow('/home/ada/gone.odcs.yaml');
    });
  });

  describe('in place', () => {
    it('writes a contract opened from a file back to that file, without asking', async () => {
      const { host, fs, dialog } = aDesktop(
        { contractFileToOpen: ORDERS },
        new InMemoryFileSystem().withFile(ORDERS, OLD_TEXT),
      );
      const opened = await host.openContractFile();
      expect(opened?.file).toEqual({ name: 'orders.odcs.yaml', path: ORDERS });

      const saved = await host.saveContractFile(opened!.file, 'orders.odcs.yaml', NEW_TEXT);

      expect(saved).toEqual({ name: 'orders.odcs.yaml', path: ORDERS });
      expect(fs.files.get(ORDERS)).toBe(NEW_TEXT);
      expect(dialog.suggestedSaveNames).toEqual([]);
    });

    it('asks before replacing a version another program wrote since it was opened, and keeps theirs on Cancel', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, OLD_TEXT);
      const { host, dialog } = aDesktop({ contractFileToOpen: ORDERS, confirms: false }, fs);
      const opened = await host.openContractFile();
      fs.changeOutside(ORDERS, 'their version, from git pull\n');

      expect(await host.saveContractFile(opened!.file, 'orders.odcs.yaml', NEW_TEXT)).toBeNull();

      expect(dialog.changedFileQuestions).toEqual([ORDERS]);
      expect(fs.files.get(ORDERS)).toBe('their version, from git pull\n');
    });

    it('replaces their version once the user agrees, and asks nothing on the next save of its own', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, OLD_TEXT);
      const { host, dialog } = aDesktop({ contractFileToOpen: ORDERS, confirms: true }, fs);
      const opened = await host.openContractFile();
      fs.changeOutside(ORDERS, 'their version\n');

      await host.saveContractFile(opened!.file, 'orders.odcs.yaml', NEW_TEXT);
      await host.saveContractFile(opened!.file, 'orders.odcs.yaml', `${NEW_TEXT}# again\n`);

      expect(dialog.changedFileQuestions).toEqual([ORDERS]);
      expect(fs.files.get(ORDERS)).toBe(`${NEW_TEXT}# again\n`);
    });

    it('tells the page when another program changes a contract file opened or saved in place', async () => {
      const saved = '/home/ada/vendor.odcs.yaml';
      const fs = new InMemoryFileSystem().withFile(ORDERS, OLD_TEXT);
      const { host, externalChanges, folderReports } = aDesktop(
        { contractFileToOpen: ORDERS, contractSavePath: saved },
        fs,
      );
      await host.openContractFile();
      await host.saveContractFile(null, 'vendor.odcs.yaml', OLD_TEXT);
      await folderReports('/home/ada', 'vendor.odcs.yaml');

      fs.changeOutside(ORDERS, 'their version, from git pull\n');
      fs.changeOutside(saved, 'theirs too\n');
      await folderReports('/home/ada', 'orders.odcs.yaml');
      await folderReports('/home/ada', 'vendor.odcs.yaml');

      expect(externalChanges).toEqual([ORDERS, saved]);
    });

    it('reads a contract file again, and once the page holds that version saves over it without asking', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, OLD_TEXT);
      const { host, dialog } = aDesktop({ contractFileToOpen: ORDERS, confirms: false }, fs);
      const opened = await host.openContractFile();
      fs.changeOutside(ORDERS, 'their version, from git pull\n');

      const reread = await host.readContractFile(opened!.file);
      await host.adoptContractFile(reread.file);

      expect(reread).toEqual({ file: opened!.file, text: 'their version, from git pull\n' });
      expect(await host.saveContractFile(opened!.file, 'orders.odcs.yaml', NEW_TEXT)).toEqual(opened!.file);
      expect(dialog.changedFileQuestions).toEqual([]);
    });

    it('still asks before replacing a version read again that the page did not take (it no longer parsed)', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, OLD_TEXT);
      const { host, dialog } = aDesktop({ contractFileToOpen: ORDERS, confirms: false }, fs);
      const opened = await host.openContractFile();
      fs.changeOutside(ORDERS, 'version: [broken\n');
      await host.readContractFile(opened!.file);

      expect(await host.saveContractFile(opened!.file, 'orders.odcs.yaml', NEW_TEXT)).toBeNull();
      expect(dialog.changedFileQuestions).toEqual([ORDERS]);
    });

    it('refuses to read again a file never chosen as a contract file', async () => {
      const fs = new InMemoryFileSystem().withFile('/home/ada/.ssh/id_rsa', 'secret');
      const { host } = aDesktop({}, fs);

      await expect(host.readContractFile({ name: 'id_rsa', path: '/home/ada/.ssh/id_rsa' })).rejects.toThrow(
        'Refusing to read /home/ada/.ssh/id_rsa: it was never chosen as a contract file.',
      );
    });

    it('asks before writing again a contract file another program deleted, and writes nothing on Cancel', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, OLD_TEXT);
      const { host, dialog } = aDesktop({ contractFileToOpen: ORDERS, deletedFileAnswer: 'cancel' }, fs);
      const opened = await host.openContractFile();
      await fs.remove(ORDERS);

      expect(await host.saveContractFile(opened!.file, 'orders.odcs.yaml', NEW_TEXT)).toBeNull();

      expect(dialog.deletedFileQuestions).toEqual([ORDERS]);
      expect(fs.files.has(ORDERS)).toBe(false);
    });

    it('saves a deleted contract file elsewhere on Save As…, offering its name', async () => {
      const elsewhere = '/home/ada/kept/orders.odcs.yaml';
      const fs = new InMemoryFileSystem().withFile(ORDERS, OLD_TEXT).withFolder('/home/ada/kept');
      const { host, dialog } = aDesktop(
        { contractFileToOpen: ORDERS, deletedFileAnswer: 'save-as', contractSavePath: elsewhere },
        fs,
      );
      const opened = await host.openContractFile();
      await fs.remove(ORDERS);

      expect(await host.saveContractFile(opened!.file, 'orders.odcs.yaml', NEW_TEXT)).toEqual({
        name: 'orders.odcs.yaml',
        path: elsewhere,
      });
      expect(dialog.suggestedSaveNames).toEqual(['orders.odcs.yaml']);
      expect(fs.files.get(elsewhere)).toBe(NEW_TEXT);
      expect(fs.files.has(ORDERS)).toBe(false);
    });

    it('keeps the file’s permissions and writes a symbolic link through to its target', async () => {
      const target = '/home/ada/contracts/orders.odcs.yaml';
      const fs = new InMemoryFileSystem().withFile(target, OLD_TEXT, { mode: 0o600 }).withLink(ORDERS, target);
      const { host } = aDesktop({ contractFileToOpen: ORDERS }, fs);
      const opened = await host.openContractFile();

      await host.saveContractFile(opened!.file, 'orders.odcs.yaml', NEW_TEXT);

      expect(fs.links.get(ORDERS)).toBe(target);
      expect(fs.files.get(target)).toBe(NEW_TEXT);
      expect(fs.modes.get(target)).toBe(0o600);
    });

    it('imports a UTF-16 script with a byte order mark, as SSMS saves "Unicode" ones, where the browser does too', async () => {
      const script = 'CREATE TABLE orders (id INT PRIMARY KEY);\n';
      const utf16 = new Uint8Array([0xff, 0xfe, ...[...script].flatMap((char) => [char.charCodeAt(0), 0])]);
      const path = '/home/ada/orders.sql';
      const { host } = aDesktop({ contractFiles: [path] }, new InMemoryFileSystem().withBytes(path, utf16));

      expect((await host.chooseContractFiles())?.[0]?.text).toBe(script);
    });

    it('names contract files, not mesh files, when a picked file is too large to import', async () => {
      const path = '/home/ada/huge.avsc';
      const fs = new InMemoryFileSystem().withBytes(path, new Uint8Array(MAX_MESH_FILE_BYTES + 1));
      const { host } = aDesktop({ contractFiles: [path] }, fs);

      await expect(host.chooseContractFiles()).rejects.toThrow('contract files are at most');
    });

    it('saves a contract a file was imported from back to that file', async () => {
      const { host, fs } = aDesktop({ contractFiles: [ORDERS] }, new InMemoryFileSystem().withFile(ORDERS, OLD_TEXT));
      const [imported] = (await host.chooseContractFiles()) ?? [];

      await host.saveContractFile(imported!.file, 'orders.odcs.yaml', NEW_TEXT);

      expect(fs.files.get(ORDERS)).toBe(NEW_TEXT);
    });

    it('refuses to write a path the user never chose for a contract, leaving that file alone', async () => {
      const fs = new InMemoryFileSystem().withFile('/home/ada/.bashrc', 'untouched');
      const { host } = aDesktop({}, fs);

      await expect(
        host.saveContractFile({ name: '.bashrc', path: '/home/ada/.bashrc' }, 'x', 'rm -rf ~'),
      ).rejects.toThrow('Refusing to save to /home/ada/.bashrc: it was never chosen as a contract file.');
      expect(fs.files.get('/home/ada/.bashrc')).toBe('untouched');
    });

    it('refuses a design file the user chose as a design: only contract files take contracts', async () => {
      const design = '/home/ada/shop.mesh.json';
      const fs = new InMemoryFileSystem().withFile(design, '{}');
      const { host } = aDesktop({ fileToOpen: design }, fs);
      await host.openFile();

      await expect(host.saveContractFile({ name: 'shop.mesh.json', path: design }, 'x', NEW_TEXT)).rejects.toThrow(
        'never chosen as a contract file',
      );
      expect(fs.files.get(design)).toBe('{}');
    });
  });

  describe('save as', () => {
    it('asks where with a native dialog offering <name>.odcs.yaml, writes there and returns the file', async () => {
      const { host, fs, dialog } = aDesktop({ contractSavePath: ORDERS });

      const saved = await host.saveContractFile(null, 'Orders', NEW_TEXT);

      expect(dialog.suggestedSaveNames).toEqual(['orders.odcs.yaml']);
      expect(saved).toEqual({ name: 'orders.odcs.yaml', path: ORDERS });
      expect(fs.files.get(ORDERS)).toBe(NEW_TEXT);
      expect(fs.temporaryFiles()).toEqual([]);
    });

    it('saves again to the file it saved as, without asking', async () => {
      const { host, fs, dialog } = aDesktop({ contractSavePath: ORDERS });
      const saved = await host.saveContractFile(null, 'orders.odcs.yaml', OLD_TEXT);

      await host.saveContractFile(saved, 'orders.odcs.yaml', NEW_TEXT);

      expect(dialog.suggestedSaveNames).toHaveLength(1);
      expect(fs.files.get(ORDERS)).toBe(NEW_TEXT);
    });

    it.each([
      ['../../etc', 'etc.odcs.yaml'],
      ['/etc/passwd', 'etc-passwd.odcs.yaml'],
      ['..\\..\\Windows\\win.ini', 'windows-win-ini.odcs.yaml'],
      ['Order Placed.odcs.yaml', 'order-placed.odcs.yaml'],
    ])('offers %s only as a name inside the folder the dialog shows: %s', async (suggestedName, offered) => {
      const { host, dialog } = aDesktop({ contractSavePath: null });

      await host.saveContractFile(null, suggestedName, NEW_TEXT);

      expect(dialog.suggestedSaveNames).toEqual([offered]);
    });

    it.each([
      ['/home/ada/orders', ORDERS],
      ['/home/ada/orders.yaml', ORDERS],
      ['/home/ada/orders.YML', ORDERS],
      ['/home/ada/ORDERS.ODCS.YAML', '/home/ada/ORDERS.ODCS.YAML'],
    ])('saves a name typed as %s as %s', async (typed, written) => {
      const { host, fs } = aDesktop({ contractSavePath: typed });

      await host.saveContractFile(null, 'orders', NEW_TEXT);

      expect(fs.files.get(written)).toBe(NEW_TEXT);
    });

    it('asks before the added extension replaces another file, and keeps it when told no', async () => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, OLD_TEXT);
      const { host, dialog } = aDesktop({ contractSavePath: '/home/ada/orders', confirms: false }, fs);

      expect(await host.saveContractFile(null, 'orders', NEW_TEXT)).toBeNull();
      expect(dialog.replaceQuestions).toEqual([ORDERS]);
      expect(fs.files.get(ORDERS)).toBe(OLD_TEXT);
    });

    it('returns null and writes nothing when the user cancels', async () => {
      const { host, fs } = aDesktop({ contractSavePath: null });

      expect(await host.saveContractFile(null, 'orders', NEW_TEXT)).toBeNull();
      expect(fs.files.size).toBe(0);
    });
  });

  describe('failures', () => {
    it.each([
      ['the disk is full', 'writeTextDurably', 'ENOSPC'],
      ['permission denied', 'rename', 'EACCES'],
      ['the disk is read-only', 'writeTextDurably', 'EROFS'],
    ] as const)('keeps the old file whole and says why when %s', async (reason, operation, code) => {
      const fs = new InMemoryFileSystem().withFile(ORDERS, OLD_TEXT).failing(operation, code);
      const { host } = aDesktop({ contractFileToOpen: ORDERS }, fs);
      const opened = await host.openContractFile();

      await expect(host.saveContractFile(opened!.file, 'orders', NEW_TEXT)).rejects.toThrow(
        `Could not save ${ORDERS}: ${reason}`,
      );
      expect(fs.files.get(ORDERS)).toBe(OLD_TEXT);
      expect(fs.temporaryFiles()).toEqual([]);
    });

    it('refuses a contract too large to be opened again, writing nothing', async () => {
      const { host, fs } = aDesktop({ contractSavePath: ORDERS });

      await expect(host.saveContractFile(null, 'orders', 'é'.repeat(MAX_MESH_FILE_BYTES / 2 + 1))).rejects.toThrow(
        'could not be opened again',
      );
      expect(fs.files.size).toBe(0);
    });
  });

  describe('requests main refuses before the handler', () => {
    it.each([
      ['a relative path', { file: { name: 'x', path: '../../etc/passwd' }, suggestedName: 'x', text: '' }, 'file.path'],
      ['no suggested name', { file: null, text: '' }, 'suggestedName'],
      ['an empty suggested name', { file: null, suggestedName: '', text: '' }, 'suggestedName: Too small'],
      ['text that is not text', { file: null, suggestedName: 'x', text: 42 }, 'text: Invalid input'],
      ['an extra field', { file: null, suggestedName: 'x', text: '', mode: 0o777 }, 'Unrecognized key'],
      ['no request', undefined, 'the request'],
    ])('%s', async (_case, request, reason) => {
      const { invokeAs, dialog, fs } = aDesktop({ contractSavePath: ORDERS });

      const response = await invokeAs(THE_APP, 'contracts:save', request);

      expect(response).toEqual({ ok: false, error: expect.stringMatching(/^Refusing contracts:save: /) });
      expect((response as { error: string }).error).toContain(reason);
      expect(dialog.suggestedSaveNames).toEqual([]);
      expect(fs.files.size).toBe(0);
    });

    it('refuses a request from anything but the app’s page', async () => {
      const { invokeAs, dialog, fs } = aDesktop({ contractSavePath: ORDERS });

      const response = await invokeAs(A_WEB_PAGE, 'contracts:save', { file: null, suggestedName: 'x', text: '' });

      expect(response).toEqual({ ok: false, error: 'Refusing contracts:save: the request did not come from the app.' });
      expect(dialog.suggestedSaveNames).toEqual([]);
      expect(fs.files.size).toBe(0);
    });
  });
});

describe('withContractExtension', () => {
  it('leaves a contract file name alone, whatever its case', () => {
    expect(withContractExtension('/c/orders.odcs.yaml')).toBe('/c/orders.odcs.yaml');
    expect(withContractExtension('/c/Orders.ODCS.yaml')).toBe('/c/Orders.ODCS.yaml');
  });

  it('turns the .yaml or .yml a save dialog added into .odcs.yaml, and appends it to anything else', () => {
    expect(withContractExtension('/c/orders.yaml')).toBe('/c/orders.odcs.yaml');
    expect(withContractExtension('/c/orders.yml')).toBe('/c/orders.odcs.yaml');
    expect(withContractExtension('/c/orders.json')).toBe('/c/orders.json.odcs.yaml');
  });

  it('completes half the extension and names an empty name untitled', () => {
    expect(withContractExtension('/c/orders.odcs')).toBe('/c/orders.odcs.yaml');
    expect(withContractExtension('/c/.. ')).toBe('/c/untitled.odcs.yaml');
  });
});
