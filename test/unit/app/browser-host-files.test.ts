import { describe, expect, it, vi } from 'vitest';
import { browserHost } from '../../../renderer/host/browser-host';
import type { FileRef } from '../../../renderer/host/host';
import { usePromptStore } from '../../../renderer/host/in-page-prompt';
import type { KeyValueStore } from '../../../renderer/host/key-value-store';
import { MAX_MESH_FILE_BYTES, serializeMesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

/** A file on disk as the File System Access API hands it out: a handle per pick, the same file behind equal paths. */
class FakeFileHandle {
  readonly kind = 'file';
  constructor(
    private readonly disk: Disk,
    private readonly path: string,
  ) {}
  get name(): string {
    return this.path.slice(this.path.lastIndexOf('/') + 1);
  }
  async getFile(): Promise<File> {
    const content = this.disk.get(this.path);
    if (content === undefined) throw new DOMException('A requested file could not be found.', 'NotFoundError');
    return new File([content], this.name, { lastModified: this.disk.modifiedAt(this.path) });
  }
  /** What the browser throws when the page writes: a write permission declined, a read-only file, a full disk. */
  writeRefusal: DOMException | null = null;
  /** Writables given up on: the browser then drops what they held and leaves the file as it was. */
  abortedWritables = 0;
  async createWritable() {
    let written = '';
    return {
      write: async (text: string) => {
        if (this.writeRefusal) throw this.writeRefusal;
        written += text;
      },
      close: async () => {
        this.disk.set(this.path, written);
      },
      abort: async () => {
        this.abortedWritables += 1;
      },
    };
  }
  async isSameEntry(other: FakeFileHandle): Promise<boolean> {
    return other.path === this.path;
  }
  /** What the browser answers: after a reload, a handle from storage must ask again before it reads. */
  permission: 'granted' | 'prompt' = 'granted';
  /** What the user answers when asked. */
  answer: 'granted' | 'denied' = 'granted';
  readonly permissionRequests: object[] = [];
  async queryPermission(): Promise<PermissionState> {
    return this.permission;
  }
  async requestPermission(descriptor: object): Promise<PermissionState> {
    this.permissionRequests.push(descriptor);
    return this.answer;
  }
}

/** Files by path, each with the time it was last written (one tick a write, as a clock would have it). */
class Disk extends Map<string, string | Uint8Array<ArrayBuffer>> {
  private readonly writtenAt = new Map<string, number>();
  private clock = 1_000;
  override set(path: string, content: string | Uint8Array<ArrayBuffer>): this {
    this.writtenAt?.set(path, ++this.clock);
    return super.set(path, content);
  }
  modifiedAt(path: string): number {
    return this.writtenAt.get(path) ?? 0;
  }
}

/** IndexedDB hands back copies: plain data is cloned, handles (class instances) stay handles. */
function copied<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copied) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copied(item)])) as T;
  }
  return value;
}

function aBrowserWithFiles(paths: Record<string, string | Uint8Array<ArrayBuffer>>) {
  const disk = new Disk(Object.entries(paths));
  const values = new Map<string, unknown>();
  const handles: FakeFileHandle[] = [];
  const store: KeyValueStore = {
    get: async <T>(key: string) => copied(values.get(key)) as T | undefined,
    set: async (key, value) => void values.set(key, copied(value)),
    delete: async (key) => void values.delete(key),
    entries: async () => [],
  };
  let nextPick = '';
  const handed = () => {
    const handle = new FakeFileHandle(disk, nextPick);
    handles.push(handle);
    return handle;
  };
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const page = Object.assign(new EventTarget(), {
    document,
    showOpenFilePicker: async () => [handed()],
    showSaveFilePicker: async () => handed(),
  }) as unknown as Window;
  const host = browserHost(store, page);
  const pick = async (path: string) => {
    nextPick = path;
    const opened = await host.openFile();
    if (!opened) throw new Error(`nothing opened at ${path}`);
    // As the page does once the file opened as a design.
    await host.rememberOpenedDesign(opened.file);
    return opened;
  };
  const pickContract = async (path: string) => {
    nextPick = path;
    return host.openContractFile();
  };
  /** Where the next file picker (Save As…) points. */
  const pickNext = (path: string) => {
    nextPick = path;
  };
  return { host, disk, page, pick, pickContract, pickNext, handles };
}

