// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { openContractFile, saveContractFile } from '../../../renderer/contracts/contract-files';
import { useContractTabs } from '../../../renderer/contracts/contract-tabs-store';
import { ImportDialog } from '../../../renderer/contracts/import/import-dialog';
import { useImportPlan } from '../../../renderer/contracts/import/import-plan-store';
import { useContractFiles } from '../../../renderer/contracts/opened-contract-files';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import type { FileRef } from '../../../shared/ipc';
import { aMesh } from '../../builders/mesh-builder';
import { FakeHost } from '../app/fake-host';
import { documentNow, openDocument } from '../store/store-fixture';

Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);
// jsdom has no modal dialogs: an opened one is enough here.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.open = true;
};

const FILE = { name: 'labs.odcs.yaml', path: '/contracts/labs.odcs.yaml' } as FileRef;
const LABS =
  'apiVersion: v3.1.0\nkind: DataContract\nid: labs\nname: Lab results\nversion: 1.0.0\nstatus: active\nschema: []\n';

/** A host whose Open contract… picks `labs.odcs.yaml`, and whose saves are recorded. */
function aHostOpeningLabs(written: { file: FileRef | null; text: string }[]): FakeHost {
  return Object.assign(new FakeHost(), {
    openContractFile: async () => ({ file: FILE, text: LABS }),
    saveContractFile: async (file: FileRef | null, _suggestedName: string, text: string) => {
      written.push({ file, text });
      return file ?? { name: 'elsewhere.odcs.yaml', path: '/elsewhere.odcs.yaml' };
    },
  });
}

/** Confirms the dialog as the user does, with its Open button, under its title Open contract. */
function clickOpen(): void {
  const host = document.createElement('div');
  const root = createRoot(host);
  act(() => root.render(<ImportDialog />));
  expect(host.querySelector('h2')?.textContent).toBe('Open contract');
  const button = [...host.querySelectorAll('button')].find((candidate) => candidate.textContent === 'Open');
  if (!button) throw new Error('the dialog of Open contract… has no Open button');
  act(() => button.click());
  act(() => root.unmount());
}

describe('Open contract… on a file whose id the design already has', () => {
  beforeEach(() => {
    openDocument(aMesh().withDomain('clinical').withProduct('trials', 'clinical').withContract('labs').build());
    useNoticeStore.setState({ notice: null, history: [] });
    useContractTabs.setState({ openIds: [], activeId: null });
    useContractFiles.setState({ fileById: {}, savedTextById: {} });
    useImportPlan.getState().close();
  });

  it('says the file was opened once the dialog is confirmed, and saves the contract back to that file', async () => {
    const written: { file: FileRef | null; text: string }[] = [];
    const host = aHostOpeningLabs(written);
    await openContractFile(host);
    expect(useImportPlan.getState().files).not.toBeNull();

    // The dialog offers the file as the next version of the design's 'labs'.
    clickOpen();
    expect(documentNow().contracts.map((contract) => contract.id)).toEqual(['labs']);
    expect(useNoticeStore.getState().notice?.text).toBe('Opened 1 of 1 contract file.');
    expect(useContractFiles.getState().fileById).toEqual({ labs: FILE });
    expect(useDocumentStore.getState().fileBasedContractIds).toEqual(['labs']);

    await saveContractFile(host, 'labs', { saveAs: false });
    expect(written.map((save) => save.file)).toEqual([FILE]);
  });

  it('links the file to the contract under its new id when the dialog imports it as a new one', async () => {
    await openContractFile(aHostOpeningLabs([]));
    useImportPlan.getState().choose('labs.odcs.yaml', { target: 'new', onConflict: 'rename' });

    clickOpen();
    expect(documentNow().contracts.map((contract) => contract.id)).toEqual(['labs', 'labs-2']);
    expect(useContractFiles.getState().fileById).toEqual({ 'labs-2': FILE });
    expect(useContractTabs.getState().activeId).toBe('labs-2');
  });

  it('links no file when the dialog skips it', async () => {
    await openContractFile(aHostOpeningLabs([]));
    useImportPlan.getState().choose('labs.odcs.yaml', { target: 'skip' });

    clickOpen();
    expect(useNoticeStore.getState().notice?.text).toBe('Opened 0 of 1 contract file.');
    expect(useContractFiles.getState().fileById).toEqual({});
  });
});
