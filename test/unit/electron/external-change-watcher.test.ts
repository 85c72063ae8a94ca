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
    resolveLinks: (path) => fs.resolveLinks(path),
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

  describe('a file opened through a symbolic link', () => {
    const LINK = '/home/ada/a/museum.mesh.json';
    const TARGET = '/home/ada/repo/museum.mesh.json';
    const aLinkedWatcher = () => aWatcher(new InMemoryFileSystem().withFile(TARGET, 'v1').withLink(LINK, TARGET));
    /** The link has been resolved, and the target's folder watched. */
    const linksResolved = () => new Promise((resolve) => setImmediate(resolve));

    it('tells when another program changes the target, which only the target’s folder reports', async () => {
      const { fs, watcher, changes, folderReports } = aLinkedWatcher();
      watcher.follow(LINK);
      await watcher.recordKnownVersion(LINK);
      await linksResolved();

      fs.changeOutside(TARGET, 'v2 from another editor');
      await folderReports('/home/ada/repo', 'museum.mesh.json');

      expect(changes).toEqual([LINK]);
    });

    it('tells of changes to a contract file opened through a link', async () => {
      const link = '/home/ada/a/vendor.odcs.yaml';
      const target = '/home/ada/repo/contracts/vendor.odcs.yaml';
      const { fs, watcher, changes, folderReports } = aWatcher(
        new InMemoryFileSystem().withFile(target, 'v1').withLink(link, target),
      );
      watcher.followContractFile(link);
      await watcher.recordKnownVersion(link);
      await linksResolved();

      fs.changeOutside(target, 'v2 from another editor');
      await folderReports('/home/ada/repo/contracts', 'vendor.odcs.yaml');

      expect(changes).toEqual([link]);
    });

    it('tells when the target beside the link changes, watching that folder once', async () => {
      const beside = '/home/ada/a/museum-v2.mesh.json';
      const { fs, watcher, changes, folderEvents, folderReports } = aWatcher(
        new InMemoryFileSystem().withFile(beside, 'v1').withLink(LINK, beside),
      );
      watcher.follow(LINK);
      await watcher.recordKnownVersion(LINK);
      await linksResolved();

      fs.changeOutside(beside, 'v2 from another editor');
      await folderReports('/home/ada/a', 'museum-v2.mesh.json');

      expect(changes).toEqual([LINK]);
      expect([...folderEvents.keys()]).toEqual(['/home/ada/a']);
    });

    it('watches the new target once the link is pointed elsewhere, and no longer the old one', async () => {
      const elsewhere = '/home/ada/other/museum.mesh.json';
      const { fs, watcher, changes, folderEvents, folderReports } = aLinkedWatcher();
      fs.withFile(elsewhere, 'another design');
      watcher.follow(LINK);
      await watcher.recordKnownVersion(LINK);
      await linksResolved();

      fs.withLink(LINK, elsewhere);
      await folderReports('/home/ada/a', 'museum.mesh.json');
      await linksResolved();
      expect(changes).toEqual([LINK]);
      expect([...folderEvents.keys()].sort()).toEqual(['/home/ada/a', '/home/ada/other']);

      fs.changeOutside(elsewhere, 'changed by another editor');
      await folderReports('/home/ada/other', 'museum.mesh.json');
      expect(changes).toEqual([LINK, LINK]);
    });

    it('stops watching the target’s folder when another file is opened', async () => {
      const { watcher, folderEvents } = aLinkedWatcher();
      watcher.follow(LINK);
      await linksResolved();
      expect([...folderEvents.keys()].sort()).toEqual(['/home/ada/a', '/home/ada/repo']);

      watcher.follow(undefined);

      expect(folderEvents.size).toBe(0);
    });
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
