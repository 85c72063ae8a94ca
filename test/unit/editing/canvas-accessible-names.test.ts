import { describe, expect, it } from 'vitest';
import { linkAccessibleName, nodeAccessibleNamesOf } from '../../../shared/editing/canvas-accessible-names';
import { salesPipeline } from './editing-fixtures';

describe('canvas accessible names', () => {
  it('names each node by its kind, its name and its domain', () => {
    const names = nodeAccessibleNamesOf(salesPipeline());
    expect(names.get('orders')).toBe('Product Orders in Sales');
    expect(names.get('shop')).toBe('System Shop in Sales');
    expect(names.get('analytics')).toBe('Domain Analytics');
  });

  it('names a link by the nodes and ports it joins, not their ids', () => {
    const mesh = salesPipeline();
    const link = mesh.links.find((candidate) => candidate.id === 'orders-to-revenue');
    expect(link && linkAccessibleName(mesh, link)).toBe('Link from Orders (out) to Revenue (in)');
  });
});