const design = (name: string) => serializeMesh({ ...aMesh().build(), name });

describe('files of the same name in different folders, in the browser', () => {
  it('saves back to the file the design came from, not to a same-named file opened since', async () => {
    const { host, disk, pick } = aBrowserWithFiles({
      '/work/uni.mesh.json': design('Work'),
      '/home/uni.mesh.json': design('Home'),
    });
    const work = await pick('/work/uni.mesh.json');
    await pick('/home/uni.mesh.json');

    await host.saveFile(work.file, 'uni.mesh.json', design('Work, edited'));

    expect(disk.get('/work/uni.mesh.json')).toBe(design('Work, edited'));
    expect(disk.get('/home/uni.mesh.json')).toBe(design('Home'));
  });

  it('lists both as recent files and reopens each one', async () => {
    const { host, pick } = aBrowserWithFiles({
      '/work/uni.mesh.json': design('Work'),
      '/home/uni.mesh.json': design('Home'),
    });
    await pick('/work/uni.mesh.json');
    await pick('/home/uni.mesh.json');

    const recent = await host.recentFiles();
    const reopened = await Promise.all(recent.map((file) => host.openRecent(file)));

    expect(reopened.map((opened) => opened.text)).toEqual([design('Home'), design('Work')]);
  });

  it('lists a picked file under Open Recent only once the page says it opened as a design', async () => {
    const { host, pickNext } = aBrowserWithFiles({ '/work/package.json': '{"name":"tram-dashboard"}' });
    pickNext('/work/package.json');

    await host.openFile();

    expect(await host.recentFiles()).toEqual([]);
  });

  it('keeps one recent entry for a file opened twice', async () => {
    const { host, pick } = aBrowserWithFiles({ '/work/uni.mesh.json': design('Work') });
    await pick('/work/uni.mesh.json');
    await pick('/work/uni.mesh.json');

    expect(await host.recentFiles()).toHaveLength(1);
  });
});

