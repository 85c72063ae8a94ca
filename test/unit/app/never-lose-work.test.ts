import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  answerCloseRequest,
  discardAutosave,
  importContractFiles,
  newMesh,
  openFile,
  openRecentFile,
  openSample,
  reloadFromDisk,
  restoreAutosave,
  saveFile,
  settleUnsavedChanges,
} from '../../../renderer/app/file-commands';
import { startAutosave } from '../../../renderer/app/use-autosave';
import { currentWindowTitle } from '../../../renderer/app/use-window-state';
import { useContractDrafts } from '../../../renderer/contracts/contract-drafts';
import { useContractTabs } from '../../../renderer/contracts/contract-tabs-store';
import { type AutosaveSlot, UnreadableFileError } from '../../../renderer/host/host';
import { useScenarioDrafts } from '../../../renderer/simulation/scenario-drafts';
import { selectIsDirty, useDocumentStore } from '../../../renderer/store/document-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { MAX_CONTRACT_FILE_LENGTH, parseMeshFile } from '../../../shared/contracts';
import { type Mesh, serializeMesh } from '../../../shared/model';
import { aMesh, aTruncatingScenario } from '../../builders/mesh-builder';
import { FakeHost } from './fake-host';
import { aManualClock } from './manual-clock';

const store = () => useDocumentStore.getState();
const rename = (name: string) => store().change((mesh: Mesh) => ({ ...mesh, name }));
const namesIn = (texts: Iterable<string>) =>
  [...texts].map((text) => {
    const parsed = parseMeshFile(text);
    return parsed.ok ? parsed.value.name : 'unreadable';
  });
const settled = () => new Promise((resolve) => setImmediate(resolve));

let host: FakeHost;
let clock: ReturnType<typeof aManualClock>;
let stopAutosave: () => void;

beforeEach(() => {
  host = new FakeHost();
  clock = aManualClock();
  store().close();
  stopAutosave = startAutosave(host, clock.clock);
  store().open(aMesh().build(), { name: 'orders.mesh.json', path: '/home/ada/orders.mesh.json' });
  useNoticeStore.getState().dismiss();
});

afterEach(() => {
  stopAutosave();
});

/** Lets the autosave's quiet second pass and its write land. */
async function autosaveRuns(): Promise<void> {
  clock.advance(1000);
  await settled();
}

describe('saving while editing', () => {
  it('marks saved exactly the document that was written; an edit made during the save stays unsaved', async () => {
    rename('Written');
    const held = host.holdNextSave();
    const saving = saveFile(host, { saveAs: false });

    rename('Typed during the save');
    held.release();
    await saving;

    expect(namesIn(host.savedTexts)).toEqual(['Written']);
    expect(selectIsDirty(store())).toBe(true);
    expect(store().savedMesh?.name).toBe('Written');
  });

  it('keeps autosaving the edit made during the save, instead of clearing the copy', async () => {
    rename('Written');
    await autosaveRuns();
    const held = host.holdNextSave();
    const saving = saveFile(host, { saveAs: false });
    rename('Typed during the save');
    held.release();
    await saving;

    await autosaveRuns();

    expect(namesIn([...host.slots.values()].map((slot) => slot.text))).toEqual(['Typed during the save']);
  });

  it('drops the copy once everything is saved', async () => {
    rename('Written');
    await autosaveRuns();

    await saveFile(host, { saveAs: false });
    await settled();

    expect(host.slots.size).toBe(0);
    expect(selectIsDirty(store())).toBe(false);
  });

  it('writes saves one after another, so an older one never lands last', async () => {
    rename('First');
    const held = host.holdNextSave();
    const first = saveFile(host, { saveAs: false });
    rename('Second');
    const second = saveFile(host, { saveAs: false });
    held.release();
    await Promise.all([first, second]);

    expect(namesIn(host.savedTexts)).toEqual(['First', 'Second']);
    expect(selectIsDirty(store())).toBe(false);
  });

  it('offers the open file’s own name to Save As', async () => {
    store().open(aMesh().build(), { name: 'Loterie nationale — tirages 2026.MESH.JSON', path: '/home/ada/l.json' });

    await saveFile(host, { saveAs: true });

    expect(host.suggestedNames).toEqual(['Loterie nationale — tirages 2026.MESH.JSON']);
  });

  it('says a refused save’s reason in one sentence, however the reason ends, and that the design is still open', async () => {
    rename('Parcel lockers');
    host.failSaveWith = 'the file is read-only: make it writable, or save a copy with Save As…';

    expect(await saveFile(host, { saveAs: false })).toBe(false);

    expect(useNoticeStore.getState().notice?.text).toBe(
      'Could not save: the file is read-only: make it writable, or save a copy with Save As… Your design is still open.',
    );
    expect(selectIsDirty(store())).toBe(true);
  });

  it('says a desktop refusal, which names the file itself, once rather than after a second “Could not save”', async () => {
    rename('Parcel lockers');
    host.failSaveWith =
      'Could not save /home/ada/orders.mesh.json: permission denied; check its permissions or choose another path';

    expect(await saveFile(host, { saveAs: false })).toBe(false);

    expect(useNoticeStore.getState().notice?.text).toBe(
      'Could not save /home/ada/orders.mesh.json: permission denied; check its permissions or choose another path. Your design is still open.',
    );
  });

  it('refuses to save a design that could not be opened again, writing nothing', async () => {
    let deep: unknown = [];
    for (let level = 0; level < 1000; level++) deep = [deep];
    store().change((mesh) => ({ ...mesh, contracts: [], description: 'x', 'x-deep': deep }) as Mesh);

    expect(await saveFile(host, { saveAs: false })).toBe(false);
    expect(host.savedTexts).toEqual([]);
    expect(useNoticeStore.getState().notice?.text).toMatch(/^Could not save: the file could not be opened again/);
  });
});

