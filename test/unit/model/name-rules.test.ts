import { describe, expect, it } from 'vitest';
import { checkElementName, checkName, firstFreeName } from '../../../shared/model';
import { aMesh, aPort } from '../../builders/mesh-builder';

const mesh = aMesh()
  .withDomain('sales', { name: 'Sales' })
  .withDomain('support', { name: 'Support' })
  .withProduct('orders', 'sales', { name: 'Orders', outputPorts: [aPort('out', 'output', { name: 'dataset' })] })
  .withProduct('customers', 'sales', { name: 'Customers' })
  .withProduct('tickets', 'support', { name: 'Tickets' })
  .withSystem('shop', 'sales', { name: 'Shop' })
  .build();

describe('checkName', () => {
  it('accepts a name and trims it', () => {
    expect(checkName('  Orders  ', [], 'Another product')).toEqual({ ok: true, name: 'Orders' });
  });

  it('requires a name that is not blank', () => {
    expect(checkName('   ', [], 'Another product')).toEqual({ ok: false, message: 'A name is required.' });
  });

  it('refuses a name a sibling has, ignoring case and surrounding spaces, quoting the sibling’s', () => {
    expect(checkName('orders ', ['Orders'], 'Another product in Sales')).toEqual({
      ok: false,
      message: "Another product in Sales is already called 'Orders'.",
    });
  });

  it('refuses a name holding a control character, naming it by its code point', () => {
    expect(checkName('Ord\u0007ers', [], 'Another product')).toEqual({
      ok: false,
      message: 'A name cannot hold a control character (U+0007).',
    });
    expect(checkName('Daily\torders\nexport', [], 'Another product')).toEqual({
      ok: false,
      message: 'A name cannot hold control characters (U+0009, U+000A).',
    });
  });
});

describe('checkElementName', () => {
  it('keeps domain names unique in the mesh', () => {
    expect(checkElementName(mesh, { kind: 'domain', id: 'support' }, 'sales')).toEqual({
      ok: false,
      message: "Another domain is already called 'Sales'.",
    });
  });

  it('keeps product names unique within their domain only', () => {
    expect(checkElementName(mesh, { kind: 'product', id: 'customers' }, 'Orders')).toEqual({
      ok: false,
      message: "Another product in Sales is already called 'Orders'.",
    });
    expect(checkElementName(mesh, { kind: 'product', id: 'tickets' }, 'Orders').ok).toBe(true);
  });

  it('lets an element keep its own name', () => {
    expect(checkElementName(mesh, { kind: 'product', id: 'orders' }, 'Orders').ok).toBe(true);
  });

  it('scopes system names to systems of the domain', () => {
    expect(checkElementName(mesh, { kind: 'system', id: 'shop' }, 'Orders').ok).toBe(true);
  });

  it('keeps port names unique within their product, across directions', () => {
    expect(checkElementName(mesh, { kind: 'port', productId: 'orders', portId: 'out' }, 'discovery')).toEqual({
      ok: false,
      message: "Another port of Orders is already called 'Discovery'.",
    });
  });

  it('keeps topic names unique within their system', () => {
    const twoTopics = structuredClone(mesh);
    twoTopics.systems[0]!.messaging.topics.push({
      id: 'other',
      name: 'shop.other',
      partitions: 1,
      tombstones: false,
      source: { kind: 'outbox', event: 'Other' },
    });
    expect(checkElementName(twoTopics, { kind: 'topic', systemId: 'shop', topicId: 'other' }, 'shop.items')).toEqual({
      ok: false,
      message: "Another topic of Shop is already called 'shop.items'.",
    });
  });
});

describe('firstFreeName', () => {
  it('numbers a new element after the names already taken', () => {
    expect(firstFreeName('Data product', [])).toBe('Data product');
    expect(firstFreeName('Data product', ['data product', 'Data product 2'])).toBe('Data product 3');
    expect(firstFreeName('column', ['column'], '_')).toBe('column_2');
  });
});
