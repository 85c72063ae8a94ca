import type { DataProduct } from '../model/data-product';

/** What a contract served from `product` says of where it is served, as import finds it: the product's domain and the product (by id), and its owner as team where it has one. */
export function servingIdentity(product: DataProduct): { domain: string; dataProduct: string; team?: string } {
  const team = product.owner.trim();
  return { domain: product.domainId, dataProduct: product.id, ...(team !== '' && { team }) };
}
