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
