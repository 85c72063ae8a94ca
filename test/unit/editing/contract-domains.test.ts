import { describe, expect, it } from 'vitest';
import { withContractIdentity } from '../../../shared/contracts/contract-edits';
import { withContractDomainsFollowing } from '../../../shared/editing/contract-domains';
import { withDomainOf } from '../../../shared/editing/layout-edits';
import type { Mesh } from '../../../shared/model';
import { ecommerceSample } from '../simulation/builders';

const contract = (mesh: Mesh, id: string) => mesh.contracts.find((candidate) => candidate.id === id);
const domainLine = (mesh: Mesh, id: string) =>
  contract(mesh, id)
    ?.odcs.split('\n')
    .find((line) => line.startsWith('domain:'));
const renamed = (mesh: Mesh, domainId: string, name: string): Mesh => ({
  ...mesh,
  domains: mesh.domains.map((domain) => (domain.id === domainId ? { ...domain, name } : domain)),
});

describe("a contract's domain following its product", () => {
  const sample = ecommerceSample();

  it('names the new domain, as it named the old one, when the product serving it moves', () => {
    // 'customers' serves contract 'customer', whose text says `domain: customers` (the slug of its domain's name).
    const moved = withContractDomainsFollowing(withDomainOf(sample, 'customers', 'shipping-domain'), sample);

    expect(domainLine(moved, 'customer')).toBe('domain: shipping');
    expect(contract(moved, 'customer')?.domain).toBe('shipping');
    expect(contract(moved, 'order')).toBe(contract(sample, 'order'));
  });

  it('follows a rename of the domain, and writes the new name as the old one was written', () => {
    const bySlug = withContractDomainsFollowing(renamed(sample, 'customers-domain', 'Customer Care'), sample);
    expect(domainLine(bySlug, 'customer')).toBe('domain: customer-care');

    const byName = withDomainNamed(sample, 'customer', 'Customers');
    const moved = withContractDomainsFollowing(withDomainOf(byName, 'customers', 'shipping-domain'), byName);
    expect(domainLine(moved, 'customer')).toBe('domain: Shipping');
  });

  it('quotes a name only while it needs quotes: renamed to "It\'s Prod" and back, it reads plainly again', () => {
    const byName = withDomainNamed(sample, 'customer', 'Customers');
    const quoted = withContractDomainsFollowing(renamed(byName, 'customers-domain', 'Production: EMEA #2'), byName);
    expect(domainLine(quoted, 'customer')).toBe('domain: "Production: EMEA #2"');
    const apostrophe = withContractDomainsFollowing(renamed(quoted, 'customers-domain', "It's Prod"), quoted);
    expect(domainLine(apostrophe, 'customer')).toBe("domain: It's Prod");
    const back = withContractDomainsFollowing(renamed(apostrophe, 'customers-domain', 'Production'), apostrophe);
    expect(domainLine(back, 'customer')).toBe('domain: Production');
    expect(contract(back, 'customer')?.domain).toBe('Production');
  });

  it('keeps a domain named by its id, which a rename does not change', () => {
    const byId = withDomainNamed(sample, 'customer', 'customers-domain');
    const after = withContractDomainsFollowing(renamed(byId, 'customers-domain', 'Customer Care'), byId);
    expect(domainLine(after, 'customer')).toBe('domain: customers-domain');
  });

  it('keeps another domain the contract names on purpose, and the domain of a contract served from two', () => {
    const onPurpose = withDomainNamed(sample, 'customer', 'finance');
    const moved = withContractDomainsFollowing(withDomainOf(onPurpose, 'customers', 'shipping-domain'), onPurpose);
    expect(domainLine(moved, 'customer')).toBe('domain: finance');

    const shared = withSharedContract(sample);
    const movedShared = withContractDomainsFollowing(withDomainOf(shared, 'customers', 'shipping-domain'), shared);
    expect(domainLine(movedShared, 'customer')).toBe('domain: customers');
  });

  it('changes nothing for an edit that moves nothing', () => {
    const edited = { ...sample, notes: [] };
    expect(withContractDomainsFollowing(edited, sample)).toBe(edited);
  });
});

/** `mesh` with contract `id`'s text naming `domain` as its domain. */
function withDomainNamed(mesh: Mesh, id: string, domain: string): Mesh {
  return {
    ...mesh,
    contracts: mesh.contracts.map((entry) => (entry.id === id ? withContractIdentity(entry, { id, domain }) : entry)),
  };
}

/** The sample with contract 'customer' also governing an output port of 'shipments', in another domain. */
function withSharedContract(mesh: Mesh): Mesh {
  return {
    ...mesh,
    products: mesh.products.map((product) =>
      product.id === 'shipments'
        ? {
            ...product,
            outputPorts: [...product.outputPorts, { ...product.outputPorts[0], id: 'copy', contractId: 'customer' }],
          }
        : product,
    ) as Mesh['products'],
  };
}
