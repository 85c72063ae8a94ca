import { useDocumentStore } from '../store/document-store';

/** A product's name as the design calls it, by id; the id itself for one the design no longer has. */
export function useProductName(): (productId: string) => string {
  const products = useDocumentStore((state) => state.mesh?.products);
  return (productId) => products?.find((product) => product.id === productId)?.name ?? productId;
}
