import { describe, expect, it } from 'vitest';
import { withContractIdentity } from '../../../shared/contracts/contract-edits';
import { withContractDomainsFollowing } from '../../../shared/editing/contract-domains';
import { withNodesGroupedIntoNewDomain } from '../../../shared/editing/domain-grouping';
import { withDomainAdded, withDomainUpdated } from '../../../shared/editing/domains';
import { withIdFromFirstName, withPortIdFromFirstName } from '../../../shared/editing/first-name-ids';
import { productById } from '../../../shared/editing/mesh-index';
import { withPortFields } from '../../../shared/editing/ports';
import { hasBornPlaceholderName, withProductAdded, withProductUpdated } from '../../../shared/editing/products';
import type { DataProduct, Mesh, Port } from '../../../shared/model';
import { aMesh, aPort, aTruncatingScenario } from '../../builders/mesh-builder';
import { ecommerceSample } from '../simulation/builders';

/** Sales with a product just added (still under its placeholder's id) and named Orders, beside a linked Shop. */
function justNamed() {
  const mesh = aMesh()
    .withDomain('sales', { name: 'Sales' })
    .withSystem('sales-shop', 'sales', { name: 'Shop' })
    .withProduct('billing', 'sales', { name: 'Billing', inputPorts: [aPort('in', 'input')] })
    .withProduct('sales-data-product', 'sales', { name: 'Orders' })
    .withLink('shop-to-billing', { nodeId: 'sales-shop', portId: 'items-cdc' }, { nodeId: 'billing', portId: 'in' })
    .build();
  mesh.layout.nodes = { sales: { x: 0, y: 0, width: 600, height: 300 }, 'sales-data-product': { x: 40, y: 60 } };
  return mesh;
}

