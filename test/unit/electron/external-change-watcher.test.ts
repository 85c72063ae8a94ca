import { describe, expect, it } from 'vitest';
import { createExternalChangeWatcher } from '../../../electron/files/external-change-watcher';
import { InMemoryFileSystem } from './fakes/in-memory-file-system';

const ORDERS = '/home/ada/orders.mesh.json';

function aWatcher(fs = new InMemoryFileSystem().withFile(ORDERS, 'v1')) {
  const folderEvents = new Map<string, (fileName: string | null) => void>();
  const changes: string[] = [];
  const watcher = createExternalChangeWatcher({
    watchFolder: (folder, onEvent) => {
      folderEvents.set(folder, onEvent);
      return () => folderEvents.delete(folder);
    },
    stamp: (path) => fs.status(path),
    onExternalChange: (path) => changes.push(path),
  });
  /** The folder reports a change to `fileName`, and the check it starts has finished. */
  const folderReports = async (folder: string, fileName: string | null) => {
    folderEvents.get(folder)?.(fileName);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { fs, watcher, changes, folderEvents, folderReports };
}

describe('the external change watcher', () => {
  it('tells when another program writes the open file', async () => {
    const { fs, watcher, changes, folderReports } = aWatcher();
    watcher.follow(ORDERS);
    await watcher.recordKnownVersion(ORDERS);

    fs.changeOutside(ORDERS, 'v2 from another editor');
    await folderReports('/home/ada', 'orders.mesh.json');

    expect(changes).toEqual([ORDERS]);
  });

  it('says nothing about the app’s own save', async () => {
    const { fs, watcher, changes, folderReports } = aWatcher();
    watcher.follow(ORDERS);
    await watcher.recordKnownVersion(ORDERS);

    watcher.beginOwnWrite(ORDERS);
    fs.changeOutside(ORDERS, 'saved by the app');
    await folderReports('/home/ada', 'orders.mesh.json');
    await watcher.endOwnWrite(ORDERS);
    await folderReports('/home/ada', 'orders.mesh.json');

    expect(changes).toEqual([]);
  });

  it('says nothing about other files in the folder, or a version it already told about', async () => {
    const { fs, watcher, changes, folderReports } = aWatcher();
    watcher.follow(ORDERS);
    await watcher.recordKnownVersion(ORDERS);

    await folderReports('/home/ada', 'shop.mesh.json');
    fs.changeOutside(ORDERS, 'v2');
    await folderReports('/home/ada', 'orders.mesh.json');
    await folderReports('/home/ada', 'orders.mesh.json');

    expect(changes).toEqual([ORDERS]);
  });

  it('watches the folder, so a save by rename (as editors do) is seen', () => {
    const { watcher, folderEvents } = aWatcher();

    watcher.follow(ORDERS);

    expect([...folderEvents.keys()]).toEqual(['/home/ada']);
  });

  it('stops watching the old file when another one is opened', () => {
    const { fs, watcher, folderEvents } = aWatcher();
    fs.withFile('/work/shop.mesh.json', '{}');

    watcher.follow(ORDERS);
    watcher.follow('/work/shop.mesh.json');

    expect([...folderEvents.keys()]).toEqual(['/work']);
    watcher.follow(undefined);
    expect(folderEvents.size).toBe(0);
  });

  it('tells of changes to the contract files it follows, beside the open design', async () => {
    const vendor = '/home/ada/contracts/vendor.odcs.yaml';
    const { fs, watcher, changes, folderReports } = aWatcher(new InMemoryFileSystem().withFile(vendor, 'v1'));
    fs.withFile(ORDERS, 'v1');
    watcher.follow(ORDERS);
    watcher.followContractFile(vendor);
    await watcher.recordKnownVersion(vendor);
    watcher.follow('/work/shop.mesh.json');

    fs.changeOutside(vendor, 'v2 from another editor');
    await folderReports('/home/ada/contracts', 'vendor.odcs.yaml');

    expect(changes).toEqual([vendor]);
  });

  it('stops watching the contract files it follows once told they are another design’s', async () => {
    const vendor = '/home/ada/contracts/vendor.odcs.yaml';
    const { fs, watcher, changes, folderEvents } = aWatcher(new InMemoryFileSystem().withFile(vendor, 'v1'));
    watcher.followContractFile(vendor);
    await watcher.recordKnownVersion(vendor);
    const reportContractsFolder = folderEvents.get('/home/ada/contracts');

    watcher.forgetContractFiles();
    fs.changeOutside(vendor, 'v2 from another editor');
    reportContractsFolder?.('vendor.odcs.yaml');
    await new Promise((resolve) => setImmediate(resolve));

    expect([...folderEvents.keys()]).toEqual([]);
    expect(changes).toEqual([]);
  });

  describe('before a save in place', () => {
    it('knows when the file on disk is no longer the version the app read or wrote', async () => {
      const { fs, watcher } = aWatcher();
      await watcher.recordKnownVersion(ORDERS);
      expect(await watcher.hasChangedSinceKnown(ORDERS)).toBe(false);

      fs.changeOutside(ORDERS, 'v2 from another editor');

      expect(await watcher.hasChangedSinceKnown(ORDERS)).toBe(true);
    });

    it('still knows after it told the page about the change', async () => {
      const { fs, watcher, changes, folderReports } = aWatcher();
      watcher.follow(ORDERS);
      await watcher.recordKnownVersion(ORDERS);

      fs.changeOutside(ORDERS, 'v2 from another editor');
      await folderReports('/home/ada', 'orders.mesh.json');

      expect(changes).toEqual([ORDERS]);
      expect(await watcher.hasChangedSinceKnown(ORDERS)).toBe(true);
    });

    it('has nothing to warn about for a file it never read, or one that is gone', async () => {
      const { fs, watcher } = aWatcher();
      expect(await watcher.hasChangedSinceKnown(ORDERS)).toBe(false);
      await watcher.recordKnownVersion(ORDERS);

      await fs.remove(ORDERS);

      expect(await watcher.hasChangedSinceKnown(ORDERS)).toBe(false);
    });
  });
});
