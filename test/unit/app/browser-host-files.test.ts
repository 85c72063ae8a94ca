import { describe, expect, it } from 'vitest';
import { browserHost } from '../../../renderer/host/browser-host';
import type { KeyValueStore } from '../../../renderer/host/key-value-store';
import { serializeMesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

/** A file on disk as the File System Access API hands it out: a handle per pick, the same file behind equal paths. */
class FakeFileHandle {
  readonly kind = 'file';
  constructor(
    private readonly disk: Map<string, string | Uint8Array<ArrayBuffer>>,
    private readonly path: string,
  ) {}
  get name(): string {
    return this.path.slice(this.path.lastIndexOf('/') + 1);
  }
  async getFile(): Promise<File> {
    return new File([this.disk.get(this.path) ?? ''], this.name);
  }
  async createWritable() {
    let written = '';
    return {
      write: async (text: string) => {
        written += text;
      },
      close: async () => {
        this.disk.set(this.path, written);
      },
    };
  }
  async isSameEntry(other: FakeFileHandle): Promise<boolean> {
    return other.path === this.path;
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
  const disk = new Map(Object.entries(paths));
  const values = new Map<string, unknown>();
  const store: KeyValueStore = {
    get: async <T>(key: string) => copied(values.get(key)) as T | undefined,
    set: async (key, value) => void values.set(key, copied(value)),
    delete: async (key) => void values.delete(key),
    entries: async () => [],
  };
  let nextPick = '';
  const page = {
    showOpenFilePicker: async () => [new FakeFileHandle(disk, nextPick)],
    showSaveFilePicker: async () => new FakeFileHandle(disk, nextPick),
  } as unknown as Window;
  const host = browserHost(store, page);
  const pick = async (path: string) => {
    nextPick = path;
    const opened = await host.openFile();
    if (!opened) throw new Error(`nothing opened at ${path}`);
    return opened;
  };
  const pickContract = async (path: string) => {
    nextPick = path;
    return host.openContractFile();
  };
  return { host, disk, pick, pickContract };
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

  it('keeps one recent entry for a file opened twice', async () => {
    const { host, pick } = aBrowserWithFiles({ '/work/uni.mesh.json': design('Work') });
    await pick('/work/uni.mesh.json');
    await pick('/work/uni.mesh.json');

    expect(await host.recentFiles()).toHaveLength(1);
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
