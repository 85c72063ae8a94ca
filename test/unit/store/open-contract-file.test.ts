import { beforeEach, describe, expect, it } from 'vitest';
import { applyContractText } from '../../../renderer/contracts/contract-actions';
import { contractNameOf, contractTextOf, useContractDrafts } from '../../../renderer/contracts/contract-drafts';
import { openContractFile, saveContractFile } from '../../../renderer/contracts/contract-files';
import { useContractTabs } from '../../../renderer/contracts/contract-tabs-store';
import { useContractFiles } from '../../../renderer/contracts/opened-contract-files';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { noteUserInput } from '../../../renderer/store/user-input';
import type { FileRef } from '../../../shared/ipc';
import { aMesh } from '../../builders/mesh-builder';
import { FakeHost } from '../app/fake-host';
import { documentNow, openDocument } from './store-fixture';

const FILE = { name: 'vitals.odcs.yaml', path: '/contracts/vitals.odcs.yaml' } as FileRef;

/** A host whose Open contract… dialog picks `vitals.odcs.yaml` holding `text`. */
function aHostOpening(text: string): FakeHost {
  return Object.assign(new FakeHost(), { openContractFile: async () => ({ file: FILE, text }) });
}

const VALID = 'apiVersion: v3.1.0\nkind: DataContract\nid: vitals\nversion: 1.0.0\nstatus: active\nschema: []\n';
const DUPLICATE_KEY = VALID.replace('status: active\n', 'status: active\nstatus: draft\n');
const notice = () => useNoticeStore.getState().notice;
const contractIds = () => documentNow().contracts.map((contract) => contract.id);

describe('Open contract… on a file that is not a valid contract', () => {
  beforeEach(() => {
    openDocument(aMesh().withDomain('clinical').withProduct('trials', 'clinical').withContract('labs').build());
    useNoticeStore.setState({ notice: null, history: [] });
    useContractTabs.setState({ openIds: [], activeId: null });
    useContractDrafts.setState({ textById: {} });
    useContractFiles.setState({ fileById: {} });
  });

  it('opens it as a draft in the editor with its located problems, leaving the design as it is', async () => {
    const before = documentNow();
    await openContractFile(aHostOpening(DUPLICATE_KEY));

    expect(notice()?.text).toBe(
      'Open contract: vitals.odcs.yaml opened as a draft with 1 problem; it joins the design once they are fixed.',
    );
    expect(notice()?.details).toEqual([expect.stringMatching(/^vitals\.odcs\.yaml 6:1 .*'status' appears twice/)]);
    expect(documentNow()).toBe(before);
    expect(useContractTabs.getState()).toMatchObject({ openIds: ['vitals'], activeId: 'vitals' });
    expect(contractTextOf('vitals')).toBe(DUPLICATE_KEY);
  });

  it('puts the contract in the design once its text is fixed, bound to its file for Save', async () => {
    await openContractFile(aHostOpening(DUPLICATE_KEY));
    expect(applyContractText('vitals', VALID.replace('schema: []', 'schema: 5')).ok).toBe(false);
    expect(contractIds()).toEqual(['labs']);

    // The fix is typed: the draft's error notice gives way to what comes of it.
    noteUserInput();
    expect(applyContractText('vitals', VALID).ok).toBe(true);
    expect(contractIds()).toEqual(['labs', 'vitals']);
    expect(useContractDrafts.getState().textById).toEqual({});
    expect(useContractTabs.getState().openIds).toEqual(['vitals']);
    expect(useContractFiles.getState().fileById).toEqual({ vitals: FILE });
    expect(notice()?.text).toBe('Opened 1 of 1 contract file.');
  });

  it('closes the draft’s tab when the draft is discarded, and nothing was ever in the design', async () => {
    await openContractFile(aHostOpening(DUPLICATE_KEY));
    useContractDrafts.getState().clearDraft('vitals');
    expect(useContractTabs.getState().openIds).toEqual([]);
    expect(contractIds()).toEqual(['labs']);
  });

  it('does not open a file whose id cannot be read, or is taken, and says so as Open contract', async () => {
    await openContractFile(aHostOpening(DUPLICATE_KEY.replace('id: vitals', 'id: "vi\\u0085tals"')));
    expect(notice()?.text).toBe(
      'Open contract: could not open vitals.odcs.yaml (1 problem; it has no id to keep a draft under: none, a blank one, or one with a control character). The file is left as it is.',
    );
    await openContractFile(aHostOpening(DUPLICATE_KEY.replace('id: vitals', 'id: labs')));
    expect(notice()?.text).toBe(
      "Open contract: could not open vitals.odcs.yaml (1 problem; the design already has a contract 'labs'). The file is left as it is.",
    );
    expect(useContractTabs.getState().openIds).toEqual([]);
    expect(useContractFiles.getState().fileById).toEqual({});
  });

  it('saves the draft, as written and with its problems, back to its own file', async () => {
    const written: { file: FileRef | null; suggestedName: string; text: string }[] = [];
    const host = Object.assign(aHostOpening(DUPLICATE_KEY.replace('id: vitals', 'id: vitals\nname: Vitals')), {
      saveContractFile: async (file: FileRef | null, suggestedName: string, text: string) => {
        written.push({ file, suggestedName, text });
        return file ?? FILE;
      },
    });
    await openContractFile(host);
    // Ctrl+S, pressed after the draft's error notice showed.
    noteUserInput();
    await saveContractFile(host, 'vitals', { saveAs: false });

    expect(written).toEqual([{ file: FILE, suggestedName: 'vitals.odcs.yaml', text: contractTextOf('vitals') }]);
    expect(notice()?.text).toBe(
      'Saved Vitals to vitals.odcs.yaml as written, with its 1 problem; it joins the design once they are fixed.',
    );
    expect(contractIds()).toEqual(['labs']);
  });

  it('saves the text with problems of a contract in the design as written, the design keeping its valid version', async () => {
    const written: string[] = [];
    const host = Object.assign(new FakeHost(), {
      saveContractFile: async (_file: FileRef | null, _suggestedName: string, text: string) => {
        written.push(text);
        return FILE;
      },
    });
    const before = documentNow();
    useContractDrafts.getState().setDraft('labs', 'id: labs\nstatus: [\n');
    await saveContractFile(host, 'labs', { saveAs: true });

    expect(written).toEqual(['id: labs\nstatus: [\n']);
    expect(notice()?.text).toMatch(
      /^Saved .* to vitals\.odcs\.yaml as written, with its \d+ problems?; the design keeps its last valid version\.$/,
    );
    expect(documentNow()).toBe(before);
  });

  it('names the draft by the name its text gives, or else by its id', async () => {
    await openContractFile(aHostOpening(DUPLICATE_KEY.replace('id: vitals', 'id: vitals\nname: Vitals')));
    expect(contractNameOf('vitals')).toBe('Vitals');
    useContractDrafts.getState().setDraft('vitals', DUPLICATE_KEY);
    expect(contractNameOf('vitals')).toBe('vitals');
  });

  it('drops the draft, and its tab, when another design opens', async () => {
    await openContractFile(aHostOpening(DUPLICATE_KEY));
    openDocument(aMesh().withDomain('safety').build());
    expect(useContractDrafts.getState().textById).toEqual({});
    expect(useContractTabs.getState().openIds).toEqual([]);
  });
});
