import { describe, expect, it } from 'vitest';
import { createRecentFilesStore, existingRecentFiles } from '../../../electron/files/recent-files';
import { InMemoryFileSystem } from './fakes/in-memory-file-system';

const STORE_PATH = '/user-data/recent-files.json';

function aRecentFilesStore(fs = new InMemoryFileSystem().withFolder('/user-data'), limit = 3) {
  const changes: (string | undefined)[][] = [];
  const onChanged = async () => void changes.push(pathsOf(await store.list()));
  const store = createRecentFilesStore({ fs, storePath: STORE_PATH, limit, onChanged });
  return { fs, store, changes };
}

const pathsOf = (files: { path?: string }[]) => files.map((file) => file.path);

describe('recent files', () => {
  it('lists the most recently remembered file first, named after its file', async () => {
    const { store } = aRecentFilesStore();

    await store.remember('/meshes/orders.mesh.json');
    await store.remember('/meshes/shipping.mesh.json');

    expect(await store.list()).toEqual([
      { name: 'shipping.mesh.json', path: '/meshes/shipping.mesh.json' },
      { name: 'orders.mesh.json', path: '/meshes/orders.mesh.json' },
    ]);
  });

  it('keeps each file once, moving a reopened file to the top', async () => {
    const { store } = aRecentFilesStore();

    await store.remember('/meshes/a.mesh.json');
    await store.remember('/meshes/b.mesh.json');
    await store.remember('/meshes/a.mesh.json');

    expect(pathsOf(await store.list())).toEqual(['/meshes/a.mesh.json', '/meshes/b.mesh.json']);
  });

  it('forgets the oldest files beyond its limit', async () => {
    const { store } = aRecentFilesStore();

    for (const name of ['a', 'b', 'c', 'd']) await store.remember(`/meshes/${name}.mesh.json`);

    expect(pathsOf(await store.list())).toEqual(['/meshes/d.mesh.json', '/meshes/c.mesh.json', '/meshes/b.mesh.json']);
  });

  it('keeps the list across launches', async () => {
    const { fs, store } = aRecentFilesStore();
    await store.remember('/meshes/orders.mesh.json');

    const afterRelaunch = createRecentFilesStore({ fs, storePath: STORE_PATH });

    expect(pathsOf(await afterRelaunch.list())).toEqual(['/meshes/orders.mesh.json']);
  });

  it('starts empty when there is no store file yet', async () => {
    const { store } = aRecentFilesStore();

    expect(await store.list()).toEqual([]);
  });

  it('survives a corrupt store file and writes a good one on the next change', async () => {
    const { fs, store } = aRecentFilesStore(new InMemoryFileSystem().withFile(STORE_PATH, '{"truncated": ['));

    expect(await store.list()).toEqual([]);
    await store.remember('/meshes/orders.mesh.json');

    expect(JSON.parse(String(fs.files.get(STORE_PATH)))).toEqual(['/meshes/orders.mesh.json']);
  });

  it('skips malformed entries and keeps the good ones', async () => {
    const stored = JSON.stringify(['/meshes/good.mesh.json', 42, null, { path: 7 }, '', 'relative/x.mesh.json']);
    const { store } = aRecentFilesStore(new InMemoryFileSystem().withFile(STORE_PATH, stored));

    expect(pathsOf(await store.list())).toEqual(['/meshes/good.mesh.json']);
  });

  it('loses no entry when files are remembered at the same moment', async () => {
    const { store } = aRecentFilesStore(undefined, 10);

    await Promise.all(['a', 'b', 'c'].map((name) => store.remember(`/meshes/${name}.mesh.json`)));

    expect(pathsOf(await store.list())).toHaveLength(3);
  });

  it('forgets a file on request', async () => {
    const { store } = aRecentFilesStore();
    await store.remember('/meshes/a.mesh.json');
    await store.remember('/meshes/b.mesh.json');

    await store.forget('/meshes/a.mesh.json');

    expect(pathsOf(await store.list())).toEqual(['/meshes/b.mesh.json']);
  });

  it('offers in Open Recent only the files still on the disk, and keeps the others listed', async () => {
    const { fs, store } = aRecentFilesStore();
    fs.withFile('/meshes/kept.mesh.json', '{}');
    await store.remember('/meshes/kept.mesh.json');
    await store.remember('/unmounted/gone.mesh.json');

    expect(pathsOf(await existingRecentFiles(store, fs))).toEqual(['/meshes/kept.mesh.json']);
    expect(pathsOf(await store.list())).toEqual(['/unmounted/gone.mesh.json', '/meshes/kept.mesh.json']);
  });

  it('reads a list written by hand or by an older version once per file and no longer than its limit', async () => {
    const stored = JSON.stringify([
      '/m/a.mesh.json',
      '/m/b.mesh.json',
      '/m/a.mesh.json',
      '/m/c.mesh.json',
      '/m/d.mesh.json',
    ]);
    const { store } = aRecentFilesStore(new InMemoryFileSystem().withFile(STORE_PATH, stored), 3);

    expect(pathsOf(await store.list())).toEqual(['/m/a.mesh.json', '/m/b.mesh.json', '/m/c.mesh.json']);
  });

  it('offers no folder, named pipe or device in Open Recent, even one named like a design', async () => {
    const { fs, store } = aRecentFilesStore(undefined, 4);
    fs.withFile('/meshes/kept.mesh.json', '{}')
      .withFolder('/meshes/folder.mesh.json')
      .withSpecialFile('/meshes/pipe.mesh.json', 'named pipe')
      .withSpecialFile('/meshes/device.mesh.json', 'device');
    for (const name of ['kept', 'folder', 'pipe', 'device']) await store.remember(`/meshes/${name}.mesh.json`);

    expect(pathsOf(await existingRecentFiles(store, fs))).toEqual(['/meshes/kept.mesh.json']);
  });

  it('says when it changed, so Open Recent is rebuilt after a file is forgotten as after one is remembered', async () => {
    const { store, changes } = aRecentFilesStore();
    await store.remember('/meshes/a.mesh.json');

    await store.forget('/meshes/a.mesh.json');
    await new Promise((resolve) => setImmediate(resolve));

    expect(changes).toEqual([['/meshes/a.mesh.json'], []]);
  });
});