describe('saving over a file another program changed, in the browser', () => {
  /** The question the page asks now, answered with `choice` ('act' or 'cancel'); its message. */
  async function answerPrompt(choice: string): Promise<string> {
    return (await answerQuestion(choice))?.message ?? '';
  }

  async function answerQuestion(choice: string) {
    const { question, answer } = await vi.waitFor(() => {
      const asked = usePromptStore.getState();
      if (!asked.question || !asked.answer) throw new Error('nothing asked yet');
      return asked;
    });
    answer?.(choice);
    return question;
  }

  it('asks before replacing it, and Cancel keeps the other program’s version', async () => {
    const { host, disk, pick } = aBrowserWithFiles({ '/work/orders.mesh.json': design('Orders') });
    const { file } = await pick('/work/orders.mesh.json');
    disk.set('/work/orders.mesh.json', design('Orders, by a colleague'));

    const saving = host.saveFile(file, 'orders.mesh.json', design('Orders, mine'));
    const asked = await answerPrompt('cancel');

    expect(asked).toBe('orders.mesh.json was changed by another program. Replace that version with yours?');
    expect(await saving).toBeNull();
    expect(disk.get('/work/orders.mesh.json')).toBe(design('Orders, by a colleague'));
  });

  it('tells of the other version when Save is cancelled at its question, so Reload is at hand though the page never lost the focus', async () => {
    const { host, disk, pick } = aBrowserWithFiles({ '/work/orders.mesh.json': design('Orders') });
    const { file } = await pick('/work/orders.mesh.json');
    await host.rememberOpenedDesign(file);
    const told: FileRef[] = [];
    host.onFileChanged((changed) => told.push(changed));
    disk.set('/work/orders.mesh.json', design('Orders, by a colleague'));

    const saving = host.saveFile(file, 'orders.mesh.json', design('Orders, mine'));
    await answerPrompt('cancel');

    expect(await saving).toBeNull();
    expect(told).toEqual([file]);
  });

  it('replaces the other version when the user chooses Replace', async () => {
    const { host, disk, pick } = aBrowserWithFiles({ '/work/orders.mesh.json': design('Orders') });
    const { file } = await pick('/work/orders.mesh.json');
    disk.set('/work/orders.mesh.json', design('Orders, by a colleague'));

    const saving = host.saveFile(file, 'orders.mesh.json', design('Orders, mine'));
    await answerPrompt('act');

    expect(await saving).toEqual({ name: 'orders.mesh.json' });
    expect(disk.get('/work/orders.mesh.json')).toBe(design('Orders, mine'));
  });

  it('asks before writing again a file another program deleted, and Cancel writes nothing', async () => {
    const { host, disk, pick } = aBrowserWithFiles({ '/work/orders.mesh.json': design('Orders') });
    const { file } = await pick('/work/orders.mesh.json');
    disk.delete('/work/orders.mesh.json');

    const saving = host.saveFile(file, 'orders.mesh.json', design('Orders, mine'));
    const asked = await answerPrompt('cancel');

    expect(asked).toBe(
      'orders.mesh.json was deleted or moved by another program (for example a git checkout). Save it there again?',
    );
    expect(await saving).toBeNull();
    expect(disk.has('/work/orders.mesh.json')).toBe(false);
  });

  it('writes a deleted file there again on Save, and elsewhere on Save As…', async () => {
    const { host, disk, pick, pickNext } = aBrowserWithFiles({ '/work/orders.mesh.json': design('Orders') });
    const { file } = await pick('/work/orders.mesh.json');
    disk.delete('/work/orders.mesh.json');
    const again = host.saveFile(file, 'orders.mesh.json', design('Orders, mine'));
    await answerPrompt('save');
    expect(await again).toEqual({ name: 'orders.mesh.json' });
    expect(disk.get('/work/orders.mesh.json')).toBe(design('Orders, mine'));

    pickNext('/work/other.mesh.json');
    disk.delete('/work/orders.mesh.json');
    const elsewhere = host.saveFile(file, 'orders.mesh.json', design('Orders, elsewhere'));
    await answerPrompt('save-as');
    expect(await elsewhere).toEqual({ name: 'other.mesh.json' });
    expect(disk.get('/work/other.mesh.json')).toBe(design('Orders, elsewhere'));
    expect(disk.has('/work/orders.mesh.json')).toBe(false);
  });

  it('asks before a contract saved to its file replaces another program’s version, and Cancel keeps theirs', async () => {
    const { host, disk, pickContract } = aBrowserWithFiles({ '/work/orders.odcs.yaml': 'version: 1.0.0\n' });
    const opened = await pickContract('/work/orders.odcs.yaml');
    disk.set('/work/orders.odcs.yaml', 'version: 1.1.0 # by a colleague\n');

    const saving = host.saveContractFile(opened!.file, 'orders.odcs.yaml', 'version: 2.0.0\n');
    const asked = await answerPrompt('cancel');

    expect(asked).toBe('orders.odcs.yaml was changed by another program. Replace that version with yours?');
    expect(await saving).toBeNull();
    expect(disk.get('/work/orders.odcs.yaml')).toBe('version: 1.1.0 # by a colleague\n');
  });

  it('names what shows the other version: Reload for a design, Reload contract for a contract file', async () => {
    const { host, disk, pick, pickContract } = aBrowserWithFiles({
      '/work/orders.mesh.json': design('Orders'),
      '/work/orders.odcs.yaml': 'version: 1.0.0\n',
    });
    const { file } = await pick('/work/orders.mesh.json');
    const contract = await pickContract('/work/orders.odcs.yaml');
    disk.set('/work/orders.mesh.json', design('Orders, by a colleague'));
    disk.set('/work/orders.odcs.yaml', 'version: 1.1.0 # by a colleague\n');

    const savingDesign = host.saveFile(file, 'orders.mesh.json', design('Orders, mine'));
    const designDetail = (await answerQuestion('cancel'))?.detail;
    await savingDesign;
    const savingContract = host.saveContractFile(contract!.file, 'orders.odcs.yaml', 'version: 2.0.0\n');
    const contractDetail = (await answerQuestion('cancel'))?.detail;
    await savingContract;

    expect(designDetail).toMatch(/Cancel keeps them, and Reload shows them\.$/);
    expect(contractDetail).toMatch(/Cancel keeps them, and Reload contract shows them\.$/);
  });

  it('asks before a contract saved to its file writes it again after another program deleted it', async () => {
    const { host, disk, pickContract } = aBrowserWithFiles({ '/work/orders.odcs.yaml': 'version: 1.0.0\n' });
    const opened = await pickContract('/work/orders.odcs.yaml');
    disk.delete('/work/orders.odcs.yaml');

    const saving = host.saveContractFile(opened!.file, 'orders.odcs.yaml', 'version: 2.0.0\n');
    await answerPrompt('cancel');

    expect(await saving).toBeNull();
    expect(disk.has('/work/orders.odcs.yaml')).toBe(false);
  });

  it('saves a contract to its file again without asking when only the app wrote it since', async () => {
    const { host, disk, pickContract } = aBrowserWithFiles({ '/work/orders.odcs.yaml': 'version: 1.0.0\n' });
    const opened = await pickContract('/work/orders.odcs.yaml');
    const saved = await host.saveContractFile(opened!.file, 'orders.odcs.yaml', 'version: 2.0.0\n');

    await host.saveContractFile(saved, 'orders.odcs.yaml', 'version: 3.0.0\n');

    expect(usePromptStore.getState().question).toBeNull();
    expect(disk.get('/work/orders.odcs.yaml')).toBe('version: 3.0.0\n');
  });

  it('saves again without asking when only the app wrote the file since it read it', async () => {
    const { host, disk, pick } = aBrowserWithFiles({ '/work/orders.mesh.json': design('Orders') });
    const { file } = await pick('/work/orders.mesh.json');
    const saved = await host.saveFile(file, 'orders.mesh.json', design('Orders, first'));

    await host.saveFile(saved, 'orders.mesh.json', design('Orders, second'));

    expect(usePromptStore.getState().question).toBeNull();
    expect(disk.get('/work/orders.mesh.json')).toBe(design('Orders, second'));
  });

  it('asks before replacing another program’s version that was read again but did not open (a newer app’s file)', async () => {
    const { host, disk, pick } = aBrowserWithFiles({ '/work/matters.mesh.json': design('Matters') });
    const { file } = await pick('/work/matters.mesh.json');
    disk.set('/work/matters.mesh.json', design('Matters, by a colleague on a newer app'));
    // Reload: the page reads their version, which does not open, so it keeps its own design.
    await host.openRecent(file);

    const saving = host.saveFile(file, 'matters.mesh.json', design('Matters, mine'));
    const asked = await answerPrompt('cancel');

    expect(asked).toBe('matters.mesh.json was changed by another program. Replace that version with yours?');
    expect(await saving).toBeNull();
    expect(disk.get('/work/matters.mesh.json')).toBe(design('Matters, by a colleague on a newer app'));
  });

  it('goes on telling of changes to the open design after another file did not open as a design', async () => {
    const { host, disk, page, pick, pickNext } = aBrowserWithFiles({
      '/work/matters.mesh.json': design('Matters'),
      '/work/billing.mesh.json': '{"schemaVersion": 2, "id": ',
    });
    const { file } = await pick('/work/matters.mesh.json');
    pickNext('/work/billing.mesh.json');
    await host.openFile();
    const told: FileRef[] = [];
    host.onFileChanged((changed) => told.push(changed));

    disk.set('/work/matters.mesh.json', design('Matters, by a colleague'));
    page.dispatchEvent(new Event('focus'));

    await vi.waitFor(() => expect(told).toEqual([file]));
  });

  it('tells of the other version when the page gets the focus back, once for each version', async () => {
    const { host, disk, page, pick } = aBrowserWithFiles({ '/work/orders.mesh.json': design('Orders') });
    const { file } = await pick('/work/orders.mesh.json');
    const told: FileRef[] = [];
    host.onFileChanged((changed) => told.push(changed));
    page.dispatchEvent(new Event('focus'));
    disk.set('/work/orders.mesh.json', design('Orders, by a colleague'));

    page.dispatchEvent(new Event('focus'));
    await vi.waitFor(() => expect(told).toEqual([file]));
    page.document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(told).toEqual([file]);
  });

  it('tells of another version of an opened contract file when the page gets the focus back, once', async () => {
    const { host, disk, page, pickContract } = aBrowserWithFiles({ '/work/vendor.odcs.yaml': 'version: 1.0.0\n' });
    const opened = await pickContract('/work/vendor.odcs.yaml');
    const told: FileRef[] = [];
    host.onFileChanged((changed) => told.push(changed));
    disk.set('/work/vendor.odcs.yaml', 'version: 1.1.0 # by a colleague\n');

    page.dispatchEvent(new Event('focus'));
    await vi.waitFor(() => expect(told).toEqual([opened!.file]));
    page.document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(told).toEqual([opened!.file]);
  });

  it('tells of the other version of a contract file when Save is cancelled at its question, so Reload contract is at hand', async () => {
    const { host, disk, pickContract } = aBrowserWithFiles({ '/work/vendor.odcs.yaml': 'version: 1.0.0\n' });
    const opened = await pickContract('/work/vendor.odcs.yaml');
    const told: FileRef[] = [];
    host.onFileChanged((changed) => told.push(changed));
    disk.set('/work/vendor.odcs.yaml', 'version: 1.1.0 # by a colleague\n');

    const saving = host.saveContractFile(opened!.file, 'vendor.odcs.yaml', 'version: 2.0.0\n');
    await answerPrompt('cancel');

    expect(await saving).toBeNull();
    expect(told).toEqual([opened!.file]);
  });

  it('reads a contract file again, and once the page holds that version Save replaces it without asking', async () => {
    const { host, disk, pickContract } = aBrowserWithFiles({ '/work/vendor.odcs.yaml': 'version: 1.0.0\n' });
    const opened = await pickContract('/work/vendor.odcs.yaml');
    disk.set('/work/vendor.odcs.yaml', 'version: 1.1.0 # by a colleague\n');

    const reread = await host.readContractFile(opened!.file);
    await host.adoptContractFile(reread.file);

    expect(reread).toEqual({ file: opened!.file, text: 'version: 1.1.0 # by a colleague\n' });
    expect(await host.saveContractFile(opened!.file, 'vendor.odcs.yaml', 'version: 2.0.0\n')).toEqual({
      name: 'vendor.odcs.yaml',
    });
    expect(disk.get('/work/vendor.odcs.yaml')).toBe('version: 2.0.0\n');
  });

  it('still asks before Save replaces a contract file read again that the page did not take (it no longer parsed)', async () => {
    const { host, disk, pickContract } = aBrowserWithFiles({ '/work/vendor.odcs.yaml': 'version: 1.0.0\n' });
    const opened = await pickContract('/work/vendor.odcs.yaml');
    disk.set('/work/vendor.odcs.yaml', 'version: [broken\n');
    await host.readContractFile(opened!.file);

    const saving = host.saveContractFile(opened!.file, 'vendor.odcs.yaml', 'version: 2.0.0\n');

    expect(await answerPrompt('cancel')).toBe(
      'vendor.odcs.yaml was changed by another program. Replace that version with yours?',
    );
    expect(await saving).toBeNull();
  });
});

