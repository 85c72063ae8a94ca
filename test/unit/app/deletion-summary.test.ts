import { describe, expect, it } from 'vitest';
import { deleteSelection } from '../../../renderer/store/delete-elements';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { selectOnly } from '../../../renderer/store/selection-store';
import { withoutElements } from '../../../shared/editing/delete-elements';
import { describeDeletion, describePaste } from '../../../shared/editing/deletion-summary';
import { countedNodesAndLinks } from '../../../shared/editing/element-count';
import { copyFragment, pasteFragment } from '../../../shared/editing/mesh-fragment';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { openDocument } from '../store/store-fixture';

const withOrders = () =>
  aMesh()
    .withDomain('sales')
    .withProduct('orders', 'sales', { name: 'orders', outputPorts: [aPort('out', 'output', { contractId: 'order' })] })
    .withContract('order', { name: 'Order' })
    .build();

const deleting = (nodeIds: string[], linkIds: string[] = [], mesh = withOrders()) =>
  describeDeletion(mesh, withoutElements(mesh, { nodeIds: new Set(nodeIds), linkIds: new Set(linkIds) }));

describe('what a deletion says', () => {
  it('names a product and the contract that went with it', () => {
    expect(deleting(['orders'])).toBe('Deleted orders and its contract Order');
  });

  it('names a domain, and the contracts of the products inside it', () => {
    expect(deleting(['sales'])).toBe('Deleted sales, orders and their contract Order');
  });

  it('names a sticky note by the start of its text, as its accessible name does', () => {
    const mesh = aMesh().withNote('allergens', '**Allergen labels** must come from the POS').build();

    expect(deleting(['allergens'], [], mesh)).toBe("Deleted note 'Allergen labels must come from the POS'");
  });

  it('names a note deleted with a product beside the product', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withProduct('menu', 'd', { name: 'Menu Items' })
      .withNote('n', 'Check')
      .build();

    expect(deleting(['menu', 'n'], [], mesh)).toBe("Deleted Menu Items, note 'Check'");
  });

  it('calls a note without text an empty note', () => {
    expect(deleting(['n'], [], aMesh().withNote('n', '  ').build())).toBe('Deleted empty note');
  });

  it('counts links when only links go', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withProduct('a', 'd', { outputPorts: [aPort('out', 'output')] })
      .withProduct('b', 'd', { inputPorts: [aPort('in', 'input')] })
      .withLink('l', { nodeId: 'a', portId: 'out' }, { nodeId: 'b', portId: 'in' })
      .build();

    expect(describeDeletion(mesh, withoutElements(mesh, { nodeIds: new Set(), linkIds: new Set(['l']) }))).toBe(
      'Deleted 1 link',
    );
  });
});

describe('what a paste says', () => {
  it('names the pasted product and the copy of its contract, in the words a deletion uses', () => {
    const mesh = withOrders();
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set(['orders'])), 'beside-originals').mesh;

    expect(describePaste(mesh, pasted)).toBe('Pasted orders 2 and its contract Order 2');
  });
});

describe('a selection and its deletion counted alike', () => {
  it('counts nodes and links in the same words the inspector uses for the selection', () => {
    expect(countedNodesAndLinks(49, 36)).toBe('49 nodes and 36 links');
    expect(countedNodesAndLinks(1, 0)).toBe('1 node');
    expect(countedNodesAndLinks(0, 3)).toBe('3 links');
  });

  it('says how many nodes and links went when more than a few names would', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withProduct('a', 'd', { outputPorts: [aPort('out', 'output')] })
      .withProduct('b', 'd', { inputPorts: [aPort('in', 'input')] })
      .withProduct('c', 'd')
      .withLink('l', { nodeId: 'a', portId: 'out' }, { nodeId: 'b', portId: 'in' })
      .build();
    const everything = { nodeIds: new Set(['d', 'a', 'b', 'c']), linkIds: new Set(['l']) };

    expect(describeDeletion(mesh, withoutElements(mesh, everything))).toBe('Deleted 4 nodes and 1 link');
  });

  it('counts notes among the nodes, as the inspector counts them in a selection', () => {
    const mesh = aMesh().withDomain('d').withProduct('a', 'd').withProduct('b', 'd').withNote('n', 'Check').build();

    expect(deleting(['d', 'a', 'b', 'n'], [], mesh)).toBe('Deleted 4 nodes');
  });
});

describe('deleting the selection', () => {
  it('says so in the status line, with Undo that brings product and contract back', () => {
    openDocument(withOrders());
    selectOnly(['orders']);

    deleteSelection();
    const notice = useNoticeStore.getState().notice;
    notice?.actions?.[0]?.run();

    expect(notice?.text).toBe('Deleted orders and its contract Order');
    expect(notice?.actions?.map((action) => action.label)).toEqual(['Undo']);
    expect(useDocumentStore.getState().mesh?.contracts.map((contract) => contract.name)).toEqual(['Order']);
    expect(useDocumentStore.getState().mesh?.products.map((product) => product.id)).toEqual(['orders']);
  });

  it('does not let a stale Undo take back a later edit', () => {
    openDocument(withOrders());
    selectOnly(['orders']);
    deleteSelection();
    const undo = useNoticeStore.getState().notice?.actions?.[0];
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Later edit' }));

    undo?.run();

    expect(useDocumentStore.getState().mesh?.name).toBe('Later edit');
  });
});

describe('what a deletion says of the links that went with a node', () => {
  const withAgenda = () =>
    aMesh()
      .withDomain('d')
      .withSystem('agenda', 'd', { name: 'Agenda Service' })
      .withProduct('b', 'd', { inputPorts: [aPort('in', 'input')] })
      .build();

  it('counts them after the node’s name (QA: "Deleted Agenda Service" hid its link)', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withProduct('a', 'd', { name: 'Agenda', outputPorts: [aPort('out', 'output')] })
      .withProduct('b', 'd', { inputPorts: [aPort('in', 'input')] })
      .withLink('l', { nodeId: 'a', portId: 'out' }, { nodeId: 'b', portId: 'in' })
      .build();

    expect(deleting(['a'], [], mesh)).toBe('Deleted Agenda and 1 link');
  });

  it('counts them before the contracts that went too', () => {
    const mesh = aMesh()
      .withDomain('sales')
      .withProduct('orders', 'sales', {
        name: 'orders',
        outputPorts: [aPort('out', 'output', { contractId: 'order' })],
      })
      .withProduct('b', 'sales', { inputPorts: [aPort('in', 'input')] })
      .withContract('order', { name: 'Order' })
      .withLink('l', { nodeId: 'orders', portId: 'out' }, { nodeId: 'b', portId: 'in' })
      .build();

    expect(deleting(['orders'], [], mesh)).toBe('Deleted orders, 1 link and its contract Order');
  });

  it('says nothing of links where none went', () => {
    expect(deleting(['agenda'], [], withAgenda())).toBe('Deleted Agenda Service');
  });
});
