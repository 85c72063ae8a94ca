import { quoted } from '../../model/isolated-names';
import type { Mesh } from '../../model/mesh';
import { malformedOwnerRefMessage } from '../../model/owner-entity-ref';
import type { ScopedElements } from '../export-scope';
import type { ExportWarning } from '../export-warning';

/**
 * The exported domains, products and operational systems whose owner looks like a Backstage reference but is not one:
 * the catalog makes a Group of it, which the team meant to be an existing user or group may not notice.
 */
export function malformedOwnerRefWarnings(mesh: Mesh, scoped: ScopedElements): ExportWarning[] {
  const warning = (path: string, named: string, owner: string): ExportWarning[] => {
    const message = malformedOwnerRefMessage(named, owner);
    return message ? [{ kind: 'caution', path, message }] : [];
  };
  return [
    ...scoped.domains.flatMap((domain) =>
      warning(`domains[${mesh.domains.indexOf(domain)}]`, `Domain ${quoted(domain.name)}`, domain.owner),
    ),
    ...scoped.products.flatMap((product) =>
      warning(`products[${mesh.products.indexOf(product)}]`, `Data product ${quoted(product.name)}`, product.owner),
    ),
    ...scoped.systems.flatMap((system) =>
      warning(`systems[${mesh.systems.indexOf(system)}]`, `System ${quoted(system.name)}`, system.owner ?? ''),
    ),
  ];
}
