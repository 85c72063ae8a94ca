import { isNamed } from '../contracts/import-contracts';
import type { Contract, DataProduct, Domain, Mesh } from '../model';
import { namesDomain, servingDomains } from './contract-domains';
import { contractIdsOf } from './mesh-index';

/*
 * A contract's `domain:` and `dataProduct:` travel in its exported file, and import finds the
 * product and domain by them: where they name neither the domain nor a product serving the
 * contract, another tool (or the import) would place it elsewhere than the design does.
 */

/** What a contract's text says against what serves it, and what it should say instead. */
export interface ServingContradiction {
  domain?: { written: string; serving: Domain; correction: string };
  /** `correction` only where one product serves it: of several, the design cannot tell which is meant. */
  dataProduct?: { written: string; serving: readonly DataProduct[]; correction?: string };
}

/**
 * The contracts whose `domain:` names another domain than the one serving them, or whose
 * `dataProduct:` names none of the products serving them (by id or name, as import finds them).
 * A contract served from several domains, or by no product, is not judged on that field. The
 * correction names the domain as the ODPS descriptor does (its name), the product by its id.
 */
export function servingContradictions(mesh: Mesh): Map<string, ServingContradiction> {
  const domains = servingDomains(mesh.domains, [...mesh.products, ...mesh.systems]);
  const products = servingProducts(mesh.products);
  const contradictions = new Map<string, ServingContradiction>();
  for (const contract of mesh.contracts) {
    const contradiction = contradictionOf(contract, domains.get(contract.id), products.get(contract.id) ?? []);
    if (contradiction) contradictions.set(contract.id, contradiction);
  }
  return contradictions;
}

function contradictionOf(
  contract: Contract,
  domain: Domain | undefined,
  products: readonly DataProduct[],
): ServingContradiction | undefined {
  const isDomainWrong = contract.domain !== undefined && domain !== undefined && !namesDomain(contract.domain, domain);
  const isProductWrong =
    contract.dataProduct !== undefined &&
    products.length > 0 &&
    !products.some((product) => isNamed(product, contract.dataProduct ?? ''));
  if (!isDomainWrong && !isProductWrong) return undefined;
  const [onlyProduct, ...others] = products;
  return {
    ...(isDomainWrong &&
      domain && { domain: { written: contract.domain ?? '', serving: domain, correction: domain.name.trim() } }),
    ...(isProductWrong && {
      dataProduct: {
        written: contract.dataProduct ?? '',
        serving: products,
        ...(onlyProduct && others.length === 0 && { correction: onlyProduct.id }),
      },
    }),
  };
}

/** The corrections of a contradiction, as `withContractIdentity` takes them. */
export function servingCorrections(contradiction: ServingContradiction): { domain?: string; dataProduct?: string } {
  const domain = contradiction.domain?.correction;
  const dataProduct = contradiction.dataProduct?.correction;
  return { ...(domain !== undefined && { domain }), ...(dataProduct !== undefined && { dataProduct }) };
}

/** The products serving each contract, by contract id. */
export function servingProducts(products: readonly DataProduct[]): Map<string, DataProduct[]> {
  const serving = new Map<string, DataProduct[]>();
  for (const product of products) {
    for (const contractId of new Set(contractIdsOf(product))) {
      serving.set(contractId, [...(serving.get(contractId) ?? []), product]);
    }
  }
  return serving;
}
