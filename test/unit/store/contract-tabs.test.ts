import { beforeEach, describe, expect, it } from 'vitest';
import { applyContractText } from '../../../renderer/contracts/contract-actions';
import { useContractDrafts } from '../../../renderer/contracts/contract-drafts';
import { useContractTabs } from '../../../renderer/contracts/contract-tabs-store';
import { applyImport } from '../../../renderer/contracts/import/import-contract-files';
import { changeMesh, useDocumentStore } from '../../../renderer/store/document-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { importContractSource } from '../../../shared/contracts/import';
import { aMesh } from '../../builders/mesh-builder';
import { documentNow, openDocument } from './store-fixture';

const SQL = 'CREATE TABLE t (id INT PRIMARY KEY, name TEXT);';

/** Imports one table from SQL as the import dialog's Import does, and returns the contract's id. */
function importTable(): string {
  const [id] = applyImport([importContractSource('t.sql', SQL)], {});
  if (!id) throw new Error('nothing was imported');
  return id;
}

const contractIds = () => documentNow().contracts.map((contract) => contract.id);
const tabs = () => {
  const { openIds, activeId } = useContractTabs.getState();
  return { openIds, activeId };
};

describe('the contract tabs', () => {
  beforeEach(() => {
    openDocument(aMesh().withDomain('sales').withProduct('orders', 'sales').withContract('orders-v1').build());
    useContractTabs.setState({ openIds: [], activeId: null });
    useNoticeStore.setState({ notice: null, history: [] });
  });

  it('closes the tab of an imported contract when undo takes the import back, and redo brings the contract back', () => {
    const id = importTable();
    expect(tabs()).toEqual({ openIds: [id], activeId: id });

    useDocumentStore.getState().undo();
    expect(contractIds()).not.toContain(id);
    expect(tabs()).toEqual({ openIds: [], activeId: null });

    useDocumentStore.getState().redo();
    expect(contractIds()).toContain(id);
  });

  it('keeps the other tabs open, and the active one active, when one contract leaves the design', () => {
    useContractTabs.getState().openContract('orders-v1');
    const id = importTable();
    useContractTabs.getState().openContract('orders-v1');

    useDocumentStore.getState().undo();
    expect(contractIds()).not.toContain(id);
    expect(tabs()).toEqual({ openIds: ['orders-v1'], activeId: 'orders-v1' });
  });

  it('closes the tab of a deleted contract and shows the next one', () => {
    useContractTabs.getState().openContract('orders-v1');
    const id = importTable();

    changeMesh((mesh) => ({ ...mesh, contracts: mesh.contracts.filter((contract) => contract.id !== id) }));
    expect(tabs()).toEqual({ openIds: ['orders-v1'], activeId: 'orders-v1' });
  });

  it('closes the tabs of contracts another design opened does not hold, and keeps those it does', () => {
    const id = importTable();
    useContractTabs.getState().openContract('orders-v1');

    useDocumentStore.getState().open(aMesh().withContract('orders-v1').build(), null);
    expect(tabs()).toEqual({ openIds: ['orders-v1'], activeId: 'orders-v1' });
    expect(contractIds()).not.toContain(id);
  });

  it('says so, with the text to copy, when a contract leaves the design with text that was never applied', () => {
    const id = importTable();
    applyContractText(id, 'id: [unclosed');
    expect(useContractDrafts.getState().textById[id]).toBe('id: [unclosed');

    useDocumentStore.getState().undo();
    expect(useContractDrafts.getState().textById[id]).toBeUndefined();
    expect(useNoticeStore.getState().notice).toMatchObject({
      tone: 'error',
      text: expect.stringContaining('is no longer in the design'),
      actions: [{ label: 'Copy that text' }],
    });
  });
});
