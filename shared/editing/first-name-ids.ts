import type { Mesh } from '../model';
import { slugify, uniqueId } from '../model';
import type { Added } from './child-nodes';
import { nodeIds } from './mesh-index';

/**
 * The mesh with a just-named element's id taken from its name, as ids of the samples and of
 * imports are: `Sales` → `sales`, its product `Orders` → `sales-orders`. A new element gets an
 * id from its placeholder name (`Data product` → `domain-data-product`), and ids name what the
 * exports write (catalog entities, files, topics), so the first name the user gives it should
 * name it. Only while nothing but a domain's own products and systems refers to the element (no
 * link, scenario or note): later, ids stay as they are, so references from outside the design keep
 * working. A domain's children move along to its new id (a domain made by grouping already holds
 * them when it is first named). Undefined when the id stays.
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
  const ownStem = slugify(node.name, domain ? 'domain' : product ? 'product' : 'system');
  const wanted = uniqueId(child ? `${child.domainId}-${ownStem}` : ownStem, others);
  if (wanted === id || isReferenced(mesh, id)) return undefined;
  const renamed = <T extends { id: string }>(items: T[]) =>
    items.map((item) => (item.id === id ? { ...item, id: wanted } : item));
  const movedAlong = <T extends { id: string; domainId: string }>(items: T[]) =>
    renamed(items).map((item) => (item.domainId === id ? { ...item, domainId: wanted } : item));
  const nodes = Object.fromEntries(
    Object.entries(mesh.layout.nodes).map(([key, layout]) => [key === id ? wanted : key, layout]),
  );
  return {
    id: wanted,
    mesh: {
      ...mesh,
      domains: renamed(mesh.domains),
      products: movedAlong(mesh.products),
      systems: movedAlong(mesh.systems),
      layout: { ...mesh.layout, nodes },
    },
  };
}

/** Whether anything but the element itself, its place on the canvas and a domain's children names its id. */
function isReferenced(mesh: Mesh, id: string): boolean {
  const { [id]: _ownPlace, ...places } = mesh.layout.nodes;
  const others = <T extends { id: string; domainId: string }>(nodes: T[]) =>
    nodes.filter((node) => node.id !== id).map((node) => (node.domainId === id ? { ...node, domainId: '' } : node));
  const withoutIt = {
    ...mesh,
    domains: mesh.domains.filter((domain) => domain.id !== id),
    products: others(mesh.products),
    systems: others(mesh.systems),
    layout: { ...mesh.layout, nodes: places },
  };
  return JSON.stringify(withoutIt).includes(JSON.stringify(id));
}