describe('recovering unsaved work', () => {
  it('keeps one slot per document, so a second design never overwrites the first one’s copy', async () => {
    rename('Orders, unsaved');
    await autosaveRuns();
    // A crash: the next session opens another design without settling the first.
    store().open(aMesh().build(), null);
    rename('Shop, unsaved');
    await autosaveRuns();

    expect(namesIn([...host.slots.values()].map((slot) => slot.text)).sort()).toEqual([
      'Orders, unsaved',
      'Shop, unsaved',
    ]);
  });

  it('opens a recovered design with unsaved changes, named “Recovered …”, in its own slot', async () => {
    const slot = {
      key: 'k1',
      name: 'orders.mesh.json',
      savedAt: '2026-01-01T00:00:00Z',
      text: serializeMesh(aMesh().build()),
    };
    store().close();

    expect(await restoreAutosave(host, slot)).toBe(true);

    expect(store().name).toBe('Recovered orders.mesh.json');
    expect(store().documentKey).not.toBe('k1');
    expect(store().file).toBeNull();
    expect(selectIsDirty(store())).toBe(true);
  });

  it('keeps what breaking changes are judged against: a restored copy has the baseline it had on screen', async () => {
    const opened = store().baseline;
    rename('Edited before the crash');
    await autosaveRuns();
    const [slot] = [...host.slots.values()];
    store().close();

    await restoreAutosave(host, slot!);

    expect(store().mesh?.name).toBe('Edited before the crash');
    expect(store().baseline).toEqual(opened);
  });

  it('restores a copy whose kept baseline no longer reads without one, as before', async () => {
    const slot = {
      key: 'k1',
      name: 'orders.mesh.json',
      savedAt: '',
      text: serializeMesh(aMesh().build()),
      baselineText: '{"cut off',
    };
    store().close();

    expect(await restoreAutosave(host, slot)).toBe(true);
    expect(store().baseline).toBeNull();
  });

  it('writes a recovered design to a slot of its own, dropping the one it came from only once that is written', async () => {
    const slot = { key: 'k1', name: 'orders', savedAt: '', text: serializeMesh({ ...aMesh().build(), name: 'Left' }) };
    host.slots.set('k1', slot);
    store().close();

    await restoreAutosave(host, slot);
    expect(host.claimedSlots).toContain('k1');
    rename('Carried on');
    expect([...host.slots.keys()]).toEqual(['k1']);
    await autosaveRuns();

    expect([...host.slots.keys()]).toEqual([store().documentKey]);
    expect(namesIn([...host.slots.values()].map((each) => each.text))).toEqual(['Carried on']);
  });

  it('neither opens nor discards a copy another tab has taken since the list was shown', async () => {
    const slot = { key: 'k1', name: 'orders', savedAt: '', text: serializeMesh(aMesh().build()) };
    host.slots.set('k1', slot);
    host.slotsKeptElsewhere.add('k1');
    store().close();

    expect(await restoreAutosave(host, slot)).toBe(false);
    await discardAutosave(host, slot);

    expect(store().mesh).toBeNull();
    expect([...host.slots.keys()]).toEqual(['k1']);
    expect(useNoticeStore.getState().notice?.text).toBe(
      '“orders” is open in another tab or window: go on there. Nothing was changed.',
    );
  });

  it('asks before another file replaces a recovered design', async () => {
    const slot = { key: 'k1', name: 'orders.mesh.json', savedAt: '', text: serializeMesh(aMesh().build()) };
    store().close();
    await restoreAutosave(host, slot);
    host.fileToOpen = { file: { name: 'shop.mesh.json' }, text: serializeMesh(aMesh().build()) };

    await openFile(host);

    expect(host.questions).toEqual(['save changes to Recovered orders.mesh.json?']);
    expect(store().name).toBe('Recovered orders.mesh.json');
  });

  it('does not call a recovered design “Recovered Recovered …” after a second crash', async () => {
    const slot = { key: 'k1', name: 'Recovered shop', savedAt: '', text: serializeMesh(aMesh().build()) };

    await restoreAutosave(host, { ...slot });
    store().close();
    await restoreAutosave(host, slot);

    expect(store().name).toBe('Recovered shop');
  });

  it('offers a recovered design under the name of the file it came from, after a second crash too', async () => {
    const slot = { key: 'k1', name: 'Loterie — tirages.mesh.json', savedAt: '', text: serializeMesh(aMesh().build()) };

    await restoreAutosave(host, slot);
    await saveFile(host, { saveAs: false });
    await restoreAutosave(host, { ...slot, name: 'Recovered Loterie — tirages.mesh.json' });
    await saveFile(host, { saveAs: false });

    expect(host.suggestedNames).toEqual(['Loterie — tirages.mesh.json', 'Loterie — tirages.mesh.json']);
  });

  it('says whose unsaved work it restored, by the design’s own name, and that undo starts afresh', async () => {
    const mesh = aMesh().build();
    const slot = {
      key: 'k1',
      name: 'Untitled mesh',
      savedAt: '',
      text: serializeMesh({ ...mesh, name: 'Untitled mesh' }),
    };

    await restoreAutosave(host, slot);

    expect(useNoticeStore.getState().notice?.text).toBe(
      'Restored unsaved work of “Untitled mesh” from an earlier session. Undo starts from here.',
    );
  });

  it('names the design of a copy kept under its file’s name, as the start screen lists it, with the file', async () => {
    const mesh = aMesh().build();
    const slot = {
      key: 'k1',
      name: 'forestry.mesh.json',
      savedAt: '',
      text: serializeMesh({ ...mesh, name: 'Forestry' }),
    };

    await restoreAutosave(host, slot);

    expect(useNoticeStore.getState().notice?.text).toBe(
      'Restored unsaved work of “Forestry” (forestry.mesh.json) from an earlier session. Undo starts from here.',
    );
  });

  it('offers to save a copy that no longer opens as it is, to be mended by hand', async () => {
    const cutOff = serializeMesh({ ...aMesh().build(), name: 'Half tram' }).slice(0, 80);
    const slot = { key: 'k1', name: 'Half tram', savedAt: '', text: cutOff };
    const designBefore = store().mesh;

    await restoreAutosave(host, slot);
    const notice = useNoticeStore.getState().notice;
    notice?.actions?.find((action) => action.label === 'Save the copy as…')?.run();

    expect(notice?.text).toMatch(/^Could not open “Recovered Half tram”/);
    await expect.poll(() => host.savedExports.get('half-tram.recovered.json')).toBe(cutOff);
    expect(store().mesh).toBe(designBefore);
  });

  it('offers a recovered design that had no file under its design’s name', async () => {
    const slot = { key: 'k1', name: 'Recovered shop', savedAt: '', text: serializeMesh(aMesh().build()) };

    await restoreAutosave(host, slot);
    await saveFile(host, { saveAs: false });

    expect(host.suggestedNames).toEqual(['test-mesh.mesh.json']);
  });
});

