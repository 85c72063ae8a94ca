import type { Contract } from '../../model/contract';
import type { DataProduct } from '../../model/data-product';
import type { Mesh } from '../../model/mesh';
import type { OperationalSystem } from '../../model/operational-system';
import { ownerEntityRef } from '../../model/owner-entity-ref';
import type { Port } from '../../model/port';
import type { ScopedElements } from '../export-scope';
import { defineTarget } from '../export-target';
import { inputFeeds } from '../input-feeds';
import { compact, nonEmpty } from '../json-values';
import { odcsProblems, odcsYaml } from '../odcs/odcs-target';
import { toYamlDocuments } from '../yaml-text';
import { createBackstageNames } from './backstage-names';
import { malformedOwnerRefWarnings } from './owner-ref-warnings';
import { referencedGroupOf, referencedGroupsByName } from './referenced-groups';

/*
 * A Backstage catalog (catalog-info.yaml) of the mesh:
 * - a Group per owning team (an owner written as a user or group reference is used as it is), a
 *   Domain per domain;
 * - a System per data product, with a Component of the same name (type `data-product`, the
 *   product's pipeline) that provides the product's APIs and consumes its upstream products'
 *   APIs: in Backstage only components provide and consume APIs;
 * - an API per output port with a contract (type `odcs`, the contract's ODCS YAML as definition);
 * - a Component per operational system (type `service`); products fed by its topics depend on it.
 * Lifecycles follow contract status: all active → production, all deprecated or retired →
 * deprecated, anything else → experimental.
 */

export const BACKSTAGE_API_VERSION = 'backstage.io/v1alpha1';

export interface CatalogEntity {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
}

export const backstageTarget = defineTarget({
  id: 'backstage',
  label: 'Backstage catalog',
  readBy: 'Backstage (register catalog-info.yaml as a catalog location)',
  write({ mesh, scoped }) {
    const problems = apiContracts(mesh, scoped).flatMap((contract) =>
      odcsProblems(contract, `contracts[${mesh.contracts.indexOf(contract)}]`),
    );
    if (problems.length > 0) return { ok: false, errors: problems };
    const entities = catalogEntities(mesh, scoped);
    const about = `Backstage catalog: ${entities.length} entities`;
    const value = [{ path: 'backstage/catalog-info.yaml', content: toYamlDocuments(entities), about }];
    const warnings = malformedOwnerRefWarnings(mesh, scoped);
    return warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };
  },
});

export function catalogEntities(mesh: Mesh, scoped: ScopedElements): CatalogEntity[] {
  const names = createBackstageNames();
  const contracts = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
  const domainOwners = new Map(mesh.domains.map((domain) => [domain.id, domain.owner]));
  const feeds = inputFeeds(mesh);
  const referencedGroups = referencedGroupsByName(mesh);
  /**
   * An owner written as a user or group reference as it is; a team's name as the group the design
   * references under that name elsewhere, or else as its team's Group.
   */
  const ownerRef = (owner: string) =>
    ownerEntityRef(owner) ?? referencedGroupOf(owner, referencedGroups) ?? `group:${names.group(owner)}`;
  const owner = (team: string, domainId: string) => ownerRef(team || domainOwners.get(domainId) || '');
  const contractedPortsOf = new Map(
    scoped.products.map((product) => [
      product.id,
      product.outputPorts.flatMap((port) => {
        const contract = contracts.get(port.contractId ?? '');
        return contract ? [{ port, contract }] : [];
      }),
    ]),
  );
  const contractedPorts = (product: DataProduct) => contractedPortsOf.get(product.id) ?? [];

  const domainEntity = (domain: Mesh['domains'][number]) =>
    entity(
      'Domain',
      { name: names.domain(domain.id), title: domain.name, description: domain.description },
      {
        owner: ownerRef(domain.owner),
      },
    );

  const systemEntity = (product: DataProduct) =>
    entity(
      'System',
      { name: names.product(product.id), title: product.name, description: product.description, tags: [product.kind] },
      {
        owner: owner(product.owner, product.domainId),
        domain: `domain:${names.domain(product.domainId)}`,
        type: 'data-product',
      },
    );

  const pipelineEntity = (product: DataProduct) => {
    const upstream = product.inputPorts.flatMap((port) => feeds(product.id, port.id));
    const consumesApis = upstream.flatMap(({ source }) =>
      source.kind === 'port' && contracts.has(source.port.contractId ?? '')
        ? [`api:${names.api(source.product.id, source.port.id)}`]
        : [],
    );
    const dependsOn = upstream.flatMap(({ source }) =>
      source.kind === 'topic' ? [`component:${names.service(source.system.id)}`] : [],
    );
    const provided = contractedPorts(product);
    return entity(
      'Component',
      { name: names.product(product.id), title: product.name, description: product.description },
      {
        type: 'data-product',
        lifecycle: lifecycleOf(provided.map(({ contract }) => contract)),
        owner: owner(product.owner, product.domainId),
        system: `system:${names.product(product.id)}`,
        providesApis: nonEmpty(provided.map(({ port }) => `api:${names.api(product.id, port.id)}`)),
        consumesApis: nonEmpty([...new Set(consumesApis)]),
        dependsOn: nonEmpty([...new Set(dependsOn)]),
      },
    );
  };

  const apiEntity = (product: DataProduct, port: Port, contract: Contract) =>
    entity(
      'API',
      {
        name: names.api(product.id, port.id),
        title: `${product.name}: ${port.name}`,
        description: port.description || contract.description,
        tags: [contract.kind],
      },
      {
        type: 'odcs',
        lifecycle: lifecycleOf([contract]),
        owner: owner(product.owner, product.domainId),
        system: `system:${names.product(product.id)}`,
        definition: odcsYaml(contract),
      },
    );

  const serviceEntity = (system: OperationalSystem) =>
    entity(
      'Component',
      { name: names.service(system.id), title: system.name, description: system.description },
      {
        type: 'service',
        lifecycle: 'production',
        owner: owner(system.owner ?? '', system.domainId),
      },
    );

  const described = [
    ...scoped.domains.map(domainEntity),
    ...scoped.products.map(systemEntity),
    ...scoped.products.map(pipelineEntity),
    ...scoped.products.flatMap((product) =>
      contractedPorts(product).map(({ port, contract }) => apiEntity(product, port, contract)),
    ),
    ...scoped.systems.map(serviceEntity),
  ];
  // Groups last to be named, first to be read: every owner above has been named by now.
  const groups = names
    .groups()
    .map(({ name, title }) => entity('Group', { name, title }, { type: 'team', children: [] }));
  return [...groups, ...described];
}

function entity(kind: string, metadata: Record<string, unknown>, spec: Record<string, unknown>): CatalogEntity {
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind,
    metadata: compact({ ...metadata, description: metadata.description || undefined }),
    spec: compact(spec),
  };
}

/** The contracts the catalog embeds as API definitions: those of the output ports in scope. */
function apiContracts(mesh: Mesh, scoped: ScopedElements): Contract[] {
  const ids = new Set(scoped.products.flatMap((product) => product.outputPorts.map((port) => port.contractId)));
  return mesh.contracts.filter((contract) => ids.has(contract.id));
}

function lifecycleOf(contracts: readonly Contract[]): string {
  const statuses = contracts.map((contract) => contract.status);
  if (statuses.length === 0) return 'experimental';
  if (statuses.every((status) => status === 'active')) return 'production';
  if (statuses.every((status) => status === 'deprecated' || status === 'retired')) return 'deprecated';
  return 'experimental';
}
