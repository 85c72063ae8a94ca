// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { importContractTexts } from '../../../renderer/contracts/import/import-contract-files';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { aMesh } from '../../builders/mesh-builder';
import { openDocument } from '../store/store-fixture';

const PARCEL_SCANS = [
  'apiVersion: v3.1.0',
  'kind: DataContract',
  'id: parcel-scans',
  'name: Parcel Scans',
  'version: 1.0.0',
  'status: active',
  'schema:',
  '  - name: scans',
  '    properties:',
  '      - name: scan_id',
  '        logicalType: string',
  '        primaryKey: true',
  '        required: true',
].join('\n');

const notice = () => useNoticeStore.getState().notice;

describe('a contract file imported as a new contract of the open design', () => {
  beforeEach(() => openDocument(aMesh().withDomain('depots', { name: 'Depots' }).build()));

  it('is named by the import when undone and redone, not as a new contract, its Undo offered', async () => {
    expect(await importContractTexts([{ name: 'parcel-scans.odcs.yaml', text: PARCEL_SCANS }])).toEqual([
      'parcel-scans',
    ]);
    const imported = 'Imported 1 of 1 contract file.';
    expect(notice()?.text).toBe(imported);
    expect(notice()?.actions?.map((action) => action.label)).toEqual(['Undo']);

    useDocumentStore.getState().undo();
    expect(notice()?.text).toBe(`Undone: ${imported}`);
    useDocumentStore.getState().redo();
    expect(notice()?.text).toBe(`Redone: ${imported}`);
    expect(notice()?.actions?.map((action) => action.label)).toEqual(['Undo']);
  });
});
