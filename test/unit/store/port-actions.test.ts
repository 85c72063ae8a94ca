import { beforeEach, describe, expect, it } from 'vitest';
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
