import { beforeEach, describe, expect, it } from 'vitest';
import { applyContractText } from '../../../renderer/contracts/contract-actions';
import { contractTextOf, useContractDrafts } from '../../../renderer/contracts/contract-drafts';
import { reloadContractFile, tellOfChangedContractFile } from '../../../renderer/contracts/contract-file-reload';
import { useContractFiles } from '../../../renderer/contracts/opened-contract-files';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import type { FileRef } from '../../../shared/ipc';
import { aContract, aMesh } from '../../builders/mesh-builder';
import { FakeHost } from '../app/fake-host';
import { openDocument } from './store-fixture';

const FILE = { name: 'vendor.odcs.yaml', path: '/contracts/vendor.odcs.yaml' } as FileRef;
const SAVED = aContract('vendor').odcs;
const THEIRS = SAVED.replace('version: 1.0.0', 'version: 1.1.0');
const notice = () => useNoticeStore.getState().notice;

/** A host whose contract file `vendor.odcs.yaml` now holds `onDisk`; it records the versions the page took. */
function aHostWithFile(onDisk: string) {
  const adopted: FileRef[] = [];
  const host = Object.assign(new FakeHost(), {
    readContractFile: async (file: FileRef) => ({ file, text: onDisk }),
    adoptContractFile: async (file: FileRef) => void adopted.push(file),
  });
  return { host, adopted };
}

describe('a contract file another program changed', () => {
  beforeEach(() => {
    openDocument(aMesh().withContract('vendor').build());
    useNoticeStore.setState({ notice: null, history: [] });
    useContractDrafts.setState({ textById: {} });
    useContractFiles.setState({ fileById: {}, savedTextById: {} });
    useContractFiles.getState().bind('vendor', FILE, SAVED);
  });

  it('names the file and offers Reload contract', () => {
    const { host } = aHostWithFile(THEIRS);

    tellOfChangedContractFile(host, { ...FILE });

    expect(notice()).toMatchObject({ tone: 'info', text: 'vendor.odcs.yaml was changed by another program.' });
    expect(notice()?.actions?.map((action) => action.label)).toEqual(['Reload contract']);
  });

  it('says nothing of a file no contract is linked to', () => {
    const { host } = aHostWithFile(THEIRS);

    tellOfChangedContractFile(host, { name: 'other.odcs.yaml', path: '/contracts/other.odcs.yaml' });

    expect(notice()).toBeNull();
  });

  it('puts that version in the editor as one edit, which Undo takes back, and takes it as the file’s', async () => {
    const { host, adopted } = aHostWithFile(THEIRS);

    await reloadContractFile(host, 'vendor');

    expect(contractTextOf('vendor')).toBe(THEIRS);
    expect(useContractFiles.getState().savedTextById.vendor).toBe(THEIRS);
    expect(adopted).toEqual([FILE]);
    expect(host.questions).toEqual([]);
    expect(notice()?.text).toBe('Reloaded vendor from vendor.odcs.yaml.');
    useDocumentStore.getState().undo();
    expect(contractTextOf('vendor')).toBe(SAVED);
  });

  it('asks first when the contract has edits not saved to its file, and Cancel keeps them', async () => {
    const { host } = aHostWithFile(THEIRS);
    const mine = SAVED.replace('version: 1.0.0', 'version: 2.0.0');
    applyContractText('vendor', mine);
    host.confirmAnswer = false;

    await reloadContractFile(host, 'vendor');

    expect(host.questions).toEqual([
      'Discard your unsaved edits to vendor and load the version of vendor.odcs.yaml on disk?',
    ]);
    expect(contractTextOf('vendor')).toBe(mine);
  });

  it('brings the user’s edits back with Undo after they chose Discard and Reload', async () => {
    const { host } = aHostWithFile(THEIRS);
    const mine = SAVED.replace('version: 1.0.0', 'version: 2.0.0');
    applyContractText('vendor', mine);

    await reloadContractFile(host, 'vendor');
    expect(contractTextOf('vendor')).toBe(THEIRS);
    useDocumentStore.getState().undo();

    expect(contractTextOf('vendor')).toBe(mine);
  });

  it('reports a version that no longer reads as this contract, and changes nothing', async () => {
    const { host, adopted } = aHostWithFile('apiVersion: v3.1.0\nkind: DataContract\nid: vendor\nversion: [1\n');
    const before = useDocumentStore.getState().mesh;

    await reloadContractFile(host, 'vendor');

    expect(notice()?.tone).toBe('error');
    expect(notice()?.text).toMatch(
      /^Could not reload vendor from vendor\.odcs\.yaml: \d+ problems?\. Nothing was changed\.$/,
    );
    expect(notice()?.details?.[0]).toMatch(/^vendor\.odcs\.yaml \d+:\d+ /);
    expect(useDocumentStore.getState().mesh).toBe(before);
    expect(useContractFiles.getState().savedTextById.vendor).toBe(SAVED);
    expect(adopted).toEqual([]);
  });
});