describe('an id taken from the first name an element is given', () => {
  it("names a new product after its domain's id and its name, and moves its place on the canvas along", () => {
    const adopted = withIdFromFirstName(justNamed(), 'sales-data-product');

    expect(adopted?.id).toBe('sales-orders');
    expect(adopted?.mesh.products.map((product) => product.id)).toEqual(['billing', 'sales-orders']);
    expect(adopted?.mesh.layout.nodes).toEqual({
      sales: { x: 0, y: 0, width: 600, height: 300 },
      'sales-orders': { x: 40, y: 60 },
    });
  });

  it('names a new domain after its name, and avoids ids other elements have', () => {
    const mesh = aMesh().withDomain('orders', { name: 'Orders' }).withDomain('domain-2', { name: 'Orders' }).build();
    expect(withIdFromFirstName(mesh, 'domain-2')?.id).toBe('orders-2');
  });

  it('keeps the id of an element anything refers to, and of one that already follows its name', () => {
    const mesh = justNamed();
    expect(withIdFromFirstName(mesh, 'billing')).toBeUndefined();
    expect(withIdFromFirstName(mesh, 'sales-shop')).toBeUndefined();
    expect(withIdFromFirstName(mesh, 'nowhere')).toBeUndefined();
  });

  it('names a domain made by grouping after its name, its products and systems moving along with their own ids', () => {
    const grouped = aMesh()
      .withDomain('parks', { name: 'Parks' })
      .withDomain('domain', { name: 'Tree Permits' })
      .withProduct('parks-tree-inventory', 'domain', { name: 'Tree Inventory' })
      .withSystem('parks-permits', 'domain', { name: 'Permits' })
      .build();
    grouped.layout.nodes = { domain: { x: 0, y: 0, width: 600, height: 300 } };

    const adopted = withIdFromFirstName(grouped, 'domain');

    expect(adopted?.id).toBe('tree-permits');
    expect(adopted?.mesh.domains.map((domain) => domain.id)).toEqual(['parks', 'tree-permits']);
    expect(adopted?.mesh.products.map(({ id, domainId }) => ({ id, domainId }))).toEqual([
      { id: 'parks-tree-inventory', domainId: 'tree-permits' },
    ]);
    expect(adopted?.mesh.systems.map(({ id, domainId }) => ({ id, domainId }))).toEqual([
      { id: 'parks-permits', domainId: 'tree-permits' },
    ]);
    expect(Object.keys(adopted?.mesh.layout.nodes ?? {})).toEqual(['tree-permits']);
  });

  it('names a new domain after its name in a design whose contracts name their domains (the e-commerce sample)', () => {
    const added = withDomainAdded(ecommerceSample());
    expect(added.id).toBe('domain');
    const domain = withIdFromFirstName(withDomainUpdated(added.mesh, added.id, { name: 'Returns' }), added.id);
    expect(domain?.id).toBe('returns');

    const product = withProductAdded(domain?.mesh ?? added.mesh, { domainId: 'returns' });
    if (!product) throw new Error('no product added');
    const named = withProductUpdated(product.mesh, product.id, (current) => ({ ...current, name: 'Return Requests' }));
    expect(withIdFromFirstName(named, product.id)?.id).toBe('returns-return-requests');
  });

  it('keeps the id a scenario names, a contract names as its data product, or a contract of another domain names', () => {
    const justAdded = () =>
      aMesh()
        .withDomain('sales', { name: 'Sales' })
        .withSystem('sales-service', 'sales', { name: 'Shop' })
        .withProduct('sales-data-product', 'sales', { name: 'Orders' });
    const truncating = { ...justAdded().build(), scenarios: [aTruncatingScenario('sales-service')] };
    expect(withIdFromFirstName(truncating, 'sales-service')).toBeUndefined();
    const offline = {
      ...justAdded().build(),
      scenarios: [
        {
          ...aTruncatingScenario('elsewhere'),
          faults: [{ kind: 'consumer-offline' as const, tick: 1, productId: 'sales-data-product', ticks: 2 }],
        },
      ],
    };
    expect(withIdFromFirstName(offline, 'sales-data-product')).toBeUndefined();
    const served = justAdded().withContract('orders', { dataProduct: 'sales-data-product' }).build();
    expect(withIdFromFirstName(served, 'sales-data-product')).toBeUndefined();

    const added = withDomainAdded(ecommerceSample());
    const named = withDomainUpdated(added.mesh, added.id, { name: 'Returns' });
    const onPurpose = {
      ...named,
      contracts: named.contracts.map((contract) =>
        contract.id === 'customer' ? withContractIdentity(contract, { id: contract.id, domain: 'domain' }) : contract,
      ),
    };
    expect(withIdFromFirstName(onPurpose, 'domain')).toBeUndefined();
  });

  it('carries along a contract naming its domain by the id a grouping gave, to the id the first name gives', () => {
    const sample = ecommerceSample();
    const byId = {
      ...sample,
      contracts: sample.contracts.map((contract) =>
        contract.id === 'customer'
          ? withContractIdentity(contract, { id: 'customer', domain: 'customers-domain' })
          : contract,
      ),
    };
    const grouped = withNodesGroupedIntoNewDomain(byId, ['customers']);
    if (!grouped) throw new Error('nothing grouped');
    // As every edit of the document does, the contract follows its product into the new domain: `domain: domain`.
    const following = withContractDomainsFollowing(grouped.mesh, byId);
    expect(following.contracts.find((contract) => contract.id === 'customer')?.domain).toBe(grouped.id);

    const adopted = withIdFromFirstName(
      withDomainUpdated(following, grouped.id, { name: 'Crane Analytics' }),
      grouped.id,
    );

    expect(adopted?.id).toBe('crane-analytics');
    const customer = adopted?.mesh.contracts.find((contract) => contract.id === 'customer');
    expect(customer?.domain).toBe('crane-analytics');
    expect(customer?.odcs).toContain('\ndomain: crane-analytics\n');
  });

  it('transliterates Latin letters with accents into the id', () => {
    const mesh = aMesh()
      .withDomain('sales')
      .withProduct('sales-data-product', 'sales', { name: 'Müller Café' })
      .build();
    expect(withIdFromFirstName(mesh, 'sales-data-product')?.id).toBe('sales-muller-cafe');
  });

  it("names by its kind an element whose name has nothing an id can keep, never by its domain's id and a number", () => {
    const mesh = aMesh()
      .withDomain('etc', { name: '../../etc' })
      .withProduct('etc-data-product', 'etc', { name: 'محصول القمح' })
      .withProduct('etc-data-product-2', 'etc', { name: '🌾' })
      .withSystem('etc-service', 'etc', { name: 'نظام' })
      .withDomain('domain', { name: 'مزارع وحقول' })
      .build();
    const first = withIdFromFirstName(mesh, 'etc-data-product');
    expect(first?.id).toBe('etc-product');
    expect(withIdFromFirstName(first?.mesh ?? mesh, 'etc-data-product-2')?.id).toBe('etc-product-2');
    expect(withIdFromFirstName(mesh, 'etc-service')?.id).toBe('etc-system');
    expect(withIdFromFirstName(mesh, 'domain')).toBeUndefined();
    const arabicDomain = aMesh().withDomain('domain-2', { name: 'مزارع وحقول' }).build();
    expect(withIdFromFirstName(arabicDomain, 'domain-2')?.id).toBe('domain');
  });
});