describe('a save the browser refuses', () => {
  const refusals = [
    [
      'the user declined to let the page write',
      new DOMException(
        'The request is not allowed by the user agent or the platform in the current context.',
        'NotAllowedError',
      ),
      /^the browser was not allowed to write parcel\.mesh\.json: .*Save As…/,
    ],
    [
      'a read-only file',
      new DOMException(
        'An attempt was made to modify an object where modifications are not allowed.',
        'NoModificationAllowedError',
      ),
      /^parcel\.mesh\.json cannot be changed \(read-only.*Save As…/,
    ],
    [
      'a full disk',
      new DOMException(
        'The operation failed because it would cause the application to exceed its storage quota.',
        'QuotaExceededError',
      ),
      /^the disk is full: free some space and save again, or .*Save As…/,
    ],
  ] as const;

  it.each(refusals)(
    'says what happened and what to do, not the browser’s words, on %s',
    async (_case, refusal, reason) => {
      const { host, pick, handles, disk } = aBrowserWithFiles({ '/lockers/parcel.mesh.json': design('Parcel') });
      const { file } = await pick('/lockers/parcel.mesh.json');
      for (const handle of handles) handle.writeRefusal = refusal;

      const saving = host.saveFile(file, 'parcel.mesh.json', design('Parcel, edited'));

      await expect(saving).rejects.toThrow(reason);
      await expect(saving).rejects.not.toThrow(refusal.message);
      expect(disk.get('/lockers/parcel.mesh.json')).toBe(design('Parcel'));
      expect(handles.reduce((aborted, handle) => aborted + handle.abortedWritables, 0)).toBe(1);
    },
  );
});

describe('recent designs in the browser, after a reload', () => {
  it('hands back the very file it handed out when that file is read again (Reload), so the page knows the design for the same', async () => {
    const { host, pick } = aBrowserWithFiles({ '/work/orders.mesh.json': design('Orders') });
    const opened = await pick('/work/orders.mesh.json');

    const reloaded = await host.openRecent(opened.file);

    expect(reloaded.file).toBe(opened.file);
  });

  it('asks for permission to read a recent file before reopening it', async () => {
    const { host, pick, handles } = aBrowserWithFiles({ '/work/orders.mesh.json': design('Orders') });
    await pick('/work/orders.mesh.json');
    const [handle] = handles;
    if (handle) handle.permission = 'prompt';

    const [recent] = await host.recentFiles();
    const reopened = recent && (await host.openRecent(recent));

    expect(reopened?.text).toBe(design('Orders'));
    expect(handle?.permissionRequests).toEqual([{ mode: 'read' }]);
  });

  it('drops a file the user refused to let it read from the list, saying so', async () => {
    const { host, pick, handles } = aBrowserWithFiles({ '/work/orders.mesh.json': design('Orders') });
    await pick('/work/orders.mesh.json');
    Object.assign(handles[0] ?? {}, { permission: 'prompt', answer: 'denied' });

    const [recent] = await host.recentFiles();

    await expect(host.openRecent(recent as FileRef)).rejects.toThrow(
      'the browser was not allowed to read it; it is no longer listed under Open Recent',
    );
    expect(await host.recentFiles()).toEqual([]);
  });

  it('drops a file that is gone from the list, saying so', async () => {
    const { host, pick, disk } = aBrowserWithFiles({
      '/work/orders.mesh.json': design('Orders'),
      '/work/stock.mesh.json': design('Stock'),
    });
    await pick('/work/orders.mesh.json');
    await pick('/work/stock.mesh.json');
    disk.delete('/work/orders.mesh.json');

    const recent = await host.recentFiles();

    await expect(host.openRecent(recent[1] as FileRef)).rejects.toThrow(
      'it is no longer there (moved, renamed or deleted); it is no longer listed under Open Recent',
    );
    expect((await host.recentFiles()).map((file) => file.name)).toEqual(['stock.mesh.json']);
  });
});

describe('a contract opened in the browser', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('keeps its byte order mark, so Save contract as… writes the same bytes', async () => {
    const { pickContract } = aBrowserWithFiles({
      '/c/bom.odcs.yaml': new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id: x\n')]),
    });
    expect((await pickContract('/c/bom.odcs.yaml'))?.text).toBe('\uFEFFid: x\n');
  });

  it('refuses Latin-1 text naming its first byte that is not UTF-8, rather than opening replacement characters', async () => {
    const { pickContract } = aBrowserWithFiles({
      '/c/latin1.odcs.yaml': new Uint8Array([...utf8('name: h'), 0xf4, ...utf8('pital\n')]),
    });
    await expect(pickContract('/c/latin1.odcs.yaml')).rejects.toThrow('byte 7 (0xf4) is not UTF-8');
  });
});