const aSlotWithDrafts = (contractDrafts: unknown): AutosaveSlot => ({
  key: 'k1',
  name: 'orders.mesh.json',
  savedAt: '',
  text: serializeMesh(aMesh().withContract('orders-v1').build()),
  contractDrafts: contractDrafts as AutosaveSlot['contractDrafts'],
});

describe('contract text with problems in the recovery copy', () => {
  const BROKEN = 'id: orders-v1\nbroken: [';
  const drafts = () => useContractDrafts.getState();
  beforeEach(() => {
    useContractDrafts.setState({ textById: {} });
    useContractTabs.setState({ openIds: [], activeId: null });
    store().open(aMesh().withContract('orders-v1').build(), { name: 'orders.mesh.json', path: '/o.mesh.json' });
  });

  it('is autosaved, though the design itself has no unsaved change', async () => {
    drafts().setDraft('orders-v1', BROKEN);
    await autosaveRuns();

    expect([...host.slots.values()].map((slot) => slot.contractDrafts)).toEqual([{ 'orders-v1': BROKEN }]);
  });

  it('leaves the copy once the draft is discarded and nothing else is unsaved', async () => {
    drafts().setDraft('orders-v1', BROKEN);
    await autosaveRuns();

    drafts().clearDraft('orders-v1');
    await settled();

    expect(host.slots.size).toBe(0);
  });

  it('leaves the copy when the user agrees to discard the draft and opens another design', async () => {
    drafts().setDraft('orders-v1', BROKEN);
    await autosaveRuns();

    await newMesh(host);
    await settled();

    expect(store().mesh?.name).toBe('Untitled mesh');
    expect(host.slots.size).toBe(0);
  });

  it('goes once the user agrees to discard it and opens a design holding that contract as it was', async () => {
    drafts().setDraft('orders-v1', BROKEN);
    host.fileToOpen = {
      file: { name: 'orders.mesh.json' },
      text: serializeMesh(aMesh().withContract('orders-v1').build()),
    };

    await openFile(host);

    expect(host.questions).toEqual(['Discard the text with problems in ‘orders-v1’?']);
    expect(drafts().textById).toEqual({});
  });

  it('goes without a word once the user agreed to discard it, the design opened told instead', async () => {
    drafts().setDraft('orders-v1', BROKEN);
    host.fileToOpen = { file: { name: 'shop.mesh.json' }, text: serializeMesh(aMesh().build()) };

    await openFile(host);

    expect(drafts().textById).toEqual({});
    expect(useNoticeStore.getState().history.map((notice) => notice.text)).not.toContainEqual(
      expect.stringContaining('is no longer in the design'),
    );
  });

  it('comes back with the restored design, open in the editor as a draft', async () => {
    store().close();

    expect(await restoreAutosave(host, aSlotWithDrafts({ 'orders-v1': BROKEN }))).toBe(true);

    expect(drafts().textById).toEqual({ 'orders-v1': BROKEN });
    expect(useContractTabs.getState().openIds).toEqual(['orders-v1']);
  });

  it('restores the design and the drafts it can read, saying which it left out and why', async () => {
    store().close();
    const oversized = 'x'.repeat(MAX_CONTRACT_FILE_LENGTH + 1);
    const slot = aSlotWithDrafts({ 'orders-v1': BROKEN, counted: 42, huge: oversized });

    expect(await restoreAutosave(host, slot)).toBe(true);

    expect(drafts().textById).toEqual({ 'orders-v1': BROKEN });
    expect(useNoticeStore.getState().notice).toMatchObject({
      tone: 'error',
      text: 'Restored “Recovered orders.mesh.json” without 2 contract drafts its copy could not read',
      details: [
        "contract draft 'counted': not text but a number",
        "contract draft 'huge': larger than 4 MB, the most a contract may be",
      ],
    });
  });

  it('restores the design when its drafts are not drafts at all, and says so', async () => {
    store().close();

    expect(await restoreAutosave(host, aSlotWithDrafts('not a record'))).toBe(true);

    expect(store().mesh?.contracts.map((contract) => contract.id)).toEqual(['orders-v1']);
    expect(drafts().textById).toEqual({});
    expect(useNoticeStore.getState().notice?.details).toEqual([
      'contract drafts: not contract texts by id but a string',
    ]);
  });
});

