import { describe, expect, it } from 'vitest';
import type { Impact } from '../../../shared/lineage/impact';
import { portDetail, transformationDetail } from '../../../shared/lineage/impact-detail';
import { impactSummary } from '../../../shared/lineage/impact-summary';

function anImpactReaching(counts: { products: number; ports: number; links: number; transformations: number }) {
  const many = (count: number) => Array.from({ length: count }, () => ({}));
  return {
    origin: { kind: 'product', productId: 'p' },
    originPorts: [],
    products: many(counts.products),
    ports: many(counts.ports),
    links: many(counts.links),
    transformations: many(counts.transformations),
  } as unknown as Impact;
}

describe('impactSummary', () => {
  it('says one of each in the singular', () => {
    expect(impactSummary(anImpactReaching({ products: 1, ports: 2, links: 1, transformations: 1 }))).toBe(
      '1 product, 2 ports, 1 link and 1 transformation downstream.',
    );
  });

  it('says none and several in the plural', () => {
    expect(impactSummary(anImpactReaching({ products: 3, ports: 0, links: 2, transformations: 0 }))).toBe(
      '3 products, 0 ports, 2 links and 0 transformations downstream.',
    );
  });
});

describe('portDetail and transformationDetail', () => {
  it('says which changed fields flow into which, and apart from them the fields that only decide rows', () => {
    expect(
      portDetail({
        nodeId: 'p',
        portId: 'out',
        direction: 'output',
        level: 'field',
        fields: [{ name: 'lifetime_value', from: ['Orders.total'] }],
        rowsFrom: ['Orders.customer_id', 'Orders.status'],
      }),
    ).toBe('lifetime_value ← Orders.total; rows decided by Orders.customer_id, Orders.status');
    expect(
      transformationDetail({
        productId: 'p',
        name: 'profile',
        level: 'field',
        fields: ['email'],
        outputs: [],
        rowsFrom: ['email'],
      }),
    ).toBe('rows decided by email');
    expect(
      transformationDetail({
        productId: 'p',
        name: 'profile',
        level: 'field',
        fields: ['total'],
        outputs: ['revenue'],
      }),
    ).toBe('names total → revenue');
    expect(
      transformationDetail({ productId: 'p', name: 'profile', level: 'dataset', fields: [], outputs: [] }),
    ).toBeUndefined();
  });
});
