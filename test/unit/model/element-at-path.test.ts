import { describe, expect, it } from 'vitest';
import { elementAtPath } from '../../../shared/model/element-at-path';
import { aMesh, aPort } from '../../builders/mesh-builder';

const mesh = aMesh()
  .withDomain('sales')
  .withProduct('orders', 'sales', { outputPorts: [aPort('orders-out', 'output')] })
  .withSystem('shop', 'sales')
  .withContract('order', {
    schema: [
      {
        name: 'order',
        properties: [
          { name: 'id', logicalType: 'string', required: true, unique: true, primaryKey: true },
          { name: 'total', logicalType: 'number', required: false, unique: false, primaryKey: false },
        ],
      },
    ],
  })
  .withLink('l-1', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'orders', portId: 'orders-in' })
  .build();

describe('the element a document path names', () => {
  it.each([
    ['domains[0].owner', { kind: 'domain', domainId: 'sales' }],
    ['products[0]', { kind: 'product', productId: 'orders' }],
    ['products[0].outputPorts[0].contractId', { kind: 'port', productId: 'orders', portId: 'orders-out' }],
    ['products[0].discoveryPort', { kind: 'port', productId: 'orders', portId: mesh.products[0]?.discoveryPort.id }],
    ['systems[0].database.engine', { kind: 'system', systemId: 'shop' }],
    ['systems[0].messaging.topics[0].name', { kind: 'topic', systemId: 'shop', topicId: 'items-cdc' }],
    ['links[0]', { kind: 'link', linkId: 'l-1' }],
    ['contracts[0].odcs', { kind: 'contract', contractId: 'order' }],
    [
      'contracts[0].schema[0].properties[1].logicalType',
      { kind: 'field', contractId: 'order', object: 'order', field: 'total' },
    ],
    ['policies.rules.owners', { kind: 'policy', ruleId: 'owners' }],
    ['policies.rules["odd.id"]', { kind: 'policy', ruleId: 'odd.id' }],
  ])('%s', (path, element) => {
    expect(elementAtPath(mesh, path)).toEqual(element);
  });

  it('names the nearest element there is when the path goes past what the design holds', () => {
    expect(elementAtPath(mesh, 'products[0].outputPorts[7]')).toEqual({ kind: 'product', productId: 'orders' });
    expect(elementAtPath(mesh, 'contracts[0].schema[3].properties[0]')).toEqual({
      kind: 'contract',
      contractId: 'order',
    });
    expect(elementAtPath(mesh, 'products[9]')).toEqual({ kind: 'mesh' });
  });

  it('names the design itself for the document as a whole and what belongs to no element', () => {
    expect(elementAtPath(mesh, '(document)')).toEqual({ kind: 'mesh' });
    expect(elementAtPath(mesh, 'name')).toEqual({ kind: 'mesh' });
  });
});
