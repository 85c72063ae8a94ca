import type { DataProduct } from './data-product';
import type { Mesh } from './mesh';
import type { OperationalSystem } from './operational-system';

/**
 * A product or system as a list names it, with what tells it apart where another node has its name
 * (a copy pasted into another domain keeps its name): `Meal Orders (Cold Chain)`, or its id where
 * that domain has a namesake too.
 */
export function distinctNodeName(
  mesh: Pick<Mesh, 'domains' | 'products' | 'systems'>,
  node: DataProduct | OperationalSystem,
): string {
  const namesakes = [...mesh.products, ...mesh.systems].filter(
    (other) => other.id !== node.id && other.name === node.name,
  );
  if (namesakes.length === 0) return node.name;
  const domainName = (domainId: string) => mesh.domains.find((domain) => domain.id === domainId)?.name;
  const ownDomain = domainName(node.domainId);
  const isDomainShared = namesakes.some((other) => domainName(other.domainId) === ownDomain);
  return `${node.name} (${ownDomain === undefined || isDomainShared ? node.id : ownDomain})`;
}