describe('scenario text typed but not applied', () => {
  const EDITED = '{ "id": "purge", "seed": 7 }';
  beforeEach(() => {
    useScenarioDrafts.setState({ textById: {} });
    store().open(
      { ...aMesh().build(), scenarios: [aTruncatingScenario('orders-db')] },
      { name: 'orders.mesh.json', path: '/o.mesh.json' },
    );
    useScenarioDrafts.getState().setDraft('purge', EDITED);
  });

  it('marks the window as unsaved, though the design itself has no unsaved change', () => {
    expect(currentWindowTitle()).toContain('•');
  });

  it('asks before New drops it, naming the scenario, and Cancel keeps the design and the text', async () => {
    host.confirmAnswer = false;

    await newMesh(host);

    expect(host.questions).toEqual(['Discard the scenario text not applied in ‘Purge’?']);
    expect(store().mesh?.scenarios[0]?.name).toBe('Purge');
    expect(useScenarioDrafts.getState().textById).toEqual({ purge: EDITED });
  });

  it('asks before Reload of the version another program wrote drops it, and Cancel keeps the design and the text', async () => {
    const file = { name: 'orders.mesh.json', path: '/o.mesh.json' };
    host.files.set(file.path, serializeMesh({ ...aMesh().build(), name: 'Their version' }));
    host.confirmAnswer = false;

    await reloadFromDisk(host, file);

    expect(host.questions).toEqual(['Discard the scenario text not applied in ‘Purge’?']);
    expect(store().mesh?.scenarios[0]?.name).toBe('Purge');
    expect(useScenarioDrafts.getState().textById).toEqual({ purge: EDITED });
  });

  it('goes once the user agrees to discard it, and the next design starts without it', async () => {
    await newMesh(host);

    expect(store().mesh?.name).toBe('Untitled mesh');
    expect(useScenarioDrafts.getState().textById).toEqual({});
  });
});