describe('a port’s id taken from the first name it is given', () => {
  /** Loyalty with an input port just added (still `input`) beside a linked `bookings-in`, and a Shop product whose `input` is linked. */
  function portJustAdded(extra: { sql?: string } = {}) {
    return aMesh()
      .withDomain('loyalty')
      .withSystem('loyalty-pos', 'loyalty')
      .withProduct('loyalty-member-spend', 'loyalty', {
        inputPorts: [aPort('bookings-in', 'input'), aPort('input', 'input', { name: 'sales-in' })],
        outputPorts: [aPort('output', 'output', { name: 'member spend', contractId: 'member-spend' })],
        transformations: extra.sql ? [{ name: 'rank', sql: extra.sql }] : [],
      })
      .withProduct('shop', 'loyalty', { inputPorts: [aPort('input', 'input')] })
      .withLink(
        'pos-to-spend',
        { nodeId: 'loyalty-pos', portId: 'sales' },
        { nodeId: 'loyalty-member-spend', portId: 'bookings-in' },
      )
      .withLink('pos-to-shop', { nodeId: 'loyalty-pos', portId: 'sales' }, { nodeId: 'shop', portId: 'input' })
      .build();
  }
  const portIds = (mesh: Mesh | undefined, productId: string) =>
    mesh?.products.find((product) => product.id === productId)?.inputPorts.map((port) => port.id);

  it('names a new input port after its name, so its raw table is the one the user expects (raw_sales_in)', () => {
    const adopted = withPortIdFromFirstName(portJustAdded(), 'loyalty-member-spend', 'input');

    expect(adopted?.id).toBe('sales-in');
    expect(portIds(adopted?.mesh, 'loyalty-member-spend')).toEqual(['bookings-in', 'sales-in']);
    expect(portIds(adopted?.mesh, 'shop')).toEqual(['input']);
    expect(adopted?.mesh.links).toEqual(portJustAdded().links);
    expect(adopted && withPortIdFromFirstName(adopted.mesh, 'loyalty-member-spend', 'sales-in')).toBeUndefined();
  });

  it('avoids the ids of the product’s other ports', () => {
    const mesh = portJustAdded();
    const product = mesh.products[0] as DataProduct;
    product.inputPorts[1] = { ...(product.inputPorts[1] as Port), name: 'Bookings in' };
    expect(withPortIdFromFirstName(mesh, 'loyalty-member-spend', 'input')?.id).toBe('bookings-in-2');
  });

  it('keeps the id of a port a link ends at, one with a contract, and one whose raw table the product’s SQL reads', () => {
    expect(withPortIdFromFirstName(portJustAdded(), 'shop', 'input')).toBeUndefined();
    expect(withPortIdFromFirstName(portJustAdded(), 'loyalty-member-spend', 'bookings-in')).toBeUndefined();
    expect(withPortIdFromFirstName(portJustAdded(), 'loyalty-member-spend', 'output')).toBeUndefined();
    const reading = portJustAdded({ sql: 'SELECT * FROM raw_input' });
    expect(withPortIdFromFirstName(reading, 'loyalty-member-spend', 'input')).toBeUndefined();
    expect(withPortIdFromFirstName(portJustAdded(), 'loyalty-member-spend', 'nowhere')).toBeUndefined();
  });

  it('names a new product’s default ports after their first rename: input renamed Scan Feed is scan-feed, read as raw_scan_feed', () => {
    const added = withProductAdded(aMesh().withDomain('rides').build(), { domainId: 'rides' });
    if (!added) throw new Error('no product added');
    const [input] = productById(added.mesh, added.id)?.inputPorts ?? [];
    const [output] = productById(added.mesh, added.id)?.outputPorts ?? [];
    expect(input && hasBornPlaceholderName(input)).toBe(true);
    expect(output && hasBornPlaceholderName(output)).toBe(true);

    const renamed = withPortFields(added.mesh, added.id, 'in', { name: 'Scan Feed' });
    const scanFeed = productById(renamed, added.id)?.inputPorts[0];
    expect(scanFeed && hasBornPlaceholderName(scanFeed)).toBe(false);
    expect(withPortIdFromFirstName(renamed, added.id, 'in')?.id).toBe('scan-feed');
  });
});
