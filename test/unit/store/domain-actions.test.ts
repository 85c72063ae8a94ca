import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { addDomain, groupIntoNewDomain, updateDomain } from '../../../renderer/store/domain-actions';
import { takeIdFromFirstName } from '../../../renderer/store/first-name-id';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { selectOnly } from '../../../renderer/store/selection-store';
import { withContractIdentity } from '../../../shared/contracts/contract-edits';
import { overlappingDomains } from '../../../shared/editing/containment';
import { DOMAIN_COLORS, type Mesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';
import { ecommerceSample } from '../simulation/builders';
import { documentNow, expectOneUndoableStep, openDocument, selectedNodeIds, undoSteps } from './store-fixture';

describe('domain actions', () => {
  beforeEach(() => openDocument(aMesh().withDomain('domain', { name: 'Domain' }).build()));

  it('adds a domain with a free name, its own colour, below the others, and selects it', () => {
    const mesh = documentNow();
    mesh.layout.nodes.domain = { x: 0, y: 0, width: 600, height: 300 };
    openDocument(mesh);
    let id: string | undefined;
    expectOneUndoableStep(() => {
      id = addDomain();
    });
    expect(id).toBe('domain-2');
    expect(documentNow().domains[1]).toMatchObject({ id: 'domain-2', name: 'Domain 2', color: DOMAIN_COLORS[1] });
    expect(documentNow().layout.nodes['domain-2']).toEqual({ x: 0, y: 360, width: 640, height: 320 });
    expect(selectedNodeIds()).toEqual(['domain-2']);
  });

  it('adds a domain where it was dropped', () => {
    const id = addDomain({ x: 500, y: 800 });
    expect(documentNow().layout.nodes[id as string]).toMatchObject({ x: 500, y: 800 });
  });

  it('moves a domain dropped over another just clear of it, never on top', () => {
    const id = addDomain({ x: 100, y: 80 });
    expect(overlappingDomains(documentNow())).toEqual([]);
    expect(documentNow().layout.nodes[id as string]?.y).toBe(80);
  });

  it('updates name, owner, description and colour as one undoable step', () => {
    expectOneUndoableStep(() => updateDomain('domain', { name: 'Sales', owner: 'team-sales', color: '#123456' }));
    expect(documentNow().domains[0]).toMatchObject({ name: 'Sales', owner: 'team-sales', color: '#123456' });
  });

  it('merges typing a name into one step and records nothing when nothing changes', () => {
    for (const name of ['S', 'Sa', 'Sal']) updateDomain('domain', { name }, { coalesceKey: 'domain.name' });
    updateDomain('domain', { name: 'Sal' });
    expect(undoSteps()).toBe(1);
    useDocumentStore.getState().undo();
    expect(documentNow().domains[0]?.name).toBe('Domain');
  });
  it('says what it grouped into the new domain, with Undo taking the grouping back', () => {
    openDocument(ecommerceSample());
    useNoticeStore.getState().show({ tone: 'info', text: 'Undone: Deleted 5 nodes' });
    const id = groupIntoNewDomain(['customers', 'orders', 'customers-service']) as string;
    const notice = useNoticeStore.getState().notice;
    expect(notice?.text).toBe('Grouped 2 products and 1 system into Domain');
    notice?.actions?.find((action) => action.label === 'Undo')?.run();
    expect(documentNow().domains.map((domain) => domain.id)).not.toContain(id);
  });

  it('groups nothing while simulating: no notice of a grouping, no new domain, the selection kept', () => {
    openDocument(ecommerceSample());
    useNoticeStore.getState().clearHistory();
    const opened = documentNow();
    selectOnly(['customers', 'orders']);
    useDocumentStore.getState().setReadOnly(true);
    onTestFinished(() => useDocumentStore.getState().setReadOnly(false));

    expect(groupIntoNewDomain(['customers', 'orders'])).toBeUndefined();
    expect(documentNow()).toBe(opened);
    expect(useNoticeStore.getState().notice).toBeNull();
    expect(selectedNodeIds()).toEqual(['customers', 'orders']);
  });

  it('names the new domain in its notice as it is first named, the notice’s Undo still taking it all back', () => {
    openDocument(ecommerceSample());
    useNoticeStore.getState().clearHistory();
    const opened = documentNow();
    const id = groupIntoNewDomain(['customers', 'orders']) as string;
    const fieldKey = `${id}.name`;
    useDocumentStore.getState().continueLastStep(fieldKey);
    for (const name of ['Crane', 'Crane Analytics']) updateDomain(id, { name }, { coalesceKey: fieldKey });
    takeIdFromFirstName(id, { coalesceKey: fieldKey });
    useDocumentStore.getState().endTyping();

    const notice = useNoticeStore.getState().notice;
    expect(notice?.text).toBe('Grouped 2 products into Crane Analytics');
    expect(useNoticeStore.getState().history.filter((told) => told.text.startsWith('Grouped'))).toHaveLength(1);
    notice?.actions?.find((action) => action.label === 'Undo' && (action.appliesTo?.(documentNow()) ?? true))?.run();
    expect(documentNow()).toEqual(opened);
    expect(useNoticeStore.getState().notice?.text).toBe('Undone: Grouped 2 products into Crane Analytics');
  });

  it.each([
    ['its id', 'customers-domain', 'crane-analytics'],
    ['the slug of its name', 'customers', 'crane-analytics'],
    ['its name', 'Customers', 'Crane Analytics'],
  ])(
    'groups a product whose contract names its domain by %s, and naming the new domain makes the contract name it so, as one undo step',
    (_, original, final) => {
      openDocument(withCustomerContractDomain(ecommerceSample(), original));
      const opened = documentNow();

      const id = groupIntoNewDomain(['customers']) as string;
      const fieldKey = `${id}.name`;
      useDocumentStore.getState().continueLastStep(fieldKey);
      for (const name of ['Crane', 'Crane Analytics']) updateDomain(id, { name }, { coalesceKey: fieldKey });
      takeIdFromFirstName(id, { coalesceKey: fieldKey });
      useDocumentStore.getState().endTyping();

      expect(documentNow().domains.map((domain) => domain.id)).toContain('crane-analytics');
      const customer = documentNow().contracts.find((contract) => contract.id === 'customer');
      expect(customer?.domain).toBe(final);
      expect(customer?.odcs).toContain(`\ndomain: ${final}\n`);
      expect(undoSteps()).toBe(1);
      useDocumentStore.getState().undo();
      expect(documentNow()).toBe(opened);
    },
  );
});

/** `mesh` with the text of contract 'customer' (served by product 'customers') naming its domain as `domain`. */
function withCustomerContractDomain(mesh: Mesh, domain: string): Mesh {
  return {
    ...mesh,
    contracts: mesh.contracts.map((contract) =>
      contract.id === 'customer' ? withContractIdentity(contract, { id: contract.id, domain }) : contract,
    ),
  };
}