describe('leaving a design with unsaved changes', () => {
  it('writes the pending copy first, then asks Save / Don’t Save / Cancel', async () => {
    rename('Not yet autosaved');

    await settleUnsavedChanges(host);

    expect(host.questions).toEqual(['save changes to orders.mesh.json?']);
    expect(namesIn([...(host.slotsWhenAsked[0]?.values() ?? [])].map((slot) => slot.text))).toEqual([
      'Not yet autosaved',
    ]);
  });

  it('stays on Cancel, keeping the changes and their copy', async () => {
    rename('Kept');
    host.unsavedChangesAnswer = 'cancel';

    await newMesh(host);

    expect(store().mesh?.name).toBe('Kept');
    expect(host.slots.size).toBe(1);
  });

  it('saves on Save, then goes on', async () => {
    rename('Saved on the way out');
    host.unsavedChangesAnswer = 'save';

    await newMesh(host);

    expect(namesIn(host.savedTexts)).toEqual(['Saved on the way out']);
    expect(store().mesh?.name).toBe('Untitled mesh');
  });

  it('discards the changes and their copy on Don’t Save', async () => {
    rename('Thrown away');
    host.unsavedChangesAnswer = 'discard';

    await newMesh(host);
    await settled();

    expect(store().mesh?.name).toBe('Untitled mesh');
    expect(host.slots.size).toBe(0);
  });

  describe('keeps the copy on Don’t Save when the design replacing it does not open', () => {
    const unsavedWithCopy = async () => {
      rename('Still open, unsaved');
      await autosaveRuns();
      host.unsavedChangesAnswer = 'discard';
    };
    const expectStillRecoverable = async () => {
      await settled();
      expect(store().mesh?.name).toBe('Still open, unsaved');
      expect(selectIsDirty(store())).toBe(true);
      expect(namesIn([...host.slots.values()].map((slot) => slot.text))).toEqual(['Still open, unsaved']);
    };

    it('a file that cannot be read', async () => {
      await unsavedWithCopy();
      host.fileToOpen = { file: { name: 'broken.mesh.json' }, text: '{ "truncated": ' };
      await openFile(host);
      await expectStillRecoverable();
    });

    it('a file picker cancelled', async () => {
      await unsavedWithCopy();
      host.fileToOpen = null;
      await openFile(host);
      await expectStillRecoverable();
    });

    it('a recent file that is gone', async () => {
      await unsavedWithCopy();
      await openRecentFile(host, { name: 'gone.mesh.json', path: '/home/ada/gone.mesh.json' });
      await expectStillRecoverable();
    });

    it('a sample that cannot be read', async () => {
      await unsavedWithCopy();
      await openSample(host, 'Broken', 'not json');
      await expectStillRecoverable();
    });

    it('a recovered copy that cannot be read', async () => {
      await unsavedWithCopy();
      await restoreAutosave(host, { key: 'k-broken', name: 'broken', savedAt: '', text: 'not json' });
      await expectStillRecoverable();
    });
  });

  it('drops the copy on Don’t Save once the file replacing the design has opened', async () => {
    rename('Thrown away');
    await autosaveRuns();
    host.unsavedChangesAnswer = 'discard';
    host.fileToOpen = { file: { name: 'shop.mesh.json' }, text: serializeMesh({ ...aMesh().build(), name: 'Shop' }) };

    await openFile(host);
    await settled();

    expect(store().mesh?.name).toBe('Shop');
    expect(host.slots.size).toBe(0);
  });

  it('does not go on when the save is cancelled in its dialog', async () => {
    store().open(aMesh().build(), null);
    rename('Never saved');
    host.unsavedChangesAnswer = 'save';
    host.saveTarget = null;

    expect(await settleUnsavedChanges(host)).toBe(false);
    expect(store().mesh?.name).toBe('Never saved');
  });

  it('answers the desktop’s close request: closes after Don’t Save, stays on Cancel', async () => {
    rename('Unsaved');
    host.unsavedChangesAnswer = 'cancel';
    await answerCloseRequest(host);
    host.unsavedChangesAnswer = 'discard';
    await answerCloseRequest(host);

    expect(host.closeAnswers).toEqual([false, true]);
  });

  it('answers the close request when asking fails, staying open with the reason, and asks again next time', async () => {
    rename('Unsaved');
    host.failQuestionWith = 'the dialog could not be shown';
    await answerCloseRequest(host);
    host.failQuestionWith = null;
    host.unsavedChangesAnswer = 'discard';
    await answerCloseRequest(host);

    expect(host.closeAnswers).toEqual([false, true]);
    expect(useNoticeStore.getState().notice?.text).toBe(
      'Not closed, to keep your changes: the dialog could not be shown',
    );
  });

  it('closes at once when nothing is unsaved', async () => {
    await answerCloseRequest(host);

    expect(host.questions).toEqual([]);
    expect(host.closeAnswers).toEqual([true]);
  });
});

