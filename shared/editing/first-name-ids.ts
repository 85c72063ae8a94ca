import type { DataProduct, Endpoint, Mesh, Port } from '../model';
import { childIdStem, productPorts, slugify, uniqueId } from '../model';
import { rawTableName } from '../simulation/sql-text';
import type { Added } from './child-nodes';
import { withContractDomainsFollowing } from './contract-domains';
import { nodeIds, productById } from './mesh-index';
import { isNodeReferredTo } from './node-references';
import { withPortUpdated } from './ports';
import { withProductUpdated } from './products';

/**
 * The mesh with a just-named element's id taken from its name, as ids of the samples and of
 * imports are: `Sales` → `sales`, its product `Orders` → `sales-orders`. A new element gets an
 * id from its placeholder name (`Data product` → `domain-data-product`), and ids name what the
 * exports write (catalog entities, files, topics), so the first name the user gives it should
 * name it. Only while nothing but a domain's own products and systems refers to the element (no
 * link, scenario or contract; see `isNodeReferredTo`): later, ids stay as they are, so references
 * from outside the design keep working. A domain's children move along to its new id (a domain
 * made by grouping already holds them when it is first named), and so does a contract of theirs
 * naming the domain by its id. Undefined when the id stays.
 */
export function withIdFromFirstName(mesh: Mesh, id: string): Added | undefined {
  const domain = mesh.domains.find((candidate) => candidate.id === id);
  const product = mesh.products.find((candidate) => candidate.id === id);
  const system = mesh.systems.find((candidate) => candidate.id === id);
  const child = product ?? system;
  const node = domain ?? child;
  if (!node) return undefined;
  const others = nodeIds(mesh);
  others.delete(id);
  const kind = domain ? 'domain' : product ? 'product' : 'system';
  const stem = child ? childIdStem(child.domainId, node.name, kind) : slugify(node.name, kind);
  const wanted = idFromFirstName(stem, others, id, () => isNodeReferredTo(mesh, id));
  if (!wanted) return undefined;
  const renamed = <T extends { id: string }>(items: T[]) =>
    items.map((item) => (item.id === id ? { ...item, id: wanted } : item));
  const movedAlong = <T extends { id: string; domainId: string }>(items: T[]) =>
    renamed(items).map((item) => (item.domainId === id ? { ...item, domainId: wanted } : item));
  const nodes = Object.fromEntries(
    Object.entries(mesh.layout.nodes).map(([key, layout]) => [key === id ? wanted : key, layout]),
  );
  const adopted: Mesh = {
    ...mesh,
    domains: renamed(mesh.domains),
    products: movedAlong(mesh.products),
    systems: movedAlong(mesh.systems),
    layout: { ...mesh.layout, nodes },
  };
  return { id: wanted, mesh: withContractDomainsFollowing(adopted, mesh) };
}

/**
 * The mesh with a just-named port's id taken from its name, by the rule above: `+ Add input port`
 * makes `input`, named `sales-in` it becomes `sales-in`, so its raw table is `raw_sales_in` as the
 * user expects. Unique among the product's ports; only while no link ends at it, no contract is
 * attached to it and none of the product's SQL reads its raw table. Undefined when the id stays.
 */
export function withPortIdFromFirstName(mesh: Mesh, productId: string, portId: string): Added | undefined {
  const product = productById(mesh, productId);
  const port = product && productPorts(product).find((candidate) => candidate.id === portId);
  if (!product || !port || port.direction === 'discovery') return undefined;
  const others = new Set(productPorts(product).map((candidate) => candidate.id));
  others.delete(portId);
  const wanted = idFromFirstName(slugify(port.name, port.direction), others, portId, () =>
    isPortReferenced(mesh, product, port),
  );
  if (!wanted) return undefined;
  return {
    id: wanted,
    mesh: withProductUpdated(mesh, productId, (current) =>
      withPortUpdated(current, portId, (renamed) => ({ ...renamed, id: wanted })),
    ),
  };
}

/** The id a first name gives, unique among `taken`; undefined when the element has it already or is referred to. */
function idFromFirstName(
  stem: string,
  taken: ReadonlySet<string>,
  id: string,
  isReferredTo: () => boolean,
): string | undefined {
  const wanted = uniqueId(stem, taken);
  return wanted === id || isReferredTo() ? undefined : wanted;
}

/** Whether a link ends at the port, a contract is attached to it, or the product's SQL reads its raw table. */
function isPortReferenced(mesh: Mesh, product: DataProduct, port: Port): boolean {
  const isThePort = (end: Endpoint) => end.nodeId === product.id && end.portId === port.id;
  const rawTable = new RegExp(`\\b${rawTableName(port.id)}\\b`, 'i');
  return (
    mesh.links.some((link) => isThePort(link.from) || isThePort(link.to)) ||
    port.contractId !== undefined ||
    [...product.transformations, ...product.tests].some((step) => rawTable.test(step.sql))
  );
}
