import { describe, expect, it } from 'vitest';
import { distinctNodeName, endpointName } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';

const twoMealOrders = () =>
  aMesh()
    .withDomain('menu', { name: 'Menu Planning' })
    .withDomain('cold', { name: 'Cold Chain' })
    .withProduct('meal-orders', 'menu', { name: 'Meal Orders', inputPorts: [aPort('input', 'input')] })
    .withProduct('meal-orders-copy', 'cold', { name: 'Meal Orders', inputPorts: [aPort('input', 'input')] })
    .withProduct('delivery', 'cold', { name: 'Delivery State' })
    .build();

const nodeNamed = (mesh: ReturnType<typeof twoMealOrders>, id: string) => {
  const node = [...mesh.products, ...mesh.systems].find((candidate) => candidate.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return distinctNodeName(mesh, node);
};

describe('a product or system as a list names it', () => {
  it('is its name alone where no other node has that name', () => {
    expect(nodeNamed(twoMealOrders(), 'delivery')).toBe('Delivery State');
  });

  it('adds its domain where a node in another domain has its name (a copy pasted there)', () => {
    const mesh = twoMealOrders();
    expect(nodeNamed(mesh, 'meal-orders')).toBe('Meal Orders (Menu Planning)');
    expect(nodeNamed(mesh, 'meal-orders-copy')).toBe('Meal Orders (Cold Chain)');
  });

  it('adds its id where its own domain has a namesake, which the domain would not tell apart', () => {
    const mesh = twoMealOrders();
    mesh.products.push({ ...(mesh.products[1] as (typeof mesh.products)[number]), id: 'meal-orders-3' });
    expect(nodeNamed(mesh, 'meal-orders')).toBe('Meal Orders (Menu Planning)');
    expect(nodeNamed(mesh, 'meal-orders-copy')).toBe('Meal Orders (meal-orders-copy)');
    expect(nodeNamed(mesh, 'meal-orders-3')).toBe('Meal Orders (meal-orders-3)');
  });

  it('tells apart the ports of two namesakes in an endpoint’s name', () => {
    const mesh = twoMealOrders();
    expect(endpointName(mesh, { nodeId: 'meal-orders', portId: 'input' })).toBe('Meal Orders (Menu Planning) · input');
    expect(endpointName(mesh, { nodeId: 'meal-orders-copy', portId: 'input' })).toBe(
      'Meal Orders (Cold Chain) · input',
    );
  });
});
