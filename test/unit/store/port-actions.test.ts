import { beforeEach, describe, expect, it } from 'vitest';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { addPort, movePort, removePort, updatePort } from '../../../renderer/store/port-actions';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { documentNow, expectOneUndoableStep, openDocument } from './store-fixture';

const product = () => documentNow().products.find((candidate) => candidate.id === 'revenue');

describe('port actions', () => {
  beforeEach(() =>
    openDocument(
      aMesh()
        .withDomain('sales')
        .withProduct('orders', 'sales', { outputPorts: [aPort('out', 'output')] })
        .withProduct('revenue', 'sales', {
          inputPorts: [aPort('input', 'input'), aPort('second', 'input')],
          outputPorts: [aPort('out', 'output')],
        })
        .withLink('orders-to-revenue', { nodeId: 'orders', portId: 'out' }, { nodeId: 'revenue', portId: 'input' })
        .build(),
    ),
  );

  it('adds an input port with a name and id free in the product', () => {
    let id: string | undefined;
    expectOneUndoableStep(() => {
      id = addPort('revenue', 'input');
    });
    expect(id).toBe('input-2');
    expect(product()?.inputPorts.at(-1)).toMatchObject({ id: 'input-2', name: 'input 2', direction: 'input' });
  });

  it('adds an output port', () => {
    addPort('revenue', 'output');
    expect(product()?.outputPorts.map((port) => port.direction)).toEqual(['output', 'output']);
  });

  it('renames a port, keeping its id so links stay attached', () => {
    expectOneUndoableStep(() => updatePort('revenue', 'input', { name: 'orders' }));
    expect(product()?.inputPorts[0]).toMatchObject({ id: 'input', name: 'orders' });
    expect(documentNow().links).toHaveLength(1);
  });

  it('edits the discovery port too', () => {
    updatePort('revenue', 'discovery', { description: 'catalog entry' });
    expect(product()?.discoveryPort.description).toBe('catalog entry');
  });

  it('removes a port with the links attached to it', () => {
    expectOneUndoableStep(() => removePort('revenue', 'input'));
    expect(product()?.inputPorts.map((port) => port.id)).toEqual(['second']);
    expect(documentNow().links).toEqual([]);
  });

  it('says which links went with a removed port, with Undo that brings them back', () => {
    removePort('revenue', 'input');
    const notice = useNoticeStore.getState().notice;
    expect(notice?.text).toBe('Removed input port input of revenue and its link from orders · out');
    notice?.actions?.find((action) => action.label === 'Undo')?.run();
    expect(documentNow().links.map((link) => link.id)).toEqual(['orders-to-revenue']);
  });

  it('names every link an output port took with it', () => {
    openDocument(
      aMesh()
        .withDomain('sales')
        .withProduct('orders', 'sales', { outputPorts: [aPort('out', 'output')] })
        .withProduct('revenue', 'sales', { inputPorts: [aPort('in', 'input')] })
        .withProduct('margins', 'sales', { inputPorts: [aPort('in', 'input')] })
        .withLink('orders-to-revenue', { nodeId: 'orders', portId: 'out' }, { nodeId: 'revenue', portId: 'in' })
        .withLink('orders-to-margins', { nodeId: 'orders', portId: 'out' }, { nodeId: 'margins', portId: 'in' })
        .build(),
    );
    removePort('orders', 'out');
    expect(useNoticeStore.getState().notice?.text).toBe(
      'Removed output port out of orders and its 2 links to revenue · in, margins · in',
    );
  });

  it('says a port without links was removed', () => {
    removePort('revenue', 'second');
    expect(useNoticeStore.getState().notice?.text).toBe('Removed input port second of revenue');
  });

  it('reorders a port within its side', () => {
    expectOneUndoableStep(() => movePort('revenue', 'second', -1));
    expect(product()?.inputPorts.map((port) => port.id)).toEqual(['second', 'input']);
    movePort('revenue', 'input', 5);
    expect(product()?.inputPorts.map((port) => port.id)).toEqual(['second', 'input']);
  });
});

describe('a port’s contract', () => {
  beforeEach(() =>
    openDocument(
      aMesh()
        .withDomain('sales')
        .withContract('c')
        .withProduct('orders', 'sales', { outputPorts: [aPort('out', 'output', { contractId: 'c' })] })
        .build(),
    ),
  );

  it('is removed from the port, not left as an empty key, when cleared', () => {
    updatePort('orders', 'out', { contractId: undefined });
    expect(Object.keys(documentNow().products[0]?.outputPorts[0] ?? {})).not.toContain('contractId');
  });
});
