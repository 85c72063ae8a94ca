import { beforeEach, describe, expect, it } from 'vitest';
import { useContractFiles } from '../../../renderer/contracts/opened-contract-files';
import { useDocumentStore } from '../../../renderer/store/document-store';
import type { FileRef } from '../../../shared/ipc';
import { aMesh } from '../../builders/mesh-builder';

const ORDERS_DESIGN: FileRef = { name: 'orders.mesh.json', path: '/work/orders.mesh.json' };
const BRANCH_DESIGN: FileRef = { name: 'orders.mesh.json', path: '/branch/orders.mesh.json' };
const ORDER_CONTRACT: FileRef = { name: 'order.odcs.yaml', path: '/work/order.odcs.yaml' };
const BROWSER_DESIGN: FileRef = { name: 'orders.mesh.json' };
const BROWSER_CONTRACT: FileRef = { name: 'order.odcs.yaml' };

const ordersMesh = () => aMesh().withDomain('sales').withProduct('orders', 'sales').withContract('order').build();
const open = (file: FileRef | null) => useDocumentStore.getState().open(ordersMesh(), file);
const contractFiles = () => useContractFiles.getState().fileById;

describe('the files contracts were opened from or saved to', () => {
  beforeEach(() => {
    open(ORDERS_DESIGN);
    useContractFiles.setState({ fileById: {}, savedTextById: {} });
    useContractFiles.getState().bind('order', ORDER_CONTRACT, 'id: order');
  });

  it('are forgotten when another design opens, so its contract of the same id offers no Save to the first one’s file', () => {
    open(BRANCH_DESIGN);

    expect(contractFiles()).toEqual({});
    expect(useContractFiles.getState().savedTextById).toEqual({});
  });

  it('are forgotten when a new design, or a restored copy (tied to no file), opens', () => {
    open(null);
    expect(contractFiles()).toEqual({});

    useContractFiles.getState().bind('order', ORDER_CONTRACT, 'id: order');
    open(null);
    expect(contractFiles()).toEqual({});
  });

  it('are kept when the same design is opened again (Reload from disk)', () => {
    open({ ...ORDERS_DESIGN });

    expect(contractFiles()).toEqual({ order: ORDER_CONTRACT });
  });

  it('are kept in a browser when the very file the host handed out is read again, and forgotten for another of its name', () => {
    open(BROWSER_DESIGN);
    useContractFiles.getState().bind('order', BROWSER_CONTRACT, 'id: order');

    open(BROWSER_DESIGN);
    expect(contractFiles()).toEqual({ order: BROWSER_CONTRACT });

    open({ ...BROWSER_DESIGN });
    expect(contractFiles()).toEqual({});
  });
});
