import { beforeEach, describe, expect, it } from 'vitest';
import { applyContractText } from '../../../renderer/contracts/contract-actions';
import { contractTextOf, useContractDrafts } from '../../../renderer/contracts/contract-drafts';
import { openContractFile, useContractFiles } from '../../../renderer/contracts/contract-files';
import { useContractTabs } from '../../../renderer/contracts/contract-tabs-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
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
    await openContractFile(aHostOpening(DUPLICATE_KEY.replace('id: vitals', 'id: ../vitals')));
    expect(notice()?.text).toBe(
      'Open contract: could not open vitals.odcs.yaml (1 problem; it has no id to keep a draft under). The file is left as it is.',
    );
    await openContractFile(aHostOpening(DUPLICATE_KEY.replace('id: vitals', 'id: labs')));
    expect(notice()?.text).toBe(
      "Open contract: could not open vitals.odcs.yaml (1 problem; the design already has a contract 'labs'). The file is left as it is.",
    );
    expect(useContractTabs.getState().openIds).toEqual([]);
    expect(useContractFiles.getState().fileById).toEqual({});
  });

  it('drops the draft, and its tab, when another design opens', async () => {
    await openContractFile(aHostOpening(DUPLICATE_KEY));
    openDocument(aMesh().withDomain('safety').build());
    expect(useContractDrafts.getState().textById).toEqual({});
    expect(useContractTabs.getState().openIds).toEqual([]);
  });
});
