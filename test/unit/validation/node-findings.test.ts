import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../shared/validation/node-findings';
import { aMesh, aPort } from '../../builders/mesh-builder';

const mesh = aMesh()
  .withDomain('sales')
  .withContract('c')
  .withProduct('orders', 'sales', { outputPorts: [aPort('out', 'output', { contractId: 'c' })] })
  .withProduct('revenue', 'sales', {
    inputPorts: [aPort('fed', 'input'), aPort('starved', 'input')],
    outputPorts: [aPort('out', 'output')],
  })
  .withLink('l', { nodeId: 'orders', portId: 'out' }, { nodeId: 'revenue', portId: 'fed' })
  .build();

describe('node findings', () => {
  it('flags input ports nothing feeds and output ports without a contract', () => {
    expect(findingsOf(mesh, 'revenue').map((finding) => finding.message)).toEqual([
      "Input port 'starved' is not fed by any link.",
      "Output port 'out' has no data contract.",
    ]);
  });

  it('has nothing to say about a product that is fed and governed', () => {
    expect(findingsOf(mesh, 'orders')).toEqual([]);
  });

  it('is not recomputed when only the layout changes', () => {
    const moved = { ...mesh, layout: { nodes: { orders: { x: 5, y: 5 } } } };
    expect(findingsOf(moved, 'revenue')).toBe(findingsOf(mesh, 'revenue'));
  });
});