describe('contract files imported in the browser (Import contracts…)', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  /** A page whose file input hands out `files` when clicked, as the browser's picker does. */
  function aBrowserPicking(files: File[]) {
    const document = {
      createElement: () => {
        const input = new EventTarget() as EventTarget & { files: File[]; click(): void };
        input.files = files;
        input.click = () => input.dispatchEvent(new Event('change'));
        return input;
      },
    };
    const store: KeyValueStore = {
      get: async () => undefined,
      set: async () => {},
      delete: async () => {},
      entries: async () => [],
    };
    return browserHost(store, { document } as unknown as Window);
  }

  it('refuses a file that is not UTF-8, naming it and its first bad byte', async () => {
    const host = aBrowserPicking([
      new File([utf8('id: fine\n')], 'fine.odcs.yaml'),
      new File([new Uint8Array([...utf8('name: h'), 0xf4, ...utf8('pital\n')])], 'latin1.odcs.yaml'),
    ]);

    const refused = host.chooseContractFiles();

    await expect(refused).rejects.toThrow('byte 7 (0xf4) is not UTF-8');
    await expect(refused).rejects.toMatchObject({ fileName: 'latin1.odcs.yaml' });
  });

  it('refuses a file larger than the app reads, saying how large it is', async () => {
    // Its size is what the browser says; 64 MiB of bytes need not be made for that.
    const oversized = Object.defineProperty(new File(['id: x\n'], 'huge.odcs.yaml'), 'size', {
      value: MAX_MESH_FILE_BYTES + 1,
    });

    await expect(aBrowserPicking([oversized]).chooseContractFiles()).rejects.toThrow(
      'it is 64.1 MiB, and contract files are at most 64 MiB',
    );
  });

  it('reads a UTF-16 script with a byte order mark (SQL Server saves “Unicode” so), as the command line does', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'CREATE TABLE t (id INT);'].flatMap((c) => [c.charCodeAt(0), 0])]);

    const [read] = (await aBrowserPicking([new File([utf16], 'orders.sql')]).chooseContractFiles()) ?? [];

    expect(read?.text).toBe('CREATE TABLE t (id INT);');
  });
});

describe('a design saved as a download, in a browser without the File System Access API', () => {
  it('names the download as the desktop app names a saved design', async () => {
    const downloads: string[] = [];
    const document = {
      createElement: () => ({
        click() {},
        set download(name: string) {
          downloads.push(name);
        },
      }),
    };
    vi.stubGlobal('URL', { createObjectURL: () => 'blob:design', revokeObjectURL: () => {} });
    const values = new Map<string, unknown>();
    const store: KeyValueStore = {
      get: async <T>(key: string) => values.get(key) as T | undefined,
      set: async (key, value) => void values.set(key, value),
      delete: async (key) => void values.delete(key),
      entries: async () => [],
    };
    const host = browserHost(store, Object.assign(new EventTarget(), { document }) as unknown as Window);

    const saved = await host.saveFile({ name: 'bees.mesh ' }, 'bees.mesh.json', design('Bees'));

    expect(downloads).toEqual(['bees.mesh.json']);
    expect(saved).toEqual({ name: 'bees.mesh.json' });
    vi.unstubAllGlobals();
  });
});
