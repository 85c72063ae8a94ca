import type { Contract } from '../model/contract';
import type { DataProduct } from '../model/data-product';
import type { Domain } from '../model/domain';
import { knownNamesText } from '../model/known-names';
import type { Mesh } from '../model/mesh';
import type { OperationalSystem } from '../model/operational-system';
import type { Result } from '../model/problem';

/** What to export: the whole mesh, one domain, or the selected domains, products and systems. */
export type ExportScope =
  | { kind: 'mesh' }
  | { kind: 'domain'; domainId: string }
  | { kind: 'selection'; nodeIds: readonly string[] };

export const WHOLE_MESH: ExportScope = { kind: 'mesh' };

/** The elements a scope covers, each list in the document's order. */
export interface ScopedElements {
  /** The domains the scope names, not those of products and systems selected without theirs. */
  domains: Domain[];
  products: DataProduct[];
  systems: OperationalSystem[];
  /** The whole mesh: every contract; otherwise those served or published by the products and systems in scope. */
  contracts: Contract[];
}

export function elementsInScope(mesh: Mesh, scope: ExportScope): Result<ScopedElements> {
  switch (scope.kind) {
    case 'mesh':
      return { ok: true, value: { ...mesh } };
    case 'domain': {
      if (!mesh.domains.some((domain) => domain.id === scope.domainId)) {
        return unknownIds('domain', [scope.domainId], mesh.domains);
      }
      return { ok: true, value: withinDomains(mesh, new Set([scope.domainId]), new Set()) };
    }
    case 'selection': {
      const selected = new Set(scope.nodeIds);
      const nodes = [...mesh.domains, ...mesh.products, ...mesh.systems];
      const known = new Set(nodes.map((node) => node.id));
      const unknown = scope.nodeIds.filter((id) => !known.has(id));
      if (unknown.length > 0) return unknownIds('domain, product or system', unknown, nodes);
      if (selected.size === 0) return fail('scope', 'nothing is selected');
      const domainIds = new Set(mesh.domains.filter((domain) => selected.has(domain.id)).map((domain) => domain.id));
      return { ok: true, value: withinDomains(mesh, domainIds, selected) };
    }
  }
}

/** `no domain 'nope' (has: orders-domain, …)`: the ids a scope could have named, so a typo is seen at once. */
function unknownIds(what: string, unknown: readonly string[], known: readonly { id: string }[]): Result<never> {
  const has = knownNamesText(known.map((element) => element.id));
  return fail('scope', `no ${what} '${unknown.join("', '")}' (has: ${has})`);
}

/** How index.md and the dialog name the scope. */
export function describeScope(mesh: Mesh, scope: ExportScope): string {
  switch (scope.kind) {
    case 'mesh':
      return 'the whole mesh';
    case 'domain':
      return `the domain ${mesh.domains.find((domain) => domain.id === scope.domainId)?.name ?? scope.domainId}`;
    case 'selection':
      return scope.nodeIds.length === 1 ? 'the selected element' : `the ${scope.nodeIds.length} selected elements`;
  }
}

/**
 * The given domains with everything in them, plus the products and systems picked one by one.
 * A picked element's domain stays out: its own export defines it, so two bundles never both do.
 */
function withinDomains(mesh: Mesh, domainIds: ReadonlySet<string>, picked: ReadonlySet<string>): ScopedElements {
  const isIncluded = (node: { id: string; domainId: string }) => domainIds.has(node.domainId) || picked.has(node.id);
  const products = mesh.products.filter(isIncluded);
  const systems = mesh.systems.filter(isIncluded);
  const contractIds = new Set([
    ...products.flatMap((product) => product.outputPorts.map((port) => port.contractId)),
    ...systems.flatMap((system) => system.publishes.map((event) => event.contractId)),
  ]);
  return {
    domains: mesh.domains.filter((domain) => domainIds.has(domain.id)),
    products,
    systems,
    contracts: mesh.contracts.filter((contract) => contractIds.has(contract.id)),
  };
}

function fail(path: string, message: string): Result<never> {
  return { ok: false, errors: [{ path, message }] };
}
