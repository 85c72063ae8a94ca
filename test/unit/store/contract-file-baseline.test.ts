import { beforeEach, describe, expect, it } from 'vitest';
import { applyContractText, setContractVersion } from '../../../renderer/contracts/contract-actions';
import { contractTextOf, useContractDrafts } from '../../../renderer/contracts/contract-drafts';
import { openContractFile, saveContractFile } from '../../../renderer/contracts/contract-files';
import { useContractFiles } from '../../../renderer/contracts/opened-contract-files';
import { findingsOf } from '../../../renderer/governance/mesh-findings';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import type { FileRef } from '../../../shared/ipc';
import { CHEESE_BATCH_BROKEN, CHEESE_BATCH_PUBLISHED } from '../../builders/cheese-batch-contract';
import { aMesh } from '../../builders/mesh-builder';
import { FakeHost } from '../app/fake-host';
import { openDocument } from './store-fixture';

const FILE = { name: 'cheese-batch.odcs.yaml', path: '/contracts/cheese-batch.odcs.yaml' } as FileRef;

const COMPATIBLE = CHEESE_BATCH_PUBLISHED.replace('status: active', 'status: active\ndescription: Batches made');

/** A host whose Open contract… picks cheese-batch.odcs.yaml holding `text`, and which records every save. */
function aHostWithTheFile(text = CHEESE_BATCH_PUBLISHED) {
  const written: string[] = [];
  const host = Object.assign(new FakeHost(), {
    openContractFile: async () => ({ file: FILE, text }),
    saveContractFile: async (file: FileRef | null, _name: string, saved: string) => {
      written.push(saved);
      return file ?? FILE;
    },
  });
  return { host, written };
}

const breakingChangeFindings = () => {
  const { mesh, baseline } = useDocumentStore.getState();
  return findingsOf(mesh, baseline).all.filter((finding) => finding.ruleId === 'breaking-changes');
};
const notice = () => useNoticeStore.getState().notice;

describe('a contract opened from its own file, judged against that file', () => {
  beforeEach(() => {
    openDocument(aMesh().withContract('labs').build());
    useNoticeStore.setState({ notice: null, history: [] });
    useContractDrafts.setState({ textById: {} });
    useContractFiles.setState({ fileById: {}, savedTextById: {} });
  });

  it('reports breaking changes under the same version, with the version they need as a one-click fix', async () => {
    await openContractFile(aHostWithTheFile().host);
    applyContractText('cheese-batch', CHEESE_BATCH_BROKEN);

    const [finding] = breakingChangeFindings();
    expect(breakingChangeFindings()).toHaveLength(1);
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('breaking changes need a new major version: 2.0.0 instead of 1.0.0');
    expect(finding?.fix).toEqual({ kind: 'set-contract-version', contractId: 'cheese-batch', version: '2.0.0' });
  });

  it('reports nothing for a compatible change', async () => {
    await openContractFile(aHostWithTheFile().host);
    applyContractText('cheese-batch', COMPATIBLE);
    expect(breakingChangeFindings()).toEqual([]);
  });

  it('warns at Save to the file that the breaking changes need a new version, offering it, and keeps them reported', async () => {
    const { host, written } = aHostWithTheFile();
    await openContractFile(host);
    applyContractText('cheese-batch', CHEESE_BATCH_BROKEN);
    await saveContractFile(host, 'cheese-batch', { saveAs: false });

    expect(written).toEqual([CHEESE_BATCH_BROKEN]);
    expect(notice()?.tone).toBe('error');
    expect(notice()?.text).toBe(
      'Saved Cheese batch to cheese-batch.odcs.yaml under a version its changes do not allow; its consumers still hold the earlier contract, so this stays reported until the version is raised.',
    );
    expect(notice()?.details).toEqual([
      expect.stringContaining('breaking changes need a new major version: 2.0.0 instead of 1.0.0'),
    ]);
    expect(breakingChangeFindings()).toHaveLength(1);

    notice()
      ?.actions?.find((action) => action.label === 'Bump to 2.0.0')
      ?.run();
    expect(contractTextOf('cheese-batch')).toContain('version: 2.0.0');
    expect(breakingChangeFindings()).toEqual([]);
  });

  it('judges from the file as saved once its version announced the breaking changes', async () => {
    const { host } = aHostWithTheFile();
    await openContractFile(host);
    applyContractText('cheese-batch', CHEESE_BATCH_BROKEN);
    setContractVersion('cheese-batch', '2.0.0');
    await saveContractFile(host, 'cheese-batch', { saveAs: false });
    expect(notice()?.text).toBe('Saved Cheese batch to cheese-batch.odcs.yaml.');

    // The contract as saved is now the baseline: removing edam, under 2.0.0 still, is breaking again.
    applyContractText('cheese-batch', (contractTextOf('cheese-batch') ?? '').replace('value: edam', 'value: brie'));
    expect(breakingChangeFindings()).toHaveLength(1);
    expect(breakingChangeFindings()[0]?.message).toContain('3.0.0 instead of 2.0.0');
  });

  it('judges a file opened with problems against the file as first saved valid', async () => {
    const { host } = aHostWithTheFile(
      CHEESE_BATCH_PUBLISHED.replace('status: active', 'status: active\nstatus: active'),
    );
    await openContractFile(host);
    applyContractText('cheese-batch', CHEESE_BATCH_PUBLISHED);
    expect(breakingChangeFindings()).toEqual([]);
    await saveContractFile(host, 'cheese-batch', { saveAs: false });

    applyContractText('cheese-batch', CHEESE_BATCH_BROKEN);
    expect(breakingChangeFindings()).toHaveLength(1);
  });

  it("leaves the design's baseline of a design contract saved as a file as it was", async () => {
    const { host } = aHostWithTheFile();
    const before = useDocumentStore.getState().baseline;
    applyContractText('labs', (contractTextOf('labs') ?? '').replace('status: draft', 'status: active'));
    await saveContractFile(host, 'labs', { saveAs: true });
    expect(useDocumentStore.getState().baseline).toBe(before);
  });
});
