import { describe, expect, it } from 'vitest';
import { faultKeyLabels } from '../../../shared/simulation/fault-key-labels';
import { aShopMesh } from './builders';

describe('the fault keys presenter mode shows', () => {
  const mesh = aShopMesh().build();

  it('says of each key 1–5 which fault it fires at what, as its card is set', () => {
    const labels = faultKeyLabels(mesh, { 'consumer-offline': { productId: 'catalog' } });
    expect(labels.map(({ key }) => key)).toEqual([1, 2, 3, 4, 5]);
    expect(labels[0]?.nodeId).toBe('catalog');
    expect(labels[0]?.label).toBe(`1 offline · ${mesh.products.find((product) => product.id === 'catalog')?.name}`);
    expect(labels.slice(1).map(({ label }) => label.split(' · ')[0])).toEqual([
      '2 redeliver',
      '3 null',
      '4 out-of-order',
      '5 rename',
    ]);
  });

  it('names the topic a topic fault is aimed at', () => {
    const [, redeliver] = faultKeyLabels(mesh, {});
    expect(redeliver?.label).toMatch(/^2 redeliver · \S+/);
  });
});

describe('a fault key whose card refuses its count', () => {
  const mesh = aShopMesh().build();

  it('fires nothing and says why, as the card’s Fire button waits', () => {
    const [offline, , , outOfOrder] = faultKeyLabels(mesh, {
      'consumer-offline': { count: 5, refusedCount: '' },
      'out-of-order': { refusedCount: '1' },
    });
    expect(offline?.refusal).toBe("Ticks must be a whole number, at least 1 (got '')");
    expect(offline?.label).toMatch(/^1 offline · .+ — does not fire: Ticks must be a whole number/);
    expect(outOfOrder?.refusal).toBe("Records must be a whole number, at least 2 (got '1')");
  });

  it('fires as set once the card holds a count again', () => {
    const [offline] = faultKeyLabels(mesh, { 'consumer-offline': { count: 7 } });
    expect(offline?.refusal).toBeUndefined();
  });
});
