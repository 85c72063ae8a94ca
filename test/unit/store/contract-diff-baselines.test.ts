import { beforeEach, describe, expect, it } from 'vitest';
import { applyContractText } from '../../../renderer/contracts/contract-actions';
import { useContractDrafts } from '../../../renderer/contracts/contract-drafts';
import { openContractFile, saveContractFile } from '../../../renderer/contracts/contract-files';
import { diffBaselinesOf } from '../../../renderer/contracts/diff/diff-baselines';
import { useContractFiles } from '../../../renderer/contracts/opened-contract-files';
import { useDocumentStore } from '../../../renderer/store/document-store';
import type { FileRef } from '../../../shared/ipc';
import { aMesh } from '../../builders/mesh-builder';
import { FakeHost } from '../app/fake-host';
import { openDocument } from './store-fixture';

const FILE = { name: 'vitals.odcs.yaml', path: '/contracts/vitals.odcs.yaml' } as FileRef;
const ON_DISK =
  'apiVersion: v3.1.0\nkind: DataContract\nid: vitals\nname: Vitals\nversion: 1.0.0\nstatus: active\nschema: []\n';

/** A host whose Open contract… picks `vitals.odcs.yaml` holding ON_DISK, and whose saves succeed. */
function aHostWithTheFile(): FakeHost {
  return Object.assign(new FakeHost(), {
    openContractFile: async () => ({ file: FILE, text: ON_DISK }),
    saveContractFile: async (file: FileRef | null) => file ?? FILE,
  });
}

function baselines(id: string) {
  const { fileById, savedTextById } = useContractFiles.getState();
  return diffBaselinesOf(id, useDocumentStore.getState().baseline, fileById[id], savedTextById[id]);
}

describe('what the Diff view compares a contract with', () => {
  beforeEach(() => {
    openDocument(aMesh().withContract('labs').build());
    useContractDrafts.setState({ textById: {} });
    useContractFiles.setState({ fileById: {}, savedTextById: {} });
  });

  it("compares a contract opened from a file with that file as it was read, before the design's baseline, which starts as that file", async () => {
    await openContractFile(aHostWithTheFile());
    applyContractText('vitals', ON_DISK.replace('status: active', 'status: retired'));

    const [file, design] = baselines('vitals');
    expect(file).toMatchObject({ source: 'file', label: 'vitals.odcs.yaml', text: ON_DISK });
    expect(file?.contract?.status).toBe('active');
    expect(design).toMatchObject({ source: 'design', text: ON_DISK });
  });

  it('compares with the text last saved to the file, once the contract is saved there', async () => {
    const host = aHostWithTheFile();
    await openContractFile(host);
    const edited = ON_DISK.replace('status: active', 'status: retired');
    applyContractText('vitals', edited);
    await saveContractFile(host, 'vitals', { saveAs: false });

    expect(baselines('vitals')[0]).toMatchObject({ source: 'file', text: edited });
  });

  it("compares a contract bound to no file with the design's baseline only", () => {
    const [design, ...others] = baselines('labs');
    expect(design).toMatchObject({ source: 'design', label: "the design's baseline" });
    expect(design?.text).toContain('id: labs');
    expect(others).toEqual([]);
  });

  it('compares with a file that is not a valid contract as text, without a contract to find breaking changes in', async () => {
    const broken = ON_DISK.replace('status: active\n', 'status: active\nstatus: draft\n');
    await openContractFile(
      Object.assign(aHostWithTheFile(), { openContractFile: async () => ({ file: FILE, text: broken }) }),
    );

    expect(baselines('vitals')[0]).toMatchObject({ source: 'file', text: broken, contract: undefined });
  });
});
