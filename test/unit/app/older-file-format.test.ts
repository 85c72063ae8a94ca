import { beforeEach, describe, expect, it } from 'vitest';
import { openRecentFile, saveFile, settleUnsavedChanges } from '../../../renderer/app/file-commands';
import { selectIsDirty, useDocumentStore } from '../../../renderer/store/document-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { type Mesh, serializeMesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';
import { FakeHost } from './fake-host';

const store = () => useDocumentStore.getState();
const rename = (name: string) => store().change((mesh: Mesh) => ({ ...mesh, name }));
const noticeText = () => useNoticeStore.getState().notice?.text;
const formatOf = (text: string | undefined) => (text === undefined ? undefined : JSON.parse(text).schemaVersion);

const ordersFile = { name: 'orders.mesh.json', path: '/home/ada/orders.mesh.json' };
const copyFile = { name: 'orders-new.mesh.json', path: '/home/ada/orders-new.mesh.json' };

/** A design as an older version wrote it: format 1, which stored no contract text (this one has no contracts). */
function aFileOfFormat1(): string {
  const file = JSON.parse(serializeMesh(aMesh().build()));
  return JSON.stringify({ ...file, schemaVersion: 1 }, null, 2);
}

let host: FakeHost;

beforeEach(async () => {
  host = new FakeHost();
  store().close();
  useNoticeStore.getState().dismiss();
  host.files.set(ordersFile.path, aFileOfFormat1());
  await openRecentFile(host, ordersFile);
});

describe('a file an older version wrote', () => {
  it('says on open which format it is in, and that saving writes one older versions cannot open', () => {
    expect(noticeText()).toBe(
      'Opened orders.mesh.json, written by an older version (format 1). Saving writes format 2, which older versions cannot open.',
    );
  });

  it('says nothing of formats for a file in the current format', async () => {
    host.files.set(copyFile.path, serializeMesh(aMesh().build()));
    await openRecentFile(host, copyFile);
    expect(noticeText()).toBe('Opened orders-new.mesh.json');
  });

  it('asks before the first save over it, and Cancel writes nothing', async () => {
    host.olderFormatAnswer = 'cancel';
    rename('Edited');
    expect(await saveFile(host, { saveAs: false })).toBe(false);
    expect(host.questions).toEqual(['save orders.mesh.json, of format 1, in the new format?']);
    expect(host.savedTexts).toEqual([]);
    expect(formatOf(host.files.get(ordersFile.path))).toBe(1);
    expect(selectIsDirty(store())).toBe(true);
  });

  it('writes the new format over it once the user agrees, and asks no more', async () => {
    host.olderFormatAnswer = 'save';
    rename('Edited');
    await saveFile(host, { saveAs: false });
    rename('Edited again');
    await saveFile(host, { saveAs: false });
    expect(host.questions).toEqual(['save orders.mesh.json, of format 1, in the new format?']);
    expect(host.savedTexts.map(formatOf)).toEqual([2, 2]);
    expect(store().file).toEqual(ordersFile);
  });

  it('saves a copy in the new format where the user picks, leaving the file as older versions read it', async () => {
    host.olderFormatAnswer = 'save-as';
    host.saveTarget = copyFile;
    rename('Edited');
    expect(await saveFile(host, { saveAs: false })).toBe(true);
    expect(formatOf(host.files.get(ordersFile.path))).toBe(1);
    expect(formatOf(host.files.get(copyFile.path))).toBe(2);
    expect(store().file).toEqual(copyFile);
    await saveFile(host, { saveAs: false });
    expect(host.questions).toHaveLength(1);
  });

  it('offers the copy under another name, so one Enter in the save dialog cannot write over the file kept for older versions', async () => {
    host.olderFormatAnswer = 'save-as';
    host.saveTarget = copyFile;
    rename('Edited');
    await saveFile(host, { saveAs: false });
    expect(host.suggestedNames).toEqual(['orders copy.mesh.json']);
  });

  it('asks nothing on Save As…, which writes a file of the user’s choice', async () => {
    host.saveTarget = copyFile;
    await saveFile(host, { saveAs: true });
    expect(host.questions).toEqual([]);
  });

  it('stays open with its changes when leaving it asks to save and the format question is cancelled', async () => {
    host.unsavedChangesAnswer = 'save';
    host.olderFormatAnswer = 'cancel';
    rename('Edited');
    expect(await settleUnsavedChanges(host)).toBe(false);
    expect(host.savedTexts).toEqual([]);
    expect(store().mesh?.name).toBe('Edited');
  });
});
