import { beforeEach, describe, expect, it } from 'vitest';
import { openContractFile, useContractFiles } from '../../../renderer/contracts/contract-files';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import type { FileRef } from '../../../shared/ipc';
import { aMesh } from '../../builders/mesh-builder';
import { FakeHost } from '../app/fake-host';
import { documentNow, openDocument } from './store-fixture';

/** A host whose Open contract… dialog picks a file holding `text`. */
function aHostOpening(name: string, text: string): FakeHost {
  const file = { name, path: `/contracts/${name}` } as FileRef;
  return Object.assign(new FakeHost(), { openContractFile: async () => ({ file, text }) });
}

const DUPLICATE_KEY =
  'apiVersion: v3.1.0\nkind: DataContract\nid: vitals\nversion: 1.0.0\nstatus: active\nstatus: draft\nschema: []\n';

describe('Open contract… on a file that is not a valid contract', () => {
  beforeEach(() => {
    openDocument(aMesh().withDomain('clinical').withProduct('trials', 'clinical').build());
    useNoticeStore.setState({ notice: null, history: [] });
  });

  it('says it could not open the file, with its located problems, and leaves the design and the file as they are', async () => {
    const before = documentNow();
    await openContractFile(aHostOpening('vitals.odcs.yaml', DUPLICATE_KEY));

    const notice = useNoticeStore.getState().notice;
    expect(notice?.tone).toBe('error');
    expect(notice?.text).toMatch(/^Open contract: could not open vitals\.odcs\.yaml/);
    expect(notice?.text).not.toMatch(/Imported/);
    expect(notice?.text).toContain('the file is left as it is');
    expect(notice?.details).toEqual([expect.stringMatching(/^vitals\.odcs\.yaml 6:1 .*status/)]);
    expect(documentNow()).toBe(before);
    expect(useContractFiles.getState().fileById).toEqual({});
  });
});
