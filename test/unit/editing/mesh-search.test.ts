import { describe, expect, it } from 'vitest';
import { searchMesh } from '../../../shared/editing/mesh-search';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { aGovernedMesh } from '../validation/governed-mesh';

const mesh = aMesh()
  .withDomain('sales', { name: 'Sales' })
  .withSystem('shop', 'sales', { name: 'Shop' })
  .withContract('orders-contract', { name: 'Orders contract' })
  .withContract('unused', { name: 'Unused contract' })
  .withProduct('orders', 'sales', {
    name: 'Orders',
    outputPorts: [aPort('out', 'output', { name: 'order lines', contractId: 'orders-contract' })],
  })
  .withProduct('customers', 'sales', { name: 'Customers' })
  .build();

const found = (query: string) => searchMesh(mesh, query).map((entry) => [entry.kind, entry.label, entry.nodeId]);

describe('quick search', () => {
  it('finds domains, products, systems, ports, topics and contracts by name', () => {
    expect(found('sales')).toEqual([
      ['domain', 'Sales', 'sales'],
      ['product', 'Orders', 'orders'],
      ['product', 'Customers', 'customers'],
      ['system', 'Shop', 'shop'],
    ]);
    // The contract served there lists its properties under it.
    expect(found('order lines')).toEqual([
      ['port', 'order lines', 'orders'],
      ['property', 'id', 'orders'],
    ]);
    expect(found('shop.items')).toEqual([['topic', 'shop.items', 'shop']]);
  });

  it('jumps to the product whose port a contract governs; contracts on no port are not on the canvas', () => {
    expect(found('contract').filter(([kind]) => kind === 'contract')).toEqual([
      ['contract', 'Orders contract', 'orders'],
    ]);
  });

  it('lists names starting with the query first, and matches every word', () => {
    expect(found('or')[0]).toEqual(['product', 'Orders', 'orders']);
    expect(found('discovery customers')).toEqual([['port', 'Discovery', 'customers']]);
  });

  it('matches without accents and in any Unicode normalization, as a name is typed on another keyboard', () => {
    const cafe = aMesh().withDomain('cafe', { name: 'Caf\u00e9 Ørsted' }).build();
    const labels = (query: string) => searchMesh(cafe, query).map((entry) => entry.label);
    expect(labels('cafe')).toEqual(['Caf\u00e9 Ørsted']);
    expect(labels('CAFE\u0301')).toEqual(['Caf\u00e9 Ørsted']);
    expect(labels('café')).toEqual(['Caf\u00e9 Ørsted']);
  });

  it('finds a sticky note by any words of its text, showing the start of it, and jumps to the note', () => {
    const withNote = aMesh()
      .withNote('note-1', '**Allergen labels** must come from the POS,\nnever from the menu board')
      .withNote('note-2', '   ')
      .build();
    // 'board' is past the start the list shows: the whole text is searched.
    expect(searchMesh(withNote, 'menu board').map((entry) => [entry.kind, entry.label, entry.nodeId])).toEqual([
      ['note', 'Allergen labels must come from the POS, never from the menu…', 'note-1'],
    ]);
    expect(searchMesh(withNote, 'allergen').map((entry) => entry.nodeId)).toEqual(['note-1']);
  });

  it('names the domain of a port’s or contract’s product where another product has its name', () => {
    const twoMealOrders = aMesh()
      .withDomain('menu', { name: 'Menu Planning' })
      .withDomain('cold', { name: 'Cold Chain' })
      .withContract('menu-orders', { name: 'Meal Orders dataset' })
      .withContract('cold-orders', { name: 'Meal Orders dataset 2' })
      .withProduct('meal-orders', 'menu', {
        name: 'Meal Orders',
        inputPorts: [aPort('input', 'input')],
        outputPorts: [aPort('out', 'output', { contractId: 'menu-orders' })],
      })
      .withProduct('meal-orders-copy', 'cold', {
        name: 'Meal Orders',
        inputPorts: [aPort('input', 'input')],
        outputPorts: [aPort('out', 'output', { contractId: 'cold-orders' })],
      })
      .build();
    const contexts = (query: string) => searchMesh(twoMealOrders, query).map((entry) => entry.context);
    expect(contexts('input')).toEqual([
      'input port of Meal Orders (Menu Planning)',
      'input port of Meal Orders (Cold Chain)',
    ]);
    expect(contexts('dataset')).toEqual([
      'contract of Meal Orders (Menu Planning)',
      'contract of Meal Orders (Cold Chain)',
    ]);
    expect(contexts('cold chain input')).toEqual(['input port of Meal Orders (Cold Chain)']);
  });
});

describe('quick search of columns and contract properties', () => {
  // The Shop's table `customers` has an `email` column; the Customers contract, served at the port
  // `customers` of the product Customers, has an `email` property in its object `customers`.
  const governed = aGovernedMesh();

  it('finds a system’s column, naming the system and the table, and jumps to the system', () => {
    expect(searchMesh(governed, 'email').filter((entry) => entry.kind === 'column')).toEqual([
      { kind: 'column', label: 'email', context: 'Shop › customers', nodeId: 'shop' },
    ]);
  });

  it('finds a contract’s property, naming the product, port and object, and opens the contract at it', () => {
    expect(searchMesh(governed, 'email').filter((entry) => entry.kind === 'property')).toEqual([
      {
        kind: 'property',
        label: 'email',
        context: 'Customers › customers › customers',
        nodeId: 'customers',
        contractProperty: { contractId: 'customers', object: 'customers', property: 'email' },
      },
    ]);
  });

  it('matches a field by the words of where it lives too', () => {
    expect(searchMesh(governed, 'shop email').map((entry) => [entry.kind, entry.context])).toEqual([
      ['column', 'Shop › customers'],
    ]);
  });
});