describe('autosave failures', () => {
  it('are reported in the status line instead of ignored', async () => {
    host.failAutosaveWith = 'QuotaExceededError: the storage is full';
    rename('Unsaved');

    await autosaveRuns();

    expect(useNoticeStore.getState().notice).toMatchObject({
      tone: 'error',
      text: expect.stringContaining('Autosave failed: QuotaExceededError: the storage is full'),
    });
  });
});

describe('a file changed by another program', () => {
  const ORDERS = { name: 'orders.mesh.json', path: '/home/ada/orders.mesh.json' };
  const onDisk = () => host.files.set(ORDERS.path, serializeMesh({ ...aMesh().build(), name: 'Their version' }));

  it('loads the other program’s version when there is nothing unsaved', async () => {
    onDisk();

    await reloadFromDisk(host, ORDERS);

    expect(host.questions).toEqual([]);
    expect(store().mesh?.name).toBe('Their version');
  });

  it('says a desktop refusal to reload, which names the file itself, once rather than after a second “Could not”', async () => {
    const refusal = `Could not open ${ORDERS.path}: it was moved or deleted, so it is removed from the recent files.`;
    host.openRecent = async () => {
      throw new Error(refusal);
    };

    await reloadFromDisk(host, ORDERS);

    expect(useNoticeStore.getState().notice).toMatchObject({ tone: 'error', text: refusal });
  });

  it('keeps unsaved changes unless the user agrees to drop them', async () => {
    onDisk();
    rename('Mine, unsaved');
    host.confirmAnswer = false;

    await reloadFromDisk(host, ORDERS);

    expect(host.questions[0]).toMatch(
      /^Discard your unsaved changes and load the version of orders.mesh.json on disk\?/,
    );
    expect(store().mesh?.name).toBe('Mine, unsaved');
  });

  it('drops the changes and their copy once the user agrees', async () => {
    onDisk();
    rename('Mine, unsaved');
    await autosaveRuns();
    host.confirmAnswer = true;

    await reloadFromDisk(host, ORDERS);
    await settled();

    expect(store().mesh?.name).toBe('Their version');
    expect(selectIsDirty(store())).toBe(false);
    expect(host.slots.size).toBe(0);
  });

  describe('with contract text with problems, never applied, though the design has no unsaved change', () => {
    const BROKEN = 'id: orders-v1\nbroken: [';
    beforeEach(() => {
      useContractDrafts.setState({ textById: {} });
      store().open(aMesh().withContract('orders-v1').build(), ORDERS);
      // Their version changed that very contract.
      host.files.set(ORDERS.path, serializeMesh(aMesh().withContract('orders-v1', { version: '2.0.0' }).build()));
      useContractDrafts.getState().setDraft('orders-v1', BROKEN);
    });

    it('asks before the reload drops it, and keeps it and the design on Cancel', async () => {
      await autosaveRuns();
      host.confirmAnswer = false;

      await reloadFromDisk(host, ORDERS);
      await autosaveRuns();

      expect(host.questions).toEqual(['Discard the text with problems in ‘orders-v1’?']);
      expect(useContractDrafts.getState().textById).toEqual({ 'orders-v1': BROKEN });
      expect(store().mesh?.contracts[0]?.version).toBe('1.0.0');
      expect([...host.slots.values()].map((slot) => slot.contractDrafts)).toEqual([{ 'orders-v1': BROKEN }]);
    });

    it('loads their version once the user agrees, the draft and its copy gone', async () => {
      await autosaveRuns();
      host.confirmAnswer = true;

      await reloadFromDisk(host, ORDERS);
      await settled();

      expect(store().mesh?.contracts[0]?.version).toBe('2.0.0');
      expect(useContractDrafts.getState().textById).toEqual({});
      expect(host.slots.size).toBe(0);
    });
  });
});

describe('importing contract files that cannot be read', () => {
  it('names the file and why, and leaves the design as it was', async () => {
    const before = store().mesh;
    host.chooseContractFiles = async () => {
      throw new UnreadableFileError('latin1.odcs.yaml', 'byte 7 (0xf4) is not UTF-8');
    };

    await importContractFiles(host);

    expect(store().mesh).toBe(before);
    expect(useNoticeStore.getState().notice?.text).toBe(
      'Could not import latin1.odcs.yaml: byte 7 (0xf4) is not UTF-8. Nothing was changed.',
    );
  });
});

describe('the designs listed under Open Recent', () => {
  it('lists a file that opened as a design', async () => {
    const tram = { name: 'tram.mesh.json', path: '/home/ada/tram.mesh.json' };
    host.fileToOpen = { file: tram, text: serializeMesh(aMesh().build()) };

    await openFile(host);

    expect(host.recentDesigns).toEqual([tram]);
  });

  it('leaves out a file that did not open as a design', async () => {
    host.fileToOpen = { file: { name: 'package.json', path: '/home/ada/package.json' }, text: '{"name":"tram"}' };

    await openFile(host);

    expect(host.recentDesigns).toEqual([]);
  });
});
